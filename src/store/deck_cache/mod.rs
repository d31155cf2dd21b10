//! The deck cache's file (`<data dir>/cache/decks.sqlite3`): the user's decks, parsed and
//! checked, so that a heavy user's decks open without parsing their files and their cards need
//! not be held in memory. One row per deck (keyed by its file's length and content hash: its
//! title, sources, claims and card heads as one blob), one row per card (its whole text, by deck
//! and index), and the cards' search texts in runs of consecutive cards. What the blobs hold is
//! the deck loader's business (`deck/cache/`); this module only stores and returns them.
//!
//! The file's `user_version` is [`LAYOUT`] and the caller's format together: a file of another
//! version, or one SQLite cannot read, is never trusted (readers refuse it, the writer starts a
//! new one). Readers open it read-only with a small page cache and no memory mapping; a deck is
//! replaced in one transaction, under a new row number that is never reused, so that a reader
//! holding an old number finds nothing rather than another deck's cards.

mod write;

#[cfg(test)]
mod tests;

use std::path::Path;

use rusqlite::{Connection, OpenFlags, OptionalExtension, params};

use super::StoreError;

/// The version of the tables below; bump it when they change.
/// 2: the `claim` table.
const LAYOUT: i64 = 2;

/// The tables of a new file (`user_version` is set with them, in the same transaction).
const TABLES: &str = "
CREATE TABLE deck (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    len INTEGER NOT NULL,
    hash INTEGER NOT NULL,
    head BLOB NOT NULL,
    UNIQUE (len, hash)
);
CREATE TABLE card (key INTEGER PRIMARY KEY, body BLOB NOT NULL);
CREATE TABLE claim (key INTEGER PRIMARY KEY, body BLOB NOT NULL);
CREATE TABLE search (key INTEGER PRIMARY KEY, texts TEXT NOT NULL);
";

/// SQLite's page cache for a cache connection, in KiB (32 pages of 4 KB): a card read
/// touches three or four pages, the upper ones the same for every card, and a pass over a
/// deck reads each page once.
const PAGE_CACHE_KIB: i64 = 128;

/// What a deck's row is keyed by: its file's length and content hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DeckKey {
    pub len: u64,
    pub hash: u64,
}

/// Where a deck's rows are: its row number in the file, and the key it must still have there
/// (every read checks it, so that a number given again in a new file is never taken for it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeckRow {
    pub row: i64,
    pub key: DeckKey,
}

/// Which of a deck's rows of whole texts: its cards' or its claims' (one row each, by index).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rows {
    Cards,
    Claims,
}

impl Rows {
    /// The reads of one row and of a run of rows.
    fn sql(self) -> (&'static str, &'static str) {
        match self {
            Rows::Cards => (CARD, CARDS),
            Rows::Claims => (CLAIM, CLAIMS),
        }
    }
}

/// A deck's row and its head blob.
#[derive(Debug)]
pub struct CachedDeck {
    pub at: DeckRow,
    pub head: Vec<u8>,
}

/// An open deck cache file.
pub struct DeckCache {
    conn: Connection,
}

impl std::fmt::Debug for DeckCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DeckCache")
            .field("path", &self.conn.path())
            .finish()
    }
}

/// The row of card `index` of the deck in row `deck` (a card's key in `card` and `search`, a
/// claim's in `claim`): a deck's cards are one run of keys, read in order by a range.
fn key(deck: i64, index: u32) -> i64 {
    (deck << 32) | i64::from(index)
}

/// The keys of every card of the deck in row `deck`.
fn keys_of(deck: i64) -> (i64, i64) {
    (key(deck, 0), key(deck, u32::MAX))
}

/// The `user_version` (a 32-bit number) of a file of this layout holding blobs of format
/// `format`.
fn version(format: u16) -> i64 {
    LAYOUT << 16 | i64::from(format)
}

/// SQLite's "this is not a database" and "the database is damaged", as [`StoreError::Corrupt`].
fn damaged(e: rusqlite::Error, path: &Path) -> StoreError {
    super::corrupt_or(e.into(), path)
}

impl DeckCache {
    /// Opens a cache file to read it, writing nothing (no journal, no new file); an error when
    /// it is missing, damaged, or of another version than `format`.
    pub fn open_read_only(path: &Path, format: u16) -> Result<DeckCache, StoreError> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| damaged(e, path))?;
        let cache = DeckCache { conn };
        cache.tune().map_err(|e| damaged(e, path))?;
        cache.check_version(path, format)?;
        Ok(cache)
    }

    /// A small page cache, no memory mapping, and a wait rather than an error while a writer
    /// replaces a deck.
    fn tune(&self) -> rusqlite::Result<()> {
        self.conn
            .pragma_update(None, "cache_size", -PAGE_CACHE_KIB)?;
        self.conn.pragma_update(None, "mmap_size", 0)?;
        self.conn.busy_timeout(std::time::Duration::from_secs(5))
    }

    /// Refuses a file whose version is not this layout with `format`.
    fn check_version(&self, path: &Path, format: u16) -> Result<(), StoreError> {
        let found: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| damaged(e, path))?;
        if found == version(format) {
            Ok(())
        } else {
            Err(StoreError::Corrupt {
                path: path.to_path_buf(),
                reason: format!(
                    "the deck cache is of version {found:#x}, not {:#x}",
                    version(format)
                ),
            })
        }
    }

    fn path(&self) -> &Path {
        Path::new(self.conn.path().unwrap_or_default())
    }

    fn fail(&self, e: rusqlite::Error) -> StoreError {
        damaged(e, self.path())
    }

    /// The deck whose file had this length and hash, with its head blob (read straight into
    /// its buffer: a head is hundreds of KB, which a column read would hold twice).
    pub fn deck(&self, k: DeckKey) -> Result<Option<CachedDeck>, StoreError> {
        // One read transaction: the row found is the row read.
        let tx = self
            .conn
            .unchecked_transaction()
            .map_err(|e| self.fail(e))?;
        let Some(at) = self.deck_row(k)? else {
            return Ok(None);
        };
        let read = || -> rusqlite::Result<Vec<u8>> {
            let blob = tx.blob_open(c"main", c"deck", c"head", at.row, true)?;
            let mut head = vec![0; blob.len()];
            blob.read_at_exact(&mut head, 0)?;
            Ok(head)
        };
        let head = read().map_err(|e| self.fail(e))?;
        tx.finish().map_err(|e| self.fail(e))?;
        Ok(Some(CachedDeck { at, head }))
    }

    /// Where the deck whose file had this length and hash is.
    pub fn deck_row(&self, k: DeckKey) -> Result<Option<DeckRow>, StoreError> {
        self.conn
            .prepare_cached("SELECT id FROM deck WHERE len = ?1 AND hash = ?2")
            .and_then(|mut s| {
                s.query_row(params![k.len as i64, k.hash as i64], |r| {
                    Ok(DeckRow {
                        row: r.get(0)?,
                        key: k,
                    })
                })
                .optional()
            })
            .map_err(|e| self.fail(e))
    }

    /// The body of card (or claim) `index` of a deck.
    pub fn body(
        &self,
        rows: Rows,
        deck: DeckRow,
        index: u32,
    ) -> Result<Option<Vec<u8>>, StoreError> {
        self.one_of_deck(rows.sql().0, deck, index)
    }

    /// The one column of the row of `sql` (one of the reads below) for card `index` of a deck.
    fn one_of_deck<T: rusqlite::types::FromSql>(
        &self,
        sql: &str,
        deck: DeckRow,
        index: u32,
    ) -> Result<Option<T>, StoreError> {
        self.conn
            .prepare_cached(sql)
            .and_then(|mut s| {
                s.query_row(of_deck(deck, key(deck.row, index)), |r| r.get(0))
                    .optional()
            })
            .map_err(|e| self.fail(e))
    }

    /// Calls `f` with the index and body of a deck's cards (or claims) from `from` on, in
    /// order, until about `max_bytes` of bodies have been passed (one at least); the index to
    /// go on from, or `None` after the deck's last.
    pub fn bodies(
        &self,
        rows: Rows,
        deck: DeckRow,
        from: u32,
        max_bytes: usize,
        f: &mut dyn FnMut(u32, &[u8]),
    ) -> Result<Option<u32>, StoreError> {
        let (_, last) = keys_of(deck.row);
        let mut run = || -> rusqlite::Result<Option<u32>> {
            let mut s = self.conn.prepare_cached(rows.sql().1)?;
            let (d, len, hash, first) = of_deck(deck, key(deck.row, from));
            let mut rows = s.query(params![d, len, hash, first, last])?;
            let (mut bytes, mut passed) = (0, 0);
            while let Some(r) = rows.next()? {
                let index = (r.get::<_, i64>(0)? & 0xffff_ffff) as u32;
                if passed > 0 && bytes >= max_bytes {
                    return Ok(Some(index));
                }
                let body = r.get_ref(1)?.as_blob()?;
                bytes += body.len();
                passed += 1;
                f(index, body);
            }
            Ok(None)
        };
        run().map_err(|e| self.fail(e))
    }

    /// The search texts of the run of a deck's cards that starts at card `first`, one a line.
    pub fn search_texts(&self, deck: DeckRow, first: u32) -> Result<Option<String>, StoreError> {
        self.one_of_deck(SEARCH, deck, first)
    }
}

// The reads of a deck's rows, which find them only while the deck's row still has its key
// (`?1` to `?3`: see [`of_deck`]).
const CARD: &str = "SELECT c.body FROM deck d, card c
    WHERE d.id = ?1 AND d.len = ?2 AND d.hash = ?3 AND c.key = ?4";
const CARDS: &str = "SELECT c.key, c.body FROM deck d, card c
    WHERE d.id = ?1 AND d.len = ?2 AND d.hash = ?3 AND c.key BETWEEN ?4 AND ?5";
const CLAIM: &str = "SELECT c.body FROM deck d, claim c
    WHERE d.id = ?1 AND d.len = ?2 AND d.hash = ?3 AND c.key = ?4";
const CLAIMS: &str = "SELECT c.key, c.body FROM deck d, claim c
    WHERE d.id = ?1 AND d.len = ?2 AND d.hash = ?3 AND c.key BETWEEN ?4 AND ?5";
const SEARCH: &str = "SELECT s.texts FROM deck d, search s
    WHERE d.id = ?1 AND d.len = ?2 AND d.hash = ?3 AND s.key = ?4";

/// The parameters `?1` to `?4` of the reads above.
fn of_deck(deck: DeckRow, key: i64) -> (i64, i64, i64, i64) {
    (deck.row, deck.key.len as i64, deck.key.hash as i64, key)
}
