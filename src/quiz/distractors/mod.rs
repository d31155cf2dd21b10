//! Wrong options for multiple choice that carry no tell: of the same kind as the answer and
//! plausible (other people like the answer's, other places and phrases of the kind, nearby
//! dates, other figures counting the same thing, and first of all the values other sources
//! gave for the same claim), never an accepted answer, never twice the same. Where options are
//! generated or picked from many, they are placed so that the right answer is not the middle,
//! the longest, the base the others are multiples of, or the odd one out (`tells.rs`).

mod dates;
mod figures;
mod tells;
mod words;

use std::collections::HashMap;

use rand::Rng;

use super::check::{accepted_range, check_text};
use super::index::QuizIndex;
use crate::deck::{Answer, Card, Claim, Deck};
use crate::text::fold::normalize;

/// Up to `n` distractors for a card asked as multiple choice (`claim`: the card's claim, whose
/// sources' other figures come first for a figure card).
pub fn distractors<C, L>(
    ix: &QuizIndex,
    deck: &Deck<C, L>,
    card: &Card,
    claim: Option<&Claim>,
    rng: &mut impl Rng,
    n: usize,
) -> Vec<String> {
    let right = super::question::choice_label(deck, card);
    let mut fresh = Fresh::new(ix, card, &right);
    match &card.answer {
        Answer::Name(_) | Answer::Phrase(_) => {
            words::people_or_phrases(ix, card, &right, &mut fresh, rng, n)
        }
        Answer::Date(d) => dates::dates(ix, d, &mut fresh, rng, n),
        Answer::Number(num) => figures::figures(ix, card, claim, num, &mut fresh, rng, n),
        _ => Vec::new(),
    }
}

/// Tells whether an option may still be shown: not empty, not shown already (up to case and
/// punctuation), and not an answer the card accepts.
struct Fresh<'a> {
    ix: &'a QuizIndex,
    card: &'a Card,
    seen: Vec<String>,
    /// Whether the card accepts a candidate (by its normalised text), once asked: the sets
    /// drawn again try the same candidates.
    accepts: HashMap<String, bool>,
}

impl<'a> Fresh<'a> {
    fn new(ix: &'a QuizIndex, card: &'a Card, right: &str) -> Fresh<'a> {
        Fresh {
            ix,
            card,
            seen: vec![normalize(right)],
            accepts: HashMap::new(),
        }
    }

    /// Whether `option` may be shown; if so, it counts as shown from now on.
    fn take(&mut self, option: &str) -> bool {
        let key = normalize(option);
        if !self.may_take_key(&key, option) {
            return false;
        }
        self.seen.push(key);
        true
    }

    /// Whether `option` may be shown, without taking it.
    fn may_take(&mut self, option: &str) -> bool {
        self.may_take_key(&normalize(option), option)
    }

    fn may_take_key(&mut self, key: &str, option: &str) -> bool {
        if key.is_empty() || self.seen.iter().any(|s| s == key) {
            return false;
        }
        let (ix, card) = (self.ix, self.card);
        let accepted = *self
            .accepts
            .entry(key.to_string())
            .or_insert_with(|| accepted(ix, card, option));
        !accepted
    }

    /// Forgets the options taken after the first `keep` (a set that was tried and dropped).
    fn forget_after(&mut self, keep: usize) {
        self.seen.truncate(keep + 1);
    }
}

/// Whether a candidate would be accepted as the answer (then it cannot be a distractor).
fn accepted(ix: &QuizIndex, card: &Card, cand: &str) -> bool {
    match &card.answer {
        Answer::Name(v) => check_text(ix, v, true, cand).correct,
        Answer::Phrase(v) => check_text(ix, v, false, cand).correct,
        Answer::Number(n) => crate::text::number::parse_number(cand).is_some_and(|r| {
            let (lo, hi) = accepted_range(n);
            r.value >= lo && r.value <= hi
        }),
        Answer::Date(d) => cand == d.to_string_long(),
        _ => false,
    }
}
