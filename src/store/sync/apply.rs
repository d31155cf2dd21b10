//! Merging another device's journal in one transaction: its reviews added once (by device and
//! sequence number), its undos (a review taken out, and remembered so that it is never added
//! again), the segments merged, the latest stamps and settings. What the replay of a card reads
//! and writes in the same transaction is in `history`.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};

use super::super::reviews::{LogRow, note_day, write_row};
use super::super::schema::MODE_NAMES;
use super::super::undo::delete_review_in;
use super::super::{Store, StoreError, put_setting_in, setting_in};
use super::journal::Provenance;
use super::{LOCAL, Stamp, SyncedReview, device_key_in, put_stamp_in, stamp_in};
use crate::quiz::Confidence;
use crate::schedule::Queue;

/// A merge in progress: one write transaction, committed by [`MergeTx::commit`] (dropped
/// without it, nothing is written).
pub struct MergeTx<'a> {
    pub(super) tx: Transaction<'a>,
    pub(super) uuids: RefCell<HashMap<i64, String>>,
    /// The first review id this merge wrote on each study day, noted at the end (once a day
    /// rather than once a review; a review undone in the same merge leaves a bound that is
    /// still below every review of its day).
    days: RefCell<HashMap<i64, i64>>,
}

impl Store {
    /// Starts a merge: a write transaction taken at once, so that what it reads stays true
    /// until it commits.
    pub fn merge_tx(&mut self) -> Result<MergeTx<'_>, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let uuids = {
            let mut stmt = tx.prepare("SELECT key, uuid FROM sync_device")?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<Result<HashMap<i64, String>, _>>()?
        };
        Ok(MergeTx {
            tx,
            uuids: RefCell::new(uuids),
            days: RefCell::default(),
        })
    }
}

impl MergeTx<'_> {
    /// The key of a device (added when new).
    pub fn device(&self, uuid: &str, name: &str) -> Result<i64, StoreError> {
        let key = device_key_in(&self.tx, uuid, name)?;
        self.uuids.borrow_mut().insert(key, uuid.to_string());
        Ok(key)
    }

    /// The last sequence number this device gave out.
    pub fn seq_counter(&self) -> Result<i64, StoreError> {
        Ok(self.tx.query_row(
            "SELECT value FROM sync_counter WHERE name = 'seq'",
            [],
            |r| r.get(0),
        )?)
    }

    /// Makes this device's next sequence numbers come after `seq` (its own journal holds
    /// events the progress file has lost, a backup restored).
    pub fn raise_seq(&self, seq: i64) -> Result<(), StoreError> {
        self.tx.execute(
            "UPDATE sync_counter SET value = max(value, ?1) WHERE name = 'seq'",
            [seq],
        )?;
        Ok(())
    }

    /// The sequence numbers of a device's merged segments, as (first, last).
    pub fn merged_ranges(&self, device: i64) -> Result<Vec<(i64, i64)>, StoreError> {
        let mut stmt = self
            .tx
            .prepare_cached("SELECT first, last FROM sync_segment WHERE device = ?1")?;
        let rows = stmt.query_map([device], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// The sequence numbers of a device's reviews that were undone.
    pub fn undone(&self, device: i64) -> Result<HashSet<i64>, StoreError> {
        let mut stmt = self
            .tx
            .prepare_cached("SELECT seq FROM sync_undone WHERE device = ?1")?;
        let rows = stmt.query_map([device], |r| r.get(0))?;
        Ok(rows.collect::<Result<HashSet<_>, _>>()?)
    }

    /// Notes a segment as merged; `first_id`: the first review id it added (every review it
    /// added has that id or a larger one).
    pub fn note_segment(
        &self,
        device: i64,
        name: &str,
        range: (i64, i64),
        first_id: i64,
    ) -> Result<(), StoreError> {
        self.tx
            .prepare_cached(
                "INSERT OR REPLACE INTO sync_segment (device, name, first, last, first_id)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![device, name, range.0, range.1, first_id])?;
        Ok(())
    }

    /// The key of a card (added when new).
    pub fn card_key(&self, deck: &str, card: &str) -> Result<i64, StoreError> {
        Store::key_in(&self.tx, deck, card)
    }

    /// The next review id the log will give.
    pub fn next_review_id(&self) -> Result<i64, StoreError> {
        Ok(self
            .tx
            .query_row("SELECT coalesce(max(id), 0) + 1 FROM review", [], |r| {
                r.get(0)
            })?)
    }

    /// Adds a review of device `device`; returns its card's key.
    pub fn insert_review(
        &self,
        device: i64,
        seq: i64,
        r: &SyncedReview,
    ) -> Result<i64, StoreError> {
        let key = self.card_key(&r.deck, &r.card)?;
        let mode = MODE_NAMES.iter().position(|m| *m == r.mode).unwrap_or(1) as i64;
        let p = Provenance {
            origin: device,
            seq,
            order_ms: (r.order_ms != r.time_ms).then_some(r.order_ms),
            tz: Some(r.tz),
            due_ms: (device == LOCAL).then_some(r.due_ms).flatten(),
        };
        let row = LogRow {
            time_ms: r.time_ms,
            day: r.day,
            grade: r.grade.clamp(1, 4),
            correct: r.correct,
            mode,
            queue_before: Queue::from_u8(r.queue_before),
            taken_ms: r.taken_ms.max(0),
            confidence: r.confidence.and_then(|c| Confidence::from_code(c.into())),
        };
        let answer = if r.correct { None } else { r.answer.as_deref() };
        let id = write_row(&self.tx, key, &row, answer, &p, r.fact)?;
        self.days.borrow_mut().entry(r.day).or_insert(id);
        Ok(key)
    }

    /// Takes out review `seq` of `device` (undone there) and remembers it as undone; returns
    /// its card's key when it was here.
    pub fn undo(&self, device: i64, seq: i64) -> Result<Option<i64>, StoreError> {
        self.tx
            .prepare_cached("INSERT OR IGNORE INTO sync_undone (device, seq) VALUES (?1, ?2)")?
            .execute(params![device, seq])?;
        // The review is at or after the first review its segment added; this device's own
        // reviews carry their sequence number in `seq`, or as their id when `seq` is NULL.
        let from: i64 = self
            .tx
            .prepare_cached(
                "SELECT coalesce(min(first_id), 0) FROM sync_segment
                 WHERE device = ?1 AND first <= ?2 AND last >= ?2 AND first_id > 0",
            )?
            .query_row(params![device, seq], |r| r.get(0))?;
        let id: Option<i64> = self
            .tx
            .prepare_cached(
                "SELECT id FROM review WHERE id >= ?3 AND origin = ?1
                   AND coalesce(seq, id) = ?2",
            )?
            .query_row(params![device, seq, from], |r| r.get(0))
            .optional()?;
        match id {
            Some(id) => delete_review_in(&self.tx, id),
            None => Ok(None),
        }
    }

    pub(super) fn uuid(&self, device: i64) -> String {
        self.uuids
            .borrow()
            .get(&device)
            .cloned()
            .unwrap_or_default()
    }

    /// The device key of a device id seen in this merge.
    pub fn device_key(&self, uuid: &str) -> Option<i64> {
        self.uuids
            .borrow()
            .iter()
            .find(|(_, u)| u.as_str() == uuid)
            .map(|(k, _)| *k)
    }

    pub fn stamp(&self, what: &str) -> Result<Option<Stamp>, StoreError> {
        stamp_in(&self.tx, what)
    }

    pub fn put_stamp(&self, what: &str, stamp: &Stamp) -> Result<(), StoreError> {
        put_stamp_in(&self.tx, what, stamp)
    }

    pub fn setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        setting_in(&self.tx, key)
    }

    pub fn put_setting(&self, key: &str, value: &str) -> Result<(), StoreError> {
        put_setting_in(&self.tx, key, value)
    }

    pub fn commit(self) -> Result<(), StoreError> {
        for (day, id) in self.days.borrow().iter() {
            note_day(&self.tx, *day, *id)?;
        }
        self.tx.commit()?;
        Ok(())
    }
}
