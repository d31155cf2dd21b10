//! Whole cards and search texts of a deck read from the cache: one card when a screen asks
//! (the last few are kept), or every card or search text in order, a batch of rows at a time.
//! The connection is held only while rows are copied out, so that decks are read on every core.
//! A row that is missing or does not parse is an error, never a card skipped; the deck is noted
//! as damaged for the app to write again, and a deck written again since it was opened (its
//! file's key unchanged) is found under its new row.

use std::path::Path;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex};

use super::{Reader, SEARCH_RUN};
use crate::deck::cards::CardReadError;
use crate::deck::model::Card;
use crate::store::StoreError;
use crate::store::deck_cache::DeckKey;

/// How many whole cards a deck read from the cache keeps (a screen shows a few dozen at most).
const RECENT: usize = 64;

/// About how many bytes of cards are copied out of the cache at a time when going through a
/// deck (the unit tests take 1 KB, so that batches of a few cards are met).
#[cfg(not(test))]
const BATCH_BYTES: usize = 128 * 1024;
#[cfg(test)]
const BATCH_BYTES: usize = 1024;

/// The whole cards of one deck, in the cache.
#[derive(Debug)]
pub(in crate::deck) struct CachedBodies {
    reader: Arc<Reader>,
    key: DeckKey,
    /// The deck's row in the cache.
    row: AtomicI64,
    /// The deck file, for messages.
    file: String,
    /// The cards read last, most recent last.
    recent: Mutex<Vec<(usize, Arc<Card>)>>,
}

/// Why a read from the cache failed, before it is told to the caller.
enum Fault {
    /// The row is not there (or a deck's rows stop short).
    Missing,
    /// The row is there but does not parse.
    Unreadable(String),
    Store(StoreError),
}

impl From<StoreError> for Fault {
    fn from(e: StoreError) -> Fault {
        Fault::Store(e)
    }
}

impl CachedBodies {
    pub(super) fn new(reader: Arc<Reader>, key: DeckKey, row: i64, file: &Path) -> CachedBodies {
        CachedBodies {
            reader,
            key,
            row: AtomicI64::new(row),
            file: file.display().to_string(),
            recent: Mutex::default(),
        }
    }

    /// The deck's file and its key, and the cache it was read from.
    pub(in crate::deck) fn origin(&self) -> (&str, DeckKey, &Arc<Reader>) {
        (&self.file, self.key, &self.reader)
    }

    /// Runs `read` on the deck's row; when it fails, once more on the deck's row as the cache
    /// holds it now (the app may have written the deck again), and else notes the damage.
    fn read<T>(
        &self,
        index: usize,
        read: impl Fn(&Reader, i64) -> Result<T, Fault>,
    ) -> Result<T, CardReadError> {
        let row = self.row.load(Ordering::Relaxed);
        let fault = match read(&self.reader, row) {
            Ok(t) => return Ok(t),
            Err(f) => f,
        };
        let now = self.reader.db().deck_row(self.key);
        if let Ok(Some(now)) = now
            && now != row
        {
            self.row.store(now, Ordering::Relaxed);
            if let Ok(t) = read(&self.reader, now) {
                return Ok(t);
            }
        }
        let file = self.file.clone();
        Err(match fault {
            Fault::Store(e) => {
                self.reader.report(self.key, Some(&e));
                CardReadError::Cache {
                    file,
                    reason: e.to_string(),
                }
            }
            Fault::Missing => {
                self.reader.report(self.key, None);
                CardReadError::Damaged {
                    file,
                    index,
                    reason: "its row is missing".into(),
                }
            }
            Fault::Unreadable(reason) => {
                self.reader.report(self.key, None);
                CardReadError::Damaged {
                    file,
                    index,
                    reason,
                }
            }
        })
    }

    /// Card `i` (asked for by the library only for an index below the deck's length).
    pub(in crate::deck) fn get(&self, i: usize) -> Result<Arc<Card>, CardReadError> {
        let mut recent = self.recent.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(p) = recent.iter().position(|(n, _)| *n == i) {
            let hit = recent.remove(p);
            let card = Arc::clone(&hit.1);
            recent.push(hit);
            return Ok(card);
        }
        let index = u32::try_from(i).unwrap_or(u32::MAX);
        let card = Arc::new(self.read(i, |r, row| {
            let body = r.db().card(row, index)?.ok_or(Fault::Missing)?;
            parse(&body)
        })?);
        if recent.len() >= RECENT {
            recent.remove(0);
        }
        recent.push((i, Arc::clone(&card)));
        Ok(card)
    }

    /// Calls `f` with each of the deck's `n` cards, in order; stops at the first that cannot
    /// be read, and says which.
    pub(in crate::deck) fn for_each(
        &self,
        n: usize,
        f: &mut dyn FnMut(usize, &Card),
    ) -> Result<(), CardReadError> {
        let mut from = 0;
        while from < n {
            let (cards, next) = self.read(from, |r, row| batch(r, row, from, n))?;
            for (k, card) in cards.iter().enumerate() {
                f(from + k, card);
            }
            from = next;
        }
        Ok(())
    }

    /// Calls `f` with the search text of each of the deck's `n` cards, in order.
    pub(in crate::deck) fn for_each_search_text(
        &self,
        n: usize,
        f: &mut dyn FnMut(usize, &str),
    ) -> Result<(), CardReadError> {
        for first in (0..n).step_by(SEARCH_RUN) {
            let want = SEARCH_RUN.min(n - first);
            let texts = self.read(first, |r, row| {
                let at = u32::try_from(first).unwrap_or(u32::MAX);
                let texts = r.db().search_texts(row, at)?.ok_or(Fault::Missing)?;
                if texts.split('\n').count() == want {
                    Ok(texts)
                } else {
                    Err(Fault::Unreadable("its search texts are cut".into()))
                }
            })?;
            for (k, text) in texts.split('\n').enumerate() {
                f(first + k, text);
            }
        }
        Ok(())
    }
}

fn parse(body: &[u8]) -> Result<Card, Fault> {
    serde_json::from_slice(body).map_err(|e| Fault::Unreadable(format!("it does not parse: {e}")))
}

/// The cards of a deck of `n` from `from` on: a batch of rows copied out with the connection
/// held, then parsed; and the index to go on from.
fn batch(reader: &Reader, row: i64, from: usize, n: usize) -> Result<(Vec<Card>, usize), Fault> {
    let mut bytes = Vec::new();
    let mut ends = Vec::new();
    let mut in_order = true;
    let start = u32::try_from(from).unwrap_or(u32::MAX);
    reader.db().cards(row, start, BATCH_BYTES, &mut |i, body| {
        in_order &= i as usize == from + ends.len();
        bytes.extend_from_slice(body);
        ends.push(bytes.len());
    })?;
    if !in_order || ends.is_empty() {
        return Err(Fault::Missing);
    }
    if from + ends.len() > n {
        return Err(Fault::Unreadable("it has more cards than its heads".into()));
    }
    let mut cards = Vec::with_capacity(ends.len());
    let mut at = 0;
    for end in ends {
        cards.push(parse(&bytes[at..end])?);
        at = end;
    }
    let next = from + cards.len();
    Ok((cards, next))
}
