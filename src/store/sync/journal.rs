//! This device's side of the journal: the provenance every review is written with (device,
//! sequence number, replay time, time zone), the events other than answers kept as journal
//! lines in the same transaction as the change they record, and what the export reads back:
//! this device's reviews and events after a sequence number.

use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::super::schema::MODE_NAMES;
use super::super::{Store, StoreError, write_state};
use super::{LOCAL, Stamp, local_uuid_in, next_seq_in, put_stamp_in};
use crate::schedule::CardState;

/// A review as the journal carries it, from this device or another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SyncedReview {
    pub deck: String,
    pub card: String,
    /// When it was given, by its device's clock (the scheduler's "now").
    pub time_ms: i64,
    /// Where it goes when a card's reviews are replayed: never before a review the card had
    /// when it was given.
    pub order_ms: i64,
    /// Its device's time zone then, in seconds east of UTC.
    pub tz: i32,
    /// The study day it counted on.
    pub day: i64,
    pub grade: u8,
    pub correct: bool,
    pub mode: String,
    pub queue_before: u8,
    pub taken_ms: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<u8>,
    /// What the scheduler decided: when the card came due after it (none for reviews
    /// written before schema 6).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_ms: Option<i64>,
    /// The fingerprint of the fact the card taught (`deck::fact`), as its device's deck had
    /// it (none: not known, for reviews from before facts were kept).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fact: Option<u64>,
    /// That fact in words, when its device knew them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub learned: Option<String>,
}

/// One of this device's events other than an answer, as its journal line's body (JSON).
#[derive(Debug, Clone, PartialEq)]
pub struct LocalEvent {
    pub seq: i64,
    pub time_ms: i64,
    pub body: String,
}

/// Where a review comes from and where it goes in a replay.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Provenance {
    pub origin: i64,
    pub seq: i64,
    /// `None`: its time.
    pub order_ms: Option<i64>,
    /// `None`: this machine's time zone at its time.
    pub tz: Option<i32>,
    pub due_ms: Option<i64>,
}

impl Provenance {
    /// A review given on this device now, after everything the card had: a new sequence
    /// number, and a replay time after the card's last review's.
    pub(crate) fn local_in(
        tx: &Connection,
        key: i64,
        time_ms: i64,
        tz: Option<i32>,
        due_ms: Option<i64>,
    ) -> Result<Provenance, StoreError> {
        let last: Option<i64> = tx
            .prepare_cached("SELECT order_ms FROM review_last WHERE key = ?1")?
            .query_row([key], |r| r.get(0))
            .optional()?;
        let order = last.map_or(time_ms, |l| time_ms.max(l.saturating_add(1)));
        Ok(Provenance {
            origin: LOCAL,
            seq: next_seq_in(tx)?,
            order_ms: (order != time_ms).then_some(order),
            tz,
            due_ms,
        })
    }

    /// Notes this review as the card's last in replay order.
    pub(crate) fn note_last_in(
        &self,
        tx: &Connection,
        key: i64,
        time_ms: i64,
    ) -> Result<(), StoreError> {
        self.note_last(tx, key, time_ms, NOTE_LAST)
    }

    /// Notes this review as the card's last in replay order if it comes after the one noted.
    pub(crate) fn note_last_if_after_in(
        &self,
        tx: &Connection,
        key: i64,
        time_ms: i64,
    ) -> Result<(), StoreError> {
        self.note_last(tx, key, time_ms, NOTE_LAST_IF_AFTER)
    }

    fn note_last(
        &self,
        tx: &Connection,
        key: i64,
        time_ms: i64,
        sql: &str,
    ) -> Result<(), StoreError> {
        tx.prepare_cached(sql)?.execute(params![
            key,
            self.order_ms.unwrap_or(time_ms),
            self.origin,
            self.seq
        ])?;
        Ok(())
    }

    /// A review of another app's history imported now: this device's next sequence number, and
    /// its place in a replay is its time (it happened then).
    pub(crate) fn imported_in(tx: &Connection) -> Result<Provenance, StoreError> {
        Ok(Provenance {
            origin: LOCAL,
            seq: next_seq_in(tx)?,
            order_ms: None,
            tz: None,
            due_ms: None,
        })
    }
}

/// Notes a card's last review in replay order (`?1` the card, `?2` its replay time, `?3` its
/// device, `?4` its sequence number); with a condition on the one noted.
macro_rules! note_last_sql {
    ($condition:literal) => {
        concat!(
            "INSERT INTO review_last (key, order_ms, origin, seq) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (key) DO UPDATE SET order_ms = excluded.order_ms,
                 origin = excluded.origin, seq = excluded.seq",
            $condition
        )
    };
}
pub(super) const NOTE_LAST: &str = note_last_sql!("");
const NOTE_LAST_IF_AFTER: &str = note_last_sql!(
    " WHERE excluded.order_ms > review_last.order_ms
         OR (excluded.order_ms = review_last.order_ms AND review_last.origin = 0
             AND excluded.origin = 0 AND excluded.seq > review_last.seq)"
);

/// Writes one of this device's events as a journal line; returns its sequence number. With
/// `what`, the event is the latest change of that (a setting, a card's flag).
pub(crate) fn log_event_in(
    tx: &Connection,
    time_ms: i64,
    body: &str,
    what: Option<&str>,
) -> Result<i64, StoreError> {
    let seq = next_seq_in(tx)?;
    tx.prepare_cached("INSERT INTO local_event (seq, time_ms, body) VALUES (?1, ?2, ?3)")?
        .execute(params![seq, time_ms, body])?;
    if let Some(what) = what {
        let stamp = Stamp {
            time_ms,
            device: local_uuid_in(tx)?,
            seq,
        };
        put_stamp_in(tx, what, &stamp)?;
    }
    Ok(seq)
}

impl Store {
    /// Writes a card's state with the event that changed it (suspend, bury) in one
    /// transaction; `what` names the flag whose latest change this is.
    pub fn put_state_logged(
        &mut self,
        deck: &str,
        card: &str,
        state: &CardState,
        time_ms: i64,
        body: &str,
        what: &str,
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        let key = Self::key_in(&tx, deck, card)?;
        write_state(&tx, key, state)?;
        log_event_in(&tx, time_ms, body, Some(what))?;
        tx.commit()?;
        Ok(())
    }

    /// Journals events other than answers whose change is written already (the flags an import
    /// brought), in one transaction: (time, the journal line's body, what it is the latest
    /// change of).
    pub fn log_events(&mut self, events: &[(i64, String, String)]) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        for (time_ms, body, what) in events {
            log_event_in(&tx, *time_ms, body, Some(what))?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Writes a setting with the event that changed it, in one transaction.
    pub fn put_setting_logged(
        &mut self,
        key: &str,
        value: &str,
        time_ms: i64,
        body: &str,
        what: &str,
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        log_event_in(&tx, time_ms, body, Some(what))?;
        tx.commit()?;
        Ok(())
    }

    /// This device's reviews with a sequence number after `after_seq`, by sequence number,
    /// looked for among the reviews with an id after `from_id` (every one of this device's
    /// reviews with a smaller id has a smaller sequence number, or was journaled already).
    /// A review's fact goes in words when it is the card's learned fact here.
    pub fn local_reviews_after(
        &self,
        after_seq: i64,
        from_id: i64,
    ) -> Result<Vec<(i64, i64, SyncedReview)>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT r.id, coalesce(r.seq, r.id), c.deck_id, c.card_id, r.time_ms,
                    coalesce(r.order_ms, r.time_ms), r.tz, r.day, r.grade, r.correct, r.mode,
                    r.queue_before, r.taken_ms, r.answer, r.confidence, r.due_ms, r.fact,
                    CASE WHEN s.fact = r.fact THEN s.learned END
             FROM review r JOIN card c ON c.key = r.key LEFT JOIN card_state s ON s.key = r.key
             WHERE r.id > ?2 AND r.origin = 0 AND coalesce(r.seq, r.id) > ?1",
        )?;
        let mut rows = stmt.query(params![after_seq, from_id])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let time_ms: i64 = r.get(4)?;
            let mode: i64 = r.get(10)?;
            out.push((
                r.get(0)?,
                r.get(1)?,
                SyncedReview {
                    deck: r.get(2)?,
                    card: r.get(3)?,
                    time_ms,
                    order_ms: r.get(5)?,
                    tz: r
                        .get::<_, Option<i32>>(6)?
                        .unwrap_or_else(|| crate::schedule::day::local_offset_secs(time_ms)),
                    day: r.get(7)?,
                    grade: r.get(8)?,
                    correct: r.get(9)?,
                    mode: usize::try_from(mode)
                        .ok()
                        .and_then(|i| MODE_NAMES.get(i))
                        .map_or_else(|| "typed".to_string(), |m| m.to_string()),
                    queue_before: r.get(11)?,
                    taken_ms: r.get(12)?,
                    answer: r.get(13)?,
                    confidence: r
                        .get::<_, Option<i64>>(14)?
                        .and_then(|c| u8::try_from(c).ok()),
                    due_ms: r.get(15)?,
                    fact: r.get::<_, Option<i64>>(16)?.map(|f| f as u64),
                    learned: r.get(17)?,
                },
            ));
        }
        out.sort_by_key(|(_, seq, _)| *seq);
        Ok(out)
    }

    /// This device's events other than answers after `after_seq`, in order.
    pub fn local_events_after(&self, after_seq: i64) -> Result<Vec<LocalEvent>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT seq, time_ms, body FROM local_event WHERE seq > ?1 ORDER BY seq")?;
        let rows = stmt.query_map([after_seq], |r| {
            Ok(LocalEvent {
                seq: r.get(0)?,
                time_ms: r.get(1)?,
                body: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// A counter of the sync layer's (how far the journal was written, by review id).
    pub fn sync_counter(&self, name: &str) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT value FROM sync_counter WHERE name = ?1",
                [name],
                |r| r.get(0),
            )
            .optional()?
            .unwrap_or(0))
    }

    pub fn put_sync_counter(&mut self, name: &str, value: i64) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO sync_counter (name, value) VALUES (?1, ?2)
             ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            params![name, value],
        )?;
        Ok(())
    }
}
