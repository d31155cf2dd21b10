//! The query behind calibration and the overconfident topics, as typed rows: for every card,
//! how many answers were given with each confidence since a day, and how many were right. It
//! reads only the answers that have a confidence, through their own index (schema version 4).

use rusqlite::params;

use super::{Store, StoreError};
use crate::quiz::Confidence;

/// One card's answers given with one confidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfidentAnswers {
    pub deck_id: String,
    pub card_id: String,
    pub confidence: Confidence,
    pub answers: u32,
    pub right: u32,
}

impl Store {
    /// Per card and confidence, the answers given with a confidence on study day `since` and
    /// later, and how many were right.
    pub fn confident_answers(&self, since: i64) -> Result<Vec<ConfidentAnswers>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.deck_id, c.card_id, x.confidence, x.n, x.right FROM
               (SELECT key, confidence, count(*) AS n, sum(correct) AS right FROM review
                WHERE confidence IS NOT NULL AND day >= ?1 GROUP BY key, confidence) x
             JOIN card c ON c.key = x.key",
        )?;
        let rows = stmt.query_map(params![since], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, u32>(3)?,
                r.get::<_, u32>(4)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (deck_id, card_id, code, answers, right) = row?;
            // A number this build does not know (a newer factquiz's) is left out.
            if let Some(confidence) = Confidence::from_code(code) {
                out.push(ConfidentAnswers {
                    deck_id,
                    card_id,
                    confidence,
                    answers,
                    right,
                });
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::CardState;
    use crate::store::ReviewRecord;

    fn review(card: &str, day: i64, correct: bool, c: Option<Confidence>) -> ReviewRecord {
        ReviewRecord {
            deck_id: "d".into(),
            card_id: card.into(),
            time_ms: day * 86_400_000,
            grade: if correct { 3 } else { 1 },
            correct,
            mode: "choice".into(),
            answer: None,
            taken_ms: 1000,
            confidence: c,
            day,
            before: None,
            after: CardState::new_card(),
        }
    }

    #[test]
    fn counts_per_card_and_confidence_from_a_day_through_the_index() {
        use Confidence::*;
        let mut store = Store::in_memory().unwrap();
        store
            .record_many(&[
                review("a", 10, true, Some(Sure)),
                review("a", 11, false, Some(Sure)),
                review("a", 12, true, Some(Sure)),
                review("a", 12, true, Some(Guess)),
                review("b", 12, false, None),
                review("b", 13, false, Some(Think)),
                review("b", 5, true, Some(Think)),
            ])
            .unwrap();
        let mut rows = store.confident_answers(10).unwrap();
        rows.sort_by(|x, y| (&x.card_id, x.confidence).cmp(&(&y.card_id, y.confidence)));
        let got: Vec<(&str, Confidence, u32, u32)> = rows
            .iter()
            .map(|r| (r.card_id.as_str(), r.confidence, r.answers, r.right))
            .collect();
        assert_eq!(
            got,
            vec![("a", Guess, 1, 1), ("a", Sure, 3, 2), ("b", Think, 1, 0)]
        );
        // SQLite reads the answers with a confidence through their index, not the whole log.
        let plan: Vec<String> = store
            .conn
            .prepare(
                "EXPLAIN QUERY PLAN SELECT key, confidence, count(*), sum(correct) FROM review
                 WHERE confidence IS NOT NULL AND day >= 10 GROUP BY key, confidence",
            )
            .unwrap()
            .query_map([], |r| r.get::<_, String>(3))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert!(
            plan.iter()
                .any(|p| p.contains("COVERING INDEX review_confidence")),
            "{plan:?}"
        );
    }
}
