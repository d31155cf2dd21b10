//! Card states in the progress file: reading every state (with the fact last learned), one
//! card's state, and writing a state with or without the fact its learner last answered.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, params};

use super::{CardKey, Store, StoreError};
use crate::schedule::state::{CardState, Queue};

impl Store {
    /// Calls `f` with every card state the store holds (cards of decks that are gone
    /// included), by deck id and card id, without making a string of either, and the
    /// fingerprint of the fact last answered (`None` for a state from before schema 5).
    pub fn for_each_state(
        &self,
        mut f: impl FnMut(&str, &str, CardState, Option<u64>),
    ) -> Result<(), StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT c.deck_id, c.card_id, {STATE_COLUMNS}, s.fact
             FROM card_state s JOIN card c ON c.key = s.key"
        ))?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let state = read_state(r, 2)?;
            let text = |i: usize| -> Result<&str, StoreError> {
                Ok(r.get_ref(i)?.as_str().map_err(rusqlite::Error::from)?)
            };
            let fact: Option<i64> = r.get(14)?;
            f(text(0)?, text(1)?, state, fact.map(|f| f as u64));
        }
        Ok(())
    }

    /// Every card state the store holds (cards of decks that are gone included).
    pub fn all_states(&self) -> Result<HashMap<CardKey, CardState>, StoreError> {
        let mut out = HashMap::new();
        self.for_each_state(|deck, card, state, _| {
            out.insert((deck.to_string(), card.to_string()), state);
        })?;
        Ok(out)
    }

    pub fn card_state(&self, deck: &str, card: &str) -> Result<Option<CardState>, StoreError> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT {STATE_COLUMNS} FROM card_state s JOIN card c ON c.key = s.key
                 WHERE c.deck_id = ?1 AND c.card_id = ?2"
            ))?
            .query_row(params![deck, card], |r| read_state(r, 0))
            .optional()?)
    }

    /// Writes a card's state (suspend, bury, restore) outside of an answer.
    pub fn put_state(
        &mut self,
        deck: &str,
        card: &str,
        state: &CardState,
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        let key = Self::key_in(&tx, deck, card)?;
        write_state(&tx, key, state)?;
        tx.commit()?;
        Ok(())
    }
}

/// The state columns of `card_state s`, in the order [`read_state`] reads them.
pub(crate) const STATE_COLUMNS: &str =
    "s.stability, s.difficulty, s.due_ms, s.due_day, s.last_review_ms,
    s.reps, s.lapses, s.streak, s.queue, s.suspended, s.buried_until_day, s.leech";

/// A state from [`STATE_COLUMNS`], starting at column `at`.
pub(crate) fn read_state(r: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<CardState> {
    Ok(CardState {
        stability: r.get::<_, f64>(at)? as f32,
        difficulty: r.get::<_, f64>(at + 1)? as f32,
        due_ms: r.get(at + 2)?,
        due_day: r.get(at + 3)?,
        last_review_ms: r.get(at + 4)?,
        reps: r.get(at + 5)?,
        lapses: r.get(at + 6)?,
        streak: r.get(at + 7)?,
        queue: Queue::from_u8(r.get(at + 8)?),
        suspended: r.get(at + 9)?,
        buried_until_day: r.get(at + 10)?,
        leech: r.get(at + 11)?,
    })
}

pub(crate) fn write_state(tx: &Connection, key: i64, s: &CardState) -> Result<(), StoreError> {
    write_state_learned(tx, key, s, None)
}

/// Writes a card's state and, with `learned`, the fact its learner last answered (fingerprint,
/// and words when known: a card whose fact is that already keeps its words when none come).
/// Without `learned`, the card's learned fact stays as it is.
pub(crate) fn write_state_learned(
    tx: &Connection,
    key: i64,
    s: &CardState,
    learned: Option<(u64, Option<&str>)>,
) -> Result<(), StoreError> {
    tx.prepare_cached(
        "INSERT INTO card_state (key, stability, difficulty, due_ms, due_day, last_review_ms,
             reps, lapses, streak, queue, suspended, buried_until_day, leech, fact, learned)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
         ON CONFLICT (key) DO UPDATE SET stability = excluded.stability,
             difficulty = excluded.difficulty, due_ms = excluded.due_ms,
             due_day = excluded.due_day, last_review_ms = excluded.last_review_ms,
             reps = excluded.reps, lapses = excluded.lapses, streak = excluded.streak,
             queue = excluded.queue, suspended = excluded.suspended,
             buried_until_day = excluded.buried_until_day, leech = excluded.leech,
             fact = coalesce(excluded.fact, fact),
             learned = CASE WHEN excluded.fact IS NULL THEN learned
                            WHEN excluded.learned IS NOT NULL THEN excluded.learned
                            WHEN fact = excluded.fact THEN learned END",
    )?
    .execute(params![
        key,
        f64::from(s.stability),
        f64::from(s.difficulty),
        s.due_ms,
        s.due_day,
        s.last_review_ms,
        s.reps,
        s.lapses,
        s.streak,
        s.queue as u8,
        s.suspended,
        s.buried_until_day,
        s.leech,
        learned.map(|(f, _)| f as i64),
        learned.and_then(|(_, w)| w)
    ])?;
    Ok(())
}
