//! Judging a response to a question: typed text (names, phrases, numbers, dates), a choice, a
//! verdict, an order or a set of attributions. A wrong answer that is another source's figure or
//! another card's answer is named as such. Names, figures and dates each have a module.

use std::time::Duration;

mod date;
mod figure;
mod names;
mod remark;
mod words;

use super::index::QuizIndex;
use super::outcome::{Grade, Match, Outcome};
use super::question::Question;
use crate::deck::fact::claim_of;
use crate::deck::{Answer, Card, CardReadError, Claim, ClaimList, Deck, Library, Verdict};
use date::check_date;
pub use date::date_matches;
use figure::check_number;
pub use figure::{accepted_range, number_fits, reading_inside, typed_unit};
pub use names::{check_text, reading_texts};
pub use words::{MAX_TYPOS, typo_allowance};

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
    /// The learner asked to see the answer ("show answer" mode): they grade themselves.
    Revealed,
}

/// Answers slower than these are suggested Hard even when right.
pub const SLOW_TYPED: Duration = Duration::from_secs(25);
pub const SLOW_CHOICE: Duration = Duration::from_secs(15);

/// Checks a response to a card; `question` is needed for choices. An error when the card's
/// claim, or another card that a wrong answer may be (see `note.rs`), cannot be read.
pub fn check<C, L: ClaimList>(
    lib: &Library,
    ix: &QuizIndex,
    deck: &Deck<C, L>,
    card: &Card,
    question: &Question,
    response: &Response,
) -> Result<Outcome, CardReadError> {
    let claim = claim_of(deck, card)?;
    let claim = claim.as_deref();
    let mut outcome = judge(ix, deck, card, claim, question, response);
    // An answer taken only by reading it (a remark left out, a figure rounded) that is, as
    // typed, another card's answer word for word, is that card's answer, not this one's.
    if let Response::Text(t) = response
        && outcome.correct
        && read_beyond_its_wording(&outcome, t)
        && let Some(note) = super::note::exactly_another_cards(lib, ix, deck, card, t)?
    {
        let reading = format!(
            "{}; but as typed it is another card's answer",
            outcome.reading
        );
        outcome = Outcome::wrong(reading, outcome.expected);
        outcome.note = Some(note);
    }
    if !outcome.correct && outcome.note.is_none() {
        let given = match response {
            Response::Text(t) => Some(t.as_str()),
            Response::Choice(i) => question.choices.get(*i).map(String::as_str),
            _ => None,
        };
        if let Some(given) = given {
            outcome.note = super::note::note_for_text(lib, ix, deck, card, claim, given)?;
        }
    }
    Ok(outcome)
}

/// Whether an accepted answer was taken for more than the wording it matched (a remark left
/// out, a number rounded), so that the typed text as a whole may be another card's answer.
fn read_beyond_its_wording(o: &Outcome, typed: &str) -> bool {
    use crate::text::fold::fold;
    match &o.matched {
        Some(Match::Variant(v) | Match::Folded(v)) => fold(v) != fold(typed),
        Some(Match::Number) => o.doubt.is_some(),
        _ => false,
    }
}

/// Checks a response without looking for what a wrong answer is instead.
pub(super) fn judge<C, L>(
    ix: &QuizIndex,
    deck: &Deck<C, L>,
    card: &Card,
    claim: Option<&Claim>,
    question: &Question,
    response: &Response,
) -> Outcome {
    let expected = card.answer.display(deck);
    match (response, &card.answer) {
        (Response::Revealed, _) => Outcome::right(Match::Exact, "shown".into(), expected),
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
        (Response::Text(t), Answer::Number(n)) => check_number(n, claim, t, &expected),
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
