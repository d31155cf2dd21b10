//! Whole cards in a deck's parsed copy (see `deck/cache.rs`): reading one card when a screen
//! asks (keeping the last few), and going through every card or search text a chunk at a time.

use std::fs::File;
use std::sync::{Arc, Mutex};

use super::model::Card;

/// Whole cards and search texts in a file: each card as JSON, one after another from
/// `cards_at`, then each card's search text from `search_at`; `*_ends` give where each ends.
#[derive(Debug)]
pub(super) struct FileBodies {
    pub(super) file: File,
    pub(super) cards_at: u64,
    pub(super) card_ends: Vec<u32>,
    pub(super) search_at: u64,
    pub(super) search_ends: Vec<u32>,
    /// The cards read last, most recent last.
    pub(super) recent: Mutex<Vec<(usize, Arc<Card>)>>,
}

/// How many bytes of cards or search texts are read at a time when going through a deck (the
/// unit tests read 1 KB, so that items that span chunks, and items larger than one, are met).
#[cfg(not(test))]
const CHUNK: usize = 128 * 1024;
#[cfg(test)]
const CHUNK: usize = 1024;

/// How many whole cards a deck read from a file keeps (a screen shows a few dozen at most).
const RECENT: usize = 64;

/// Calls `f` with each item in `buf`: items `first..`, whose ends, counted from `base`, are
/// `ends`.
pub(super) fn split_items(
    buf: &[u8],
    base: usize,
    first: usize,
    ends: &[u32],
    f: &mut dyn FnMut(usize, &[u8]) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut from = 0;
    for (k, &end) in ends.iter().enumerate() {
        let to = (end as usize).checked_sub(base).ok_or_else(broken)?;
        f(first + k, buf.get(from..to).ok_or_else(broken)?)?;
        from = to;
    }
    Ok(())
}

pub(super) fn broken() -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::InvalidData,
        "the parsed copy of the deck is damaged",
    )
}

/// Reads `buf.len()` bytes at `at`, whatever the file's position.
fn read_at(file: &File, buf: &mut [u8], at: u64) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        std::os::unix::fs::FileExt::read_exact_at(file, buf, at)
    }
    #[cfg(windows)]
    {
        let mut done = 0;
        while done < buf.len() {
            let n =
                std::os::windows::fs::FileExt::seek_read(file, &mut buf[done..], at + done as u64)?;
            if n == 0 {
                return Err(std::io::ErrorKind::UnexpectedEof.into());
            }
            done += n;
        }
        Ok(())
    }
}

impl FileBodies {
    pub(super) fn get(&self, i: usize) -> Option<Arc<Card>> {
        let mut recent = self.recent.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(p) = recent.iter().position(|(n, _)| *n == i) {
            let hit = recent.remove(p);
            let card = Arc::clone(&hit.1);
            recent.push(hit);
            return Some(card);
        }
        let start = i
            .checked_sub(1)
            .map_or(Some(0), |p| self.card_ends.get(p).copied())?;
        let end = *self.card_ends.get(i)?;
        let mut buf = vec![0; end.checked_sub(start)? as usize];
        read_at(&self.file, &mut buf, self.cards_at + u64::from(start)).ok()?;
        let card: Arc<Card> = Arc::new(serde_json::from_slice(&buf).ok()?);
        if recent.len() >= RECENT {
            recent.remove(0);
        }
        recent.push((i, Arc::clone(&card)));
        Some(card)
    }

    /// Calls `f` with each item of a part of the file (cards or search texts: the part starts
    /// at `at`, item `i` ends at `ends[i]`), in order, reading a chunk of items at a time, so
    /// that going through a deck of 5,000 cards holds 128 KB, not the deck.
    pub(super) fn for_each_item(
        &self,
        at: u64,
        ends: &[u32],
        f: &mut dyn FnMut(usize, &[u8]) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        let mut buf = Vec::new();
        let mut i = 0;
        while i < ends.len() {
            let start = i.checked_sub(1).map_or(0, |p| ends[p] as usize);
            // The items that fit in a chunk, and one at least.
            let mut j = i + 1;
            while j < ends.len() && (ends[j] as usize).saturating_sub(start) <= CHUNK {
                j += 1;
            }
            let len = (ends[j - 1] as usize)
                .checked_sub(start)
                .ok_or_else(broken)?;
            buf.resize(len, 0);
            read_at(&self.file, &mut buf, at + start as u64)?;
            split_items(&buf, start, i, &ends[i..j], f)?;
            i = j;
        }
        Ok(())
    }
}
