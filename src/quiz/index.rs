//! What the quiz knows about the whole library: the people (every spelling of each), the
//! places and phrases, the dates and the figures, for distractors, surname matching and
//! "that is another card's answer" feedback. Built once when the library loads, with hash
//! maps from each folded spelling to its person or phrase, so that checking an answer never
//! walks the whole library (a heavy user's has 100,000 cards).

use std::collections::{HashMap, HashSet};

use super::check_text::typo_allowance;
pub use super::near::{Folded, Near};
use super::persons::group_persons;
use crate::deck::{Answer, CardKind, Library, PartialDate, Text};
use crate::text::fold::{distance, fold, letter_count, normalize, words};
use crate::text::number::parse_number;

/// One person: the spellings of every Name answer that shares a spelling with another.
#[derive(Debug, Clone)]
pub struct Person {
    pub display: String,
    pub keys: Vec<String>,
    pub surnames: Vec<String>,
}

/// A phrase answer (a place, an institution) of a Where or What card.
#[derive(Debug, Clone)]
pub struct Phrase {
    pub display: String,
    pub keys: Vec<String>,
}

/// A figure in the library: a card's number or a claim's source value.
#[derive(Debug, Clone)]
pub struct Figure {
    pub value: f64,
    pub unit: String,
    pub display: String,
}

/// Where a card sits in the library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CardRef {
    pub deck: usize,
    pub card: usize,
}

/// Whose a name of [`QuizIndex::other_names`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Owner {
    Person(usize),
    Phrase(CardKind, usize),
}

#[derive(Debug, Clone, Default)]
pub struct QuizIndex {
    pub persons: Vec<Person>,
    pub phrases: HashMap<CardKind, Vec<Phrase>>,
    pub dates: Vec<PartialDate>,
    pub figures: Vec<Figure>,
    pub by_kind: HashMap<CardKind, Vec<CardRef>>,
    /// Each folded spelling of a person, and whose it is (a spelling is one person's only).
    person_by_key: HashMap<String, usize>,
    /// Each folded surname or spelling, and the persons that have it.
    by_surname: HashMap<String, Vec<usize>>,
    /// Each folded wording of a phrase, and the phrases (of any kind) that hold it.
    phrase_by_key: HashMap<String, Vec<(CardKind, usize)>>,
    /// Every name and phrase key, in the order of [`QuizIndex::other_names`], with its owner.
    names: Vec<(Folded, Owner)>,
    /// `card_keys[deck][card]`: a Name or Phrase card's folded wordings and their last words
    /// (the texts a typed answer must come near to be accepted).
    card_keys: Vec<Vec<Vec<Folded>>>,
}

impl QuizIndex {
    pub fn build(lib: &Library) -> QuizIndex {
        // What each card gives (folding every spelling is the costly part) is read on every
        // core, a deck at a time; it is joined in library order after.
        let parts = read_decks(lib);
        let mut ix = QuizIndex::default();
        let mut name_lists: Vec<(&Vec<Text>, Vec<String>)> = Vec::new();
        let mut card_keys = Vec::with_capacity(lib.decks.len());
        for ((di, d), part) in lib.decks.iter().enumerate().zip(parts) {
            for (ci, card) in d.deck.cards.iter().enumerate() {
                ix.by_kind
                    .entry(card.kind)
                    .or_default()
                    .push(CardRef { deck: di, card: ci });
            }
            for (ci, keys) in part.keys {
                let card = &d.deck.cards[ci];
                match &card.answer {
                    Answer::Name(v) => name_lists.push((v, keys)),
                    Answer::Phrase(v) => ix.add_phrase(card.kind, v, keys),
                    _ => {}
                }
            }
            ix.dates.extend(part.dates);
            ix.figures.extend(part.figures);
            card_keys.push(part.reach);
        }
        ix.card_keys = card_keys;
        ix.persons = group_persons(&name_lists);
        for (i, p) in ix.persons.iter().enumerate() {
            for k in &p.keys {
                ix.person_by_key.insert(k.clone(), i);
            }
            let mut seen: Vec<&String> = p.keys.iter().chain(&p.surnames).collect();
            seen.sort();
            seen.dedup();
            for s in seen {
                ix.by_surname.entry(s.clone()).or_default().push(i);
            }
        }
        for (i, p) in ix.persons.iter().enumerate() {
            for k in p.keys.iter().chain(&p.surnames) {
                ix.names.push((Folded::new(k.clone()), Owner::Person(i)));
            }
        }
        for (kind, list) in &ix.phrases {
            for (i, p) in list.iter().enumerate() {
                for k in &p.keys {
                    ix.names
                        .push((Folded::new(k.clone()), Owner::Phrase(*kind, i)));
                    let owners = ix.phrase_by_key.entry(k.clone()).or_default();
                    if !owners.contains(&(*kind, i)) {
                        owners.push((*kind, i));
                    }
                }
            }
        }
        ix.dates.sort();
        ix.dates.dedup();
        ix
    }

    /// Adds a phrase's wordings to the first phrase of its kind that shares one, or as a new
    /// phrase.
    fn add_phrase(&mut self, kind: CardKind, variants: &[Text], keys: Vec<String>) {
        // The first phrase (lowest index) that holds any of the keys: a temporary map per kind.
        let list = self.phrases.entry(kind).or_default();
        let first = keys
            .iter()
            .filter_map(|k| {
                self.phrase_by_key.get(k).and_then(|v| {
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
                    let owners = self.phrase_by_key.entry(k.clone()).or_default();
                    if !owners.contains(&(kind, i)) {
                        owners.push((kind, i));
                    }
                    p.keys.push(k);
                }
            }
        } else if let Some(first) = variants.first() {
            let i = list.len();
            for k in &keys {
                let owners = self.phrase_by_key.entry(k.clone()).or_default();
                if !owners.contains(&(kind, i)) {
                    owners.push((kind, i));
                }
            }
            list.push(Phrase {
                display: first.to_string(),
                keys,
            });
        }
    }

    /// The person a Name answer's spellings belong to.
    pub fn person_of(&self, variants: &[Text]) -> Option<usize> {
        variants
            .iter()
            .filter_map(|v| self.person_by_key.get(&fold(v)).copied())
            .min()
    }

    /// The persons whose spellings include one of these keys.
    fn persons_with(&self, keys: &[String]) -> HashSet<usize> {
        keys.iter()
            .filter_map(|k| self.person_by_key.get(k).copied())
            .collect()
    }

    /// The phrases (of any kind) whose wordings include one of these keys.
    fn phrases_with(&self, keys: &[String]) -> HashSet<(CardKind, usize)> {
        keys.iter()
            .filter_map(|k| self.phrase_by_key.get(k))
            .flatten()
            .copied()
            .collect()
    }

    /// The folded keys of the person and the phrases that share a key with `keys`, `keys`
    /// included: everything that counts as the same answer.
    pub fn own_keys(&self, keys: &[String]) -> Vec<String> {
        let mut own: Vec<String> = keys.to_vec();
        if let Some(p) = self.persons_with(keys).into_iter().min() {
            own.extend(self.persons[p].keys.iter().cloned());
        }
        for (kind, i) in self.phrases_with(keys) {
            if let Some(p) = self.phrases.get(&kind).and_then(|l| l.get(i)) {
                own.extend(p.keys.iter().cloned());
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
            Owner::Person(p) => persons.contains(&p),
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
        let Some(holders) = self.by_surname.get(surname) else {
            return false;
        };
        let own = self.persons_with(own_keys);
        holders.iter().any(|p| !own.contains(p))
    }

    /// Whether a typed text (folded) may be a right answer to a card with a Name or Phrase
    /// answer: one of its wordings, or the last word of one, may lie within the typo allowance
    /// of it. False rules the card out; true means "check it".
    pub fn text_may_match(&self, card: CardRef, answer: &Near) -> bool {
        self.card_keys
            .get(card.deck)
            .and_then(|deck| deck.get(card.card))
            .is_some_and(|keys| keys.iter().any(|k| answer.may_match(k)))
    }
}

/// What one deck's cards give the index.
#[derive(Default)]
struct DeckPart {
    /// (card, folded keys) of each Name or Phrase answer, in deck order.
    keys: Vec<(usize, Vec<String>)>,
    /// Every card's [`reach_keys`] (none for other answers).
    reach: Vec<Vec<Folded>>,
    dates: Vec<PartialDate>,
    figures: Vec<Figure>,
}

fn read_deck(deck: &crate::deck::Deck) -> DeckPart {
    let mut part = DeckPart {
        reach: Vec::with_capacity(deck.cards.len()),
        ..DeckPart::default()
    };
    for (ci, card) in deck.cards.iter().enumerate() {
        let mut reach = Vec::new();
        match &card.answer {
            Answer::Name(v) | Answer::Phrase(v) => {
                let keys: Vec<String> = v.iter().map(|v| fold(v)).collect();
                reach = reach_keys(v, &keys, matches!(card.answer, Answer::Name(_)));
                part.keys.push((ci, keys));
            }
            Answer::Date(date) => part.dates.push(*date),
            Answer::Number(n) => part.figures.push(Figure {
                value: n.value.value,
                unit: unit_key(&n.unit),
                display: n.display(),
            }),
            _ => {}
        }
        part.reach.push(reach);
    }
    part.dates
        .extend(deck.claims.iter().filter_map(|c| c.made_on));
    part
}

/// [`read_deck`] of every deck, on every core; in library order.
fn read_decks(lib: &Library) -> Vec<DeckPart> {
    crate::parallel::map_indexed(lib.decks.len(), |i| read_deck(&lib.decks[i].deck))
}

/// A card's folded keys and, for a person, the last word of each that has several: what a
/// typed answer may be near.
/// Each with the typos [`check_text`](super::check_text::check_text) forgives against it:
/// by the letters of the wording as written, or for a last word, of the longer of it and the
/// written word.
fn reach_keys(variants: &[Text], keys: &[String], person: bool) -> Vec<Folded> {
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
