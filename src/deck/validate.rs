//! The rules a parsed deck must keep: unique ids, references that resolve, answers that fit
//! their card's kind, and limits that keep hostile decks from hurting the app.

use std::collections::HashMap;

use super::model::{Answer, Card, CardKind, Deck};

/// Limits on what one deck may hold; a deck past them is refused with the limit named.
pub const MAX_CARDS: usize = 200_000;
pub const MAX_TEXT_CHARS: usize = 10_000;
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
    if deck.cards.len() > MAX_CARDS {
        deck_problem(format!(
            "the deck has {} cards; the limit is {MAX_CARDS}",
            deck.cards.len()
        ));
        return out;
    }

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
        if s.title.trim().is_empty() {
            out.push(problem(
                &subject,
                format!("source \"{}\" has no title", s.id),
            ));
        }
    }

    let has_source = |id: &str| deck.sources.iter().any(|s| s.id == id);
    let mut seen = HashMap::new();
    for c in &deck.claims {
        let nth = bump(&mut seen, &c.id);
        let subject = Subject::Claim(c.id.clone(), nth);
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
        let subject = Subject::Card(card.id.clone(), nth);
        if nth > 0 {
            out.push(problem(
                &subject,
                format!("card id \"{}\" is used twice", card.id),
            ));
        }
        for message in card_problems(deck, card) {
            out.push(problem(&subject, message));
        }
    }
    out
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
    let mut out = Vec::new();
    if !is_id(&card.id) {
        out.push("the card id must be lowercase letters, digits, '-' or '_'".to_string());
    }
    if card.prompt.trim().is_empty() {
        out.push("the prompt is empty".to_string());
    }
    for (what, text) in [("prompt", &card.prompt), ("explanation", &card.explanation)] {
        if text.chars().count() > MAX_TEXT_CHARS {
            out.push(format!(
                "the {what} is longer than {MAX_TEXT_CHARS} characters"
            ));
        }
    }
    if card.evidence.is_empty() {
        out.push("the card has no evidence: cite at least one source".to_string());
    }
    for e in &card.evidence {
        if deck.source(&e.source).is_none() {
            out.push(format!(
                "evidence names source \"{}\", which the deck does not list",
                e.source
            ));
        }
    }
    if let Some(claim) = &card.claim
        && deck.claim(claim).is_none()
    {
        out.push(format!(
            "the card refers to claim \"{claim}\", which the deck does not have"
        ));
    }
    out.extend(answer_problems(deck, card.kind, &card.answer));
    out
}

fn answer_problems(deck: &Deck, kind: CardKind, answer: &Answer) -> Vec<String> {
    let mut out = Vec::new();
    let fits = matches!(
        (kind, answer),
        (CardKind::Who, Answer::Name(_))
            | (CardKind::When, Answer::Date(_))
            | (CardKind::Figure, Answer::Number(_))
            | (CardKind::Where, Answer::Phrase(_) | Answer::Name(_))
            | (CardKind::What, Answer::Phrase(_) | Answer::Name(_))
            | (CardKind::Verdict, Answer::Verdict(_))
            | (CardKind::Order, Answer::Order(_))
            | (CardKind::SourceSaid, Answer::SourceSaid(_))
    );
    if !fits {
        out.push(format!(
            "a {} card needs {} answer",
            kind.name(),
            expected_answer(kind)
        ));
    }
    match answer {
        Answer::Name(v) | Answer::Phrase(v) => {
            if v.iter().all(|s| s.trim().is_empty()) {
                out.push("the answer is empty: give at least one accepted wording".into());
            } else if v.iter().any(|s| s.trim().is_empty()) {
                out.push("an accepted wording is empty".into());
            }
            if v.len() > MAX_VARIANTS {
                out.push(format!(
                    "the answer has {} wordings; the limit is {MAX_VARIANTS}",
                    v.len()
                ));
            }
        }
        Answer::Number(n) => {
            let lo = n.min.as_ref().map_or(n.value.value, |a| a.value);
            let hi = n.max.as_ref().map_or(n.value.value, |a| a.value);
            if lo > hi {
                out.push("the number's min is above its max".into());
            } else if !(lo..=hi).contains(&n.value.value) {
                out.push("the number's value lies outside its min and max".into());
            }
        }
        Answer::Order(events) => {
            if events.len() < MIN_ORDER_EVENTS || events.len() > MAX_ORDER_EVENTS {
                out.push(format!(
                    "an order card needs {MIN_ORDER_EVENTS} to {MAX_ORDER_EVENTS} events; it has {}",
                    events.len()
                ));
            }
            if events.iter().any(|e| e.trim().is_empty()) {
                out.push("an event of the order is empty".into());
            }
            let mut sorted: Vec<&String> = events.iter().collect();
            sorted.sort();
            sorted.dedup();
            if sorted.len() != events.len() {
                out.push("an event of the order is given twice".into());
            }
        }
        Answer::SourceSaid(pairs) => {
            if pairs.is_empty() {
                out.push("the answer is empty: give at least one figure and its source".into());
            }
            for p in pairs {
                if p.figure.trim().is_empty() {
                    out.push("a figure of the answer is empty".into());
                }
                if deck.source(&p.source).is_none() {
                    out.push(format!(
                        "the answer names source \"{}\", which the deck does not list",
                        p.source
                    ));
                }
            }
        }
        Answer::Date(_) | Answer::Verdict(_) => {}
    }
    out
}

fn expected_answer(kind: CardKind) -> &'static str {
    match kind {
        CardKind::Who => "a Name([...])",
        CardKind::When => "a Date(\"YYYY-MM-DD\")",
        CardKind::Figure => "a Number(value: ..., unit: ...)",
        CardKind::Where | CardKind::What => "a Phrase([...])",
        CardKind::Verdict => "a Verdict(Confirmed | False | Disputed | Unverified)",
        CardKind::Order => "an Order([...])",
        CardKind::SourceSaid => "a SourceSaid([(figure: ..., source: ...)])",
    }
}
