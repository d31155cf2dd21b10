//! Whole cards, whole claims and search texts of a deck read from the cache: one card (or
//! claim) when a screen asks (the last few are kept), or every card, claim or search text in
//! order, a batch of rows at a time.
//! The connection is held only while rows are copied out, so that decks are read on every core.
//! A row that is missing or does not parse is an error, never a card skipped; the deck is noted
//! as damaged for the app to write again, and a deck written again since it was opened (its
//! file's key unchanged) is found under its new row.

use std::path::Path;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex};

use serde::de::DeserializeOwned;

use super::{Reader, SEARCH_RUN};
use crate::deck::cards::CardReadError;
use crate::deck::model::{Card, Claim};
use crate::store::StoreError;
use crate::store::deck_cache::{DeckCache, DeckKey, DeckRow, Rows};

/// What a deck keeps whole in its cache rows: its cards and its claims.
pub(in crate::deck) trait Body: DeserializeOwned {
    const ROWS: Rows;
    /// The word for one, in messages.
    const WHAT: &'static str;
}

impl Body for Card {
    const ROWS: Rows = Rows::Cards;
    const WHAT: &'static str = "card";
}

impl Body for Claim {
    const ROWS: Rows = Rows::Claims;
    const WHAT: &'static str = "claim";
}

/// How many whole cards (or claims) a deck read from the cache keeps (a screen shows a few
/// dozen at most).
const RECENT: usize = 64;

/// About how many bytes of cards are copied out of the cache at a time when going through a
/// deck (the unit tests take 1 KB, so that batches of a few cards are met).
#[cfg(not(test))]
const BATCH_BYTES: usize = 128 * 1024;
#[cfg(test)]
const BATCH_BYTES: usize = 1024;

/// The whole cards (or claims) of one deck, in the cache.
#[derive(Debug)]
pub(in crate::deck) struct CachedBodies<T> {
    reader: Arc<Reader>,
    /// The key of the deck's file.
    key: DeckKey,
    /// The deck's row number in the cache.
    row: AtomicI64,
    /// The deck file, for messages.
    file: String,
    /// The ones read last, most recent last.
    recent: Mutex<Vec<(usize, Arc<T>)>>,
}

/// Why a read from the cache failed, before it is told to the caller.
enum Fault {
    /// The row is not there (or a deck's rows are not in order).
    Missing,
    Store(StoreError),
}

impl From<StoreError> for Fault {
    fn from(e: StoreError) -> Fault {
        Fault::Store(e)
    }
}

impl<T: Body> CachedBodies<T> {
    pub(super) fn new(reader: Arc<Reader>, at: DeckRow, file: &Path) -> CachedBodies<T> {
        CachedBodies {
            reader,
            key: at.key,
            row: AtomicI64::new(at.row),
            file: file.display().to_string(),
            recent: Mutex::default(),
        }
    }

    /// The deck's file and its key, and the cache it was read from.
    pub(in crate::deck) fn origin(&self) -> (&str, DeckKey, &Arc<Reader>) {
        (&self.file, self.key, &self.reader)
    }

    /// Copies rows out with `fetch` on the deck's row; when that fails, once more on the
    /// deck's row as the cache holds it now (the app may have written the deck again), and
    /// else says what failed and notes the damage. `index`: the first card asked for.
    fn fetch<R>(
        &self,
        index: usize,
        mut fetch: impl FnMut(&DeckCache, DeckRow) -> Result<R, Fault>,
    ) -> Result<R, CardReadError> {
        let at = DeckRow {
            row: self.row.load(Ordering::Relaxed),
            key: self.key,
        };
        let fault = match self.reader.with_db(|db| fetch(db, at)) {
            Ok(t) => return Ok(t),
            Err(f) => f,
        };
        let now = self.reader.with_db(|db| db.deck_row(self.key));
        if let Ok(Some(now)) = now
            && now != at
        {
            self.row.store(now.row, Ordering::Relaxed);
            if let Ok(t) = self.reader.with_db(|db| fetch(db, now)) {
                return Ok(t);
            }
        }
        Err(match fault {
            Fault::Store(e) => {
                self.reader.report(self.key, Some(&e));
                CardReadError::Cache {
                    file: self.file.clone(),
                    reason: e.to_string(),
                }
            }
            Fault::Missing => self.damaged(index, "its row is missing".into()),
        })
    }

    /// The error for a card (or claim) whose row is damaged, the damage noted.
    fn damaged(&self, index: usize, reason: String) -> CardReadError {
        self.reader.report(self.key, None);
        CardReadError::Damaged {
            what: T::WHAT,
            file: self.file.clone(),
            index,
            reason,
        }
    }

    /// Parses card (or claim) `index` from its row.
    fn parse(&self, index: usize, body: &[u8]) -> Result<T, CardReadError> {
        serde_json::from_slice(body)
            .map_err(|e| self.damaged(index, format!("it does not parse: {e}")))
    }

    /// Card (or claim) `i` (asked for by the library only for an index below the deck's
    /// number of them).
    pub(in crate::deck) fn get(&self, i: usize) -> Result<Arc<T>, CardReadError> {
        let mut recent = self.recent.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(p) = recent.iter().position(|(n, _)| *n == i) {
            let hit = recent.remove(p);
            let card = Arc::clone(&hit.1);
            recent.push(hit);
            return Ok(card);
        }
        let index = u32::try_from(i).unwrap_or(u32::MAX);
        let body = self.fetch(i, |db, row| {
            db.body(T::ROWS, row, index)?.ok_or(Fault::Missing)
        })?;
        let card = Arc::new(self.parse(i, &body)?);
        if recent.len() >= RECENT {
            recent.remove(0);
        }
        recent.push((i, Arc::clone(&card)));
        Ok(card)
    }

    /// Calls `f` with each of the deck's `n` cards (or claims), in order; stops at the first
    /// that cannot be read, and says which. The rows are copied out a batch at a time with the
    /// connection held, and parsed after it is let go.
    pub(in crate::deck) fn for_each(
        &self,
        n: usize,
        f: &mut dyn FnMut(usize, &T),
    ) -> Result<(), CardReadError> {
        let (mut bytes, mut ends) = (Vec::with_capacity(2 * BATCH_BYTES), Vec::new());
        let mut from = 0;
        while from < n {
            let start = u32::try_from(from).unwrap_or(u32::MAX);
            self.fetch(from, |db, row| {
                bytes.clear();
                ends.clear();
                let mut in_order = true;
                db.bodies(T::ROWS, row, start, BATCH_BYTES, &mut |i, body| {
                    in_order &= i as usize == from + ends.len();
                    bytes.extend_from_slice(body);
                    ends.push(bytes.len());
                })?;
                if in_order && !ends.is_empty() {
                    Ok(())
                } else {
                    Err(Fault::Missing)
                }
            })?;
            if from + ends.len() > n {
                let more = format!("the deck has more {}s than heads", T::WHAT);
                return Err(self.damaged(n, more));
            }
            let mut at = 0;
            for (k, &end) in ends.iter().enumerate() {
                f(from + k, &self.parse(from + k, &bytes[at..end])?);
                at = end;
            }
            from += ends.len();
        }
        Ok(())
    }
}

impl CachedBodies<Card> {
    /// Calls `f` with the search text of each of the deck's `n` cards, in order.
    pub(in crate::deck) fn for_each_search_text(
        &self,
        n: usize,
        f: &mut dyn FnMut(usize, &str),
    ) -> Result<(), CardReadError> {
        for first in (0..n).step_by(SEARCH_RUN) {
            let at = u32::try_from(first).unwrap_or(u32::MAX);
            let texts = self.fetch(first, |db, row| {
                db.search_texts(row, at)?.ok_or(Fault::Missing)
            })?;
            let mut run = Vec::with_capacity(SEARCH_RUN);
            let mut from = 0;
            for end in memchr::memchr_iter(b'\n', texts.as_bytes()).chain([texts.len()]) {
                run.push(&texts[from..end]);
                from = end + 1;
            }
            if run.len() != SEARCH_RUN.min(n - first) {
                return Err(self.damaged(first, "its search texts are cut".into()));
            }
            for (k, text) in run.into_iter().enumerate() {
                f(first + k, text);
            }
        }
        Ok(())
    }
}
