//! What the replay of a card reads and writes inside a merge's transaction (see `apply`): its
//! last review in replay order, its whole history (one pass over the log for every card
//! replayed), its state, and the fact its last review taught.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};

use rusqlite::{OptionalExtension, params};

use super::super::{STATE_COLUMNS, StoreError, read_state, write_state_learned};
use super::apply::MergeTx;
use super::journal::NOTE_LAST;
use crate::schedule::{CardState, Queue};

/// Where a review goes when its card's reviews are replayed: by replay time, then device id,
/// then the device's sequence number (so one device's reviews keep their order).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct ReplayKey {
    pub order_ms: i64,
    pub device: String,
    pub seq: i64,
}

/// A review as a replay needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryReview {
    pub key: ReplayKey,
    pub time_ms: i64,
    pub tz: i32,
    pub grade: u8,
    /// Where the card was on its device before it (a card sent back to relearning there for
    /// a fact that changed is replayed so).
    pub queue_before: Queue,
    /// The fingerprint of the fact the card taught (none: not known).
    pub fact: Option<u64>,
}

/// A card's reviews, in replay order.
#[derive(Debug, Clone, PartialEq)]
pub struct CardHistory {
    pub deck_id: String,
    pub card_id: String,
    pub reviews: Vec<HistoryReview>,
}

impl MergeTx<'_> {
    /// A card's state.
    pub fn state(&self, card: i64) -> Result<Option<CardState>, StoreError> {
        Ok(self
            .tx
            .prepare_cached(&format!(
                "SELECT {STATE_COLUMNS} FROM card_state s WHERE s.key = ?1"
            ))?
            .query_row([card], |r| read_state(r, 0))
            .optional()?)
    }

    /// A card's state and its last review in replay order, in one query.
    pub fn state_and_last(
        &self,
        card: i64,
    ) -> Result<(Option<CardState>, Option<ReplayKey>), StoreError> {
        let (state, last): (Option<CardState>, Option<(i64, i64, i64)>) = self
            .tx
            .prepare_cached(&format!(
                "SELECT s.key IS NOT NULL, l.key IS NOT NULL, l.order_ms, l.origin, l.seq,
                        {STATE_COLUMNS}
                 FROM (SELECT ?1 AS key) k
                 LEFT JOIN card_state s ON s.key = k.key
                 LEFT JOIN review_last l ON l.key = k.key"
            ))?
            .query_row([card], |r| {
                let state = if r.get(0)? {
                    Some(read_state(r, 5)?)
                } else {
                    None
                };
                let last = if r.get(1)? {
                    Some((r.get(2)?, r.get(3)?, r.get(4)?))
                } else {
                    None
                };
                Ok((state, last))
            })?;
        Ok((
            state,
            last.map(|(order_ms, origin, seq)| ReplayKey {
                order_ms,
                device: self.uuid(origin),
                seq,
            }),
        ))
    }

    /// Writes a card's state, with its last review in replay order (key and device) and the
    /// fact that review taught (`learned`: fingerprint, and words when known; see
    /// [`write_state_learned`]).
    pub fn put_state(
        &self,
        card: i64,
        state: &CardState,
        last: Option<(&ReplayKey, i64)>,
        learned: Option<(u64, Option<&str>)>,
    ) -> Result<(), StoreError> {
        write_state_learned(&self.tx, card, state, learned)?;
        if let Some((k, device)) = last {
            self.tx
                .prepare_cached(NOTE_LAST)?
                .execute(params![card, k.order_ms, device, k.seq])?;
        }
        Ok(())
    }

    /// Forgets a card's state (it has no review left and no flag).
    pub fn delete_state(&self, card: i64) -> Result<(), StoreError> {
        self.tx
            .prepare_cached("DELETE FROM card_state WHERE key = ?1")?
            .execute([card])?;
        Ok(())
    }

    /// The whole history of each of these cards, in replay order: one pass over the log.
    pub fn histories(&self, cards: &HashSet<i64>) -> Result<HashMap<i64, CardHistory>, StoreError> {
        self.tx.execute_batch(
            "CREATE TEMP TABLE IF NOT EXISTS replay_card (key INTEGER PRIMARY KEY);
             DELETE FROM temp.replay_card;",
        )?;
        {
            let mut add = self
                .tx
                .prepare_cached("INSERT INTO temp.replay_card (key) VALUES (?1)")?;
            for k in cards {
                add.execute([k])?;
            }
        }
        let mut out: HashMap<i64, CardHistory> = HashMap::new();
        let mut stmt = self.tx.prepare(
            "SELECT r.key, coalesce(r.order_ms, r.time_ms), r.origin, coalesce(r.seq, r.id),
                    r.time_ms, r.tz, r.grade, c.deck_id, c.card_id, r.fact, r.queue_before
             FROM review r JOIN card c ON c.key = r.key
             WHERE r.key IN (SELECT key FROM temp.replay_card)",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let key: i64 = r.get(0)?;
            let time_ms: i64 = r.get(4)?;
            let h = match out.entry(key) {
                Entry::Occupied(e) => e.into_mut(),
                Entry::Vacant(e) => e.insert(CardHistory {
                    deck_id: r.get(7)?,
                    card_id: r.get(8)?,
                    reviews: Vec::new(),
                }),
            };
            h.reviews.push(HistoryReview {
                key: ReplayKey {
                    order_ms: r.get(1)?,
                    device: self.uuid(r.get(2)?),
                    seq: r.get(3)?,
                },
                time_ms,
                tz: r
                    .get::<_, Option<i32>>(5)?
                    .unwrap_or_else(|| crate::schedule::day::local_offset_secs(time_ms)),
                grade: r.get(6)?,
                queue_before: Queue::from_u8(r.get(10)?),
                fact: r.get::<_, Option<i64>>(9)?.map(|f| f as u64),
            });
        }
        drop(rows);
        drop(stmt);
        for h in out.values_mut() {
            h.reviews.sort_by(|a, b| a.key.cmp(&b.key));
        }
        Ok(out)
    }

    /// The ids of a card by its key.
    pub fn card_ids(&self, card: i64) -> Result<(String, String), StoreError> {
        Ok(self
            .tx
            .prepare_cached("SELECT deck_id, card_id FROM card WHERE key = ?1")?
            .query_row([card], |r| Ok((r.get(0)?, r.get(1)?)))?)
    }
}
