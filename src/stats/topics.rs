//! Weak topics: for every topic on the cards, how many are studied and unseen, the predicted
//! recall now (mean FSRS retrievability of its studied cards), accuracy over the last 30 days,
//! lapses and leeches; weakest first. And the cards of a weak-topic session.

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::{Arc, Mutex, OnceLock};

use crate::deck::Library;
use crate::schedule::CardState;
use crate::schedule::day::study_day;
use crate::schedule::queue::Slot;
use crate::schedule::scheduler::retrievability;
use crate::store::{Store, StoreError};
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
    let day = study_day(since_ms, coll.clock().offset_secs);
    Ok(coll
        .store()
        .recent_answers(since_ms, day)?
        .into_iter()
        .map(|r| ((r.deck_id, r.card_id), (r.right, r.total)))
        .collect())
}

/// What the topic figures need of the library: every card's id and topics (as indexes into
/// `topics`). Built once per library (a walk over every card) and shared with the statistics
/// worker, which has no library.
pub struct TopicTable {
    /// The collection and library versions it was built for.
    of: (u64, u64),
    pub topics: Vec<String>,
    decks: Vec<DeckTopics>,
    /// Where each card is, by ids, made when first needed.
    positions: OnceLock<Positions>,
}

/// deck id -> (deck index, card id -> card index).
type Positions = HashMap<String, (usize, HashMap<String, usize>)>;

struct DeckTopics {
    id: String,
    /// (card id, topic indexes), in the deck's order.
    cards: Vec<(String, Box<[u32]>)>,
}

impl TopicTable {
    fn build(lib: &Library, of: (u64, u64)) -> TopicTable {
        let mut ids: HashMap<&str, u32> = HashMap::new();
        let mut topics: Vec<String> = Vec::new();
        let decks = lib
            .decks
            .iter()
            .map(|d| DeckTopics {
                id: d.deck.id.clone(),
                cards: d
                    .deck
                    .cards
                    .heads()
                    .iter()
                    .enumerate()
                    .map(|(ci, c)| {
                        let t: Box<[u32]> = d
                            .deck
                            .cards
                            .topics(ci)
                            .map(|t| {
                                *ids.entry(t.as_str()).or_insert_with(|| {
                                    topics.push(t.to_string());
                                    topics.len() as u32 - 1
                                })
                            })
                            .collect();
                        (c.id.to_string(), t)
                    })
                    .collect(),
            })
            .collect();
        TopicTable {
            of,
            topics,
            decks,
            positions: OnceLock::new(),
        }
    }

    /// Where a card is, by ids.
    fn position(&self, deck: &str, card: &str) -> Option<Slot> {
        let map = self.positions.get_or_init(|| {
            self.decks
                .iter()
                .enumerate()
                .map(|(di, d)| {
                    let cards = d
                        .cards
                        .iter()
                        .enumerate()
                        .map(|(ci, (id, _))| (id.clone(), ci))
                        .collect();
                    (d.id.clone(), (di, cards))
                })
                .collect()
        });
        let (di, cards) = map.get(deck)?;
        Some(Slot {
            deck: *di,
            card: *cards.get(card)?,
        })
    }

    /// The topics (indexes) of one deck's cards.
    pub fn deck_topics(&self, deck: usize) -> HashSet<u32> {
        self.decks
            .get(deck)
            .into_iter()
            .flat_map(|d| d.cards.iter().flat_map(|(_, t)| t.iter().copied()))
            .collect()
    }
}

/// The topic table of a collection's library, from a cache shared by every screen and worker
/// (built again when the collection's library version moves).
pub fn topic_table(coll: &Collection) -> Arc<TopicTable> {
    static TABLE: Mutex<Option<Arc<TopicTable>>> = Mutex::new(None);
    let of = coll.versions().of_library();
    let mut cached = TABLE.lock().unwrap_or_else(|e| e.into_inner());
    match cached.as_ref() {
        Some(t) if t.of == of => Arc::clone(t),
        _ => {
            let t = Arc::new(TopicTable::build(coll.library(), of));
            *cached = Some(Arc::clone(&t));
            t
        }
    }
}

/// Everything the topic figures are computed from (a worker thread owns copies of the states).
pub struct TopicInput<'a> {
    pub table: Arc<TopicTable>,
    /// `states[d][c]`, aligned with the library.
    pub states: &'a [Vec<Option<CardState>>],
    pub now_ms: i64,
    pub offset_secs: i32,
    /// The forgetting curve's decay, from the FSRS parameters.
    pub decay: f32,
}

/// Every topic's figures, weakest first (topics with nothing studied last, by name), with the
/// recent answers read from `store`.
pub fn compute_topics(store: &Store, input: &TopicInput<'_>) -> Result<Vec<TopicStat>, StoreError> {
    let since = input.now_ms - ACCURACY_DAYS * 86_400_000;
    let mut recent: HashMap<Slot, (u32, u32)> = HashMap::new();
    for r in store.recent_answers(since, study_day(since, input.offset_secs))? {
        if let Some(slot) = input.table.position(&r.deck_id, &r.card_id) {
            recent.insert(slot, (r.right, r.total));
        }
    }
    let table = &input.table;
    // Per topic: its figures, the sum of recall, right and total recent answers.
    let mut acc: Vec<Option<(TopicStat, f32, u32, u32)>> = vec![None; table.topics.len()];
    for (di, d) in table.decks.iter().enumerate() {
        for (ci, (_, topics)) in d.cards.iter().enumerate() {
            let state = input
                .states
                .get(di)
                .and_then(|s| s.get(ci))
                .and_then(Option::as_ref);
            let recall = state.and_then(|s| retrievability(s, input.now_ms, input.decay));
            let answers = recent.get(&Slot { deck: di, card: ci }).copied();
            for &t in topics.iter() {
                let e = acc[t as usize].get_or_insert_with(|| {
                    (
                        TopicStat {
                            topic: table.topics[t as usize].clone(),
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

/// Every topic's figures, weakest first (topics with nothing studied last, by name).
pub fn topic_stats(coll: &Collection) -> Result<Vec<TopicStat>, StoreError> {
    let clock = coll.clock();
    let input = TopicInput {
        table: topic_table(coll),
        states: coll.states(),
        now_ms: clock.now_ms,
        offset_secs: clock.offset_secs,
        decay: coll.scheduler().decay(),
    };
    compute_topics(coll.store(), &input)
}

/// The cards of a weak-topic session: every unsuspended card with one of the topics, due or not,
/// studied cards by lowest predicted recall first, then unseen cards; at most `limit`.
pub fn weak_topic_queue(coll: &Collection, topics: &[String], limit: usize) -> VecDeque<Slot> {
    let clock = coll.clock();
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
                Some(s) => match coll.scheduler().retrievability(s, &clock) {
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
