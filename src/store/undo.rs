//! Taking a review out of the log: an answer undone on this device (its card gets back the
//! state it had before), or one undone on another device and merged. The day table and the
//! statistics' cached day figures follow.

use rusqlite::{Connection, OptionalExtension, params};

use super::reviews::{DAY_FIGURES_KEY, DAY_FIGURES_THROUGH_KEY};
use super::sync::LOCAL;
use super::sync::journal::log_event_in;
use super::{Store, StoreError, write_state};
use crate::schedule::CardState;

/// Deletes review `id`; returns its card's key, or `None` when there is no such review.
pub(crate) fn delete_review_in(tx: &Connection, id: i64) -> Result<Option<i64>, StoreError> {
    let row: Option<(i64, i64)> = tx
        .prepare_cached("SELECT key, day FROM review WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let Some((key, day)) = row else {
        return Ok(None);
    };
    tx.prepare_cached("DELETE FROM review WHERE id = ?1")?
        .execute([id])?;
    // The day's first review moves on to the next one of that day (or the day goes).
    let next: Option<i64> = tx
        .prepare_cached("SELECT min(id) FROM review WHERE id > ?2 AND day = ?1")?
        .query_row(params![day, id], |r| r.get(0))?;
    match next {
        Some(next) => tx
            .prepare_cached("UPDATE review_day SET first_id = ?3 WHERE day = ?1 AND first_id = ?2")?
            .execute(params![day, id, next])?,
        None => tx
            .prepare_cached("DELETE FROM review_day WHERE day = ?1 AND first_id = ?2")?
            .execute(params![day, id])?,
    };
    tx.prepare_cached(
        "DELETE FROM settings WHERE key IN (?1, ?2)
           AND ?3 <= (SELECT CAST(value AS INTEGER) FROM settings WHERE key = ?2)",
    )?
    .execute(params![DAY_FIGURES_KEY, DAY_FIGURES_THROUGH_KEY, id])?;
    // The journal is looked for again from here (a new review may take this id).
    tx.prepare_cached(
        "UPDATE sync_counter SET value = min(value, ?1 - 1) WHERE name = 'exported_id'",
    )?
    .execute([id])?;
    // The card's last review in replay order (`review_last`) stays as it is: still a bound
    // that every review the card has left comes before, which is all a merge and the next
    // answer need of it.
    Ok(Some(key))
}

impl Store {
    /// Removes a review and puts its card back in `before`, the state it had before it (the
    /// answering session keeps it; `None`: the card is new again). Only the card's latest
    /// review can be undone this way. Returns false when there is no such review. Nothing is
    /// journaled (tools and tests; the app undoes through [`Store::undo_review_logged`]).
    pub fn undo_review(&mut self, id: i64, before: Option<&CardState>) -> Result<bool, StoreError> {
        self.undo_inner(id, before, None)
    }

    /// As [`Store::undo_review`], and the undo is journaled in the same transaction for the
    /// other devices: `body` makes the journal line from the undone review's sequence number.
    pub fn undo_review_logged(
        &mut self,
        id: i64,
        before: Option<&CardState>,
        time_ms: i64,
        body: impl FnOnce(i64) -> String,
    ) -> Result<bool, StoreError> {
        self.undo_inner(id, before, Some((time_ms, Box::new(body))))
    }

    #[allow(clippy::type_complexity)]
    fn undo_inner(
        &mut self,
        id: i64,
        before: Option<&CardState>,
        log: Option<(i64, Box<dyn FnOnce(i64) -> String + '_>)>,
    ) -> Result<bool, StoreError> {
        let tx = self.conn.transaction()?;
        let seq: Option<(i64, i64)> = tx
            .query_row(
                "SELECT origin, coalesce(seq, id) FROM review WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some(key) = delete_review_in(&tx, id)? else {
            return Ok(false);
        };
        match before {
            Some(state) => write_state(&tx, key, state)?,
            None => {
                tx.execute("DELETE FROM card_state WHERE key = ?1", [key])?;
            }
        }
        if let (Some((time_ms, body)), Some((LOCAL, seq))) = (log, seq) {
            log_event_in(&tx, time_ms, &body(seq), None)?;
        }
        tx.commit()?;
        Ok(true)
    }
}
