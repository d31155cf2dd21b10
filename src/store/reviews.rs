//! The review log: one row per answer, written with the card's new state in one transaction;
//! undo; counts per day for the daily limits; export as CSV.

use std::collections::HashMap;
use std::io::Write;

use rusqlite::OptionalExtension;

use super::{Store, StoreError, write_state};
use crate::schedule::state::{CardState, Queue};

/// One answer, as written to the log.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewRecord {
    pub deck_id: String,
    pub card_id: String,
    pub time_ms: i64,
    pub grade: u8,
    pub correct: bool,
    pub mode: String,
    pub answer: Option<String>,
    pub taken_ms: i64,
    pub elapsed_days: u32,
    pub day: i64,
    /// The state before the answer; `None` for a card never answered.
    pub before: Option<CardState>,
    pub after: CardState,
}

/// A review read back from the log.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewRow {
    pub id: i64,
    pub record: ReviewRecord,
}

const INSERT_REVIEW: &str =
    "INSERT INTO review (time_ms, key, grade, correct, mode, answer, taken_ms,
     elapsed_days, day, queue_before, before, after)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";

/// The values of one review row, in the order of [`INSERT_REVIEW`].
type ReviewValues<'a> = (
    i64,
    i64,
    u8,
    bool,
    &'a str,
    Option<&'a str>,
    i64,
    u32,
    i64,
    u8,
    Option<Vec<u8>>,
    Vec<u8>,
);

fn review_params(key: i64, r: &ReviewRecord) -> ReviewValues<'_> {
    (
        r.time_ms,
        key,
        r.grade,
        r.correct,
        &r.mode,
        r.answer.as_deref(),
        r.taken_ms,
        r.elapsed_days,
        r.day,
        r.before.map_or(Queue::New, |b| b.queue) as u8,
        r.before.map(|b| b.to_bytes()),
        r.after.to_bytes(),
    )
}

impl Store {
    /// Writes an answer and the card's new state in one transaction; returns the review's id.
    pub fn record_answer(&mut self, r: &ReviewRecord) -> Result<i64, StoreError> {
        let tx = self.conn.transaction()?;
        let key = Self::key_in(&tx, &mut self.keys, &r.deck_id, &r.card_id)?;
        tx.prepare_cached(INSERT_REVIEW)?
            .execute(review_params(key, r))?;
        let id = tx.last_insert_rowid();
        write_state(&tx, key, &r.after)?;
        tx.commit()?;
        Ok(id)
    }

    /// Writes many answers in one transaction (imports and generated collections): each card's
    /// state is the `after` of its last record here.
    pub fn record_many(&mut self, records: &[ReviewRecord]) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        {
            let mut insert = tx.prepare(INSERT_REVIEW)?;
            let mut last: HashMap<i64, CardState> = HashMap::new();
            for r in records {
                let key = Self::key_in(&tx, &mut self.keys, &r.deck_id, &r.card_id)?;
                insert.execute(review_params(key, r))?;
                last.insert(key, r.after);
            }
            for (key, state) in &last {
                write_state(&tx, *key, state)?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Removes a review and puts the card back in the state it had before it, exactly.
    /// Returns the restored state (`None`: the card is new again).
    pub fn undo_review(&mut self, id: i64) -> Result<Option<CardState>, StoreError> {
        let tx = self.conn.transaction()?;
        let row: Option<(i64, Option<Vec<u8>>)> = tx
            .query_row("SELECT key, before FROM review WHERE id = ?1", [id], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?;
        let Some((key, before)) = row else {
            return Ok(None);
        };
        tx.execute("DELETE FROM review WHERE id = ?1", [id])?;
        let before = before.and_then(|b| CardState::from_bytes(&b));
        match &before {
            Some(state) => write_state(&tx, key, state)?,
            None => {
                tx.execute("DELETE FROM card_state WHERE key = ?1", [key])?;
            }
        }
        tx.commit()?;
        Ok(before)
    }

    /// Answers per deck on a study day: (new cards introduced, reviews of seen cards).
    pub fn day_counts(&self, day: i64) -> Result<HashMap<String, (u32, u32)>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT c.deck_id, r.queue_before = 0, count(*) FROM review r JOIN card c ON c.key = r.key
             WHERE r.day = ?1 GROUP BY c.deck_id, r.queue_before = 0",
        )?;
        let rows = stmt.query_map([day], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, bool>(1)?,
                r.get::<_, u32>(2)?,
            ))
        })?;
        let mut out: HashMap<String, (u32, u32)> = HashMap::new();
        for row in rows {
            let (deck, was_new, n) = row?;
            let e = out.entry(deck).or_default();
            if was_new {
                e.0 += n;
            } else {
                e.1 += n;
            }
        }
        Ok(out)
    }

    /// The reviews of one card, oldest first.
    pub fn card_reviews(&self, deck: &str, card: &str) -> Result<Vec<ReviewRow>, StoreError> {
        let Some(&key) = self.keys.get(&(deck.to_string(), card.to_string())) else {
            return Ok(Vec::new());
        };
        self.query_reviews("WHERE r.key = ?1 ORDER BY r.id", [key])
    }

    /// Every review, oldest first.
    pub fn all_reviews(&self) -> Result<Vec<ReviewRow>, StoreError> {
        self.query_reviews("ORDER BY r.id", [])
    }

    /// Every review as the optimiser needs it: card key, time and grade.
    pub fn optimizer_events(&self) -> Result<Vec<crate::schedule::optimize::Event>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT key, time_ms, grade FROM review")?;
        let rows = stmt.query_map([], |r| {
            Ok(crate::schedule::optimize::Event {
                card: r.get(0)?,
                time_ms: r.get(1)?,
                rating: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    pub fn review_count(&self) -> Result<u64, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM review", [], |r| r.get(0))?)
    }

    fn query_reviews<P: rusqlite::Params>(
        &self,
        tail: &str,
        p: P,
    ) -> Result<Vec<ReviewRow>, StoreError> {
        let sql = format!(
            "SELECT r.id, c.deck_id, c.card_id, r.time_ms, r.grade, r.correct, r.mode, r.answer,
                    r.taken_ms, r.elapsed_days, r.day, r.before, r.after
             FROM review r JOIN card c ON c.key = r.key {tail}"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(p, |r| {
            let before: Option<Vec<u8>> = r.get(11)?;
            let after: Vec<u8> = r.get(12)?;
            Ok(ReviewRow {
                id: r.get(0)?,
                record: ReviewRecord {
                    deck_id: r.get(1)?,
                    card_id: r.get(2)?,
                    time_ms: r.get(3)?,
                    grade: r.get(4)?,
                    correct: r.get(5)?,
                    mode: r.get(6)?,
                    answer: r.get(7)?,
                    taken_ms: r.get(8)?,
                    elapsed_days: r.get(9)?,
                    day: r.get(10)?,
                    before: before.and_then(|b| CardState::from_bytes(&b)),
                    after: CardState::from_bytes(&after).unwrap_or_else(|| {
                        let mut s = CardState::new_card();
                        s.queue = Queue::Review;
                        s
                    }),
                },
            })
        })?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// Writes the review log as CSV: the columns `optimize --revlog` reads (card_id,
    /// review_rating, review_time, review_duration) plus deck_id, card and answer.
    pub fn export_reviews_csv(&self, out: impl Write) -> Result<u64, StoreError> {
        let mut w = csv::Writer::from_writer(out);
        let io = |e: csv::Error| StoreError::Io(std::io::Error::other(e));
        w.write_record([
            "card_id",
            "review_rating",
            "review_time",
            "review_duration",
            "deck_id",
            "card",
            "correct",
            "mode",
            "answer",
        ])
        .map_err(io)?;
        let mut n = 0;
        for row in self.all_reviews()? {
            let r = &row.record;
            let key = self
                .keys
                .get(&(r.deck_id.clone(), r.card_id.clone()))
                .copied()
                .unwrap_or_default();
            let time = chrono::DateTime::from_timestamp_millis(r.time_ms)
                .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true))
                .unwrap_or_default();
            w.write_record([
                key.to_string(),
                r.grade.to_string(),
                time,
                r.taken_ms.to_string(),
                r.deck_id.clone(),
                r.card_id.clone(),
                u8::from(r.correct).to_string(),
                r.mode.clone(),
                r.answer.clone().unwrap_or_default(),
            ])
            .map_err(io)?;
            n += 1;
        }
        w.flush()?;
        Ok(n)
    }
}
