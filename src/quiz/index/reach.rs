//! What a card of the quiz index accepts, as far as ruling it out as "another card's answer"
//! goes, without reading the card (the cards of a heavy user's decks stay on disk): built
//! from each card's answer, then kept in 12 bytes a card.

use super::{CardRef, Folded, Near, QuizIndex};
use crate::deck::Library;
use crate::deck::{CardKind, PartialDate, Text};
use crate::quiz::check::typo_allowance;
use crate::quiz::check::{date_matches, reading_inside};
use crate::text::date::DateReading;
use crate::text::fold::{letter_count, normalize, words};
use crate::text::number::NumberReading;

/// What a card accepts, as far as telling a typed text that cannot be its answer goes: a
/// Name or Phrase card's folded wordings and their last words, a figure's accepted range, a
/// date; while the index is built (see [`Placed`] for what it keeps).
#[derive(Debug, Clone)]
pub(super) enum Reach {
    Nothing,
    Words(Box<[Folded]>),
    Number { lo: f64, hi: f64 },
    Date(PartialDate),
}

/// A card's [`Reach`] as the index keeps it, 12 bytes for each of 100,000 cards: the
/// wordings as a run of [`QuizIndex::words`] (each the place of its text in `names`: every
/// wording and last word of a card is a person's spelling or surname or a phrase's wording),
/// a figure's range widened to the nearest `f32`s (it only rules cards out; the card itself
/// is checked after).
#[derive(Debug, Clone, Copy)]
pub(super) enum Placed {
    Nothing,
    Words { start: u32, len: u16 },
    Number { lo: f32, hi: f32 },
    Date(PartialDate),
}

/// A wording of a card's answer: where its text is in `names` (`u32::MAX`: not there, so
/// never ruled out), and the typos forgiven against it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Word {
    name: u32,
    allow: u8,
}

impl QuizIndex {
    /// A card's reach as the index keeps it (its wordings added to `words`).
    pub(super) fn placed(&mut self, r: Reach) -> Placed {
        match r {
            Reach::Nothing => Placed::Nothing,
            Reach::Number { lo, hi } => {
                let (mut l, mut h) = (lo as f32, hi as f32);
                if f64::from(l) > lo {
                    l = l.next_down();
                }
                if f64::from(h) < hi {
                    h = h.next_up();
                }
                Placed::Number { lo: l, hi: h }
            }
            Reach::Date(d) => Placed::Date(d),
            Reach::Words(words) => {
                let placed: Vec<Word> = words
                    .iter()
                    .map(|f| {
                        let name = self.places_of(&f.text).next().unwrap_or(u32::MAX);
                        Word {
                            name,
                            allow: f.allow(),
                        }
                    })
                    .collect();
                let start = u32::try_from(self.words.len()).unwrap_or(u32::MAX);
                let len = u16::try_from(placed.len()).unwrap_or(u16::MAX);
                self.words.extend(placed.into_iter().take(usize::from(len)));
                Placed::Words { start, len }
            }
        }
    }

    /// Whether a typed text may be a right answer to a card: for a Name or Phrase answer, one
    /// of its wordings, or the last word of one, may lie within the typo allowance of one of
    /// the readings of the folded text (`texts`); for a figure, the number read lies in its
    /// range; for a date, the date read matches. False rules the card out; true means "check
    /// it". Other answers: false.
    pub fn may_answer(
        &self,
        card: CardRef,
        texts: &[Near],
        number: Option<&NumberReading>,
        date: Option<&DateReading>,
    ) -> bool {
        match self.reach.get(card.deck).and_then(|d| d.get(card.card)) {
            Some(&Placed::Words { start, len }) => {
                let run = self
                    .words
                    .get(start as usize..start as usize + usize::from(len))
                    .unwrap_or(&[]);
                run.iter().any(|w| {
                    self.names
                        .get(w.name as usize)
                        .is_none_or(|(n, _)| texts.iter().any(|t| t.may_match_allowing(n, w.allow)))
                })
            }
            Some(&Placed::Number { lo, hi }) => {
                number.is_some_and(|r| reading_inside(f64::from(lo), f64::from(hi), r))
            }
            Some(Placed::Date(d)) => date.is_some_and(|r| date_matches(d, r)),
            Some(Placed::Nothing) | None => false,
        }
    }
}

/// A card's folded keys and, for a person, the last word of each that has several: what a
/// typed answer may be near.
/// Each with the typos [`check_text`](crate::quiz::check_text::check_text) forgives against it:
/// by the letters of the wording as written, or for a last word, of the longer of it and the
/// written word.
pub(super) fn reach_keys(variants: &[Text], keys: &[String], person: bool) -> Vec<Folded> {
    let mut out: Vec<(String, usize)> = Vec::new();
    for (v, k) in variants.iter().zip(keys) {
        out.push((k.clone(), typo_allowance(letter_count(v))));
        // A surname alone answers a person; a phrase has no surname.
        if person
            && words(k).count() >= 2
            && let Some(last) = words(k).last()
        {
            let n = normalize(v);
            let written = words(&n).last().map_or(0, letter_count);
            out.push((
                last.to_string(),
                typo_allowance(written.max(letter_count(last))),
            ));
        }
    }
    // The same text twice forgives the more.
    out.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    out.dedup_by(|a, b| a.0 == b.0);
    out.into_iter()
        .map(|(k, allow)| Folded::forgiving(k, allow.min(255) as u8))
        .collect()
}

/// Every card of a kind, in library order (read from the cards' heads: a list of them would
/// cost more than going through 100,000 heads).
pub fn cards_of_kind(lib: &Library, kind: CardKind) -> impl Iterator<Item = CardRef> + '_ {
    lib.decks.iter().enumerate().flat_map(move |(di, d)| {
        let heads = d.deck.cards.heads().iter().enumerate();
        heads
            .filter(move |(_, h)| h.kind == kind)
            .map(move |(ci, _)| CardRef { deck: di, card: ci })
    })
}
