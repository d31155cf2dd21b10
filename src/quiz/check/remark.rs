//! What a remark added to an answer does to it ("Almaty (former capital)", "Masimov, or
//! Abish"): nothing when it says nothing against the answer; unsure when it hedges or
//! negates; wrong when it names another answer of the library as well.

use crate::quiz::index::QuizIndex;
use crate::text::fold::{fold, normalize, words};

/// What a remark does to an answer that is right without it.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum RemarkVerdict {
    /// It says nothing against the answer: left aside.
    Fine,
    /// It may say otherwise: the answer stands, but Hard (the reason).
    Unsure(String),
    /// It gives another answer too: wrong (the reason).
    Contradicts(String),
}

/// Words that hedge an answer.
const DOUBTS: [&str; 9] = [
    "maybe", "perhaps", "probably", "possibly", "unsure", "or", "either", "guess", "think",
];
/// Words that deny something.
const NEGATIONS: [&str; 9] = [
    "not", "no", "never", "isnt", "wasnt", "nor", "neither", "none", "nobody",
];
/// Words that join another answer to the first: "or Abish", "and Abish", "aka Abish".
const JOINS: [&str; 6] = ["or", "and", "aka", "also", "with", "maybe"];

/// Judges a remark (as typed) on an answer whose own keys (folded) are `own_keys`.
pub(super) fn judge_remark(ix: &QuizIndex, own_keys: &[String], remark: &str) -> RemarkVerdict {
    let plain = normalize(remark);
    let all: Vec<&str> = words(&plain).collect();
    let negated = all.first().is_some_and(|w| NEGATIONS.contains(w));
    // The remark as a name: without the words that join it to the answer.
    let start = all.iter().take_while(|w| JOINS.contains(w)).count();
    let named = fold(&all[start.min(all.len())..].join(" "));
    if !negated && !named.is_empty() && ix.is_other_answer(&named, own_keys) {
        return RemarkVerdict::Contradicts(format!(
            "the remark \"{remark}\" names another answer here as well"
        ));
    }
    if negated && ix.is_other_answer(&fold(&all[1..].join(" ")), own_keys) {
        // "Almaty (not Astana)": the other answer is denied, which is no doubt about this one.
        return RemarkVerdict::Fine;
    }
    if remark.contains('?') || plain.contains("not sure") || all.iter().any(|w| DOUBTS.contains(w))
    {
        return RemarkVerdict::Unsure(format!("the remark \"{remark}\" sounds unsure"));
    }
    if all.iter().any(|w| NEGATIONS.contains(w)) {
        return RemarkVerdict::Unsure(format!("the remark \"{remark}\" may say otherwise"));
    }
    RemarkVerdict::Fine
}
