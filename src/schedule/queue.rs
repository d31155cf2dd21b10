//! What to study now: cards in learning that are due, then reviews due (oldest first), then new
//! cards (deck order or random), within each deck's daily limits, interleaved (see
//! [`super::interleave`]: no claim twice in a row, no three of a kind while other kinds wait).
//! Cards that share a claim are kept apart: a second card about the same claim waits behind
//! every other card (and so for another day, unless the session goes on that long).

use std::collections::HashSet;

use rand::SeedableRng;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;

use super::interleave::{Context, Item, interleave};
use super::state::{CardState, Queue};
use crate::deck::{Cards, Claims, Deck};
use crate::settings::NewOrder;

/// A card's place: deck index and card index in the library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Slot {
    pub deck: usize,
    pub card: usize,
}

/// Daily limits, per deck.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub new_per_day: u32,
    pub reviews_per_day: u32,
}

/// What a deck has today: new cards that may be introduced, cards due, and all cards.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DeckCounts {
    pub new: usize,
    pub due: usize,
    pub total: usize,
}

/// A deck with its cards' states (aligned with `deck.cards`) and today's answers so far.
pub struct DeckView<'a> {
    pub index: usize,
    pub deck: &'a Deck<Cards, Claims>,
    pub states: &'a [Option<CardState>],
    /// (new cards introduced today, reviews done today)
    pub done_today: (u32, u32),
}

fn is_available_new(s: Option<&CardState>, day: i64) -> bool {
    match s {
        None => true,
        Some(s) => s.is_new() && !s.suspended && s.buried_until_day < day,
    }
}

/// The counts shown on the home screen.
pub fn deck_counts(v: &DeckView, limits: Limits, day: i64, now_ms: i64) -> DeckCounts {
    let mut new = 0;
    let mut due = 0;
    for s in v.states.iter().take(v.deck.cards.len()) {
        if is_available_new(s.as_ref(), day) {
            new += 1;
        } else if s.is_some_and(|s| s.is_due(day, now_ms)) {
            due += 1;
        }
    }
    let new_left = limits.new_per_day.saturating_sub(v.done_today.0) as usize;
    let due_left = limits.reviews_per_day.saturating_sub(v.done_today.1) as usize;
    DeckCounts {
        new: new.min(new_left),
        due: due.min(due_left),
        total: v.deck.cards.len(),
    }
}

/// The cards to study now from these decks, in the order to show them: which cards by the
/// rules above (new cards in deck order or at random, up to the limit), then interleaved.
/// `claims_seen` holds (deck index, claim id) of claims already answered today.
pub fn build_queue(
    decks: &[DeckView],
    limits: Limits,
    day: i64,
    now_ms: i64,
    order: NewOrder,
    seed: u64,
    claims_seen: &HashSet<(usize, String)>,
) -> Vec<Slot> {
    let mut learning: Vec<(i64, Slot)> = Vec::new();
    let mut reviews: Vec<(i64, Slot)> = Vec::new();
    let mut news: Vec<Slot> = Vec::new();
    let mut rng = StdRng::seed_from_u64(seed);
    for v in decks {
        let mut deck_reviews = Vec::new();
        let mut deck_new = Vec::new();
        for (ci, s) in v.states.iter().enumerate().take(v.deck.cards.len()) {
            let slot = Slot {
                deck: v.index,
                card: ci,
            };
            match s {
                Some(s) if s.is_due(day, now_ms) => match s.queue {
                    Queue::Learning | Queue::Relearning => learning.push((s.due_ms, slot)),
                    _ => deck_reviews.push((s.due_day, slot)),
                },
                s if is_available_new(s.as_ref(), day) => deck_new.push(slot),
                _ => {}
            }
        }
        deck_reviews.sort();
        deck_reviews.truncate(limits.reviews_per_day.saturating_sub(v.done_today.1) as usize);
        reviews.extend(deck_reviews);
        if order == NewOrder::Random {
            deck_new.shuffle(&mut rng);
        }
        deck_new.truncate(limits.new_per_day.saturating_sub(v.done_today.0) as usize);
        news.extend(deck_new);
    }
    learning.sort();
    let ordered: Vec<Slot> = learning
        .into_iter()
        .chain(reviews)
        .map(|(_, s)| s)
        .chain(news)
        .collect();
    let (first, later) = keep_claims_apart(decks, ordered, claims_seen);
    let mut ctx = Context::default();
    let mut out: Vec<Slot> = interleave(first, &mut ctx)
        .into_iter()
        .map(|i| i.slot)
        .collect();
    out.extend(interleave(later, &mut ctx).into_iter().map(|i| i.slot));
    out
}

/// Splits the queue in two, each card with its kind and claim: the cards to show first, and
/// behind them the cards whose claim was answered today or comes earlier in the queue.
fn keep_claims_apart(
    decks: &[DeckView],
    ordered: Vec<Slot>,
    claims_seen: &HashSet<(usize, String)>,
) -> (Vec<Item>, Vec<Item>) {
    let mut seen = claims_seen.clone();
    let mut first = Vec::with_capacity(ordered.len());
    let mut later = Vec::new();
    for slot in ordered {
        let Some((v, head)) = decks
            .iter()
            .find(|v| v.index == slot.deck)
            .and_then(|v| Some((v, v.deck.cards.head(slot.card)?)))
        else {
            continue;
        };
        let claim = head
            .claim()
            .and_then(|i| Some((i, v.deck.claims.head(i as usize)?)));
        let item = Item {
            slot,
            kind: head.kind,
            claim: claim.map(|(i, _)| (slot.deck, i)),
        };
        match claim {
            Some((_, c)) if !seen.insert((slot.deck, c.id.to_string())) => later.push(item),
            _ => first.push(item),
        }
    }
    (first, later)
}
