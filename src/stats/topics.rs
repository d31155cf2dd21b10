//! Weak topics: for every topic on the cards, how many are studied and unseen, the predicted
//! recall now (mean FSRS retrievability of its studied cards), accuracy over the last 30 days,
//! lapses and leeches; weakest first. And the cards of a weak-topic session.

use std::collections::{BTreeMap, HashMap, VecDeque};

use crate::schedule::queue::Slot;
use crate::store::StoreError;
use crate::study::Collection;

/// Days of history that "recent accuracy" covers.
pub const ACCURACY_DAYS: i64 = 30;

#[derive(Debug, Clone, PartialEq)]
pub struct TopicStat {
    pub topic: String,
    pub cards: usize,
    pub studied: usize,
    pub unseen: usize,
    /// Mean predicted recall of the studied cards now; `None` when none is studied.
    pub recall: Option<f32>,
    /// Share of answers right in the last 30 days; `None` without answers.
    pub accuracy: Option<f32>,
    pub recent_answers: u32,
    pub lapses: u32,
    pub leeches: usize,
}

impl TopicStat {
    /// Lower is weaker: the mean of recall and recent accuracy where known. Topics with nothing
    /// studied have no score and sort after the others.
    pub fn score(&self) -> Option<f32> {
        match (self.recall, self.accuracy) {
            (Some(r), Some(a)) => Some((r + a) / 2.0),
            (Some(r), None) => Some(r),
            (None, Some(a)) => Some(a),
            (None, None) => None,
        }
    }
}

/// Right and total answers of each (deck id, card id).
pub type AnswerCounts = HashMap<(String, String), (u32, u32)>;

/// Right and total answers per card since a moment.
pub fn recent_answers(coll: &Collection, since_ms: i64) -> Result<AnswerCounts, StoreError> {
    let mut stmt = coll.store.connection().prepare(
        "SELECT c.deck_id, c.card_id, sum(r.correct), count(*) FROM review r JOIN card c ON c.key = r.key
         WHERE r.time_ms >= ?1 GROUP BY r.key",
    )?;
    let rows = stmt.query_map([since_ms], |r| {
        Ok(((r.get(0)?, r.get(1)?), (r.get(2)?, r.get(3)?)))
    })?;
    Ok(rows.collect::<Result<HashMap<_, _>, _>>()?)
}

/// Every topic's figures, weakest first (topics with nothing studied last, by name).
pub fn topic_stats(coll: &Collection) -> Result<Vec<TopicStat>, StoreError> {
    let clock = coll.clock();
    let recent = recent_answers(coll, clock.now_ms - ACCURACY_DAYS * 86_400_000)?;
    let mut acc: BTreeMap<&str, (TopicStat, f32, u32, u32)> = BTreeMap::new();
    for (di, d) in coll.library.decks.iter().enumerate() {
        for (ci, card) in d.deck.cards.iter().enumerate() {
            let state = coll.state(Slot { deck: di, card: ci });
            let recall = state.and_then(|s| coll.scheduler.retrievability(s, &clock));
            let answers = recent.get(&(d.deck.id.clone(), card.id.clone())).copied();
            for topic in &card.topics {
                let e = acc.entry(topic.as_str()).or_insert_with(|| {
                    (
                        TopicStat {
                            topic: topic.clone(),
                            cards: 0,
                            studied: 0,
                            unseen: 0,
                            recall: None,
                            accuracy: None,
                            recent_answers: 0,
                            lapses: 0,
                            leeches: 0,
                        },
                        0.0,
                        0,
                        0,
                    )
                });
                e.0.cards += 1;
                match recall {
                    Some(r) => {
                        e.0.studied += 1;
                        e.1 += r;
                    }
                    None => e.0.unseen += 1,
                }
                if let Some(s) = state {
                    e.0.lapses += s.lapses;
                    e.0.leeches += usize::from(s.leech);
                }
                if let Some((right, total)) = answers {
                    e.2 += right;
                    e.3 += total;
                }
            }
        }
    }
    let mut out: Vec<TopicStat> = acc
        .into_values()
        .map(|(mut t, recall_sum, right, total)| {
            t.recall = (t.studied > 0).then(|| recall_sum / t.studied as f32);
            t.accuracy = (total > 0).then(|| right as f32 / total as f32);
            t.recent_answers = total;
            t
        })
        .collect();
    out.sort_by(|a, b| match (a.score(), b.score()) {
        (Some(x), Some(y)) => x.total_cmp(&y).then_with(|| a.topic.cmp(&b.topic)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.topic.cmp(&b.topic),
    });
    Ok(out)
}

/// The cards of a weak-topic session: every unsuspended card with one of the topics, due or not,
/// studied cards by lowest predicted recall first, then unseen cards; at most `limit`.
pub fn weak_topic_queue(coll: &Collection, topics: &[String], limit: usize) -> VecDeque<Slot> {
    let clock = coll.clock();
    let mut studied: Vec<(f32, Slot)> = Vec::new();
    let mut unseen: Vec<Slot> = Vec::new();
    for (di, d) in coll.library.decks.iter().enumerate() {
        for (ci, card) in d.deck.cards.iter().enumerate() {
            if !card.topics.iter().any(|t| topics.contains(t)) {
                continue;
            }
            let slot = Slot { deck: di, card: ci };
            match coll.state(slot) {
                Some(s) if s.suspended => {}
                Some(s) => match coll.scheduler.retrievability(s, &clock) {
                    Some(r) => studied.push((r, slot)),
                    None => unseen.push(slot),
                },
                None => unseen.push(slot),
            }
        }
    }
    studied.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    studied
        .into_iter()
        .map(|(_, s)| s)
        .chain(unseen)
        .take(limit)
        .collect()
}

/// A leech and the wrong answers given to it, newest first.
#[derive(Debug, Clone, PartialEq)]
pub struct Leech {
    pub slot: Slot,
    pub lapses: u32,
    pub wrong_answers: Vec<String>,
}

/// Every leech of the library with what went wrong.
pub fn leeches(coll: &Collection) -> Result<Vec<Leech>, StoreError> {
    let mut out = Vec::new();
    for (di, d) in coll.library.decks.iter().enumerate() {
        for (ci, card) in d.deck.cards.iter().enumerate() {
            let slot = Slot { deck: di, card: ci };
            let Some(s) = coll.state(slot).filter(|s| s.leech) else {
                continue;
            };
            let mut wrong: Vec<String> = coll
                .store
                .card_reviews(&d.deck.id, &card.id)?
                .into_iter()
                .rev()
                .filter(|r| !r.record.correct)
                .filter_map(|r| r.record.answer)
                .collect();
            wrong.dedup();
            out.push(Leech {
                slot,
                lapses: s.lapses,
                wrong_answers: wrong,
            });
        }
    }
    Ok(out)
}
