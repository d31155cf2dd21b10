//! Writing this device's journal: its reviews and other events that no segment in its folder
//! holds yet, in segments of at most [`SEGMENT_EVENTS`] events. What is written is read back
//! from the progress file, so an answer saved before a crash is journaled at the next merge.

use std::collections::HashSet;

use super::SyncError;
use super::event::{Entry, Event};
use super::folder::{FileKind, Layout};
use super::segment;
use crate::store::Store;
use crate::store::sync::SyncedReview;

/// The most events one segment holds (a few MB of JSON).
pub const SEGMENT_EVENTS: usize = 20_000;

/// The counters that say how far the journal was written: the last sequence number, and the
/// last review id looked at.
const EXPORTED_SEQ: &str = "exported_seq";
const EXPORTED_ID: &str = "exported_id";

/// Writes this device's events after the last one its folder holds; returns how many.
pub fn export(
    store: &mut Store,
    layout: &Layout,
    me: &str,
    name: &str,
    now_ms: i64,
) -> Result<usize, SyncError> {
    let in_folder = layout
        .journal_files(me)?
        .into_iter()
        .filter_map(|(_, k)| match k {
            FileKind::Segment { last, .. } => Some(last),
            _ => None,
        })
        .max()
        .unwrap_or(0);
    // A folder that holds less than was written (a new folder, or one emptied) gets the whole
    // journal again: the reviews are looked for from the first.
    let from_id = if in_folder >= store.sync_counter(EXPORTED_SEQ)? {
        store.sync_counter(EXPORTED_ID)?
    } else {
        0
    };
    let mut reviews = store.local_reviews_after(in_folder, from_id)?;
    words_once(&mut reviews);
    let others = store.local_events_after(in_folder)?;
    let last_id = reviews.iter().map(|(id, _, _)| *id).max();
    let mut entries: Vec<Entry> = Vec::with_capacity(reviews.len() + others.len());
    entries.extend(reviews.into_iter().map(|(_, seq, r)| Entry {
        seq,
        event: Event::Review(r),
    }));
    for e in others {
        // A line this build cannot read back is not one to share.
        if let Some(event) = Event::from_json(&e.body) {
            entries.push(Entry { seq: e.seq, event });
        }
    }
    entries.sort_by_key(|e| e.seq);
    let dir = layout.journal_dir(me);
    for chunk in entries.chunks(SEGMENT_EVENTS) {
        let path = segment::write(&dir, me, name, chunk, now_ms)?;
        let file = path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let (first, last) = (chunk[0].seq, chunk[chunk.len() - 1].seq);
        store.note_written_segment(&file, first, last)?;
        store.put_sync_counter(EXPORTED_SEQ, last)?;
    }
    if entries.is_empty() && in_folder < store.sync_counter(EXPORTED_SEQ)? {
        store.put_sync_counter(EXPORTED_SEQ, in_folder)?;
    }
    if let Some(id) = last_id {
        store.put_sync_counter(EXPORTED_ID, id.max(from_id))?;
    }
    Ok(entries.len())
}

/// Keeps a fact's words on the last review here that has them (`reviews` in order): a merge
/// looks words up by the fact's fingerprint, and the first export of a long history would
/// otherwise repeat them on every answer of the card.
fn words_once(reviews: &mut [(i64, i64, SyncedReview)]) {
    let mut seen = HashSet::new();
    for (_, _, r) in reviews.iter_mut().rev() {
        if let (Some(fact), Some(_)) = (r.fact, &r.learned)
            && !seen.insert(fact)
        {
            r.learned = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn review(card: &str, fact: Option<u64>, words: Option<&str>) -> SyncedReview {
        SyncedReview {
            deck: "d".into(),
            card: card.into(),
            time_ms: 0,
            order_ms: 0,
            tz: 0,
            day: 0,
            grade: 3,
            correct: true,
            mode: "typed".into(),
            queue_before: 0,
            taken_ms: 0,
            answer: None,
            confidence: None,
            due_ms: None,
            fact,
            learned: words.map(str::to_string),
        }
    }

    #[test]
    fn a_facts_words_go_once_on_its_last_review_that_has_them() {
        let mut reviews: Vec<(i64, i64, SyncedReview)> = [
            review("a", Some(1), Some("one")),
            review("b", Some(2), Some("two")),
            review("a", Some(1), Some("one")),
            review("b", Some(2), None),
            review("c", None, None),
        ]
        .into_iter()
        .enumerate()
        .map(|(i, r)| (i as i64, i as i64, r))
        .collect();
        words_once(&mut reviews);
        let words: Vec<Option<&str>> = reviews
            .iter()
            .map(|(_, _, r)| r.learned.as_deref())
            .collect();
        assert_eq!(words, [None, Some("two"), Some("one"), None, None]);
    }
}
