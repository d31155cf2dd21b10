//! The card browser's rows: every card of every deck with its state, searched by text and
//! filtered by deck, topic, kind, state and claim status, sorted by due date, difficulty,
//! predicted recall or lapses. The rows, with each card's state, are built once per change of
//! the collection; the search texts once per library, when a search first needs them (on
//! every core); filtering and sorting return indexes, so the screen only draws the rows in
//! view.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use crate::deck::{CardKind, ClaimStatus, Library};
use crate::schedule::queue::Slot;
use crate::schedule::scheduler::retrievability;
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
    /// The card's place in library order (its search text's, see [`select`]).
    flat: usize,
    pub state: Option<CardState>,
    pub recall: Option<f32>,
    pub claim: Option<ClaimStatus>,
}

/// Every card's search text (prompt, answer and topics, normalized), in library order; it
/// changes only when the decks do.
struct SearchTexts {
    fingerprint: u64,
    texts: Vec<Box<str>>,
}

/// The search texts of one deck's cards.
fn deck_texts(deck: &crate::deck::Deck) -> Vec<Box<str>> {
    deck.cards
        .iter()
        .map(|card| {
            let answer = card.answer.display(deck);
            normalize(&format!(
                "{} {} {}",
                card.prompt,
                answer,
                card.topics.join(" ")
            ))
            .into_boxed_str()
        })
        .collect()
}

/// The library's search texts, from a cache kept while the decks stay the same. Made the first
/// time a search needs them (not when the browser opens), on every core: normalizing 100,000
/// prompts is the one costly part of the browser.
fn search_texts(lib: &Library) -> Arc<SearchTexts> {
    static CACHE: Mutex<Option<Arc<SearchTexts>>> = Mutex::new(None);
    let fingerprint = lib.fingerprint();
    let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(t) = cache.as_ref().filter(|t| t.fingerprint == fingerprint) {
        return Arc::clone(t);
    }
    let per_deck: Vec<Vec<Box<str>>> =
        crate::parallel::map_indexed(lib.decks.len(), |i| deck_texts(&lib.decks[i].deck));
    let texts = Arc::new(SearchTexts {
        fingerprint,
        texts: per_deck.into_iter().flatten().collect(),
    });
    *cache = Some(Arc::clone(&texts));
    texts
}

/// Every card of the collection as a row.
pub fn rows(coll: &Collection) -> Vec<Row> {
    let clock = coll.clock();
    let decay = coll.scheduler.decay();
    let mut out = Vec::with_capacity(coll.library.card_count());
    for (di, d) in coll.library.decks.iter().enumerate() {
        let claims: HashMap<&str, ClaimStatus> = d
            .deck
            .claims
            .iter()
            .map(|c| (c.id.as_str(), c.status))
            .collect();
        for (ci, card) in d.deck.cards.iter().enumerate() {
            let slot = Slot { deck: di, card: ci };
            let state = coll.state(slot).copied();
            out.push(Row {
                slot,
                kind: card.kind,
                flat: out.len(),
                recall: state
                    .as_ref()
                    .and_then(|s| retrievability(s, clock.now_ms, decay)),
                state,
                claim: card.claim.as_deref().and_then(|c| claims.get(c).copied()),
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
    let texts = (!words.is_empty()).then(|| search_texts(&coll.library));
    let text = |r: &Row| texts.as_ref().and_then(|t| t.texts.get(r.flat));
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
                && (words.is_empty()
                    || text(r).is_some_and(|t| words.iter().all(|w| t.contains(w.as_str()))))
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
