//! Wrong options for multiple choice: of the same kind as the answer and plausible (other
//! people, nearby dates, other figures with the same unit, and first of all the values other
//! sources gave for the same claim); never an accepted answer, never twice the same.

use std::borrow::Cow;

use rand::Rng;
use rand::seq::SliceRandom;

use super::check::check_text;
use super::index::{QuizIndex, value_number};
use crate::deck::date::days_in_month;
use crate::deck::{Answer, Card, CardKind, Deck, NumberAnswer, PartialDate, Precision, Text};
use crate::text::fold::normalize;
use crate::text::number::format_number;
use crate::text::units::unit_key;

/// Up to `n` distractors for a card asked as multiple choice.
pub fn distractors<C>(
    ix: &QuizIndex,
    deck: &Deck<C>,
    card: &Card,
    rng: &mut impl Rng,
    n: usize,
) -> Vec<String> {
    let right = super::question::choice_label(deck, card);
    // The pool borrows the library's names (a heavy user's has thousands): only the few
    // options shown are copied.
    let (preferred, mut pool): (Vec<String>, Vec<Cow<str>>) = match &card.answer {
        Answer::Name(v) => (Vec::new(), people(ix, v)),
        Answer::Phrase(v) => (Vec::new(), phrases(ix, card.kind, v)),
        Answer::Date(d) => (Vec::new(), owned(dates(ix, d))),
        Answer::Number(num) => {
            let (preferred, pool) = numbers(ix, deck, card, num);
            (preferred, owned(pool))
        }
        _ => return Vec::new(),
    };
    pool.shuffle(rng);
    let mut out: Vec<String> = Vec::new();
    let mut seen = vec![normalize(&right)];
    for cand in preferred.into_iter().map(Cow::Owned).chain(pool) {
        if out.len() == n {
            break;
        }
        let key = normalize(&cand);
        if key.is_empty() || seen.contains(&key) || accepted(ix, card, &cand) {
            continue;
        }
        seen.push(key);
        out.push(cand.into_owned());
    }
    out
}

fn owned<'a>(v: Vec<String>) -> Vec<Cow<'a, str>> {
    v.into_iter().map(Cow::Owned).collect()
}

/// Whether a candidate would be accepted as the answer (then it cannot be a distractor).
fn accepted(ix: &QuizIndex, card: &Card, cand: &str) -> bool {
    match &card.answer {
        Answer::Name(v) => check_text(ix, v, true, cand).correct,
        Answer::Phrase(v) => check_text(ix, v, false, cand).correct,
        Answer::Number(n) => crate::text::number::parse_number(cand).is_some_and(|r| {
            let lo = n.min.as_ref().map_or(n.value.value, |a| a.value);
            let hi = n.max.as_ref().map_or(n.value.value, |a| a.value);
            r.value >= lo && r.value <= hi
        }),
        Answer::Date(d) => cand == d.to_string_long(),
        _ => false,
    }
}

fn people<'a>(ix: &'a QuizIndex, own: &[Text]) -> Vec<Cow<'a, str>> {
    let mine = ix.person_of(own);
    ix.persons
        .iter()
        .enumerate()
        .filter(|(i, _)| Some(*i) != mine)
        .map(|(_, p)| Cow::Borrowed(p.display.as_str()))
        .collect()
}

fn phrases<'a>(ix: &'a QuizIndex, kind: CardKind, own: &[Text]) -> Vec<Cow<'a, str>> {
    let own: Vec<String> = own.iter().map(|v| crate::text::fold::fold(v)).collect();
    let same = ix.phrases.get(&kind).into_iter().flatten();
    let mut out: Vec<Cow<str>> = same
        .filter(|p| !p.keys.iter().any(|k| own.iter().any(|o| o == k)))
        .map(|p| Cow::Borrowed(p.display.as_str()))
        .collect();
    if out.len() < 3 {
        out.extend(
            ix.phrases
                .iter()
                .filter(|(k, _)| **k != kind)
                .flat_map(|(_, v)| v)
                .filter(|p| !p.keys.iter().any(|k| own.iter().any(|o| o == k)))
                .map(|p| Cow::Borrowed(p.display.as_str())),
        );
    }
    out
}

/// How far (in days) a date of the library may lie from the answer to count as of its period.
const PERIOD_DAYS: i64 = 3 * 365;

/// Dates of the same precision near the answer: the library's first, then neighbours.
fn dates(ix: &QuizIndex, d: &PartialDate) -> Vec<String> {
    let gap = |x: &PartialDate| (x.ordinal() - d.ordinal()).abs();
    let mut near: Vec<&PartialDate> = ix
        .dates
        .iter()
        .filter(|x| x.precision() == d.precision() && *x != d && gap(x) <= PERIOD_DAYS)
        .collect();
    near.sort_by_key(|x| gap(x));
    let mut out: Vec<String> = near.iter().take(6).map(|x| x.to_string_long()).collect();
    // A week either way is near for a day, not for a year.
    let offsets: &[i64] = match d.precision() {
        Precision::Year => &[1, -1, 2, -2, 3, -3],
        _ => &[1, -1, 2, -2, 3, 7, -7],
    };
    for &offset in offsets {
        if let Some(x) = shift(d, offset) {
            out.push(x.to_string_long());
        }
    }
    out
}

/// A date moved by `offset` days, months or years, as its precision allows.
fn shift(d: &PartialDate, offset: i64) -> Option<PartialDate> {
    match d.precision() {
        Precision::Year => PartialDate::new(d.year + offset as i32, None, None).ok(),
        Precision::Month => {
            let m = i64::from(d.month?) - 1 + offset;
            let year = d.year + m.div_euclid(12) as i32;
            PartialDate::new(year, Some(m.rem_euclid(12) as u8 + 1), None).ok()
        }
        Precision::Day => {
            let (mut y, mut m, mut day) = (d.year, d.month?, i64::from(d.day?) + offset);
            while day < 1 {
                m = if m == 1 {
                    y -= 1;
                    12
                } else {
                    m - 1
                };
                day += i64::from(days_in_month(y, m));
            }
            while day > i64::from(days_in_month(y, m)) {
                day -= i64::from(days_in_month(y, m));
                m = if m == 12 {
                    y += 1;
                    1
                } else {
                    m + 1
                };
            }
            PartialDate::day(y, m, day as u8).ok()
        }
    }
}

/// Other sources' values for the card's claim (preferred), then the library's figures with the
/// same unit nearest in size, then multiples of the answer; none a hundred times off.
fn numbers<C>(
    ix: &QuizIndex,
    deck: &Deck<C>,
    card: &Card,
    n: &NumberAnswer,
) -> (Vec<String>, Vec<String>) {
    let with_unit = |v: f64| {
        if n.unit.is_empty() {
            format_number(v)
        } else {
            format!("{} {}", format_number(v), n.unit)
        }
    };
    let value = n.value.value;
    // A figure a hundred times off is no plausible alternative: it counts something else (a
    // claim's source may give "1300 businesses" next to a damage total in dollars).
    let plausible = |x: &f64| {
        let (a, b) = (x.abs(), value.abs());
        a.is_finite() && a * 100.0 >= b && a <= b * 100.0
    };
    let preferred: Vec<String> = card
        .claim
        .as_deref()
        .and_then(|c| deck.claim(c))
        .map(|c| {
            c.values
                .iter()
                .filter_map(|v| value_number(&v.value))
                .filter(plausible)
                .map(with_unit)
                .collect()
        })
        .unwrap_or_default();
    let unit = unit_key(&n.unit);
    let same: Vec<f64> = ix
        .figures
        .iter()
        .filter(|f| f.unit == unit && f.value != value)
        .map(|f| f.value)
        .filter(plausible)
        .collect();
    // Nearest in size first: each figure's distance computed once (a heavy user's library has
    // thousands of figures with the same unit), then a stable sort, as by the distance itself.
    let log_gap = |x: f64| ((x.abs() + 1.0).ln() - (value.abs() + 1.0).ln()).abs();
    let mut by_gap: Vec<(f64, f64)> = same.into_iter().map(|x| (log_gap(x), x)).collect();
    by_gap.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut same: Vec<f64> = by_gap.into_iter().map(|(_, x)| x).collect();
    same.dedup();
    let mut pool: Vec<String> = same.into_iter().take(5).map(with_unit).collect();
    for factor in [2.0, 0.5, 1.5, 0.75, 3.0, 10.0] {
        pool.push(with_unit(round_like(value * factor, value)));
    }
    (preferred, pool)
}

/// Rounds a generated figure to a precision like the answer's (227 -> 454, 20,000 -> 10,000).
fn round_like(x: f64, answer: f64) -> f64 {
    if answer.fract() != 0.0 {
        return (x * 10.0).round() / 10.0;
    }
    let zeros = (answer.abs() as u64).trailing_zeros_decimal();
    let step = 10f64.powi(zeros as i32);
    ((x / step).round() * step).max(1.0)
}

trait DecimalZeros {
    fn trailing_zeros_decimal(self) -> u32;
}

impl DecimalZeros for u64 {
    fn trailing_zeros_decimal(mut self) -> u32 {
        let mut z = 0;
        while self != 0 && self.is_multiple_of(10) {
            self /= 10;
            z += 1;
        }
        z
    }
}
