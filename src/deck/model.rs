//! The deck format's types: what a RON deck file holds, as serde types.
//!
//! A deck has sources (the articles it rests on), claims (figures or statements that a source
//! attributes to someone, with each source's own value), and cards. Cards refer to sources and
//! claims by id. Ids never change once a deck ships: progress is keyed by (deck id, card id).

use serde::{Deserialize, Serialize};

pub use super::ask::AskMode;
use super::date::PartialDate;

/// A card's text: a string kept inline when it is short (ids, topics, names, most answers are
/// under 24 bytes), so that 100,000 cards do not cost a million small allocations. Reads as a
/// `&str` everywhere.
pub type Text = compact_str::CompactString;

/// One deck: one RON file. The library keeps its cards as [`super::cards::Cards`] and its
/// claims as [`super::claims::Claims`] (heads in memory, whole cards and claims when asked):
/// `Deck<Cards, Claims>`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deck<C = Vec<Card>, L = Vec<Claim>> {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub sources: Vec<Source>,
    #[serde(default)]
    pub claims: L,
    #[serde(default)]
    pub cards: C,
}

/// An article (or other document) that cards cite.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub outlet: String,
    #[serde(default)]
    pub author: String,
    /// When it was published, as precisely as it is known: "2022-01-12", "2022-01" or "2024".
    pub published: PartialDate,
    /// How the date is known: printed on the page, or inferred (and from what).
    #[serde(default)]
    pub date_known: DateKnown,
    #[serde(default)]
    pub url: Option<String>,
    /// The file that holds the article's text (a `.txt`, `.md` or `.html` file name, or a
    /// relative path without `..`), looked for beside the deck file, then in
    /// `<data dir>/articles/`, then in each folder given with `factquiz check --articles DIR`.
    /// `factquiz check` looks every locator that cites this source up in it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// How a source's publication date is known.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum DateKnown {
    /// The date is printed in the article or on its page.
    #[default]
    Printed,
    /// The date is not printed; the text says how it was inferred.
    Inferred(String),
    /// Nobody has said yet (a source made by an import); `published` holds no real date.
    Unknown,
}

/// A figure or statement that someone made, which sources report, perhaps differently.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    pub id: Text,
    /// The claim in one line, in the deck author's words.
    pub statement: Text,
    /// Who made it: a person, an office, "the authorities".
    pub made_by: Text,
    /// When it was made, as precisely as the sources say.
    #[serde(default)]
    pub made_on: Option<PartialDate>,
    pub status: ClaimStatus,
    /// Each source's own value for the claim, with where it says so.
    pub values: Vec<SourceValue>,
    /// What contests the claim, if anything: who disputes it, retracted it, or what contradicts it.
    #[serde(default)]
    pub contested_by: Option<Text>,
    /// Why the claim's status or values changed in this version of the deck, shown to a
    /// learner who learned them before ("Confirmed by the court in 2024").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changed: Option<Text>,
}

/// Where a claim stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ClaimStatus {
    Confirmed,
    Disputed,
    Retracted,
    Unverified,
}

/// One source's value for a claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceValue {
    pub source: Text,
    /// The value as the source gives it: "227 dead", "about 2,500 troops", "January 5".
    pub value: Text,
    pub locator: Text,
    pub says: Text,
}

/// One question with its answer and the evidence for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Card {
    pub id: Text,
    pub kind: CardKind,
    /// Topics for weak-topic study, as "category/name": "person/Toqaev", "place/Almaty".
    #[serde(default)]
    pub topics: Vec<Text>,
    pub prompt: Text,
    pub answer: Answer,
    #[serde(default)]
    pub explanation: Text,
    pub evidence: Vec<Evidence>,
    /// The id of a claim of the deck that this card is about.
    #[serde(default)]
    pub claim: Option<Text>,
    /// How the card is always asked, whatever the answer-mode setting (none: by the setting).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<AskMode>,
    /// Why the card's answer changed in this version of the deck, shown to a learner who
    /// learned the old one ("The official toll was revised from 225 to 238").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changed: Option<Text>,
}

/// What a card asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum CardKind {
    Who,
    When,
    Figure,
    Where,
    What,
    Verdict,
    Order,
    SourceSaid,
}

impl CardKind {
    pub const ALL: [CardKind; 8] = [
        CardKind::Who,
        CardKind::When,
        CardKind::Figure,
        CardKind::Where,
        CardKind::What,
        CardKind::Verdict,
        CardKind::Order,
        CardKind::SourceSaid,
    ];

    /// The name used in the RON format and in reports.
    pub fn name(self) -> &'static str {
        match self {
            CardKind::Who => "Who",
            CardKind::When => "When",
            CardKind::Figure => "Figure",
            CardKind::Where => "Where",
            CardKind::What => "What",
            CardKind::Verdict => "Verdict",
            CardKind::Order => "Order",
            CardKind::SourceSaid => "SourceSaid",
        }
    }
}

/// A card's answer, typed by what it is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Answer {
    /// A person: every accepted spelling, the preferred one first.
    Name(Vec<Text>),
    /// A phrase, place or institution: every accepted wording, the preferred one first.
    Phrase(Vec<Text>),
    /// A number with its unit; an answer within [min, max] (when given) is right. Boxed: it is
    /// four times the size of the other answers, and every card would pay for it.
    Number(Box<NumberAnswer>),
    /// A date, as precise as the card knows it: "2022-01-05", "2022-01" or "2022".
    Date(PartialDate),
    /// Whether a statement is confirmed, false, disputed or unverified.
    Verdict(Verdict),
    /// Events, in the right order (three to six).
    Order(Vec<Text>),
    /// Figures, each with the id of the source that gave it.
    SourceSaid(Vec<Attribution>),
}

/// A number answer: the value, its unit, and an optional accepted range.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NumberAnswer {
    pub value: Amount,
    #[serde(default)]
    pub unit: Text,
    #[serde(default)]
    pub min: Option<Amount>,
    #[serde(default)]
    pub max: Option<Amount>,
}

/// A number in a deck: written as a RON number (`227`) or as text the way an article gives it
/// (`"five hundred"`, `"20,000"`). Text is read with the answer checker's number reader, and
/// kept so that the deck is written back as it was.
#[derive(Debug, Clone, PartialEq)]
pub struct Amount {
    pub value: f64,
    pub text: Option<String>,
}

/// A verdict on a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Verdict {
    Confirmed,
    False,
    Disputed,
    Unverified,
}

impl Verdict {
    pub const ALL: [Verdict; 4] = [
        Verdict::Confirmed,
        Verdict::False,
        Verdict::Disputed,
        Verdict::Unverified,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Verdict::Confirmed => "confirmed",
            Verdict::False => "false",
            Verdict::Disputed => "disputed",
            Verdict::Unverified => "unverified",
        }
    }
}

/// A figure and the source that gave it, for source-said cards.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attribution {
    pub figure: Text,
    pub source: Text,
}

/// Where in a source a card's fact stands, and what it says there.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    pub source: Text,
    /// How a reader finds the place: a paragraph's opening words or a section heading.
    pub locator: Text,
    /// What the source says there, paraphrased in one line.
    pub says: Text,
}

impl Source {
    /// The publication date as shown to people: "12 January 2022", or "date unknown".
    pub fn date_text(&self) -> String {
        match self.date_known {
            DateKnown::Unknown => "date unknown".into(),
            _ => self.published.to_string_long(),
        }
    }
}

impl<C> Deck<C, Vec<Claim>> {
    /// Gives back what parsing left spare in the lists of sources and claims.
    pub fn shrink_sources_and_claims(&mut self) {
        self.sources.shrink_to_fit();
        self.claims.shrink_to_fit();
        for claim in &mut self.claims {
            claim.values.shrink_to_fit();
        }
    }
}

impl Deck {
    /// Gives back what parsing left spare in every list (a list read from a file grows by
    /// doubling: a card's one piece of evidence would keep room for four). A library of
    /// 100,000 cards is a fifth smaller for it.
    pub fn shrink_to_fit(&mut self) {
        self.shrink_sources_and_claims();
        self.cards.shrink_to_fit();
        for card in &mut self.cards {
            card.topics.shrink_to_fit();
            card.evidence.shrink_to_fit();
            match &mut card.answer {
                Answer::Name(v) | Answer::Phrase(v) | Answer::Order(v) => v.shrink_to_fit(),
                Answer::SourceSaid(v) => v.shrink_to_fit(),
                Answer::Number(_) | Answer::Date(_) | Answer::Verdict(_) => {}
            }
        }
    }

    pub fn card(&self, id: &str) -> Option<&Card> {
        self.cards.iter().find(|c| c.id == id)
    }
}

impl<C, L> Deck<C, L> {
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }
}

impl<C> Deck<C, Vec<Claim>> {
    pub fn claim(&self, id: &str) -> Option<&Claim> {
        self.claims.iter().find(|c| c.id == id)
    }
}

impl Answer {
    /// The answer as a person would say it, for feedback.
    pub fn display<C, L>(&self, deck: &Deck<C, L>) -> String {
        match self {
            Answer::Name(v) | Answer::Phrase(v) => {
                v.first().cloned().unwrap_or_default().to_string()
            }
            Answer::Number(n) => n.display(),
            Answer::Date(d) => d.to_string_long(),
            Answer::Verdict(v) => v.name().to_string(),
            Answer::Order(events) => events
                .iter()
                .enumerate()
                .map(|(i, e)| format!("{}. {e}", i + 1))
                .collect::<Vec<_>>()
                .join("  "),
            Answer::SourceSaid(pairs) => pairs
                .iter()
                .map(|p| {
                    let src = deck
                        .source(&p.source)
                        .map_or(p.source.as_str(), |s| &s.title);
                    format!("{}: {}", p.figure, src)
                })
                .collect::<Vec<_>>()
                .join("; "),
        }
    }
}

impl NumberAnswer {
    pub fn display(&self) -> String {
        let v = crate::text::number::format_number(self.value.value);
        let mut s = if self.unit.is_empty() {
            v
        } else {
            format!("{v} {}", self.unit)
        };
        if let (Some(lo), Some(hi)) = (&self.min, &self.max) {
            s.push_str(&format!(
                " (accepted: {}–{})",
                crate::text::number::format_number(lo.value),
                crate::text::number::format_number(hi.value)
            ));
        }
        s
    }
}
