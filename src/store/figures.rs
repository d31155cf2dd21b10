//! The queries behind the weak-topic figures and the leech list, as typed rows: recent
//! answers per card, and the wrong answers given to leeches.

use rusqlite::params;

use super::reviews::since_day;
use super::{Store, StoreError};

/// One card's answers since a moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecentAnswers {
    pub deck_id: String,
    pub card_id: String,
    pub right: u32,
    pub total: u32,
}

/// A wrong answer given to a card that is a leech now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeechAnswer {
    pub deck_id: String,
    pub card_id: String,
    pub answer: String,
}

impl Store {
    /// Right and total answers per card since `since_ms`, whose study day is `since_day` (the
    /// day index narrows the read, with two days' slack for a changed time zone; the time
    /// decides).
    pub fn recent_answers(
        &self,
        since_ms: i64,
        since: i64,
    ) -> Result<Vec<RecentAnswers>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT c.deck_id, c.card_id, x.right, x.n FROM
               (SELECT key, sum(correct) AS right, count(*) AS n FROM review r
                WHERE {} AND time_ms >= ?1 GROUP BY key) x
             JOIN card c ON c.key = x.key",
            since_day(2)
        ))?;
        let rows = stmt.query_map(params![since_ms, since - 2], |r| {
            Ok(RecentAnswers {
                deck_id: r.get(0)?,
                card_id: r.get(1)?,
                right: r.get(2)?,
                total: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// Every wrong answer given to a card that is a leech now, newest first (in one query: a
    /// heavy user has a thousand leeches).
    pub fn leech_answers(&self) -> Result<Vec<LeechAnswer>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.deck_id, c.card_id, r.answer FROM card_state s
               JOIN card c ON c.key = s.key JOIN review r ON r.key = s.key
             WHERE s.leech AND NOT r.correct AND r.answer IS NOT NULL ORDER BY r.id DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(LeechAnswer {
                deck_id: r.get(0)?,
                card_id: r.get(1)?,
                answer: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// The id of the newest review (0 when there is none).
    pub fn last_review_id(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT coalesce(max(id), 0) FROM review", [], |r| r.get(0))?)
    }

    /// The time of the newest review, if any.
    pub fn last_review_ms(&self) -> Result<Option<i64>, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT max(time_ms) FROM review", [], |r| r.get(0))?)
    }

    /// The progress file's schema version.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        super::schema::version(&self.conn)
    }
}
