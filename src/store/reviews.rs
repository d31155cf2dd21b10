//! The review log: one row per answer, written with the card's new state in one transaction;
//! undo; counts per day for the daily limits; export as CSV.

use std::collections::HashMap;
use std::io::Write;

use rusqlite::{OptionalExtension, params};

use super::{Store, StoreError, write_state};
use crate::schedule::state::{CardState, Queue};

/// The setting that keeps figures derived from the review log (the statistics' day figures,
/// see `stats::day_cache`), and the one that holds the last review id they count. Undoing a
/// review they count drops both, so that they are never wrong.
pub const DAY_FIGURES_KEY: &str = "stats.day_figures";
pub const DAY_FIGURES_THROUGH_KEY: &str = "stats.day_figures.through";

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

/// `before` is the state before the answer as stored (see [`stored_before`]).
fn review_params(key: i64, r: &ReviewRecord, before: Option<Vec<u8>>) -> ReviewValues<'_> {
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
        before,
        r.after.to_bytes(),
    )
}

/// The state before an answer, as the log keeps it: NULL for a card never answered; an empty
/// blob when it is the state the card's previous review left (`previous`: that review's
/// `after`), as it is unless the card was suspended or buried in between; else its bytes. A
/// state is then kept once, not twice, in a log of a million answers.
fn stored_before(before: Option<CardState>, previous: Option<&[u8]>) -> Option<Vec<u8>> {
    let bytes = before?.to_bytes();
    let same = previous
        .and_then(CardState::from_bytes)
        .is_some_and(|p| p.to_bytes() == bytes);
    Some(if same { Vec::new() } else { bytes })
}

/// The `after` of a card's latest review before review `id` (all of them: `i64::MAX`).
fn previous_after(
    conn: &rusqlite::Connection,
    key: i64,
    id: i64,
) -> Result<Option<Vec<u8>>, StoreError> {
    Ok(conn
        .prepare_cached(
            "SELECT after FROM review WHERE key = ?1 AND id < ?2 ORDER BY id DESC LIMIT 1",
        )?
        .query_row(params![key, id], |r| r.get(0))
        .optional()?)
}

/// The state before a review from what the log keeps (see [`stored_before`]).
fn read_before(
    conn: &rusqlite::Connection,
    key: i64,
    id: i64,
    stored: Option<Vec<u8>>,
) -> Result<Option<CardState>, StoreError> {
    Ok(match stored {
        None => None,
        Some(b) if b.is_empty() => {
            previous_after(conn, key, id)?.and_then(|p| CardState::from_bytes(&p))
        }
        Some(b) => CardState::from_bytes(&b),
    })
}

impl Store {
    /// Writes an answer and the card's new state in one transaction; returns the review's id.
    pub fn record_answer(&mut self, r: &ReviewRecord) -> Result<i64, StoreError> {
        let tx = self.conn.transaction()?;
        let key = Self::key_in(&tx, &mut self.keys, &r.deck_id, &r.card_id)?;
        let previous = match r.before {
            Some(_) => previous_after(&tx, key, i64::MAX)?,
            None => None,
        };
        let before = stored_before(r.before, previous.as_deref());
        tx.prepare_cached(INSERT_REVIEW)?
            .execute(review_params(key, r, before))?;
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
                let previous = match (r.before, last.get(&key)) {
                    (None, _) => None,
                    (Some(_), Some(p)) => Some(p.to_bytes()),
                    (Some(_), None) => previous_after(&tx, key, i64::MAX)?,
                };
                let before = stored_before(r.before, previous.as_deref());
                insert.execute(review_params(key, r, before))?;
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
        let row: Option<(i64, Option<Vec<u8>>, Vec<u8>)> = tx
            .query_row(
                "SELECT key, before, after FROM review WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let Some((key, stored, after)) = row else {
            return Ok(None);
        };
        let before = read_before(&tx, key, id, stored)?;
        // A later review of the card that kept its state as "the one this review left" keeps
        // it in full now.
        tx.execute(
            "UPDATE review SET before = ?1 WHERE id = (SELECT min(id) FROM review
               WHERE key = ?2 AND id > ?3) AND length(before) = 0",
            params![after, key, id],
        )?;
        tx.execute("DELETE FROM review WHERE id = ?1", [id])?;
        tx.execute(
            "DELETE FROM settings WHERE key IN (?1, ?2)
               AND ?3 <= (SELECT CAST(value AS INTEGER) FROM settings WHERE key = ?2)",
            params![DAY_FIGURES_KEY, DAY_FIGURES_THROUGH_KEY, id],
        )?;
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
                    r.taken_ms, r.elapsed_days, r.day, r.before, r.after, r.key
             FROM review r JOIN card c ON c.key = r.key {tail}"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        // Each card's latest `after` so far: what an empty `before` stands for (rows come in
        // the order of their ids).
        let mut last: HashMap<i64, Vec<u8>> = HashMap::new();
        let rows = stmt.query_map(p, |r| {
            let id: i64 = r.get(0)?;
            let key: i64 = r.get(13)?;
            let stored: Option<Vec<u8>> = r.get(11)?;
            let after: Vec<u8> = r.get(12)?;
            let before = match stored {
                Some(b) if b.is_empty() => match last.get(&key) {
                    Some(p) => CardState::from_bytes(p),
                    None => read_before(&self.conn, key, id, Some(b)).ok().flatten(),
                },
                other => other.and_then(|b| CardState::from_bytes(&b)),
            };
            last.insert(key, after.clone());
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
                    before,
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
