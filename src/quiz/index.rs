//! What the quiz knows about the whole library: the people (every spelling of each), the
//! places and phrases, the dates and the figures, for distractors, surname matching and
//! "that is another card's answer" feedback. Built once when the library loads.

use std::collections::HashMap;

use crate::deck::{Answer, CardKind, Library, PartialDate};
use crate::text::fold::{fold, words};
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

#[derive(Debug, Clone, Default)]
pub struct QuizIndex {
    pub persons: Vec<Person>,
    pub phrases: HashMap<CardKind, Vec<Phrase>>,
    pub dates: Vec<PartialDate>,
    pub figures: Vec<Figure>,
    pub by_kind: HashMap<CardKind, Vec<CardRef>>,
}

impl QuizIndex {
    pub fn build(lib: &Library) -> QuizIndex {
        let mut ix = QuizIndex::default();
        let mut name_lists: Vec<&Vec<String>> = Vec::new();
        for (di, d) in lib.decks.iter().enumerate() {
            for (ci, card) in d.deck.cards.iter().enumerate() {
                ix.by_kind
                    .entry(card.kind)
                    .or_default()
                    .push(CardRef { deck: di, card: ci });
                match &card.answer {
                    Answer::Name(v) => name_lists.push(v),
                    Answer::Phrase(v) => ix.add_phrase(card.kind, v),
                    Answer::Date(date) => ix.dates.push(*date),
                    Answer::Number(n) => ix.figures.push(Figure {
                        value: n.value.value,
                        unit: unit_key(&n.unit),
                        display: n.display(),
                    }),
                    _ => {}
                }
            }
            for claim in &d.deck.claims {
                if let Some(date) = claim.made_on {
                    ix.dates.push(date);
                }
            }
        }
        ix.persons = group_persons(&name_lists);
        ix.dates.sort();
        ix.dates.dedup();
        ix
    }

    fn add_phrase(&mut self, kind: CardKind, variants: &[String]) {
        let keys: Vec<String> = variants.iter().map(|v| fold(v)).collect();
        let list = self.phrases.entry(kind).or_default();
        if let Some(p) = list
            .iter_mut()
            .find(|p| p.keys.iter().any(|k| keys.contains(k)))
        {
            for k in keys {
                if !p.keys.contains(&k) {
                    p.keys.push(k);
                }
            }
        } else if let Some(first) = variants.first() {
            list.push(Phrase {
                display: first.clone(),
                keys,
            });
        }
    }

    /// The person a Name answer's spellings belong to.
    pub fn person_of(&self, variants: &[String]) -> Option<usize> {
        let keys: Vec<String> = variants.iter().map(|v| fold(v)).collect();
        self.persons
            .iter()
            .position(|p| p.keys.iter().any(|k| keys.contains(k)))
    }

    /// Every folded name or phrase in the library that is not the given person's or phrase's:
    /// what a typo must not be as close to.
    pub fn other_names<'a>(&'a self, own_keys: &'a [String]) -> impl Iterator<Item = &'a str> {
        let persons = self
            .persons
            .iter()
            .filter(move |p| !p.keys.iter().any(|k| own_keys.contains(k)))
            .flat_map(|p| p.keys.iter().chain(p.surnames.iter()));
        let phrases = self
            .phrases
            .values()
            .flatten()
            .filter(move |p| !p.keys.iter().any(|k| own_keys.contains(k)))
            .flat_map(|p| p.keys.iter());
        persons.chain(phrases).map(String::as_str)
    }

    /// Whether a surname (folded) belongs to anyone but the person with these keys.
    pub fn surname_shared(&self, surname: &str, own_keys: &[String]) -> bool {
        self.persons
            .iter()
            .filter(|p| !p.keys.iter().any(|k| own_keys.contains(k)))
            .any(|p| p.surnames.iter().any(|s| s == surname) || p.keys.iter().any(|k| k == surname))
    }
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

/// Joins Name answers that share a spelling into persons.
fn group_persons(lists: &[&Vec<String>]) -> Vec<Person> {
    let mut persons: Vec<Person> = Vec::new();
    for list in lists {
        let keys: Vec<String> = list.iter().map(|v| fold(v)).collect();
        let hits: Vec<usize> = persons
            .iter()
            .enumerate()
            .filter(|(_, p)| p.keys.iter().any(|k| keys.contains(k)))
            .map(|(i, _)| i)
            .collect();
        let mut person = Person {
            display: list.first().cloned().unwrap_or_default(),
            keys: Vec::new(),
            surnames: Vec::new(),
        };
        // Merge every person this list touches into one (in reverse, to keep indexes valid).
        for &i in hits.iter().rev() {
            let p = persons.remove(i);
            person.display = p.display;
            person.keys.extend(p.keys);
        }
        person.keys.extend(keys);
        person.keys.sort();
        person.keys.dedup();
        persons.push(person);
    }
    for p in &mut persons {
        let mut surnames: Vec<String> = p
            .keys
            .iter()
            .filter(|k| words(k).count() >= 2)
            .filter_map(|k| words(k).last().map(str::to_string))
            .collect();
        surnames.sort();
        surnames.dedup();
        p.surnames = surnames;
    }
    persons
}
