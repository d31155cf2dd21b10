//! Review figures per study day and deck, for the statistics' charts, without reading a year of reviews
//! each time the statistics open. The figures of closed days (before today) are kept in the
//! progress file's settings with the last review id they count; undoing a review they count
//! drops them (`Store::undo_review`), and a file without them, or with figures from another
//! range, has them rebuilt from the log. Each computation adds the reviews the cache has not
//! seen: today's, and any with a higher id (an import of old reviews).

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::reviews::{DAY_FIGURES_KEY as KEY, DAY_FIGURES_THROUGH_KEY as THROUGH_KEY, since_day};
use super::{Store, StoreError};
use crate::schedule::Queue;

const VERSION: u32 = 1;

/// One study day's answers in one deck.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Figures {
    pub answers: u32,
    pub right: u32,
    pub taken_ms: i64,
    /// Answers to cards that were in review, and how many of them were right.
    pub review_answers: u32,
    pub review_right: u32,
}

impl Figures {
    fn add(&mut self, o: &Figures) {
        self.answers += o.answers;
        self.right += o.right;
        self.taken_ms += o.taken_ms;
        self.review_answers += o.review_answers;
        self.review_right += o.review_right;
    }
}

/// (study day, deck id) -> figures.
pub type FiguresByDay = HashMap<(i64, String), Figures>;

/// What is kept: the figures of reviews with `id <= through_id` on days `from_day` to
/// `before_day - 1`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Cache {
    version: u32,
    from_day: i64,
    before_day: i64,
    through_id: i64,
    decks: Vec<String>,
    /// (day, index into `decks`, figures)
    rows: Vec<(i64, u32, Figures)>,
}

/// Reads the figures of reviews matching `condition` (on `r`, with `?1`, `?2`... bound).
fn query(conn: &Connection, condition: &str, values: &[i64]) -> Result<FiguresByDay, StoreError> {
    let sql = format!(
        "SELECT r.day, c.deck_id, count(*), sum(r.correct), sum(r.taken_ms),
                sum(r.queue_before = {q}), sum(r.correct AND r.queue_before = {q})
         FROM review r JOIN card c ON c.key = r.key
         WHERE {condition} GROUP BY r.day, c.deck_id",
        q = Queue::Review as u8
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(values), |r| {
        Ok((
            (r.get::<_, i64>(0)?, r.get::<_, String>(1)?),
            Figures {
                answers: r.get(2)?,
                right: r.get(3)?,
                taken_ms: r.get(4)?,
                review_answers: r.get(5)?,
                review_right: r.get(6)?,
            },
        ))
    })?;
    let mut out = FiguresByDay::new();
    for row in rows {
        let (k, f) = row?;
        out.entry(k).or_default().add(&f);
    }
    Ok(out)
}

fn merge(into: &mut FiguresByDay, from: FiguresByDay) {
    for (k, f) in from {
        into.entry(k).or_default().add(&f);
    }
}

/// The cache, when it is there and whole (its figures and their last review id agree).
fn read_cache(conn: &Connection) -> Option<Cache> {
    let get = |key: &str| -> Option<String> {
        conn.query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()
        .ok()?
    };
    let through: i64 = get(THROUGH_KEY)?.parse().ok()?;
    serde_json::from_str::<Cache>(&get(KEY)?)
        .ok()
        .filter(|c| c.version == VERSION && c.through_id == through)
}

impl Store {
    /// The figures of every study day from `from` to `today` (all reviews), per deck. With
    /// `write`, a cache that was missing, stale or wrong is written back (the store must then
    /// be writable; a failure to write is ignored: the figures are right either way).
    pub fn day_figures(
        &self,
        from: i64,
        today: i64,
        write: bool,
    ) -> Result<FiguresByDay, StoreError> {
        figures(&self.conn, from, today, write)
    }

    /// Forgets the kept figures of closed days (the next statistics rebuild them from the
    /// log, as the first time ever).
    pub fn forget_day_figures(&mut self) -> Result<(), StoreError> {
        for key in [KEY, THROUGH_KEY] {
            self.conn
                .execute("DELETE FROM settings WHERE key = ?1", [key])?;
        }
        Ok(())
    }
}

/// See [`Store::day_figures`].
fn figures(
    conn: &Connection,
    from: i64,
    today: i64,
    write: bool,
) -> Result<FiguresByDay, StoreError> {
    // One read transaction: every query sees the same log.
    let tx = conn.unchecked_transaction()?;
    let max_id: i64 = tx.query_row("SELECT coalesce(max(id), 0) FROM review", [], |r| r.get(0))?;
    let cache = read_cache(&tx);
    let usable = cache
        .as_ref()
        .is_some_and(|c| c.from_day <= from && c.before_day <= today + 1 && c.through_id <= max_id);
    let mut out = FiguresByDay::new();
    let fresh = match cache.filter(|_| usable) {
        Some(c) => {
            for (day, deck, f) in &c.rows {
                if *day >= from
                    && let Some(d) = c.decks.get(*deck as usize)
                {
                    out.entry((*day, d.clone())).or_default().add(f);
                }
            }
            // Days the cache does not cover, and reviews it has not seen on the days it does.
            merge(&mut out, query(&tx, &since_day(1), &[c.before_day])?);
            merge(
                &mut out,
                query(
                    &tx,
                    &format!("r.id > ?1 AND {} AND r.day < ?3", since_day(2)),
                    &[c.through_id, from, c.before_day],
                )?,
            );
            c.before_day < today || c.from_day < from - 31
        }
        None => {
            merge(&mut out, query(&tx, &since_day(1), &[from])?);
            true
        }
    };
    drop(tx);
    if write && fresh && max_id > 0 {
        let _ = write_cache(conn, &out, from, today, max_id);
    }
    Ok(out)
}

/// Keeps the closed days (before today) of `figures`, which hold every review up to `max_id`.
fn write_cache(
    conn: &Connection,
    figures: &FiguresByDay,
    from: i64,
    today: i64,
    max_id: i64,
) -> Result<(), StoreError> {
    let mut decks: Vec<String> = figures.keys().map(|(_, d)| d.clone()).collect();
    decks.sort();
    decks.dedup();
    let index: HashMap<&str, u32> = decks
        .iter()
        .enumerate()
        .map(|(i, d)| (d.as_str(), i as u32))
        .collect();
    let mut rows: Vec<(i64, u32, Figures)> = figures
        .iter()
        .filter(|((day, _), _)| *day >= from && *day < today)
        .map(|((day, deck), f)| (*day, index[deck.as_str()], *f))
        .collect();
    rows.sort_by_key(|(day, deck, _)| (*day, *deck));
    let cache = Cache {
        version: VERSION,
        from_day: from,
        before_day: today,
        through_id: max_id,
        decks,
        rows,
    };
    let text = serde_json::to_string(&cache).map_err(|e| StoreError::Io(e.into()))?;
    let tx = conn.unchecked_transaction()?;
    for (key, value) in [(KEY, text), (THROUGH_KEY, max_id.to_string())] {
        tx.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
    }
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::CardState;
    use crate::store::ReviewRecord;

    fn review(card: &str, day: i64, correct: bool) -> ReviewRecord {
        let mut after = CardState::new_card();
        after.queue = Queue::Review;
        ReviewRecord {
            deck_id: if card.starts_with('a') { "da" } else { "db" }.into(),
            card_id: card.into(),
            time_ms: day * 86_400_000 + 10 * 3_600_000,
            grade: if correct { 3 } else { 1 },
            correct,
            mode: "typed".into(),
            answer: None,
            taken_ms: 1000,
            confidence: None,
            day,
            before: Some(after),
            after,
        }
    }

    fn sum(f: &FiguresByDay, day: i64) -> (u32, u32) {
        f.iter()
            .filter(|((d, _), _)| *d == day)
            .fold((0, 0), |a, (_, f)| (a.0 + f.answers, a.1 + f.right))
    }

    #[test]
    fn cached_figures_follow_the_log() {
        let mut store = Store::in_memory().unwrap();
        let log: Vec<ReviewRecord> = (0..30)
            .map(|i| {
                review(
                    if i % 2 == 0 { "a1" } else { "b1" },
                    100 + i % 10,
                    i % 3 != 0,
                )
            })
            .collect();
        store.record_many(&log).unwrap();
        let conn = &store.conn;
        let first = figures(conn, 95, 108, true).unwrap();
        assert!(read_cache(conn).is_some(), "the closed days were kept");
        assert_eq!(figures(conn, 95, 108, true).unwrap(), first);
        // A new review today, an old review imported, an undone review: all show.
        store.record_many(&[review("a1", 108, true)]).unwrap();
        store.record_many(&[review("b1", 101, false)]).unwrap();
        let conn = &store.conn;
        let f = figures(conn, 95, 108, true).unwrap();
        assert_eq!(sum(&f, 108), (4, 3));
        assert_eq!(sum(&f, 101).0, sum(&first, 101).0 + 1);
        let id: i64 = conn
            .query_row("SELECT min(id) FROM review WHERE day = 102", [], |r| {
                r.get(0)
            })
            .unwrap();
        drop(f);
        store.undo_review(id, None).unwrap();
        let conn = &store.conn;
        let f = figures(conn, 95, 108, true).unwrap();
        assert_eq!(sum(&f, 102).0, sum(&first, 102).0 - 1);
        // And the next day, the cache moves on.
        let g = figures(conn, 96, 109, true).unwrap();
        assert_eq!(sum(&g, 108), (4, 3));
        assert_eq!(read_cache(conn).unwrap().before_day, 109);
    }
}
