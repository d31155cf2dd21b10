//! The card browser's rows: every card of every deck with its state, searched by text and
//! filtered by deck, topic, kind, state and claim status, sorted by due date, difficulty,
//! predicted recall or lapses. Rows are built once per change of the collection; filtering
//! and sorting return indexes, so the screen only draws the rows in view.

use crate::deck::{CardKind, ClaimStatus};
use crate::schedule::queue::Slot;
use crate::schedule::{CardState, Queue};
use crate::study::Collection;
use crate::text::fold::normalize;

/// A card's state, as the browser filters it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StateFilter {
    New,
    Learning,
    Review,
    Suspended,
    Leech,
}

impl StateFilter {
    pub const ALL: [StateFilter; 5] = [
        StateFilter::New,
        StateFilter::Learning,
        StateFilter::Review,
        StateFilter::Suspended,
        StateFilter::Leech,
    ];

    pub fn name(self) -> &'static str {
        match self {
            StateFilter::New => "new",
            StateFilter::Learning => "learning",
            StateFilter::Review => "review",
            StateFilter::Suspended => "suspended",
            StateFilter::Leech => "leech",
        }
    }

    pub fn matches(self, s: Option<&CardState>) -> bool {
        match (self, s) {
            (StateFilter::New, None) => true,
            (_, None) => false,
            (StateFilter::New, Some(s)) => s.is_new() && !s.suspended,
            (StateFilter::Learning, Some(s)) => {
                matches!(s.queue, Queue::Learning | Queue::Relearning) && !s.suspended
            }
            (StateFilter::Review, Some(s)) => s.queue == Queue::Review && !s.suspended,
            (StateFilter::Suspended, Some(s)) => s.suspended,
            (StateFilter::Leech, Some(s)) => s.leech,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    #[default]
    Deck,
    Due,
    Difficulty,
    Recall,
    Lapses,
}

/// What the user filters by; `None` means any.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Filter {
    pub text: String,
    pub deck: Option<usize>,
    pub topic: Option<String>,
    pub kind: Option<CardKind>,
    pub state: Option<StateFilter>,
    pub claim: Option<ClaimStatus>,
    pub sort: SortBy,
    pub descending: bool,
}

/// One card, with what the browser shows and filters on.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub slot: Slot,
    pub kind: CardKind,
    pub prompt: String,
    pub answer: String,
    /// Prompt, answer and topics, normalized, for search.
    haystack: String,
    pub state: Option<CardState>,
    pub recall: Option<f32>,
    pub claim: Option<ClaimStatus>,
}

/// Every card of the collection as a row.
pub fn rows(coll: &Collection) -> Vec<Row> {
    let clock = coll.clock();
    let mut out = Vec::with_capacity(coll.library.card_count());
    for (di, d) in coll.library.decks.iter().enumerate() {
        for (ci, card) in d.deck.cards.iter().enumerate() {
            let slot = Slot { deck: di, card: ci };
            let state = coll.state(slot).copied();
            let answer = card.answer.display(&d.deck);
            let haystack = normalize(&format!(
                "{} {} {}",
                card.prompt,
                answer,
                card.topics.join(" ")
            ));
            out.push(Row {
                slot,
                kind: card.kind,
                prompt: card.prompt.clone(),
                answer,
                haystack,
                recall: state
                    .as_ref()
                    .and_then(|s| coll.scheduler.retrievability(s, &clock)),
                state,
                claim: card
                    .claim
                    .as_deref()
                    .and_then(|c| d.deck.claim(c))
                    .map(|c| c.status),
            });
        }
    }
    out
}

/// The indexes of the rows that pass the filter, in the chosen order.
pub fn select(coll: &Collection, rows: &[Row], f: &Filter) -> Vec<usize> {
    let words: Vec<String> = normalize(&f.text)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    let mut out: Vec<usize> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| {
            f.deck.is_none_or(|d| r.slot.deck == d)
                && f.kind.is_none_or(|k| r.kind == k)
                && f.state.is_none_or(|s| s.matches(r.state.as_ref()))
                && f.claim.is_none_or(|c| r.claim == Some(c))
                && f.topic.as_ref().is_none_or(|t| {
                    coll.card(r.slot)
                        .is_some_and(|c| c.topics.iter().any(|x| x == t))
                })
                && words.iter().all(|w| r.haystack.contains(w.as_str()))
        })
        .map(|(i, _)| i)
        .collect();
    let key = |r: &Row| -> f64 {
        match f.sort {
            SortBy::Deck => 0.0,
            SortBy::Due => r
                .state
                .filter(|s| !s.is_new())
                .map_or(f64::MAX, |s| s.due_day as f64),
            SortBy::Difficulty => r.state.map_or(-1.0, |s| f64::from(s.difficulty)),
            SortBy::Recall => r.recall.map_or(2.0, f64::from),
            SortBy::Lapses => r.state.map_or(0.0, |s| f64::from(s.lapses)),
        }
    };
    if f.sort != SortBy::Deck {
        out.sort_by(|&a, &b| key(&rows[a]).total_cmp(&key(&rows[b])).then(a.cmp(&b)));
    }
    if f.descending {
        out.reverse();
    }
    out
}
