//! Weak topics by what will be forgotten: for every topic on the cards, how many are studied
//! and unseen, the predicted recall of its studied cards a week from now (or when each comes
//! due), from their FSRS memory, accuracy over the last 30 days, lapses and leeches; weakest
//! first by the three together. Recall *now* would say nothing: right after a review it is
//! near 100% whatever the answer. And the cards of a weak-topic session, and the leeches.

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;

use super::table::{CardTable, card_table};
use crate::schedule::day::{day_start_ms, study_day};
use crate::schedule::queue::Slot;
use crate::schedule::scheduler::retrievability;
use crate::schedule::{CardState, Queue};
use crate::store::{Store, StoreError};
use crate::study::Collection;

/// Days of history that "recent accuracy" covers.
pub const ACCURACY_DAYS: i64 = 30;
/// Days ahead at which the weak topics' recall is predicted.
pub const AHEAD_DAYS: i64 = 7;
const DAY_MS: i64 = 86_400_000;

/// When the predicted recall of a topic's cards is taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RecallAt {
    /// A week from now, for every card: what will be forgotten if nothing is studied.
    #[default]
    InAWeek,
    /// When each card next comes due (now, for a card overdue): what the next review finds.
    NextDue,
}

impl RecallAt {
    pub const ALL: [RecallAt; 2] = [RecallAt::InAWeek, RecallAt::NextDue];

    /// The column's heading.
    pub fn heading(self) -> &'static str {
        match self {
            RecallAt::InAWeek => "Recall in 7 days",
            RecallAt::NextDue => "Recall when next due",
        }
    }

    /// The moment a card's recall is predicted for.
    fn moment(self, s: &CardState, now_ms: i64, offset_secs: i32) -> i64 {
        match self {
            RecallAt::InAWeek => now_ms + AHEAD_DAYS * DAY_MS,
            RecallAt::NextDue => now_ms.max(due_moment(s, offset_secs)),
        }
    }
}

/// When a card comes due: a step in learning at its time, a review at the start of its day
/// (a day beyond any calendar, from a damaged file, held where the arithmetic cannot overflow).
fn due_moment(s: &CardState, offset_secs: i32) -> i64 {
    const FAR: i64 = 1_000_000_000;
    match s.queue {
        Queue::Learning | Queue::Relearning => s.due_ms,
        _ => day_start_ms(s.due_day.clamp(-FAR, FAR), offset_secs),
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TopicStat {
    pub topic: String,
    pub cards: usize,
    pub studied: usize,
    pub unseen: usize,
    /// Mean predicted recall of the studied cards at the moment [`RecallAt`] says; `None`
    /// when none is studied.
    pub recall: Option<f32>,
    /// When the first of its studied cards comes due (ms since the epoch).
    pub next_due_ms: Option<i64>,
    /// Share of answers right in the last 30 days; `None` without answers.
    pub accuracy: Option<f32>,
    pub recent_answers: u32,
    pub lapses: u32,
    pub leeches: usize,
}

/// How much each measure weighs in a topic's score.
const RECALL_WEIGHT: f32 = 0.5;
const ACCURACY_WEIGHT: f32 = 0.3;
const LAPSE_WEIGHT: f32 = 0.2;

impl TopicStat {
    /// Lower is weaker: predicted recall (half), recent accuracy (three tenths) and how few
    /// lapses its studied cards had (a fifth: 1 with none, 1/2 with one lapse a card, 1/3 with
    /// two...), over the measures that are known. Topics with nothing studied and no answers
    /// have no score and sort after the others.
    pub fn score(&self) -> Option<f32> {
        let lapse =
            (self.studied > 0).then(|| 1.0 / (1.0 + self.lapses as f32 / self.studied as f32));
        let parts = [
            (self.recall, RECALL_WEIGHT),
            (self.accuracy, ACCURACY_WEIGHT),
            (lapse, LAPSE_WEIGHT),
        ];
        let weight: f32 = parts.iter().filter(|p| p.0.is_some()).map(|p| p.1).sum();
        (weight > 0.0).then(|| {
            parts
                .iter()
                .filter_map(|(v, w)| v.map(|v| v * w))
                .sum::<f32>()
                / weight
        })
    }
}

/// Everything the topic figures are computed from (a worker thread owns copies of the states).
pub struct TopicInput<'a> {
    pub table: Arc<CardTable>,
    /// `states[d][c]`, aligned with the library.
    pub states: &'a [Vec<Option<CardState>>],
    pub now_ms: i64,
    pub offset_secs: i32,
    /// The forgetting curve's decay, from the FSRS parameters.
    pub decay: f32,
    pub at: RecallAt,
}

/// Per topic while counting: its figures, the sum of recall, right and total recent answers.
type Tally = (TopicStat, f32, u32, u32);

/// Every topic's figures, weakest first (topics with nothing studied last, by name), with the
/// recent answers read from `store`.
pub fn compute_topics(store: &Store, input: &TopicInput<'_>) -> Result<Vec<TopicStat>, StoreError> {
    let since = input.now_ms - ACCURACY_DAYS * DAY_MS;
    let mut recent: HashMap<Slot, (u32, u32)> = HashMap::new();
    for r in store.recent_answers(since, study_day(since, input.offset_secs))? {
        if let Some(slot) = input.table.position(&r.deck_id, &r.card_id) {
            recent.insert(slot, (r.right, r.total));
        }
    }
    let table = &input.table;
    let mut acc: Vec<Option<Tally>> = vec![None; table.topics.len()];
    for (slot, card) in table.cards() {
        let state = input
            .states
            .get(slot.deck)
            .and_then(|s| s.get(slot.card))
            .and_then(Option::as_ref);
        let recall = state.and_then(|s| {
            let at = input.at.moment(s, input.now_ms, input.offset_secs);
            retrievability(s, at, input.decay)
        });
        let answers = recent.get(&slot).copied();
        for &t in card.topics.iter() {
            let e = acc[t as usize].get_or_insert_with(|| {
                (
                    TopicStat {
                        topic: table.topics[t as usize].clone(),
                        cards: 0,
                        studied: 0,
                        unseen: 0,
                        recall: None,
                        next_due_ms: None,
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
            match (recall, state) {
                (Some(r), Some(s)) => {
                    e.0.studied += 1;
                    e.1 += r;
                    let due = due_moment(s, input.offset_secs);
                    if !s.suspended {
                        e.0.next_due_ms = Some(e.0.next_due_ms.map_or(due, |d| d.min(due)));
                    }
                }
                _ => e.0.unseen += 1,
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
    let mut out: Vec<TopicStat> = acc
        .into_iter()
        .flatten()
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

/// Every topic's figures, weakest first (topics with nothing studied last, by name), with
/// recall predicted at `at`.
pub fn topic_stats(coll: &Collection, at: RecallAt) -> Result<Vec<TopicStat>, StoreError> {
    let clock = coll.clock();
    let input = TopicInput {
        table: card_table(coll),
        states: coll.states(),
        now_ms: clock.now_ms,
        offset_secs: clock.offset_secs,
        decay: coll.scheduler().decay(),
        at,
    };
    compute_topics(coll.store(), &input)
}

/// The cards of a weak-topic session: every unsuspended card with one of the topics, due or not,
/// studied cards by lowest predicted recall in a week first, then unseen cards; at most
/// `limit`.
pub fn weak_topic_queue(coll: &Collection, topics: &[String], limit: usize) -> VecDeque<Slot> {
    let clock = coll.clock();
    let week = clock.now_ms + AHEAD_DAYS * DAY_MS;
    let decay = coll.scheduler().decay();
    let mut studied: Vec<(f32, Slot)> = Vec::new();
    let mut unseen: Vec<Slot> = Vec::new();
    for (di, d) in coll.library().decks.iter().enumerate() {
        // The deck's topic numbers that are asked for.
        let wanted: Vec<bool> = d
            .deck
            .cards
            .topic_names()
            .iter()
            .map(|n| topics.iter().any(|x| x == n))
            .collect();
        if !wanted.contains(&true) {
            continue;
        }
        for ci in 0..d.deck.cards.len() {
            let numbers = d.deck.cards.topic_numbers(ci);
            if !numbers.iter().any(|&n| wanted[usize::from(n)]) {
                continue;
            }
            let slot = Slot { deck: di, card: ci };
            match coll.state(slot) {
                Some(s) if s.suspended => {}
                Some(s) => match retrievability(s, week, decay) {
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
    let mut answers: HashMap<String, HashMap<String, Vec<String>>> = HashMap::new();
    for a in coll.store().leech_answers()? {
        answers
            .entry(a.deck_id)
            .or_default()
            .entry(a.card_id)
            .or_default()
            .push(a.answer);
    }
    let mut out = Vec::new();
    for (di, d) in coll.library().decks.iter().enumerate() {
        let mut of_deck = answers.get_mut(&d.deck.id);
        for (ci, card) in d.deck.cards.heads().iter().enumerate() {
            let slot = Slot { deck: di, card: ci };
            let Some(s) = coll.state(slot).filter(|s| s.leech) else {
                continue;
            };
            let mut wrong: Vec<String> = of_deck
                .as_mut()
                .and_then(|m| m.remove(card.id.as_str()))
                .unwrap_or_default();
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
