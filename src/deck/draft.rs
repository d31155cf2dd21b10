//! A deck as the editor holds it: text fields for everything, so that half-typed values are
//! kept while the author types, with every problem placed at the source, claim or card it is
//! in (the same rules as `factquiz check`). Serializable, so an unsaved draft survives a crash.

use serde::{Deserialize, Serialize};

use super::csv::CardFields;
use super::date::PartialDate;
use super::model::{Claim, ClaimStatus, DateKnown, Deck, Source, SourceValue, Text};
use super::validate::{Subject, validate};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SourceFields {
    pub id: String,
    pub title: String,
    pub outlet: String,
    pub author: String,
    /// "YYYY-MM-DD", "YYYY-MM" or "YYYY".
    pub published: String,
    /// How the date was inferred; empty when it is printed.
    pub inferred: String,
    pub url: String,
    /// The article's text file (`text:` in the deck), kept through editing; empty for none.
    #[serde(default)]
    pub text: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ClaimFields {
    pub id: String,
    pub statement: String,
    pub made_by: String,
    pub made_on: String,
    /// confirmed, disputed, retracted or unverified.
    pub status: String,
    pub contested_by: String,
    /// One line per source: "source :: value :: where :: what it says".
    pub values: String,
    /// Why the claim's status or values changed in this version of the deck.
    #[serde(default)]
    pub changed: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeckDraft {
    pub id: String,
    pub title: String,
    pub description: String,
    pub sources: Vec<SourceFields>,
    pub claims: Vec<ClaimFields>,
    pub cards: Vec<CardFields>,
    /// The id of the saved deck this draft edits; `None` for a deck not saved yet.
    pub editing: Option<String>,
    /// The file the deck was loaded from, when it is one of the user's: saving writes it back
    /// there, whatever its name.
    #[serde(default)]
    pub file: Option<std::path::PathBuf>,
    /// Names the draft's file (letters and digits only), fixed when the draft is made, so that
    /// neither a half-typed nor a hostile id decides where the draft is written.
    #[serde(default)]
    pub token: String,
}

/// A fresh name for a draft file.
pub fn new_token() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    format!("{nanos:x}")
}

/// Where a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Deck,
    Source(usize),
    Claim(usize),
    Card(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    pub place: Place,
    pub message: String,
}

const STATUSES: [(&str, ClaimStatus); 4] = [
    ("confirmed", ClaimStatus::Confirmed),
    ("disputed", ClaimStatus::Disputed),
    ("retracted", ClaimStatus::Retracted),
    ("unverified", ClaimStatus::Unverified),
];

impl DeckDraft {
    /// The fields of a saved deck.
    pub fn of(deck: &Deck) -> DeckDraft {
        DeckDraft {
            id: deck.id.clone(),
            title: deck.title.clone(),
            description: deck.description.clone(),
            sources: deck
                .sources
                .iter()
                .map(|s| SourceFields {
                    id: s.id.clone(),
                    title: s.title.clone(),
                    outlet: s.outlet.clone(),
                    author: s.author.clone(),
                    published: if s.date_known == DateKnown::Unknown {
                        String::new()
                    } else {
                        s.published.to_string()
                    },
                    inferred: match &s.date_known {
                        DateKnown::Inferred(how) => how.clone(),
                        _ => String::new(),
                    },
                    url: s.url.clone().unwrap_or_default(),
                    text: s.text.clone().unwrap_or_default(),
                })
                .collect(),
            claims: deck
                .claims
                .iter()
                .map(|c| ClaimFields {
                    id: c.id.to_string(),
                    statement: c.statement.to_string(),
                    made_by: c.made_by.to_string(),
                    made_on: c.made_on.map(|d| d.to_string()).unwrap_or_default(),
                    status: STATUSES
                        .iter()
                        .find(|(_, s)| *s == c.status)
                        .map_or("", |(n, _)| n)
                        .to_string(),
                    contested_by: c.contested_by.clone().unwrap_or_default().to_string(),
                    changed: c.changed.clone().unwrap_or_default().to_string(),
                    values: c
                        .values
                        .iter()
                        .map(|v| {
                            format!("{} :: {} :: {} :: {}", v.source, v.value, v.locator, v.says)
                        })
                        .collect::<Vec<_>>()
                        .join("\n"),
                })
                .collect(),
            cards: deck.cards.iter().map(CardFields::of).collect(),
            editing: Some(deck.id.clone()),
            file: None,
            token: new_token(),
        }
    }

    /// A new deck with one source and one card to start from.
    pub fn new_deck() -> DeckDraft {
        DeckDraft {
            id: "my-deck".into(),
            title: "My deck".into(),
            sources: vec![SourceFields {
                id: "source".into(),
                ..SourceFields::default()
            }],
            cards: vec![blank_card("who", "source", 1)],
            token: new_token(),
            ..DeckDraft::default()
        }
    }

    /// The deck the fields describe, and every problem, each at its place.
    pub fn build(&self) -> (Deck, Vec<FieldProblem>) {
        let mut problems = Vec::new();
        let mut deck = Deck {
            id: self.id.trim().to_string(),
            title: self.title.trim().to_string(),
            description: self.description.trim().to_string(),
            sources: Vec::new(),
            claims: Vec::new(),
            cards: Vec::new(),
        };
        for (i, s) in self.sources.iter().enumerate() {
            let (published, known) = if s.published.trim().is_empty() {
                (
                    PartialDate {
                        year: 1970,
                        month: None,
                        day: None,
                    },
                    DateKnown::Unknown,
                )
            } else {
                match s.published.parse::<PartialDate>() {
                    Ok(d) if s.inferred.trim().is_empty() => (d, DateKnown::Printed),
                    Ok(d) => (d, DateKnown::Inferred(s.inferred.trim().into())),
                    Err(e) => {
                        problems.push(FieldProblem {
                            place: Place::Source(i),
                            message: format!("published: {e}"),
                        });
                        (
                            PartialDate {
                                year: 1970,
                                month: None,
                                day: None,
                            },
                            DateKnown::Unknown,
                        )
                    }
                }
            };
            deck.sources.push(Source {
                id: s.id.trim().into(),
                title: s.title.trim().into(),
                outlet: s.outlet.trim().into(),
                author: s.author.trim().into(),
                published,
                date_known: known,
                url: Some(s.url.trim().to_string()).filter(|u| !u.is_empty()),
                text: Some(s.text.trim().to_string()).filter(|t| !t.is_empty()),
            });
        }
        for (i, c) in self.claims.iter().enumerate() {
            match claim_of(c) {
                Ok(claim) => deck.claims.push(claim),
                Err(message) => problems.push(FieldProblem {
                    place: Place::Claim(i),
                    message,
                }),
            }
        }
        let mut card_index = Vec::new();
        for (i, f) in self.cards.iter().enumerate() {
            match f.to_card(&mut deck, i, false) {
                Ok(card) => {
                    card_index.push(i);
                    deck.cards.push(card);
                }
                Err(message) => problems.push(FieldProblem {
                    place: Place::Card(i),
                    message,
                }),
            }
        }
        for p in validate(&deck) {
            let place = match &p.subject {
                Subject::Deck => Place::Deck,
                Subject::Source(id, nth) => {
                    nth_index(self.sources.iter().map(|s| s.id.trim()), id, *nth)
                        .map_or(Place::Deck, Place::Source)
                }
                Subject::Claim(id, nth) => {
                    nth_index(self.claims.iter().map(|c| c.id.trim()), id, *nth)
                        .map_or(Place::Deck, Place::Claim)
                }
                Subject::Card(id, nth) => {
                    nth_index(deck.cards.iter().map(|c| c.id.as_str()), id, *nth)
                        .and_then(|k| card_index.get(k).copied())
                        .map_or(Place::Deck, Place::Card)
                }
            };
            problems.push(FieldProblem {
                place,
                message: p.message,
            });
        }
        (deck, problems)
    }

    /// A copy of card `i` with a new id, placed after it.
    pub fn duplicate_card(&mut self, i: usize) -> Option<usize> {
        let mut c = self.cards.get(i)?.clone();
        c.id = self.free_card_id(&format!("{}-copy", c.id));
        self.cards.insert(i + 1, c);
        Some(i + 1)
    }

    /// Adds a blank card of a kind; returns its index.
    pub fn add_card(&mut self, kind: &str) -> usize {
        let source = self
            .sources
            .first()
            .map(|s| s.id.clone())
            .unwrap_or_default();
        self.push_card(blank_card(kind, &source, self.cards.len() + 1))
    }

    /// Adds a card (its id made free if another card has it); returns its index.
    pub fn push_card(&mut self, mut card: CardFields) -> usize {
        card.id = self.free_card_id(&card.id);
        self.cards.push(card);
        self.cards.len() - 1
    }

    fn free_card_id(&self, base: &str) -> String {
        let taken = |id: &str| self.cards.iter().any(|c| c.id == id);
        if !taken(base) {
            return base.to_string();
        }
        (2..)
            .map(|n| format!("{base}-{n}"))
            .find(|id| !taken(id))
            .unwrap_or_default()
    }
}

fn blank_card(kind: &str, source: &str, n: usize) -> CardFields {
    CardFields {
        id: format!("card-{n}"),
        kind: kind.into(),
        evidence: format!("{source} :: where in the article :: what it says there"),
        ..CardFields::default()
    }
}

fn nth_index<'a>(ids: impl Iterator<Item = &'a str>, id: &str, nth: usize) -> Option<usize> {
    ids.enumerate()
        .filter(|(_, x)| *x == id)
        .nth(nth)
        .map(|(i, _)| i)
}

fn claim_of(c: &ClaimFields) -> Result<Claim, String> {
    let status = STATUSES
        .iter()
        .find(|(n, _)| *n == c.status.trim().to_lowercase())
        .map(|(_, s)| *s)
        .ok_or("status: confirmed, disputed, retracted or unverified")?;
    let made_on = match c.made_on.trim() {
        "" => None,
        d => Some(
            d.parse::<PartialDate>()
                .map_err(|e| format!("made on: {e}"))?,
        ),
    };
    let values = c
        .values
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| {
            let p: Vec<&str> = l.split("::").map(str::trim).collect();
            match p.as_slice() {
                [source, value, locator, says] => Ok(SourceValue {
                    source: (*source).into(),
                    value: (*value).into(),
                    locator: (*locator).into(),
                    says: (*says).into(),
                }),
                _ => Err(format!(
                    "value \"{l}\": write \"source :: value :: where :: what it says\""
                )),
            }
        })
        .collect::<Result<Vec<_>, String>>()?;
    Ok(Claim {
        id: c.id.trim().into(),
        statement: c.statement.trim().into(),
        made_by: c.made_by.trim().into(),
        made_on,
        status,
        values,
        contested_by: Some(c.contested_by.trim().into()).filter(|s: &Text| !s.is_empty()),
        changed: Some(c.changed.trim().into()).filter(|s: &Text| !s.is_empty()),
    })
}

/// Whether building changed nothing of a saved deck (for "unsaved changes").
pub fn same_as(draft: &DeckDraft, deck: &Deck) -> bool {
    let (built, problems) = draft.build();
    problems.is_empty() && built == *deck
}
