//! The rules of a card's answer: that it fits the card's kind, is not empty, keeps its limits,
//! and names only sources the deck lists.

use std::collections::HashSet;

use super::super::model::{Answer, CardKind, Text};
use super::{MAX_ANSWER_CHARS, MAX_ORDER_EVENTS, MAX_VARIANTS, MIN_ORDER_EVENTS, text_problem};

pub(super) fn answer_problems(
    sources: &HashSet<&str>,
    kind: CardKind,
    answer: &Answer,
) -> Vec<String> {
    let mut out = Vec::new();
    let texts: Vec<&str> = match answer {
        Answer::Name(v) | Answer::Phrase(v) | Answer::Order(v) => {
            v.iter().map(|s| s.as_str()).collect()
        }
        Answer::SourceSaid(pairs) => pairs.iter().map(|p| p.figure.as_str()).collect(),
        Answer::Number(n) => vec![n.unit.as_str()],
        Answer::Date(_) | Answer::Verdict(_) => Vec::new(),
    };
    if let Some(m) = texts
        .iter()
        .find_map(|t| text_problem("answer", t, MAX_ANSWER_CHARS))
    {
        out.push(m);
    }
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
            let mut sorted: Vec<&Text> = events.iter().collect();
            sorted.sort();
            sorted.dedup();
            if sorted.len() != events.len() {
                out.push("an event of the order is given twice".into());
            }
        }
        Answer::SourceSaid(pairs) => {
            if pairs.len() > MAX_VARIANTS {
                out.push(format!(
                    "the answer has {} figures; the limit is {MAX_VARIANTS}",
                    pairs.len()
                ));
            }
            if pairs.is_empty() {
                out.push("the answer is empty: give at least one figure and its source".into());
            }
            for p in pairs {
                if p.figure.trim().is_empty() {
                    out.push("a figure of the answer is empty".into());
                }
                if !sources.contains(p.source.as_str()) {
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
