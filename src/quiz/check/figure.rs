//! Checking a typed figure: the number in any spelling, within the card's value or range, in
//! the card's unit or a synonym of it ("kilometers = km"); a unit that contradicts the card's
//! is refused with the reason, and a number that is the answer rounded is taken as unsure.

use crate::deck::{Claim, NumberAnswer};
use crate::quiz::index::value_number;
use crate::quiz::outcome::{Match, Outcome};
use crate::text::number::{
    NumberReading, format_number, parse_number, round_to, significant_digits,
};
use crate::text::units::{self, Measure, Unit, read_unit, unit_in};

/// Checks a typed figure; `claim` is the card's claim, whose sources' values are never taken
/// for the card's own figure rounded.
pub(super) fn check_number(
    n: &NumberAnswer,
    claim: Option<&Claim>,
    given: &str,
    expected: &str,
) -> Outcome {
    let Some(r) = parse_number(given) else {
        return Outcome::wrong(
            format!("\"{given}\" could not be read as a number"),
            expected.into(),
        );
    };
    let mut read = match r.high {
        Some(h) => format!("read as {}–{}", format_number(r.value), format_number(h)),
        None => format!("read as {}", format_number(r.value)),
    };
    let typed = typed_unit(&r);
    if let Some((u, written)) = &typed {
        if let Some(conflict) = units::conflict(*u, written, &n.unit) {
            return Outcome::wrong(format!("{read}, {conflict}"), expected.into());
        }
        if let Some(same) = units::synonym_note(*u, written, &n.unit) {
            read = format!("{read}, {same}");
        }
    }
    if number_inside(n, &r) {
        let o = Outcome::right(Match::Number, read, expected.into());
        return match unnamed_unit(n, &r, typed.is_some()) {
            Some(why) => o.unsure(why),
            None => o,
        };
    }
    match rounded(n, &r, claim) {
        Some(why) => Outcome::right(Match::Number, read, expected.into()).unsure(why),
        None => Outcome::wrong(read, expected.into()),
    }
}

/// The words after a number, up to a remark ("225 km (roughly)" -> "km").
fn words_after(r: &NumberReading) -> &str {
    let end = ['(', '[', ',', ';']
        .iter()
        .filter_map(|c| r.rest.find(*c))
        .min()
        .unwrap_or(r.rest.len());
    r.rest[..end].trim()
}

/// The unit typed with a number (its sign, or the words after it), with how it was written.
pub fn typed_unit(r: &NumberReading) -> Option<(Unit, String)> {
    match r.sign {
        Some(sign) => read_unit(&sign.to_string()),
        None => read_unit(words_after(r)),
    }
}

/// A word after the number that is no unit, where the card counts in a unit of measure ("6
/// waves" for "6 years"): unsure.
fn unnamed_unit(n: &NumberAnswer, r: &NumberReading, typed: bool) -> Option<String> {
    let after = words_after(r);
    let card = unit_in(&n.unit).filter(|u| u.measure != Measure::People)?;
    let named_later = unit_in(after) == Some(card);
    (!typed && !after.is_empty() && !named_later).then(|| {
        format!(
            "the card counts {}, and \"{after}\" is not a unit of that",
            n.unit
        )
    })
}

/// A number that is the card's figure rounded ("230" for 227, "3,300" for 3,337), within 5%
/// of it and not another source's figure for the claim: a careful examiner would be unsure.
fn rounded(n: &NumberAnswer, r: &NumberReading, claim: Option<&Claim>) -> Option<String> {
    let (value, typed) = (n.value.value, r.value);
    if n.min.is_some() || n.max.is_some() || r.high.is_some() || value == 0.0 {
        return None;
    }
    let digits = significant_digits(typed);
    let close = ((typed - value) / value).abs() <= 0.05;
    let is_rounding = digits < significant_digits(value) && round_to(value, digits) == typed;
    let a_sources = claim.is_some_and(|c| {
        c.values
            .iter()
            .filter_map(|v| value_number(&v.value))
            .any(|x| (x - typed).abs() <= 1e-9 * typed.abs().max(1.0))
    });
    (close && is_rounding && !a_sources).then(|| {
        format!(
            "{} is {} rounded, not {} itself",
            format_number(typed),
            format_number(value),
            format_number(value)
        )
    })
}

/// Whether a number read (and its upper end, for a range) lies within the card's range.
fn number_inside(n: &NumberAnswer, r: &NumberReading) -> bool {
    let (lo, hi) = accepted_range(n);
    reading_inside(lo, hi, r)
}

/// The lowest and highest number a card accepts.
pub fn accepted_range(n: &NumberAnswer) -> (f64, f64) {
    let lo = n.min.as_ref().map_or(n.value.value, |a| a.value);
    let hi = n.max.as_ref().map_or(n.value.value, |a| a.value);
    (lo, hi)
}

/// Whether a number read (and the high end of a range read) lies within [lo, hi].
pub fn reading_inside(lo: f64, hi: f64, r: &NumberReading) -> bool {
    let eps = 1e-9 * hi.abs().max(1.0);
    let inside = |v: f64| v >= lo - eps && v <= hi + eps;
    inside(r.value) && r.high.is_none_or(inside)
}

/// Whether a number read is right for a card, as [`check_number`] accepts it, and names the
/// card's unit if it names any: what "another card's answer" needs.
pub fn number_fits(n: &NumberAnswer, r: &NumberReading) -> bool {
    let unit_agrees = typed_unit(r).is_none_or(|(u, w)| units::conflict(u, &w, &n.unit).is_none());
    number_inside(n, r) && unit_agrees && units::names_the_unit(words_after(r), r.sign, &n.unit)
}
