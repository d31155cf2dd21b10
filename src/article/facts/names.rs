//! Names in an article: every spelling of a person or place the library knows, folded as the
//! answer checker folds names (so Toqaev, Tokayev, Tokaev and Токаев are one), the longest
//! first; then the other capitalised runs of words ("Security Council", "Kremlin"), a word
//! that opens a sentence counted only when more capitalised words follow it.

use std::collections::HashMap;

use super::words::Words;
use super::{Fact, FactKind, FactValue};
use crate::deck::{Answer, CardKind, Deck};
use crate::quiz::index::QuizIndex;
use crate::text::fold::fold;

/// Whom or what a name the library knows names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Known {
    /// A person, as the library shows them ("Qasym-Zhomart Toqaev"); empty when the words
    /// found name several people (a surname they share).
    Person(String),
    /// A place, as the library shows it.
    Place(String),
}

/// The names the library knows, by their first folded word.
#[derive(Debug, Clone, Default)]
pub struct NameBook {
    /// First folded word -> (the following folded words, what they name).
    first: HashMap<String, Vec<(Vec<String>, Known)>>,
}

impl NameBook {
    /// The persons (every spelling and surname) and places of the quiz index.
    pub fn from_index(index: &QuizIndex) -> NameBook {
        let mut book = NameBook::default();
        let mut surnames: HashMap<&str, Vec<&str>> = HashMap::new();
        for p in &index.persons {
            for k in p.keys.iter() {
                book.add(k, Known::Person(p.display.to_string()));
            }
            for s in p.surnames.iter() {
                surnames
                    .entry(s.as_str())
                    .or_default()
                    .push(p.display.as_str());
            }
        }
        for (surname, owners) in surnames {
            let display = if owners.len() == 1 { owners[0] } else { "" };
            if !book.first.contains_key(surname) {
                book.add(surname, Known::Person(display.to_string()));
            }
        }
        for p in index.phrases.get(&CardKind::Where).into_iter().flatten() {
            for k in &p.keys {
                book.add(k, Known::Place(p.display.to_string()));
            }
        }
        book
    }

    /// Adds a name, already folded (`text::fold::fold`).
    pub fn add(&mut self, folded: &str, known: Known) {
        let mut words = folded
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(str::to_string);
        let Some(first) = words.next() else { return };
        let rest: Vec<String> = words.collect();
        let entry = self.first.entry(first).or_default();
        if !entry.iter().any(|(r, _)| *r == rest) {
            entry.push((rest, known));
            entry.sort_by_key(|(r, _)| std::cmp::Reverse(r.len()));
        }
    }

    /// Adds the people (every spelling of a Who card's answer) and places (of Where cards)
    /// of a deck, so that a deck being written knows its own names.
    pub fn add_deck(&mut self, deck: &Deck) {
        for card in &deck.cards {
            match (&card.answer, card.kind) {
                (Answer::Name(v), _) => {
                    let shown = v.first().map(|s| s.to_string()).unwrap_or_default();
                    for spelling in v {
                        self.add(&fold(spelling), Known::Person(shown.clone()));
                    }
                }
                (Answer::Phrase(v), CardKind::Where) => {
                    let shown = v.first().map(|s| s.to_string()).unwrap_or_default();
                    for wording in v {
                        self.add(&fold(wording), Known::Place(shown.clone()));
                    }
                }
                _ => {}
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.first.is_empty()
    }
}

/// Words folded once each, as names are looked up.
struct FoldCache<'a> {
    folded: HashMap<&'a str, String>,
}

impl<'a> FoldCache<'a> {
    fn get(&mut self, word: &'a str) -> &str {
        self.folded.entry(word).or_insert_with(|| fold(word))
    }
}

/// Whether the gap between two words of a name joins them: a space or a hyphen.
fn joins(gap: &str) -> bool {
    matches!(gap, " " | "-" | "\u{a0}")
}

pub(super) fn find_known(w: &Words<'_>, book: &NameBook, taken: &mut [bool]) -> Vec<Fact> {
    let mut out = Vec::new();
    if book.is_empty() {
        return out;
    }
    let mut cache = FoldCache {
        folded: HashMap::new(),
    };
    let mut i = 0;
    while i < w.len() {
        let found = if !taken[i] && w.is_capital(i) {
            longest_at(w, book, &mut cache, i, taken)
        } else {
            None
        };
        let Some((last, known)) = found else {
            i += 1;
            continue;
        };
        let range = w.span(i, last);
        let known = match known {
            Known::Person(d) if d.is_empty() => Known::Person(w.text[range.clone()].to_string()),
            k => k,
        };
        let kind = match known {
            Known::Person(_) => FactKind::Person,
            Known::Place(_) => FactKind::Place,
        };
        taken[i..=last].iter_mut().for_each(|t| *t = true);
        out.push(Fact {
            kind,
            range,
            value: FactValue::Known(known),
        });
        i = last + 1;
    }
    out
}

/// The longest name of the book that starts at word `i`: its last word and what it names.
fn longest_at<'a>(
    w: &Words<'a>,
    book: &NameBook,
    cache: &mut FoldCache<'a>,
    i: usize,
    taken: &[bool],
) -> Option<(usize, Known)> {
    let entries = book.first.get(cache.get(w.word(i)))?;
    'entries: for (rest, known) in entries {
        let last = i + rest.len();
        if last >= w.len() {
            continue;
        }
        for (k, want) in rest.iter().enumerate() {
            let at = i + 1 + k;
            if taken[at] || !joins(w.gap_after(at - 1)) || cache.get(w.word(at)) != want {
                continue 'entries;
            }
        }
        return Some((last, known.clone()));
    }
    None
}

/// Small words that may stand inside a name ("Bank of England", "Charles de Gaulle").
const CONNECTORS: [&str; 9] = ["of", "de", "al", "el", "bin", "van", "von", "la", "for"];

/// Capitalised words that open sentences without being names.
const OPENERS: [&str; 52] = [
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "but",
    "and",
    "when",
    "after",
    "before",
    "as",
    "for",
    "from",
    "by",
    "this",
    "that",
    "these",
    "those",
    "with",
    "while",
    "during",
    "since",
    "it",
    "he",
    "she",
    "they",
    "we",
    "his",
    "her",
    "their",
    "its",
    "our",
    "there",
    "here",
    "some",
    "many",
    "most",
    "if",
    "although",
    "though",
    "meanwhile",
    "however",
    "then",
    "also",
    "yet",
    "so",
    "still",
    "both",
    "all",
    "no",
    "i",
];

const DAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Whether word `i` may be part of a capitalised run.
fn capital_word(w: &Words<'_>, i: usize) -> bool {
    let word = w.word(i);
    w.is_capital(i) && !DAYS.contains(&word.to_lowercase().as_str())
}

pub(super) fn find_runs(w: &Words<'_>, taken: &mut [bool]) -> Vec<Fact> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < w.len() {
        if taken[i] || !capital_word(w, i) {
            i += 1;
            continue;
        }
        let mut last = i;
        loop {
            let next = last + 1;
            if next >= w.len() || taken[next] || !joins(w.gap_after(last)) {
                break;
            }
            if capital_word(w, next) {
                last = next;
            } else if CONNECTORS.contains(&w.word(next))
                && next + 1 < w.len()
                && !taken[next + 1]
                && w.gap_after(next) == " "
                && capital_word(w, next + 1)
            {
                last = next + 1;
            } else {
                break;
            }
        }
        let mut first = i;
        if w.opens_sentence(first) && OPENERS.contains(&w.word(first).to_lowercase().as_str()) {
            first += 1;
        }
        let keep = first <= last
            && (last > first || !w.opens_sentence(first))
            && w.word(first).chars().count() >= 2;
        if keep {
            taken[first..=last].iter_mut().for_each(|t| *t = true);
            out.push(Fact {
                kind: FactKind::Name,
                range: w.span(first, last),
                value: FactValue::Name,
            });
        }
        i = last + 1;
    }
    out
}
