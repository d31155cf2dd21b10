//! The review log read back: one card's reviews, every review in time order (imported history
//! is written after what the log held, so the ids of its reviews do not follow the clock), and
//! the log as CSV.

use std::io::Write;

use rusqlite::params;

use super::reviews::ReviewRow;
use super::schema::MODE_NAMES;
use super::{Store, StoreError};
use crate::quiz::Confidence;
use crate::schedule::state::Queue;

impl Store {
    /// The reviews of one card, oldest first. The log has no index by card (it would be a
    /// quarter of the file), so this reads the whole log: tens of milliseconds for a million
    /// reviews. The browser asks for it off the UI thread.
    pub fn card_reviews(&self, deck: &str, card: &str) -> Result<Vec<ReviewRow>, StoreError> {
        card_reviews(&self.conn, deck, card)
    }

    /// Every review, oldest first.
    pub fn all_reviews(&self) -> Result<Vec<ReviewRow>, StoreError> {
        let mut out = Vec::new();
        self.for_each_review(|_, r| {
            out.push(r);
            Ok(())
        })?;
        Ok(out)
    }

    /// Calls `f` with every review (and its card's key), oldest first (by time: reviews
    /// imported from another app come later in the log than they happened), without holding
    /// the log in memory; stops at the first error `f` returns.
    pub fn for_each_review(
        &self,
        mut f: impl FnMut(i64, ReviewRow) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let mut stmt = self
            .conn
            .prepare(&format!("{SELECT_ROWS} ORDER BY r.time_ms, r.id"))?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            f(r.get(SELECT_KEY)?, read_row(r)?)?;
        }
        Ok(())
    }

    /// Writes the review log as CSV: the columns `optimize --revlog` reads (card_id,
    /// review_rating, review_time, review_duration) plus deck_id, card, answer and confidence.
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
            "confidence",
        ])
        .map_err(io)?;
        let mut n = 0;
        self.for_each_review(|key, r| {
            let time = chrono::DateTime::from_timestamp_millis(r.time_ms)
                .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true))
                .unwrap_or_default();
            w.write_record([
                key.to_string(),
                r.grade.to_string(),
                time,
                r.taken_ms.to_string(),
                r.deck_id,
                r.card_id,
                u8::from(r.correct).to_string(),
                r.mode.to_string(),
                r.answer.unwrap_or_default(),
                r.confidence.map_or("", Confidence::name).to_string(),
            ])
            .map_err(io)?;
            n += 1;
            Ok(())
        })?;
        w.flush()?;
        Ok(n)
    }
}

/// The columns [`read_row`] reads, then the card's key (at [`SELECT_KEY`]).
const SELECT_ROWS: &str =
    "SELECT r.id, c.deck_id, c.card_id, r.time_ms, r.day, r.grade, r.correct, r.mode,
            r.queue_before, r.taken_ms, r.answer, r.confidence, r.key
     FROM review r JOIN card c ON c.key = r.key";
const SELECT_KEY: usize = 12;

fn read_row(r: &rusqlite::Row<'_>) -> Result<ReviewRow, StoreError> {
    Ok(ReviewRow {
        id: r.get(0)?,
        deck_id: r.get(1)?,
        card_id: r.get(2)?,
        time_ms: r.get(3)?,
        day: r.get(4)?,
        grade: r.get(5)?,
        correct: r.get(6)?,
        mode: usize::try_from(r.get::<_, i64>(7)?)
            .ok()
            .and_then(|i| MODE_NAMES.get(i))
            .copied()
            .unwrap_or("?"),
        queue_before: Queue::from_u8(r.get(8)?),
        taken_ms: r.get(9)?,
        answer: r.get(10)?,
        confidence: r.get::<_, Option<i64>>(11)?.and_then(Confidence::from_code),
    })
}

/// The reviews of one card through `conn`, oldest first (a whole read of the log, see
/// [`Store::card_reviews`]).
fn card_reviews(
    conn: &rusqlite::Connection,
    deck: &str,
    card: &str,
) -> Result<Vec<ReviewRow>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT_ROWS} WHERE r.key = (SELECT key FROM card WHERE deck_id = ?1 AND card_id = ?2)
         ORDER BY r.time_ms, r.id"
    ))?;
    let mut rows = stmt.query(params![deck, card])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        out.push(read_row(r)?);
    }
    Ok(out)
}
