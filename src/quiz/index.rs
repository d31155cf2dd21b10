//! What the quiz knows about the whole library: the people (every spelling of each), the
//! places and phrases, the dates and the figures, for distractors, surname matching and
//! "that is another card's answer" feedback. Built once when the library loads (on a worker),
//! with every folded spelling and wording sorted for lookup, so that checking an answer never
//! walks the whole library (a heavy user's has 100,000 cards).

use std::collections::{HashMap, HashSet};

use super::check::accepted_range;
pub use super::near::{Folded, Near};
use super::persons::group_persons;
use crate::deck::{Answer, CardKind, Library, PartialDate, Text};
use crate::text::fold::{distance, fold};
use crate::text::number::parse_number;

/// One person: the spellings of every Name answer that shares a spelling with another.
#[derive(Debug, Clone)]
pub struct Person {
    pub display: Text,
    pub keys: Box<[Text]>,
    pub surnames: Box<[Text]>,
}

/// A phrase answer (a place, an institution) of a Where or What card.
#[derive(Debug, Clone)]
pub struct Phrase {
    pub display: Text,
    pub keys: Vec<Text>,
}

/// A figure in the library: a card's number or a claim's source value.
#[derive(Debug, Clone)]
pub struct Figure {
    pub value: f64,
    pub unit: Text,
    pub display: Text,
}

#[path = "index_bytes.rs"]
mod bytes;
#[path = "index_reach.rs"]
mod reach;
pub use reach::cards_of_kind;
use reach::{Placed, Reach, Word, reach_keys};

/// Where a card sits in the library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CardRef {
    pub deck: usize,
    pub card: usize,
}

/// Whose a name of [`QuizIndex::other_names`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Owner {
    /// A spelling of a person.
    Person(usize),
    /// A person's surname (the last word of a spelling of several).
    Surname(usize),
    Phrase(CardKind, usize),
}

/// Each folded wording of a phrase and the phrases (of any kind) that hold it, while the
/// phrases are joined.
type PhraseKeys = HashMap<Text, Vec<(CardKind, usize)>>;

#[derive(Debug, Clone, Default)]
pub struct QuizIndex {
    pub persons: Vec<Person>,
    pub phrases: HashMap<CardKind, Vec<Phrase>>,
    pub dates: Vec<PartialDate>,
    pub figures: Vec<Figure>,
    /// Every name and phrase key, in the order of [`QuizIndex::other_names`], with its owner:
    /// a person's spellings and surnames, a phrase's wordings.
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
    pub fn build(lib: &Library) -> QuizIndex {
        // What each card gives (folding every spelling is the costly part) is read on every
        // core, a deck at a time; it is joined in library order after.
        let parts = read_decks(lib);
        let mut ix = QuizIndex::default();
        let mut name_lists: Vec<(Option<Text>, Vec<Text>)> = Vec::new();
        let mut drafts: Vec<Vec<Reach>> = Vec::with_capacity(lib.decks.len());
        let mut phrase_keys = PhraseKeys::new();
        for part in parts {
            for (kind, words) in part.keys {
                match words {
                    Wordings::Name(first, keys) => name_lists.push((first, keys)),
                    Wordings::Phrase(first, keys) => {
                        ix.add_phrase(&mut phrase_keys, kind, first, keys)
                    }
                }
            }
            ix.dates.extend(part.dates);
            ix.figures.extend(part.figures);
            drafts.push(part.reach);
        }
        ix.persons = group_persons(name_lists);
        drop(phrase_keys);
        for (i, p) in ix.persons.iter().enumerate() {
            for k in p.keys.iter() {
                ix.names.push((Folded::new(k.as_str()), Owner::Person(i)));
            }
            for k in p.surnames.iter() {
                ix.names.push((Folded::new(k.as_str()), Owner::Surname(i)));
            }
        }
        for (kind, list) in &ix.phrases {
            for (i, p) in list.iter().enumerate() {
                for k in &p.keys {
                    ix.names
                        .push((Folded::new(k.as_str()), Owner::Phrase(*kind, i)));
                }
            }
        }
        let mut by_text: Vec<u32> = (0..ix.names.len())
            .map(|i| u32::try_from(i).unwrap_or(u32::MAX))
            .collect();
        by_text.sort_by(|&a, &b| {
            ix.names[a as usize]
                .0
                .text
                .cmp(&ix.names[b as usize].0.text)
        });
        ix.by_text = by_text;
        for deck in drafts {
            let placed = deck.into_iter().map(|r| ix.placed(r)).collect();
            ix.reach.push(placed);
        }
        ix.dates.sort();
        ix.dates.dedup();
        ix.shrink_to_fit();
        // Built, the index lies among the freed lists it was built from; a copy of it is
        // packed into memory of its own, and the pages freed can be given back (see
        // `malloc::trim`): 13 -> 10 MB at 100,000 cards.
        let packed = ix.clone();
        drop(ix);
        packed
    }

    /// Gives back the room that lists and maps grown one entry at a time keep spare (a
    /// fifth of the index at 100,000 cards).
    fn shrink_to_fit(&mut self) {
        self.persons.shrink_to_fit();
        self.phrases.values_mut().for_each(Vec::shrink_to_fit);
        self.dates.shrink_to_fit();
        self.figures.shrink_to_fit();
        self.names.shrink_to_fit();
        self.by_text.shrink_to_fit();
        self.reach.shrink_to_fit();
        self.words.shrink_to_fit();
    }

    /// Adds a phrase's wordings to the first phrase of its kind that shares one, or as a new
    /// phrase.
    fn add_phrase(
        &mut self,
        by_key: &mut PhraseKeys,
        kind: CardKind,
        display: Option<Text>,
        keys: Vec<Text>,
    ) {
        // The first phrase (lowest index) that holds any of the keys: a temporary map per kind.
        let list = self.phrases.entry(kind).or_default();
        let first = keys
            .iter()
            .filter_map(|k| {
                by_key.get(k.as_str()).and_then(|v| {
                    v.iter()
                        .filter(|(kd, _)| *kd == kind)
                        .map(|(_, i)| *i)
                        .min()
                })
            })
            .min();
        if let Some(i) = first {
            let p = &mut list[i];
            for k in keys {
                if !p.keys.contains(&k) {
                    let owners = by_key.entry(k.clone()).or_default();
                    if !owners.contains(&(kind, i)) {
                        owners.push((kind, i));
                    }
                    p.keys.push(k);
                }
            }
        } else if let Some(display) = display {
            let i = list.len();
            for k in &keys {
                let owners = by_key.entry(k.clone()).or_default();
                if !owners.contains(&(kind, i)) {
                    owners.push((kind, i));
                }
            }
            list.push(Phrase { display, keys });
        }
    }

    /// Whose spelling, surname or wording a folded key is (see `names`).
    fn owners_of<'a>(&'a self, key: &'a str) -> impl Iterator<Item = Owner> + 'a {
        self.places_of(key).map(|i| self.names[i as usize].1)
    }

    /// The places in `names` of the entries whose text is `key`.
    fn places_of<'a>(&'a self, key: &'a str) -> impl Iterator<Item = u32> + 'a {
        let text = |i: u32| self.names[i as usize].0.text.as_str();
        let start = self.by_text.partition_point(|&i| text(i) < key);
        self.by_text[start..]
            .iter()
            .copied()
            .take_while(move |&i| text(i) == key)
    }

    /// The person whose spelling a folded key is (a spelling is one person's only).
    fn person_by_key(&self, key: &str) -> Option<usize> {
        self.owners_of(key).find_map(|o| match o {
            Owner::Person(p) => Some(p),
            _ => None,
        })
    }

    /// The person a Name answer's spellings belong to.
    pub fn person_of(&self, variants: &[Text]) -> Option<usize> {
        variants
            .iter()
            .filter_map(|v| self.person_by_key(&fold(v)))
            .min()
    }

    /// The persons whose spellings include one of these keys.
    fn persons_with(&self, keys: &[String]) -> HashSet<usize> {
        keys.iter().filter_map(|k| self.person_by_key(k)).collect()
    }

    /// The phrases (of any kind) whose wordings include one of these keys.
    fn phrases_with(&self, keys: &[String]) -> HashSet<(CardKind, usize)> {
        keys.iter()
            .flat_map(|k| self.owners_of(k))
            .filter_map(|o| match o {
                Owner::Phrase(kind, i) => Some((kind, i)),
                _ => None,
            })
            .collect()
    }

    /// The folded keys of the person and the phrases that share a key with `keys`, `keys`
    /// included: everything that counts as the same answer.
    pub fn own_keys(&self, keys: &[String]) -> Vec<String> {
        let mut own: Vec<String> = keys.to_vec();
        if let Some(p) = self.persons_with(keys).into_iter().min() {
            own.extend(self.persons[p].keys.iter().map(Text::to_string));
        }
        for (kind, i) in self.phrases_with(keys) {
            if let Some(p) = self.phrases.get(&kind).and_then(|l| l.get(i)) {
                own.extend(p.keys.iter().map(Text::to_string));
            }
        }
        own.sort();
        own.dedup();
        own
    }

    fn is_own(
        &self,
        owner: Owner,
        persons: &HashSet<usize>,
        phrases: &HashSet<(CardKind, usize)>,
    ) -> bool {
        match owner {
            Owner::Person(p) | Owner::Surname(p) => persons.contains(&p),
            Owner::Phrase(k, i) => phrases.contains(&(k, i)),
        }
    }

    /// Every folded name or phrase in the library that is not the given person's or phrase's:
    /// what a typo must not be as close to.
    pub fn other_names<'a>(&'a self, own_keys: &'a [String]) -> impl Iterator<Item = &'a str> {
        let persons = self.persons_with(own_keys);
        let phrases = self.phrases_with(own_keys);
        self.names
            .iter()
            .filter(move |(_, o)| !self.is_own(*o, &persons, &phrases))
            .map(|(n, _)| n.text.as_str())
    }

    /// The first of [`QuizIndex::other_names`] within `d` edits of `answer` (folded) that is
    /// not one of `own_keys`.
    pub fn other_name_within(&self, answer: &str, d: usize, own_keys: &[String]) -> Option<&str> {
        let persons = self.persons_with(own_keys);
        let phrases = self.phrases_with(own_keys);
        let answer = Folded::new(answer.to_string());
        let near = Near::new(&answer, d);
        self.names
            .iter()
            .filter(|(n, _)| near.may_match(n))
            .filter(|(_, o)| !self.is_own(*o, &persons, &phrases))
            .map(|(n, _)| n.text.as_str())
            .filter(|n| !own_keys.iter().any(|k| k == n))
            .find(|n| distance(&answer.text, n) <= d)
    }

    /// Whether a surname (folded) belongs to anyone but the person with these keys.
    pub fn surname_shared(&self, surname: &str, own_keys: &[String]) -> bool {
        let own = self.persons_with(own_keys);
        self.owners_of(surname).any(|o| match o {
            Owner::Person(p) | Owner::Surname(p) => !own.contains(&p),
            Owner::Phrase(..) => false,
        })
    }
}

/// A Name or Phrase answer's first wording (as shown), and every wording folded.
enum Wordings {
    Name(Option<Text>, Vec<Text>),
    Phrase(Option<Text>, Vec<Text>),
}

/// What one deck's cards give the index.
#[derive(Default)]
struct DeckPart {
    /// The wordings of each Name or Phrase answer, with its card's kind, in deck order.
    keys: Vec<(CardKind, Wordings)>,
    /// Every card's [`Reach`].
    reach: Vec<Reach>,
    dates: Vec<PartialDate>,
    figures: Vec<Figure>,
}

/// Reads every card of a deck (from its file when the cards are in one; a deck whose copy
/// cannot be read gives what was read before).
fn read_deck(deck: &crate::deck::Deck<crate::deck::Cards>) -> DeckPart {
    let mut part = DeckPart {
        reach: Vec::with_capacity(deck.cards.len()),
        ..DeckPart::default()
    };
    let _ = deck.cards.for_each(|_, card| {
        let mut reach = Reach::Nothing;
        match &card.answer {
            Answer::Name(v) | Answer::Phrase(v) => {
                let keys: Vec<String> = v.iter().map(|v| fold(v)).collect();
                let name = matches!(card.answer, Answer::Name(_));
                reach = Reach::Words(reach_keys(v, &keys, name).into_boxed_slice());
                let keys: Vec<Text> = keys.into_iter().map(Text::from).collect();
                let first = v.first().cloned();
                let words = if name {
                    Wordings::Name(first, keys)
                } else {
                    Wordings::Phrase(first, keys)
                };
                part.keys.push((card.kind, words));
            }
            Answer::Date(date) => {
                part.dates.push(*date);
                reach = Reach::Date(*date);
            }
            Answer::Number(n) => {
                part.figures.push(Figure {
                    value: n.value.value,
                    unit: unit_key(&n.unit).into(),
                    display: n.display().into(),
                });
                let (lo, hi) = accepted_range(n);
                reach = Reach::Number { lo, hi };
            }
            _ => {}
        }
        part.reach.push(reach);
    });
    part.reach.resize_with(deck.cards.len(), || Reach::Nothing);
    part.dates
        .extend(deck.claims.iter().filter_map(|c| c.made_on));
    part
}

/// [`read_deck`] of every deck, on every core; in library order.
fn read_decks(lib: &Library) -> Vec<DeckPart> {
    crate::parallel::map_indexed(lib.decks.len(), |i| read_deck(&lib.decks[i].deck))
}

/// A unit compared loosely: lowercase, plural 's' dropped.
pub fn unit_key(unit: &str) -> String {
    let n = crate::text::fold::normalize(unit);
    n.split(' ')
        .map(|w| w.strip_suffix('s').filter(|s| s.len() > 2).unwrap_or(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The number a claim's source value gives, if it gives one.
pub fn value_number(text: &str) -> Option<f64> {
    parse_number(text).map(|r| r.value)
}
