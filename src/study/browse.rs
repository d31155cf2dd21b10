//! The card browser's rows: every card of every deck with its state, searched by text and
//! filtered by deck, topic, kind, state and claim status, sorted by due date, difficulty,
//! predicted recall or lapses. The rows (a card's place, kind and claim status) are built
//! once per change of the collection; a search reads the search texts deck by deck from the
//! decks' parsed copies (on every core), holding none; filtering and sorting return indexes,
//! so the screen only draws the rows in view.

use crate::deck::{CardKind, CardReadError, ClaimStatus, Library};
use crate::schedule::queue::Slot;
use crate::schedule::scheduler::retrievability;
use crate::schedule::{CardState, Queue};
use crate::study::{Collection, StudyResult};
use crate::text::fold::normalize;

/// A card's state, as the browser filters it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StateFilter {
    New,
    Learning,
    Review,
    Suspended,
    Leech,
    /// Cards whose fact changed since they were last answered (see `study::facts`).
    Changed,
}

impl StateFilter {
    pub const ALL: [StateFilter; 6] = [
        StateFilter::New,
        StateFilter::Learning,
        StateFilter::Review,
        StateFilter::Suspended,
        StateFilter::Leech,
        StateFilter::Changed,
    ];

    pub fn name(self) -> &'static str {
        match self {
            StateFilter::New => "new",
            StateFilter::Learning => "learning",
            StateFilter::Review => "review",
            StateFilter::Suspended => "suspended",
            StateFilter::Leech => "leech",
            StateFilter::Changed => "changed since learned",
        }
    }

    /// Whether the card at `slot` is in this state.
    pub fn matches(self, coll: &Collection, slot: Slot) -> bool {
        if self == StateFilter::Changed {
            return coll.fact_changed(slot);
        }
        self.matches_state(coll.state(slot))
    }

    fn matches_state(self, s: Option<&CardState>) -> bool {
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
            (StateFilter::Changed, Some(_)) => false,
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
/// collection: the rows are made again whenever progress changes). 12 bytes: a heavy user has
/// 100,000 of them; predicted recall is computed when shown or sorted by.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    deck: u32,
    card: u32,
    pub kind: CardKind,
    pub claim: Option<ClaimStatus>,
}

impl Row {
    pub fn slot(&self) -> Slot {
        Slot {
            deck: self.deck as usize,
            card: self.card as usize,
        }
    }

    /// The card's predicted recall now (none for a card never studied).
    pub fn recall(&self, coll: &Collection) -> Option<f32> {
        let state = coll.state(self.slot())?;
        retrievability(state, coll.clock().now_ms, coll.scheduler().decay())
    }
}

/// Which cards of each deck have every word in their search text (prompt, answer and
/// topics, normalized: see `deck/cards.rs`), read deck by deck (from the decks' parsed copies
/// when the cards are kept there, so that no search text stays in memory), on every core.
/// `None` for a deck left out by `only`; an error when a deck's search texts could not be read.
fn matching(
    lib: &Library,
    words: &[String],
    only: Option<usize>,
) -> Result<Vec<Option<Vec<bool>>>, CardReadError> {
    crate::parallel::map_indexed(lib.decks.len(), |i| {
        if only.is_some_and(|d| d != i) {
            return Ok(None);
        }
        let deck = &lib.decks[i].deck;
        let mut hits = vec![false; deck.cards.len()];
        deck.cards.for_each_search_text(deck, |ci, text| {
            hits[ci] = words.iter().all(|w| text.contains(w.as_str()));
        })?;
        Ok(Some(hits))
    })
    .into_iter()
    .collect()
}

/// Every card of the collection as a row.
pub fn rows(coll: &Collection) -> Vec<Row> {
    let mut out = Vec::with_capacity(coll.library().card_count());
    for (di, d) in coll.library().decks.iter().enumerate() {
        for (ci, card) in d.deck.cards.heads().iter().enumerate() {
            out.push(Row {
                deck: u32::try_from(di).unwrap_or(u32::MAX),
                card: u32::try_from(ci).unwrap_or(u32::MAX),
                kind: card.kind,
                claim: card
                    .claim()
                    .and_then(|c| d.deck.claims.head(c as usize))
                    .map(|c| c.status),
            });
        }
    }
    out
}

/// The indexes of the rows that pass the filter, in the chosen order (as `u32`, as the rows'
/// places are, and with no room to spare: the browser keeps the list while it is open); an
/// error when the text searched for could not be looked for in every card.
pub fn select(coll: &Collection, rows: &[Row], f: &Filter) -> StudyResult<Vec<u32>> {
    let words: Vec<String> = normalize(&f.text)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    let lib = &coll.library();
    let hits = if words.is_empty() {
        None
    } else {
        Some(matching(lib, &words, f.deck)?)
    };
    let found = |r: &Row| {
        hits.as_ref().is_none_or(|h| {
            h.get(r.slot().deck)
                .and_then(Option::as_ref)
                .and_then(|d| d.get(r.slot().card))
                .is_some_and(|&hit| hit)
        })
    };
    // The topic, as each deck numbers it.
    let topic: Option<Vec<Option<u16>>> = f.topic.as_ref().map(|t| {
        lib.decks
            .iter()
            .map(|d| {
                let names = d.deck.cards.topic_names();
                names.iter().position(|x| x == t).map(|n| n as u16)
            })
            .collect()
    });
    let has_topic = |r: &Row| {
        topic.as_ref().is_none_or(|t| {
            t.get(r.slot().deck).copied().flatten().is_some_and(|n| {
                let cards = &lib.decks[r.slot().deck].deck.cards;
                cards.topic_numbers(r.slot().card).contains(&n)
            })
        })
    };
    let mut out: Vec<u32> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| {
            f.deck.is_none_or(|d| r.slot().deck == d)
                && f.kind.is_none_or(|k| r.kind == k)
                && f.state.is_none_or(|s| s.matches(coll, r.slot()))
                && f.claim.is_none_or(|c| r.claim == Some(c))
                && has_topic(r)
                && found(r)
        })
        .map(|(i, _)| u32::try_from(i).unwrap_or(u32::MAX))
        .collect();
    let key = |r: &Row| -> f64 {
        match f.sort {
            SortBy::Deck => 0.0,
            SortBy::Due => coll
                .state(r.slot())
                .filter(|s| !s.is_new())
                .map_or(f64::MAX, |s| s.due_day as f64),
            SortBy::Difficulty => coll
                .state(r.slot())
                .map_or(-1.0, |s| f64::from(s.difficulty)),
            SortBy::Recall => r.recall(coll).map_or(2.0, f64::from),
            SortBy::Lapses => coll.state(r.slot()).map_or(0.0, |s| f64::from(s.lapses)),
        }
    };
    if f.sort != SortBy::Deck {
        // Each key once (recall is computed), not at every comparison.
        let mut keyed: Vec<(f64, u32)> = out.iter().map(|&i| (key(&rows[i as usize]), i)).collect();
        keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        out = keyed.into_iter().map(|(_, i)| i).collect();
    }
    if f.descending {
        out.reverse();
    }
    out.shrink_to_fit();
    Ok(out)
}
