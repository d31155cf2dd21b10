//! Writing the deck cache: opening the file to write (a damaged file, or one of another
//! version, is replaced by a new one), replacing a deck in one transaction, and dropping the
//! decks whose files are gone.

use std::collections::HashSet;
use std::path::Path;

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::{DeckCache, DeckKey, DeckRow, StoreError, TABLES, damaged, key, keys_of, version};

impl DeckCache {
    /// Opens a cache file to write it. A file that cannot be read, or of another version than
    /// `format`, is replaced by an empty one (it is only a cache); so is every file when
    /// `start_over`. The folder it is in is made when missing, but never the folder above it.
    pub fn open_for_writing(
        path: &Path,
        format: u16,
        start_over: bool,
    ) -> Result<DeckCache, StoreError> {
        if let Some(dir) = path.parent() {
            match std::fs::create_dir(dir) {
                Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists => return Err(e.into()),
                _ => {}
            }
        }
        if !start_over && let Ok(cache) = Self::open_existing(path, format) {
            return Ok(cache);
        }
        for sidecar in ["-journal", "-wal", "-shm", ""] {
            let mut p = path.as_os_str().to_owned();
            p.push(sidecar);
            match std::fs::remove_file(&p) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e.into()),
                _ => {}
            }
        }
        let mut conn = Connection::open(path).map_err(|e| damaged(e, path))?;
        conn.pragma_update(None, "page_size", PAGE_BYTES)?;
        let tx = conn.transaction()?;
        tx.execute_batch(TABLES)?;
        tx.pragma_update(None, "user_version", version(format))?;
        tx.commit()?;
        let cache = DeckCache { conn };
        cache.tune_for_writing(path)?;
        Ok(cache)
    }

    /// An existing file of this version, opened to write.
    fn open_existing(path: &Path, format: u16) -> Result<DeckCache, StoreError> {
        if !path.exists() {
            return Err(StoreError::Io(std::io::ErrorKind::NotFound.into()));
        }
        let cache = DeckCache {
            conn: Connection::open(path).map_err(|e| damaged(e, path))?,
        };
        cache.tune_for_writing(path)?;
        cache.check_version(path, format)?;
        Ok(cache)
    }

    fn tune_for_writing(&self, path: &Path) -> Result<(), StoreError> {
        self.tune().map_err(|e| damaged(e, path))?;
        // A cache is rebuilt when lost: no sync beyond what keeps the file sound.
        self.conn.pragma_update(None, "synchronous", "NORMAL")?;
        Ok(())
    }

    /// Every deck's key.
    pub fn deck_keys(&self) -> Result<Vec<DeckKey>, StoreError> {
        let read = || -> rusqlite::Result<Vec<DeckKey>> {
            let mut s = self
                .conn
                .prepare("SELECT len, hash FROM deck ORDER BY id")?;
            let rows = s.query_map([], |r| {
                Ok(DeckKey {
                    len: r.get::<_, i64>(0)? as u64,
                    hash: r.get::<_, i64>(1)? as u64,
                })
            })?;
            rows.collect()
        };
        read().map_err(|e| self.fail(e))
    }

    /// Puts a deck in, in one transaction: its head, every card's body in order, every claim's
    /// body in order, and its runs of search texts (the index of a run's first card, and its
    /// texts). A deck of the same
    /// key already there is replaced; the new one gets a row number never used before in this
    /// file. Where it is put is returned.
    pub fn put_deck<'a>(
        &mut self,
        k: DeckKey,
        head: &[u8],
        bodies: impl IntoIterator<Item = &'a [u8]>,
        claims: impl IntoIterator<Item = &'a [u8]>,
        search: impl IntoIterator<Item = (u32, &'a str)>,
    ) -> Result<DeckRow, StoreError> {
        let path = self.path().to_path_buf();
        let put = || -> rusqlite::Result<DeckRow> {
            let tx = self.conn.transaction()?;
            let old: Option<i64> = tx
                .query_row(
                    "SELECT id FROM deck WHERE len = ?1 AND hash = ?2",
                    params![k.len as i64, k.hash as i64],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(old) = old {
                delete_deck(&tx, old)?;
            }
            tx.execute(
                "INSERT INTO deck (len, hash, head) VALUES (?1, ?2, ?3)",
                params![k.len as i64, k.hash as i64, head],
            )?;
            let row = tx.last_insert_rowid();
            {
                for (sql, rows) in [
                    (
                        "INSERT INTO card (key, body) VALUES (?1, ?2)",
                        bodies.into_iter().collect::<Vec<_>>(),
                    ),
                    (
                        "INSERT INTO claim (key, body) VALUES (?1, ?2)",
                        claims.into_iter().collect(),
                    ),
                ] {
                    let mut put = tx.prepare(sql)?;
                    for (i, body) in rows.into_iter().enumerate() {
                        let i = u32::try_from(i).map_err(|_| rusqlite::Error::InvalidQuery)?;
                        put.execute(params![key(row, i), body])?;
                    }
                }
                let mut texts = tx.prepare("INSERT INTO search (key, texts) VALUES (?1, ?2)")?;
                for (first, run) in search {
                    texts.execute(params![key(row, first), run])?;
                }
            }
            tx.commit()?;
            Ok(DeckRow { row, key: k })
        };
        put().map_err(|e| damaged(e, &path))
    }

    /// Removes every deck whose key is not in `keep`, each in one transaction.
    pub fn keep_only(&mut self, keep: &HashSet<DeckKey>) -> Result<(), StoreError> {
        let read = || -> rusqlite::Result<Vec<(i64, DeckKey)>> {
            let mut s = self.conn.prepare("SELECT id, len, hash FROM deck")?;
            let rows = s.query_map([], |r| {
                let k = DeckKey {
                    len: r.get::<_, i64>(1)? as u64,
                    hash: r.get::<_, i64>(2)? as u64,
                };
                Ok((r.get(0)?, k))
            })?;
            rows.collect()
        };
        let decks = read().map_err(|e| self.fail(e))?;
        for (row, _) in decks.into_iter().filter(|(_, k)| !keep.contains(k)) {
            let tx = self.conn.transaction()?;
            delete_deck(&tx, row)?;
            tx.commit()?;
        }
        Ok(())
    }
}

/// The page size of a new file: the progress file's (SQLite's 4 KB). The page caches of all the
/// connections of the app share one pool (this SQLite is built with memory management), which
/// hands a page over from one cache to another only when their sizes match: with 16 KB pages
/// (measured: passes over a deck 15% faster), the cache took the progress file's 4 KB pages
/// one by one and grew past its share, and the app's peak memory with it (by 1.5-3.5 MiB at
/// 100,000 cards).
const PAGE_BYTES: i64 = 4096;

/// Deletes the deck in row `deck`, its cards, its claims and its search texts.
fn delete_deck(tx: &Transaction<'_>, deck: i64) -> rusqlite::Result<()> {
    let (first, last) = keys_of(deck);
    for sql in [
        "DELETE FROM card WHERE key BETWEEN ?1 AND ?2",
        "DELETE FROM claim WHERE key BETWEEN ?1 AND ?2",
        "DELETE FROM search WHERE key BETWEEN ?1 AND ?2",
    ] {
        tx.execute(sql, [first, last])?;
    }
    tx.execute("DELETE FROM deck WHERE id = ?1", [deck])?;
    Ok(())
}

/// Damage done on purpose, for the tests of what readers make of it.
#[cfg(test)]
impl DeckCache {
    /// Cuts the body of a card to its first `len` bytes.
    pub(crate) fn cut_card(&self, deck: i64, index: u32, len: usize) -> Result<(), StoreError> {
        self.conn.execute(
            "UPDATE card SET body = substr(body, 1, ?2) WHERE key = ?1",
            params![key(deck, index), len as i64],
        )?;
        Ok(())
    }

    /// Cuts the body of a claim to its first `len` bytes.
    pub(crate) fn cut_claim(&self, deck: i64, index: u32, len: usize) -> Result<(), StoreError> {
        self.conn.execute(
            "UPDATE claim SET body = substr(body, 1, ?2) WHERE key = ?1",
            params![key(deck, index), len as i64],
        )?;
        Ok(())
    }

    /// Cuts a deck's head blob to its first `len` bytes.
    pub(crate) fn cut_head(&self, deck: i64, len: usize) -> Result<(), StoreError> {
        self.conn.execute(
            "UPDATE deck SET head = substr(head, 1, ?2) WHERE id = ?1",
            params![deck, len as i64],
        )?;
        Ok(())
    }

    /// Removes a run of search texts.
    pub(crate) fn drop_search_texts(&self, deck: i64, first: u32) -> Result<(), StoreError> {
        self.conn
            .execute("DELETE FROM search WHERE key = ?1", [key(deck, first)])?;
        Ok(())
    }
}
