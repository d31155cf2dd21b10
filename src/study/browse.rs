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

/// One card, with what the browser shows and filters on (its state is read from the
/// collection: the rows are made again whenever progress changes).
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub slot: Slot,
    pub kind: CardKind,
    /// The card's place in library order (its search text's, see [`select`]).
    flat: usize,
    pub recall: Option<f32>,
    pub claim: Option<ClaimStatus>,
}

/// Every card's search text (prompt, answer and topics, normalized), in library order, in
/// one string (a text per card would be 100,000 allocations); it changes only when the decks
/// do.
struct SearchTexts {
    fingerprint: u64,
    all: String,
    /// Where each card's text ends in `all`.
    ends: Vec<usize>,
}

impl SearchTexts {
    fn get(&self, flat: usize) -> Option<&str> {
        let start = flat
            .checked_sub(1)
            .map_or(Some(0), |i| self.ends.get(i).copied())?;
        self.all.get(start..*self.ends.get(flat)?)
    }
}

/// The search texts of one deck's cards, one after the other, and where each ends.
fn deck_texts(deck: &crate::deck::Deck) -> (String, Vec<usize>) {
    let mut all = String::new();
    let mut ends = Vec::with_capacity(deck.cards.len());
    for card in &deck.cards {
        let answer = card.answer.display(deck);
        all.push_str(&normalize(&format!(
            "{} {} {}",
            card.prompt,
            answer,
            card.topics.join(" ")
        )));
        ends.push(all.len());
    }
    (all, ends)
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
    let per_deck: Vec<(String, Vec<usize>)> =
        crate::parallel::map_indexed(lib.decks.len(), |i| deck_texts(&lib.decks[i].deck));
    let mut all = String::with_capacity(per_deck.iter().map(|(t, _)| t.len()).sum());
    let mut ends = Vec::with_capacity(lib.card_count());
    for (text, deck_ends) in per_deck {
        ends.extend(deck_ends.iter().map(|e| e + all.len()));
        all.push_str(&text);
    }
    let texts = Arc::new(SearchTexts {
        fingerprint,
        all,
        ends,
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
            out.push(Row {
                slot,
                kind: card.kind,
                flat: out.len(),
                recall: coll
                    .state(slot)
                    .and_then(|s| retrievability(s, clock.now_ms, decay)),
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
    let text = |r: &Row| texts.as_ref().and_then(|t| t.get(r.flat));
    let mut out: Vec<usize> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| {
            f.deck.is_none_or(|d| r.slot.deck == d)
                && f.kind.is_none_or(|k| r.kind == k)
                && f.state.is_none_or(|s| s.matches(coll.state(r.slot)))
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
            SortBy::Due => coll
                .state(r.slot)
                .filter(|s| !s.is_new())
                .map_or(f64::MAX, |s| s.due_day as f64),
            SortBy::Difficulty => coll.state(r.slot).map_or(-1.0, |s| f64::from(s.difficulty)),
            SortBy::Recall => r.recall.map_or(2.0, f64::from),
            SortBy::Lapses => coll.state(r.slot).map_or(0.0, |s| f64::from(s.lapses)),
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
