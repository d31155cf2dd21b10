//! Merging the other devices' journals into the progress file, in one transaction: each
//! review added once (by device and sequence number), undos applied, the latest suspend, bury,
//! settings and parameters kept, and the states of the cards that changed computed again by
//! replaying their reviews (see `replay`): only the new reviews when they come after the
//! card's last one, its whole history otherwise. A replayed card's learned fact (see
//! `study::facts`) is the one its last review in replay order taught, as a local answer leaves
//! it: a card is "changed since learned" on a machine whose deck teaches something else now,
//! not because the answer was given elsewhere.

use std::collections::{HashMap, HashSet};

use super::event::{Entry, Event, SharedSettings};
use super::replay;
use super::{MergeOutcome, SyncError};
use crate::schedule::{CardState, Queue, Scheduler};
use crate::settings::Settings;
use crate::store::sync::{HistoryReview, LOCAL, MergeTx, ReplayKey, Stamp};
use crate::store::{Store, StoreError};

/// A segment read from the folder, ready to merge.
pub struct ReadSegment {
    pub device: String,
    pub device_name: String,
    pub file: String,
    pub first: i64,
    pub last: i64,
    pub entries: Vec<Entry>,
}

/// A review added by this merge, waiting for its card's replay.
struct Added {
    review: HistoryReview,
    device: i64,
    /// The fact it taught, in words (when its device knew them).
    learned: Option<String>,
}

/// What a merge found for the cards, on the way.
#[derive(Default)]
struct Pending {
    added: HashMap<i64, Vec<Added>>,
    /// Cards whose whole history is replayed (a review undone, or one that goes before
    /// the card's last).
    whole: HashSet<i64>,
    /// Flag changes: card -> (suspended, buried until).
    flags: HashMap<i64, (Option<bool>, Option<i64>)>,
    /// The ids (deck, card) of the cards the journal named, by key.
    ids: HashMap<i64, (String, String)>,
    settings: Option<SharedSettings>,
    parameters: Option<Vec<f32>>,
}

/// Merges `segments` (of every device, this one's own included when its progress file lost
/// them) into `store`, with `sched` for the replays.
pub fn apply(
    store: &mut Store,
    segments: &[ReadSegment],
    sched: &Scheduler,
    out: &mut MergeOutcome,
) -> Result<(), SyncError> {
    let tx = store.merge_tx()?;
    let mut p = Pending::default();
    let own_before = tx.seq_counter()?;
    for seg in segments {
        read_segment(&tx, seg, own_before, &mut p, out)?;
    }
    let mut cards: HashSet<i64> = p.added.keys().copied().collect();
    cards.extend(p.whole.iter().copied());
    let mut whole = std::mem::take(&mut p.whole);
    for added in p.added.values_mut() {
        added.sort_by(|a, b| a.review.key.cmp(&b.review.key));
    }
    // The facts this merge's reviews taught, in words (a device sends a fact's words once).
    let words: HashMap<u64, &str> = p
        .added
        .values()
        .flatten()
        .filter_map(|a| Some((a.review.fact?, a.learned.as_deref()?)))
        .collect();
    replay_added(&tx, sched, &p, &mut whole, &words)?;
    replay_whole(&tx, sched, &whole, &words)?;
    for (card, (suspended, buried)) in &p.flags {
        let mut s = tx.state(*card)?.unwrap_or_else(CardState::new_card);
        if let Some(on) = suspended {
            s.suspended = *on;
        }
        if let Some(day) = buried {
            s.buried_until_day = *day;
        }
        tx.put_state(*card, &s, None, None)?;
        cards.insert(*card);
    }
    apply_settings(&tx, &p, out)?;
    for card in cards {
        out.cards.push(match p.ids.remove(&card) {
            Some(ids) => ids,
            None => tx.card_ids(card)?,
        });
    }
    tx.commit()?;
    Ok(())
}

/// Adds one segment's events.
fn read_segment(
    tx: &MergeTx<'_>,
    seg: &ReadSegment,
    own_before: i64,
    p: &mut Pending,
    out: &mut MergeOutcome,
) -> Result<(), SyncError> {
    let device = tx_device(tx, seg)?;
    let ranges = tx.merged_ranges(device)?;
    let undone = tx.undone(device)?;
    let first_id = tx.next_review_id()?;
    let known = |seq: i64| {
        if device == LOCAL {
            seq <= own_before
        } else {
            ranges.iter().any(|(a, b)| (*a..=*b).contains(&seq))
        }
    };
    for e in &seg.entries {
        if known(e.seq) {
            continue;
        }
        let stamp = Stamp {
            time_ms: e.event.time_ms(),
            device: seg.device.clone(),
            seq: e.seq,
        };
        match &e.event {
            Event::Review(r) => {
                if undone.contains(&e.seq) {
                    continue;
                }
                let card = tx.insert_review(device, e.seq, r)?;
                p.ids
                    .entry(card)
                    .or_insert_with(|| (r.deck.clone(), r.card.clone()));
                p.added.entry(card).or_default().push(Added {
                    review: HistoryReview {
                        key: ReplayKey {
                            order_ms: r.order_ms,
                            device: seg.device.clone(),
                            seq: e.seq,
                        },
                        time_ms: r.time_ms,
                        tz: r.tz,
                        grade: r.grade,
                        queue_before: Queue::from_u8(r.queue_before),
                        fact: r.fact,
                    },
                    device,
                    learned: r.learned.clone(),
                });
                out.reviews_added += 1;
            }
            Event::Undo { review, .. } => {
                if let Some(card) = tx.undo(device, *review)? {
                    if let Some(list) = p.added.get_mut(&card) {
                        let before = list.len();
                        list.retain(|a| !(a.device == device && a.review.key.seq == *review));
                        out.reviews_added -= before - list.len();
                    }
                    p.whole.insert(card);
                    out.reviews_undone += 1;
                }
            }
            Event::Suspend { deck, card, on, .. } => {
                if newer(tx, &e.event, &stamp)? {
                    let key = tx.card_key(deck, card)?;
                    p.flags.entry(key).or_default().0 = Some(*on);
                }
            }
            Event::Bury {
                deck,
                card,
                until_day,
                ..
            } => {
                if newer(tx, &e.event, &stamp)? {
                    let key = tx.card_key(deck, card)?;
                    p.flags.entry(key).or_default().1 = Some(*until_day);
                }
            }
            Event::Settings { settings, .. } => {
                if newer(tx, &e.event, &stamp)? {
                    p.settings = Some(settings.clone());
                }
            }
            Event::Parameters { parameters, .. } => {
                if newer(tx, &e.event, &stamp)? {
                    p.parameters = Some(parameters.clone());
                }
            }
        }
    }
    tx.note_segment(device, &seg.file, (seg.first, seg.last), first_id)?;
    if device == LOCAL {
        tx.raise_seq(seg.last)?;
    }
    Ok(())
}

fn tx_device(tx: &MergeTx<'_>, seg: &ReadSegment) -> Result<i64, StoreError> {
    tx.device(&seg.device, &seg.device_name)
}

/// Whether `event` is the latest change of what it changes; if so, its stamp is kept.
fn newer(tx: &MergeTx<'_>, event: &Event, stamp: &Stamp) -> Result<bool, StoreError> {
    let Some(what) = event.stamp_key() else {
        return Ok(false);
    };
    if tx.stamp(&what)?.is_some_and(|old| old >= *stamp) {
        return Ok(false);
    }
    tx.put_stamp(&what, stamp)?;
    Ok(true)
}

/// Cards whose new reviews all come after their last one: the new reviews applied to their
/// state. The others join the whole replays, and so does a card in relearning: it may have
/// been sent back here for a fact its deck changed, which no review records, so only its
/// reviews say where they leave it.
fn replay_added(
    tx: &MergeTx<'_>,
    sched: &Scheduler,
    p: &Pending,
    whole: &mut HashSet<i64>,
    words: &HashMap<u64, &str>,
) -> Result<(), SyncError> {
    for (card, added) in &p.added {
        if whole.contains(card) || added.is_empty() {
            continue;
        }
        let (state, last) = tx.state_and_last(*card)?;
        let after_last = match &last {
            Some(k) => added[0].review.key > *k,
            None => state.is_none_or(|s| s.reps == 0),
        };
        if !after_last || state.is_some_and(|s| s.queue == Queue::Relearning) {
            whole.insert(*card);
            continue;
        }
        let looked_up;
        let (deck, card_id) = match p.ids.get(card) {
            Some(ids) => ids,
            None => {
                looked_up = tx.card_ids(*card)?;
                &looked_up
            }
        };
        let mut s = state.unwrap_or_else(CardState::new_card);
        for a in added.iter() {
            s = replay::step(sched, deck, card_id, &s, &a.review);
        }
        let end = &added[added.len() - 1];
        let learned = end.review.fact.map(|f| (f, words.get(&f).copied()));
        tx.put_state(*card, &s, Some((&end.review.key, end.device)), learned)?;
    }
    Ok(())
}

/// Cards replayed from their whole history (one pass over the log for all of them); `words`:
/// facts in words, by fingerprint (a card whose last review's fact is not among them keeps
/// its words when that fact is its learned fact already).
fn replay_whole(
    tx: &MergeTx<'_>,
    sched: &Scheduler,
    cards: &HashSet<i64>,
    words: &HashMap<u64, &str>,
) -> Result<(), SyncError> {
    if cards.is_empty() {
        return Ok(());
    }
    let histories = tx.histories(cards)?;
    for card in cards {
        let current = tx.state(*card)?;
        match histories.get(card) {
            Some(h) if !h.reviews.is_empty() => {
                let s = replay::whole(sched, &h.deck_id, &h.card_id, &h.reviews, current.as_ref());
                let last = &h.reviews[h.reviews.len() - 1];
                let device = tx.device_key(&last.key.device).unwrap_or(LOCAL);
                let learned = last.fact.map(|f| (f, words.get(&f).copied()));
                tx.put_state(*card, &s, Some((&last.key, device)), learned)?;
            }
            _ => {
                // No review left: new again, with its flags.
                let flagged = current.filter(|c| c.suspended || c.buried_until_day != i64::MIN);
                match flagged {
                    Some(c) => {
                        let mut s = CardState::new_card();
                        s.suspended = c.suspended;
                        s.buried_until_day = c.buried_until_day;
                        tx.put_state(*card, &s, None, None)?;
                    }
                    None => tx.delete_state(*card)?,
                }
            }
        }
    }
    Ok(())
}

/// The latest shared settings and parameters from another device, kept.
fn apply_settings(tx: &MergeTx<'_>, p: &Pending, out: &mut MergeOutcome) -> Result<(), SyncError> {
    if p.settings.is_none() && p.parameters.is_none() {
        return Ok(());
    }
    let mut s = tx
        .setting(Settings::KEY)?
        .map(|t| Settings::from_json(&t))
        .unwrap_or_default();
    if let Some(shared) = &p.settings {
        s = shared.apply_to(&s);
        out.settings_changed = true;
    }
    if let Some(params) = &p.parameters {
        // Parameters this build's scheduler refuses are not taken.
        if Scheduler::new(params, s.desired_retention).is_ok() {
            s.fsrs_parameters = params.clone();
            out.parameters_changed = true;
        }
    }
    tx.put_setting(Settings::KEY, &s.to_json())?;
    Ok(())
}

/// Replays these cards from their whole history (a review of theirs undone here after a merge
/// changed them, so that the state kept for undo is no longer theirs); `known`: facts the
/// cards taught, in words, by fingerprint.
pub fn replay_cards(
    store: &mut Store,
    cards: &[(String, String)],
    sched: &Scheduler,
    known: &[(u64, String)],
) -> Result<(), SyncError> {
    let tx = store.merge_tx()?;
    let mut keys = HashSet::new();
    for (deck, card) in cards {
        keys.insert(tx.card_key(deck, card)?);
    }
    let words = known.iter().map(|(f, w)| (*f, w.as_str())).collect();
    replay_whole(&tx, sched, &keys, &words)?;
    tx.commit()?;
    Ok(())
}
