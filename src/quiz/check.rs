//! Judging a response to a question: typed text (names, phrases, numbers, dates), a choice, a
//! verdict, an order or a set of attributions. A wrong answer that is another source's figure or
//! another card's answer is named as such.

use std::time::Duration;

use super::check_text::check_text;
use super::index::QuizIndex;
use super::outcome::{Grade, Match, Outcome};
use super::question::Question;
use crate::deck::{Answer, Card, Deck, Library, NumberAnswer, PartialDate, Precision, Verdict};
use crate::text::date::{DateReading, parse_date};
use crate::text::number::{NumberReading, format_number, parse_number};

/// What the user gave.
#[derive(Debug, Clone, PartialEq)]
pub enum Response {
    /// Typed text.
    Text(String),
    /// The index of a choice of a multiple-choice question.
    Choice(usize),
    Verdict(Verdict),
    /// The events in the user's order, as indexes into the card's (right) order.
    Order(Vec<usize>),
    /// For each figure of a source-said card (in the card's order), the source id picked.
    Sources(Vec<String>),
}

/// Answers slower than these are suggested Hard even when right.
pub const SLOW_TYPED: Duration = Duration::from_secs(25);
pub const SLOW_CHOICE: Duration = Duration::from_secs(15);

/// Checks a response to a card; `question` is needed for choices.
pub fn check<C>(
    lib: &Library,
    ix: &QuizIndex,
    deck: &Deck<C>,
    card: &Card,
    question: &Question,
    response: &Response,
) -> Outcome {
    let mut outcome = judge(ix, deck, card, question, response);
    if !outcome.correct && outcome.note.is_none() {
        let given = match response {
            Response::Text(t) => Some(t.as_str()),
            Response::Choice(i) => question.choices.get(*i).map(String::as_str),
            _ => None,
        };
        if let Some(given) = given {
            outcome.note = super::note::note_for_text(lib, ix, deck, card, given);
        }
    }
    outcome
}

/// Checks a response without looking for what a wrong answer is instead.
pub(super) fn judge<C>(
    ix: &QuizIndex,
    deck: &Deck<C>,
    card: &Card,
    question: &Question,
    response: &Response,
) -> Outcome {
    let expected = card.answer.display(deck);
    match (response, &card.answer) {
        (Response::Choice(i), _) => match question.choices.get(*i) {
            Some(choice) if Some(*i) == question.correct_choice => Outcome::right(
                Match::Exact,
                format!("chose \"{choice}\""),
                expected.clone(),
            ),
            Some(choice) => Outcome::wrong(format!("chose \"{choice}\""), expected.clone()),
            None => Outcome::wrong("no choice made".into(), expected.clone()),
        },
        (Response::Text(t), Answer::Name(v)) => check_text(ix, v, true, t),
        (Response::Text(t), Answer::Phrase(v)) => check_text(ix, v, false, t),
        (Response::Text(t), Answer::Number(n)) => check_number(n, t, &expected),
        (Response::Text(t), Answer::Date(d)) => check_date(d, t, &expected),
        (Response::Verdict(v), Answer::Verdict(right)) => {
            if v == right {
                Outcome::right(Match::Exact, format!("said {}", v.name()), expected.clone())
            } else {
                Outcome::wrong(format!("said {}", v.name()), expected.clone())
            }
        }
        (Response::Order(order), Answer::Order(events)) => {
            check_order(order, events.len(), &expected)
        }
        (Response::Sources(picked), Answer::SourceSaid(pairs)) => {
            let right = pairs
                .iter()
                .zip(picked)
                .filter(|(p, s)| p.source == **s)
                .count();
            graded_by_credit(
                right as f32 / pairs.len().max(1) as f32,
                format!(
                    "{right} of {} figures matched to the right article",
                    pairs.len()
                ),
                expected.clone(),
            )
        }
        _ => Outcome::wrong("this kind of answer does not fit the card".into(), expected),
    }
}

/// Lowers a right answer's suggested grade to Hard when it was slow.
pub fn adjust_for_time(outcome: &mut Outcome, taken: Duration, typed: bool) {
    let slow = if typed { SLOW_TYPED } else { SLOW_CHOICE };
    if outcome.correct && outcome.suggested == Grade::Good && taken > slow {
        outcome.suggested = Grade::Hard;
        outcome
            .reading
            .push_str(&format!(" (slow: {} s)", taken.as_secs()));
    }
}

fn graded_by_credit(credit: f32, reading: String, expected: String) -> Outcome {
    let mut o = if credit >= 1.0 {
        Outcome::right(Match::Exact, reading, expected)
    } else {
        Outcome::wrong(reading, expected)
    };
    o.credit = credit;
    if !o.correct && credit >= 0.66 {
        o.suggested = Grade::Hard;
    }
    o
}

/// Order: partial credit is the longest run of events that stand in the right order, next to
/// each other, as a share of all events.
pub fn check_order(order: &[usize], len: usize, expected: &str) -> Outcome {
    // Every event once: indexes the card does not have, or an event twice, earn nothing.
    let mut seen = vec![false; len];
    let every_event_once = order.len() == len
        && order
            .iter()
            .all(|&i| i < len && !std::mem::replace(&mut seen[i], true));
    if !every_event_once {
        return Outcome::wrong(
            "the order does not hold every event once".into(),
            expected.into(),
        );
    }
    let run = longest_run(order);
    graded_by_credit(
        run as f32 / len.max(1) as f32,
        format!("{run} of {len} events in a correctly ordered run"),
        expected.into(),
    )
}

/// The longest stretch of positions holding consecutive events (k, k+1, k+2, ...).
pub fn longest_run(order: &[usize]) -> usize {
    let mut best = usize::from(!order.is_empty());
    let mut current = best;
    for w in order.windows(2) {
        current = if w[0].checked_add(1) == Some(w[1]) {
            current + 1
        } else {
            1
        };
        best = best.max(current);
    }
    best
}

fn check_number(n: &NumberAnswer, given: &str, expected: &str) -> Outcome {
    let Some(r) = parse_number(given) else {
        return Outcome::wrong(
            format!("\"{given}\" could not be read as a number"),
            expected.into(),
        );
    };
    let read = match r.high {
        Some(h) => format!("read as {}–{}", format_number(r.value), format_number(h)),
        None => format!("read as {}", format_number(r.value)),
    };
    if let Some(conflict) = unit_conflict(&r.rest, &n.unit) {
        return Outcome::wrong(format!("{read}, {conflict}"), expected.into());
    }
    if number_inside(n, &r) {
        Outcome::right(Match::Number, read, expected.into())
    } else {
        Outcome::wrong(read, expected.into())
    }
}

/// Whether a number read (and its upper end, for a range) lies within the card's range.
fn number_inside(n: &NumberAnswer, r: &NumberReading) -> bool {
    let (lo, hi) = accepted_range(n);
    reading_inside(lo, hi, r)
}

/// The lowest and highest number a card accepts.
pub(super) fn accepted_range(n: &NumberAnswer) -> (f64, f64) {
    let lo = n.min.as_ref().map_or(n.value.value, |a| a.value);
    let hi = n.max.as_ref().map_or(n.value.value, |a| a.value);
    (lo, hi)
}

/// Whether a number read (and the high end of a range read) lies within [lo, hi].
pub(super) fn reading_inside(lo: f64, hi: f64, r: &NumberReading) -> bool {
    let eps = 1e-9 * hi.abs().max(1.0);
    let inside = |v: f64| v >= lo - eps && v <= hi + eps;
    inside(r.value) && r.high.is_none_or(inside)
}

/// Whether a number read is right for a card, as [`check_number`] judges it.
pub(super) fn number_fits(n: &NumberAnswer, r: &NumberReading) -> bool {
    number_inside(n, r) && unit_conflict(&r.rest, &n.unit).is_none()
}

/// Units that measure the same thing; a number in one is not a number in another.
const UNIT_FAMILIES: [&[&str]; 3] = [
    &[
        "second", "minute", "hour", "day", "week", "month", "year", "decade",
    ],
    &["metre", "meter", "kilometre", "kilometer", "km", "mile"],
    &["dollar", "tenge", "euro", "pound", "rouble", "ruble"],
];

/// The unit family member a word names ("years" -> "year").
fn unit_of(word: &str) -> Option<&'static str> {
    let w = word.trim_end_matches('s');
    UNIT_FAMILIES
        .iter()
        .flat_map(|f| f.iter())
        .find(|u| **u == w)
        .copied()
}

/// Says why the unit typed after a number is not the card's ("6 years" for "6 months").
fn unit_conflict(typed_rest: &str, card_unit: &str) -> Option<String> {
    let typed = typed_rest
        .split_whitespace()
        .next()
        .and_then(|w| unit_of(&w.to_lowercase()))?;
    let card = card_unit
        .split_whitespace()
        .find_map(|w| unit_of(&w.to_lowercase()))?;
    (typed != card).then(|| format!("in {typed}s, but the card counts {card}s"))
}

fn check_date(d: &PartialDate, given: &str, expected: &str) -> Outcome {
    let Some(r) = parse_date(given) else {
        return Outcome::wrong(
            format!("\"{given}\" could not be read as a date"),
            expected.into(),
        );
    };
    let read = format!("read as {}", describe(&r));
    if date_matches(d, &r) {
        Outcome::right(Match::Date, read, expected.into())
    } else {
        Outcome::wrong(read, expected.into())
    }
}

/// Whether a reading is the card's date: as precise as the card is, no less; a missing year is
/// taken to be the card's.
pub fn date_matches(d: &PartialDate, r: &DateReading) -> bool {
    let year_ok = r.year.is_none_or(|y| y == d.year);
    match d.precision() {
        Precision::Day => year_ok && r.month == d.month && r.day == d.day,
        Precision::Month => year_ok && r.month == d.month,
        Precision::Year => r.year == Some(d.year),
    }
}

fn describe(r: &DateReading) -> String {
    let month = r.month.map(crate::deck::date::month_name);
    match (r.day, month, r.year) {
        (Some(d), Some(m), Some(y)) => format!("{d} {m} {y}"),
        (Some(d), Some(m), None) => format!("{d} {m}"),
        (None, Some(m), Some(y)) => format!("{m} {y}"),
        (None, Some(m), None) => m.to_string(),
        (_, _, Some(y)) => y.to_string(),
        _ => "no date".into(),
    }
}

/// Reads a typed answer as the response a card's kind needs: a verdict name, the events'
/// numbers in order ("2,1,3"), source ids separated by commas, or plain text. For deck authors
/// trying cards (`factquiz try`, the editor's "Try it").
pub fn response_from_text(answer: &crate::deck::Answer, text: &str) -> Result<Response, String> {
    use crate::deck::Answer;
    match answer {
        Answer::Verdict(_) => Verdict::ALL
            .iter()
            .find(|v| v.name() == text.trim().to_lowercase())
            .map(|v| Response::Verdict(*v))
            .ok_or_else(|| {
                "a verdict is one of: confirmed, false, disputed, unverified".to_string()
            }),
        Answer::Order(events) => text
            .split(',')
            .map(|n| {
                n.trim()
                    .parse::<usize>()
                    .ok()
                    .filter(|n| (1..=events.len()).contains(n))
                    .map(|n| n - 1)
            })
            .collect::<Option<Vec<usize>>>()
            .map(Response::Order)
            .ok_or_else(|| {
                format!(
                    "give the events' numbers (1 to {}) in your order, e.g. \"2,1,3\"",
                    events.len()
                )
            }),
        Answer::SourceSaid(_) => Ok(Response::Sources(
            text.split(',').map(|s| s.trim().to_string()).collect(),
        )),
        _ => Ok(Response::Text(text.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_in_another_unit_is_named() {
        assert_eq!(
            unit_conflict("months", "years").as_deref(),
            Some("in months, but the card counts years")
        );
        assert_eq!(unit_conflict("years in prison", "years"), None);
        assert_eq!(unit_conflict("terrorists", "people"), None);
        assert_eq!(unit_conflict("", "km"), None);
        assert!(unit_conflict("miles", "kilometres").is_some());
    }
}
