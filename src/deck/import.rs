//! Importing a deck file (RON, CSV or TSV) into the user's decks: every line that cannot be
//! read is reported with its number and why; nothing is written unless the user asks to skip
//! the bad lines.

use std::collections::HashSet;
use std::path::Path;

use super::csv::read_csv;
use super::load::{load_deck, parse_deck};
use super::model::Deck;
use super::validate::{Subject, validate};

/// A deck read for import, and the lines that could not be used.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub deck: Deck,
    /// "file:line: why" for each bad line (or "file:line:col: ..." for RON).
    pub problems: Vec<String>,
    /// Whether the deck is valid once the bad lines are left out.
    pub usable_without_bad_lines: bool,
}

/// Reads a file for import. With `skip_bad`, the cards of bad lines are left out of `deck`.
pub fn prepare(path: &Path, text: &str, skip_bad: bool) -> Prepared {
    let file = path.display().to_string();
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if ext == "csv" || ext == "tsv" || ext == "tab" {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        return match read_csv(text, &file, &stem, ext != "csv") {
            Ok(imp) => {
                let problems: Vec<String> = imp
                    .bad_lines
                    .iter()
                    .map(|(l, why)| format!("{file}:{l}: {why}"))
                    .collect();
                let bad: HashSet<u64> = imp.bad_lines.iter().map(|(l, _)| *l).collect();
                let mut deck = imp.deck;
                if skip_bad {
                    deck.cards.retain(|c| {
                        imp.lines
                            .get(c.id.as_str())
                            .is_none_or(|l| !bad.contains(l))
                    });
                }
                let usable = validate(&Deck {
                    cards: keep_good(&deck, &imp.lines, &bad),
                    ..deck.clone()
                })
                .is_empty();
                Prepared {
                    deck,
                    problems,
                    usable_without_bad_lines: usable,
                }
            }
            Err(e) => Prepared {
                deck: empty(),
                problems: vec![e.to_string()],
                usable_without_bad_lines: false,
            },
        };
    }
    match load_deck(text, &file) {
        Ok(deck) => Prepared {
            deck,
            problems: Vec::new(),
            usable_without_bad_lines: true,
        },
        Err(errors) => {
            let problems = errors.iter().map(ToString::to_string).collect();
            // Cards with problems can be left out; a deck that does not parse cannot.
            match parse_deck(text, &file) {
                Ok(mut deck) => {
                    let bad: HashSet<String> = validate(&deck)
                        .into_iter()
                        .filter_map(|p| match p.subject {
                            Subject::Card(id, _) => Some(id),
                            _ => None,
                        })
                        .collect();
                    let mut good = deck.clone();
                    good.cards.retain(|c| !bad.contains(c.id.as_str()));
                    let usable = validate(&good).is_empty();
                    if skip_bad {
                        deck = good;
                    }
                    Prepared {
                        deck,
                        problems,
                        usable_without_bad_lines: usable,
                    }
                }
                Err(_) => Prepared {
                    deck: empty(),
                    problems,
                    usable_without_bad_lines: false,
                },
            }
        }
    }
}

fn keep_good(
    deck: &Deck,
    lines: &std::collections::HashMap<String, u64>,
    bad: &HashSet<u64>,
) -> Vec<super::model::Card> {
    deck.cards
        .iter()
        .filter(|c| lines.get(c.id.as_str()).is_none_or(|l| !bad.contains(l)))
        .cloned()
        .collect()
}

fn empty() -> Deck {
    Deck {
        id: String::new(),
        title: String::new(),
        description: String::new(),
        sources: Vec::new(),
        claims: Vec::new(),
        cards: Vec::new(),
    }
}
