//! The rules a parsed deck must keep: unique ids, references that resolve, answers that fit
//! their card's kind, and limits that keep hostile decks from hurting the app (sizes, counts,
//! control characters), each refusal naming the limit. Lookups go through hash sets, so a
//! deck at the limits validates in linear time.

use std::collections::{HashMap, HashSet};

use super::model::{Card, Deck};

mod answer;
mod source;

pub use source::{ARTICLE_EXTENSIONS, article_file_problem};

/// Limits on what one deck may hold; a deck past them is refused with the limit named.
pub const MAX_CARDS: usize = 200_000;
pub const MAX_CLAIMS: usize = MAX_CARDS;
pub const MAX_SOURCES: usize = 1_000;
/// Characters in a prompt, explanation, statement, title, description or evidence.
pub const MAX_TEXT_CHARS: usize = 10_000;
/// Characters in one accepted answer, event, figure or topic (answers are compared to each
/// other, so they are kept short).
pub const MAX_ANSWER_CHARS: usize = 1_000;
/// Topics, evidence, claim values and source-said pairs of one card or claim.
pub const MAX_LIST: usize = 64;
pub const MAX_VARIANTS: usize = 64;
pub const MAX_ORDER_EVENTS: usize = 6;
pub const MIN_ORDER_EVENTS: usize = 3;

/// What a problem is about; the number tells which occurrence when an id repeats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    Deck,
    Source(String, usize),
    Claim(String, usize),
    Card(String, usize),
}

/// One broken rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub subject: Subject,
    pub message: String,
}

/// Every rule the deck breaks, in file order.
pub fn validate(deck: &Deck) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut deck_problem = |message: String| {
        out.push(Problem {
            subject: Subject::Deck,
            message,
        })
    };
    if !is_id(&deck.id) {
        deck_problem(format!(
            "the deck id \"{}\" must be lowercase letters, digits, '-' or '_'",
            deck.id
        ));
    }
    if deck.title.trim().is_empty() {
        deck_problem("the deck has no title".into());
    }
    for (what, n, limit) in [
        ("cards", deck.cards.len(), MAX_CARDS),
        ("claims", deck.claims.len(), MAX_CLAIMS),
        ("sources", deck.sources.len(), MAX_SOURCES),
    ] {
        if n > limit {
            deck_problem(format!("the deck has {n} {what}; the limit is {limit}"));
            return out;
        }
    }
    for (what, text) in [("title", &deck.title), ("description", &deck.description)] {
        if let Some(m) = text_problem(what, text, MAX_TEXT_CHARS) {
            deck_problem(m);
        }
    }
    let sources: HashSet<&str> = deck.sources.iter().map(|s| s.id.as_str()).collect();
    let claims: HashSet<&str> = deck.claims.iter().map(|c| c.id.as_str()).collect();

    let mut seen = HashMap::new();
    for s in &deck.sources {
        let nth = bump(&mut seen, &s.id);
        let subject = Subject::Source(s.id.clone(), nth);
        if nth > 0 {
            out.push(problem(
                &subject,
                format!("source id \"{}\" is used twice", s.id),
            ));
        }
        out.extend(
            source::source_problems(s)
                .into_iter()
                .map(|m| problem(&subject, m)),
        );
    }

    let has_source = |id: &str| sources.contains(id);
    let mut seen = HashMap::new();
    for c in &deck.claims {
        let nth = bump(&mut seen, &c.id);
        let subject = Subject::Claim(c.id.to_string(), nth);
        if nth > 0 {
            out.push(problem(
                &subject,
                format!("claim id \"{}\" is used twice", c.id),
            ));
        }
        if c.values.is_empty() {
            out.push(problem(
                &subject,
                format!("claim \"{}\" gives no source's value", c.id),
            ));
        }
        let mut texts = vec![
            ("statement", c.statement.as_str()),
            ("claim's made_by", c.made_by.as_str()),
            (
                "claim's contested_by",
                c.contested_by.as_deref().unwrap_or(""),
            ),
        ];
        for v in &c.values {
            texts.extend([
                ("claim's value", v.value.as_str()),
                ("claim value's locator", v.locator.as_str()),
                ("claim value's says", v.says.as_str()),
            ]);
        }
        for (what, text) in texts {
            if let Some(m) = text_problem(what, text, MAX_TEXT_CHARS) {
                out.push(problem(&subject, m));
            }
        }
        if c.values.len() > MAX_LIST {
            out.push(problem(
                &subject,
                format!(
                    "claim \"{}\" has {} values; the limit is {MAX_LIST}",
                    c.id,
                    c.values.len()
                ),
            ));
        }
        for v in &c.values {
            if !has_source(&v.source) {
                out.push(problem(
                    &subject,
                    format!(
                        "claim \"{}\" names source \"{}\", which the deck does not list",
                        c.id, v.source
                    ),
                ));
            }
        }
    }

    let mut seen = HashMap::new();
    for card in &deck.cards {
        let nth = bump(&mut seen, &card.id);
        let subject = Subject::Card(card.id.to_string(), nth);
        if nth > 0 {
            out.push(problem(
                &subject,
                format!("card id \"{}\" is used twice", card.id),
            ));
        }
        for message in card_problems_in(&sources, &claims, card) {
            out.push(problem(&subject, message));
        }
    }
    out
}

/// Too long, or holding a control character (other than a line break or tab).
pub(super) fn text_problem(what: &str, text: &str, limit: usize) -> Option<String> {
    if text.len() > limit {
        let n = text.chars().count();
        if n > limit {
            return Some(format!(
                "the {what} has {n} characters; the limit is {limit}"
            ));
        }
    }
    let bad = text
        .chars()
        .find(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))?;
    Some(format!(
        "the {what} holds the control character U+{:04X}; remove it",
        u32::from(bad)
    ))
}

fn problem(subject: &Subject, message: String) -> Problem {
    Problem {
        subject: subject.clone(),
        message,
    }
}

fn bump(seen: &mut HashMap<String, usize>, id: &str) -> usize {
    let n = seen.entry(id.to_string()).or_insert(0);
    *n += 1;
    *n - 1
}

fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 128
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// The problems of one card, as messages.
pub fn card_problems(deck: &Deck, card: &Card) -> Vec<String> {
    let sources: HashSet<&str> = deck.sources.iter().map(|s| s.id.as_str()).collect();
    let claims: HashSet<&str> = deck.claims.iter().map(|c| c.id.as_str()).collect();
    card_problems_in(&sources, &claims, card)
}

fn card_problems_in(sources: &HashSet<&str>, claims: &HashSet<&str>, card: &Card) -> Vec<String> {
    let mut out = Vec::new();
    if !is_id(&card.id) {
        out.push("the card id must be lowercase letters, digits, '-' or '_'".to_string());
    }
    if card.prompt.trim().is_empty() {
        out.push("the prompt is empty".to_string());
    }
    for (what, text) in [("prompt", &card.prompt), ("explanation", &card.explanation)] {
        out.extend(text_problem(what, text, MAX_TEXT_CHARS));
    }
    for (what, n) in [
        ("topics", card.topics.len()),
        ("evidence", card.evidence.len()),
    ] {
        if n > MAX_LIST {
            out.push(format!("the card has {n} {what}; the limit is {MAX_LIST}"));
        }
    }
    for t in &card.topics {
        out.extend(text_problem("topic", t, MAX_ANSWER_CHARS));
    }
    if card.evidence.is_empty() {
        out.push("the card has no evidence: cite at least one source".to_string());
    }
    for e in &card.evidence {
        out.extend(text_problem(
            "evidence's locator",
            &e.locator,
            MAX_TEXT_CHARS,
        ));
        out.extend(text_problem("evidence's says", &e.says, MAX_TEXT_CHARS));
        if !sources.contains(e.source.as_str()) {
            out.push(format!(
                "evidence names source \"{}\", which the deck does not list",
                e.source
            ));
        }
    }
    if let Some(claim) = &card.claim
        && !claims.contains(claim.as_str())
    {
        out.push(format!(
            "the card refers to claim \"{claim}\", which the deck does not have"
        ));
    }
    out.extend(answer::answer_problems(sources, card.kind, &card.answer));
    out
}
