//! What the quiz knows about the whole library: the people (every spelling of each), the
//! places and phrases, the dates and the figures, for distractors, surname matching and
//! "that is another card's answer" feedback. Built once when the library loads (on a worker,
//! `build.rs`), with every folded spelling and wording sorted for lookup (`lookup.rs`), so
//! that checking an answer never walks the whole library (a heavy user's has 100,000 cards).

mod build;
mod lookup;
mod near;
mod persons;
mod reach;

use std::collections::HashMap;

use crate::deck::{CardKind, PartialDate, Text};
pub use build::value_number;
pub use near::{Folded, Near};
pub use reach::cards_of_kind;
use reach::{Placed, Word};

/// One person: the spellings of every Name answer that shares a spelling with another.
#[derive(Debug, Clone)]
pub struct Person {
    pub display: Text,
    pub keys: Box<[Text]>,
    pub surnames: Box<[Text]>,
    /// The topics of the person's cards (see [`QuizIndex::topics`]).
    pub topics: TopicRun,
}

/// A phrase answer (a place, an institution) of a Where or What card.
#[derive(Debug, Clone)]
pub struct Phrase {
    pub display: Text,
    pub keys: Vec<Text>,
    /// The topics of the phrase's cards (see [`QuizIndex::topics`]).
    pub topics: TopicRun,
}

/// A figure in the library: a card's number or a claim's source value, with its unit's key
/// (`text::units::unit_key`: "US dollars" and "USD" are one).
#[derive(Debug, Clone)]
pub struct Figure {
    pub value: f64,
    pub unit: Text,
}

/// Where a person's or phrase's topics are in [`QuizIndex::topics`]' list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TopicRun {
    start: u32,
    len: u16,
}

/// Where a card sits in the library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CardRef {
    pub deck: usize,
    pub card: usize,
}

/// Whose a name of [`QuizIndex`]'s `names` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Owner {
    /// A spelling of a person.
    Person(usize),
    /// A person's surname (the last word of a spelling of several).
    Surname(usize),
    Phrase(CardKind, usize),
}

#[derive(Debug, Clone, Default)]
pub struct QuizIndex {
    pub persons: Vec<Person>,
    pub phrases: HashMap<CardKind, Vec<Phrase>>,
    pub dates: Vec<PartialDate>,
    pub figures: Vec<Figure>,
    /// Every topic of the library's decks, once, sorted.
    topic_names: Vec<Text>,
    /// The persons' and phrases' topics, as places in `topic_names`, one run after another.
    topic_ids: Vec<u16>,
    /// Every name and phrase key with its owner: a person's spellings and surnames, a
    /// phrase's wordings.
    names: Vec<(Folded, Owner)>,
    /// `names`' places in the order of their texts, to look a folded key up (whose spelling,
    /// surname or wording it is) without a map that would hold every key again.
    by_text: Vec<u32>,
    /// `reach[deck][card]`: what a typed answer must come near for the card to accept it,
    /// so that "another card's answer" reads only the cards that may be (see [`Placed`]).
    reach: Vec<Vec<Placed>>,
    /// The wordings of every card's [`Placed::Words`], one run after another.
    words: Vec<Word>,
}

impl QuizIndex {
    /// The topics of a person or phrase, as places in the list of topic names.
    pub fn topics(&self, run: TopicRun) -> &[u16] {
        let start = run.start as usize;
        self.topic_ids
            .get(start..start + usize::from(run.len))
            .unwrap_or(&[])
    }

    /// A topic's place in the list of topic names, if a Name or Phrase card has it.
    pub fn topic_number(&self, name: &str) -> Option<u16> {
        let i = self
            .topic_names
            .binary_search_by(|t| t.as_str().cmp(name))
            .ok()?;
        u16::try_from(i).ok()
    }
}
