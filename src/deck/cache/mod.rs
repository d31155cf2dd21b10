//! The deck cache: the user's decks, parsed and checked, in `<data dir>/cache/decks.sqlite3`
//! (the SQL is `store::deck_cache`), so that a heavy user's decks open in a fraction of the
//! time their files take to parse and their cards need not be held in memory. A deck's copy is
//! keyed by its file's length and content hash, and the file by [`FORMAT`]: an upgrade of
//! factquiz keeps the copies unless what they hold changed. A copy holds the deck's title,
//! sources, claim heads and card heads (JSON, one row: what opening reads), each card and each
//! claim (JSON, one row each: read when a screen shows it, see `bodies.rs`) and the cards'
//! search texts.
//!
//! Only a cache: a copy that cannot be read, of another format, or a row that does not parse is
//! never trusted. The deck then loads from its file, or a card read says what failed, and the
//! app writes the copy again (`refresh.rs`); tools such as `check` and `try` only read.

mod bodies;
mod hash;
mod refresh;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_damage;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};

pub(super) use bodies::CachedBodies;
pub(super) use hash::file_key;
pub use refresh::{CacheRefresh, cache_refresh, write_copies};

use super::cards::{Cards, Heads};
use super::claims::{ClaimHead, Claims};
use super::model::Deck;
use crate::store::StoreError;
use crate::store::deck_cache::{CachedDeck, DeckCache, DeckKey, DeckRow};

/// The version of what this module writes into the cache. Bump it when the JSON form of
/// [`Deck`], `Card` or `CardHead` changes, when the search texts are made another way, when
/// a fact's fingerprint is made another way (`deck::fact`), or when validation refuses a deck
/// it used to accept: every copy is then made again from its file. 2: `CardHead.fact`;
/// 3: `CardHead.mode` and `CardHead.long`; 4: `CardHead.claim_at`; 5: claims in rows of
/// their own, the head keeping each claim's id and status.
pub(super) const FORMAT: u16 = 5;

/// The cards' search texts are kept in runs of this many cards, one text a line (a search
/// reads a run at a time; the unit tests take runs of 16, so that a deck has several).
#[cfg(not(test))]
const SEARCH_RUN: usize = 256;
#[cfg(test)]
const SEARCH_RUN: usize = 16;

/// The cache file of the decks in a user's deck folder (`<data dir>/decks`).
pub(super) fn cache_file(user_decks: &Path) -> Option<PathBuf> {
    user_decks
        .parent()
        .map(|d| d.join("cache").join("decks.sqlite3"))
}

/// A deck's head row: all of the deck but its whole cards and claims.
#[derive(Serialize, Deserialize)]
struct Head {
    deck: Deck<(), Vec<ClaimHead>>,
    heads: Heads,
}

/// The cache file opened to read, shared by every deck read from it, with what went wrong in
/// it since the app last wrote copies.
#[derive(Debug)]
pub(super) struct Reader {
    /// One connection: every read holds it only while rows are copied out (decks are parsed
    /// and searched on every core after that), so that a second one would gain little on two
    /// cores and cost its page cache.
    db: Mutex<DeckCache>,
    /// Decks with a row that was missing or did not parse.
    damaged: Mutex<HashSet<DeckKey>>,
    /// Whether SQLite found the file damaged.
    broken: AtomicBool,
}

/// What went wrong in a cache file since its copies were last written.
#[derive(Debug, Default)]
pub(super) struct Damage {
    pub(super) decks: HashSet<DeckKey>,
    pub(super) file: bool,
}

impl Damage {
    pub(super) fn is_empty(&self) -> bool {
        self.decks.is_empty() && !self.file
    }
}

impl Reader {
    /// The cache file of a user's deck folder, when it is there, sound, and of this format.
    pub(super) fn open(user_decks: &Path) -> Option<Arc<Reader>> {
        let db = DeckCache::open_read_only(&cache_file(user_decks)?, FORMAT).ok()?;
        Some(Arc::new(Reader {
            db: Mutex::new(db),
            damaged: Mutex::default(),
            broken: AtomicBool::new(false),
        }))
    }

    /// Runs `read` with the connection (one short read: whole cards are parsed after it).
    fn with_db<T>(&self, read: impl FnOnce(&DeckCache) -> T) -> T {
        read(&self.db.lock().unwrap_or_else(|e| e.into_inner()))
    }

    /// Notes that a deck's rows are missing or do not parse, or (for SQLite's own "damaged")
    /// that the whole file is.
    fn report(&self, deck: DeckKey, error: Option<&StoreError>) {
        if matches!(error, Some(StoreError::Corrupt { .. })) {
            self.broken.store(true, Ordering::Relaxed);
        }
        self.damaged
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(deck);
    }

    /// Whether anything was reported since damage was last taken.
    pub(super) fn has_damage(&self) -> bool {
        self.broken.load(Ordering::Relaxed)
            || !self
                .damaged
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .is_empty()
    }

    /// What was reported since the last call.
    pub(super) fn take_damage(&self) -> Damage {
        Damage {
            decks: std::mem::take(&mut *self.damaged.lock().unwrap_or_else(|e| e.into_inner())),
            file: self.broken.swap(false, Ordering::Relaxed),
        }
    }
}

/// A deck's head row parsed, when it is whole; where its rows are with it.
fn parse_head(row: CachedDeck) -> Option<(DeckRow, Head)> {
    let mut head = serde_json::from_slice::<Head>(&row.head).ok()?;
    if !head.heads.fits(head.deck.claims.len()) {
        return None;
    }
    // Lists read from JSON grow by doubling; a heavy user's decks keep no room to spare.
    head.heads.shrink_to_fit();
    head.deck.sources.shrink_to_fit();
    Some((row.at, head))
}

/// A user's deck from its copy, when the cache holds one of the file whose key is `key`; its
/// cards stay in the cache, read when shown. `None` (the deck is then read from its file) when
/// there is none or it cannot be read.
pub(super) fn read_cached(
    reader: &Arc<Reader>,
    file: &Path,
    key: DeckKey,
) -> Option<Deck<Cards, Claims>> {
    // The row is read with a connection held, and parsed after it is let go.
    let read = reader.with_db(|db| db.deck(key));
    let (row, head) = match read {
        Ok(found) => parse_head(found?)?,
        Err(e) => {
            reader.report(key, Some(&e));
            return None;
        }
    };
    let d = head.deck;
    Some(Deck {
        id: d.id,
        title: d.title,
        description: d.description,
        sources: d.sources,
        claims: Claims::in_cache(d.claims, CachedBodies::new(Arc::clone(reader), row, file)),
        cards: Cards::in_cache(head.heads, CachedBodies::new(Arc::clone(reader), row, file)),
    })
}
