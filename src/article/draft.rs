//! A card drafted from a span of an article, in one action: the kind guessed from the fact in
//! the span (a date -> When, a figure -> Figure, a person -> Who, a place -> Where, another
//! name -> Who when it looks like a person's, else What), the prompt drafted from the
//! sentence with the fact blanked and a line telling the author to rewrite it in their own
//! words (the deck editor refuses to save while that line is there), the answer filled, and
//! the evidence's locator: the exact words selected, lengthened by the words after them (or
//! before) until they point to one passage, so that `factquiz check --articles` finds them.

use std::ops::Range;

use super::facts::{Fact, FactValue, Known, within};
use super::{Article, sentence};
use crate::deck::csv::{CardFields, slug};
use crate::text::fold::fold;

mod prompt;
mod span;

pub use prompt::{COPIED_WORDS, prompt_problem};
use span::{unique_span, whole_words};

/// The line a drafted prompt ends with, until the author rewrites the prompt.
pub const REWRITE_LINE: &str =
    "[Drafted from the article: rewrite this question in your own words, then delete this line.]";

/// What is blanked in a drafted prompt.
pub const BLANK: &str = "_____";

/// The longest locator a draft takes (a paragraph's opening words are enough).
const MAX_LOCATOR_CHARS: usize = 600;

/// Words a name holds when it names an institution, not a person.
const INSTITUTION_WORDS: [&str; 24] = [
    "council",
    "ministry",
    "committee",
    "party",
    "bank",
    "agency",
    "service",
    "office",
    "university",
    "republic",
    "union",
    "organization",
    "organisation",
    "court",
    "parliament",
    "government",
    "army",
    "police",
    "forces",
    "news",
    "square",
    "street",
    "airport",
    "city",
];

/// Why a span could not become a card.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DraftError {
    #[error("select some words of the article first")]
    Empty,
    #[error(
        "the selection is {0} characters long; select at most {MAX_LOCATOR_CHARS} (the opening words of a passage are enough)"
    )]
    TooLong(usize),
    #[error(
        "the selection holds \"::\", which separates the parts of evidence; select words without it"
    )]
    Separator,
    #[error(
        "these words cannot be told apart from other places of the article even with the words around them; select a longer passage"
    )]
    NotUnique,
}

/// The source a drafted card cites.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceRef {
    pub id: String,
    /// The year the source was published, for a date written without one.
    pub year: Option<i32>,
}

/// A drafted card and how it was made.
#[derive(Debug, Clone, PartialEq)]
pub struct CardDraft {
    pub fields: CardFields,
    /// The article's sentence the prompt was drafted from (never to be kept as it is).
    pub sentence: String,
    /// The evidence's locator: exact words of the article.
    pub locator: String,
    /// Set when the locator had to take more words than were selected, to say so.
    pub lengthened: Option<String>,
}

/// Drafts a card from `span` of `article`, whose candidate facts are `facts` (in text order).
pub fn draft_card(
    article: &Article,
    facts: &[Fact],
    span: Range<usize>,
    source: &SourceRef,
) -> Result<CardDraft, DraftError> {
    let text = article.text.as_str();
    let span = whole_words(text, span);
    if span.is_empty() {
        return Err(DraftError::Empty);
    }
    let chars = text[span.clone()].chars().count();
    if chars > MAX_LOCATOR_CHARS {
        return Err(DraftError::TooLong(chars));
    }
    if text[span.clone()].contains("::") {
        return Err(DraftError::Separator);
    }
    let (locator_span, lengthened) = unique_span(article, span.clone())?;
    let locator = one_line(&text[locator_span]);
    let fact = within(facts, span.clone())
        .iter()
        .find(|f| f.range.start >= span.start && f.range.end <= span.end)
        // A click inside a fact's words takes the whole fact.
        .or_else(|| {
            within(facts, span.clone())
                .iter()
                .find(|f| f.range.start <= span.start && f.range.end >= span.end)
        });
    let blanked = fact.map_or(span.clone(), |f| f.range.clone());
    let around = sentence::around(text, span.clone());
    let sentence = one_line(&text[around.clone()]);
    let prompt = format!(
        "{}{BLANK}{}\n{REWRITE_LINE}",
        collapse(&text[around.start..blanked.start]).trim_start(),
        collapse(&text[blanked.end..around.end]).trim_end(),
    );
    let mut fields = CardFields {
        prompt,
        evidence: format!("{} :: {locator} :: ", source.id),
        ..CardFields::default()
    };
    let selected = one_line(&text[span]);
    let written = fact.map_or(selected.clone(), |f| one_line(&text[f.range.clone()]));
    fill_answer(&mut fields, fact, &selected, &written, source.year);
    fields.id = card_id(&fields);
    let lengthened = lengthened.then(|| {
        format!("the selected words are in the article more than once, so the locator takes the words around them: \"{locator}\"")
    });
    Ok(CardDraft {
        fields,
        sentence,
        locator,
        lengthened,
    })
}

/// The kind, answer, unit and topics for the fact (or, with none, the selected words).
fn fill_answer(
    f: &mut CardFields,
    fact: Option<&Fact>,
    selected: &str,
    written: &str,
    year: Option<i32>,
) {
    let Some(fact) = fact else {
        f.kind = "what".into();
        f.answer = selected.to_string();
        return;
    };
    match &fact.value {
        FactValue::Date {
            year: y,
            month,
            day,
        } => {
            f.kind = "when".into();
            f.answer = match (y.or(year), month, day) {
                (Some(y), Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
                (Some(y), Some(m), None) => format!("{y:04}-{m:02}"),
                (Some(y), None, _) => format!("{y:04}"),
                // No year anywhere: the author gives it.
                (None, _, _) => String::new(),
            };
        }
        FactValue::Figure {
            value,
            high,
            number,
            unit,
        } => {
            f.kind = "figure".into();
            f.unit = unit.clone();
            match high {
                Some(hi) => {
                    let fmt = crate::text::number::format_number;
                    f.answer = fmt(*value);
                    f.min = fmt(*value);
                    f.max = fmt(*hi);
                }
                None => f.answer = number.clone(),
            }
        }
        FactValue::Known(Known::Person(name)) => {
            f.kind = "who".into();
            f.answer = name.clone();
            // The article's own spelling is accepted too.
            if fold(written) != fold(name) {
                f.accept = written.to_string();
            }
        }
        FactValue::Known(Known::Place(place)) => {
            f.kind = "where".into();
            f.answer = place.clone();
            f.topics = format!("place/{place}");
        }
        FactValue::Name => {
            let institution = written
                .split([' ', '-'])
                .any(|w| INSTITUTION_WORDS.contains(&w.to_lowercase().as_str()));
            let words = written.split(' ').count();
            f.kind = if institution || words > 4 {
                "what"
            } else {
                "who"
            }
            .into();
            f.answer = written.to_string();
        }
    }
    if f.kind == "who" && !f.answer.is_empty() && f.topics.is_empty() {
        f.topics = format!("person/{}", f.answer);
    }
}

/// A card id from the kind and the answer: "when-2022-01-05", "who-qasym-zhomart-toqaev".
fn card_id(f: &CardFields) -> String {
    let base = if f.answer.is_empty() {
        "card"
    } else {
        &f.answer
    };
    let s: String = slug(&format!("{} {base}", f.kind))
        .chars()
        .take(40)
        .collect();
    s.trim_end_matches('-').to_string()
}

/// A text on one line: every run of whitespace one space, no spaces at its ends.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A text with every run of whitespace made one space (kept at its ends).
fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, part) in text.split(char::is_whitespace).enumerate() {
        if i > 0 && !out.ends_with(' ') {
            out.push(' ');
        }
        out.push_str(part);
    }
    out
}

#[cfg(test)]
mod tests;
