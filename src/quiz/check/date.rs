//! Checking a typed date: any spelling of the card's day, month or year, as precise as the
//! card; a remark after the date ("5 January (a Wednesday)") is left aside.

use crate::deck::{PartialDate, Precision};
use crate::quiz::outcome::{Match, Outcome};
use crate::text::date::{DateReading, parse_date};
use crate::text::names::split_remark;

pub(super) fn check_date(d: &PartialDate, given: &str, expected: &str) -> Outcome {
    let reading = parse_date(given).map(|r| (r, None)).or_else(|| {
        let r = split_remark(given)?;
        parse_date(&r.core).map(|d| (d, Some(r.remark)))
    });
    let Some((r, remark)) = reading else {
        return Outcome::wrong(
            format!("\"{given}\" could not be read as a date"),
            expected.into(),
        );
    };
    let mut read = format!("read as {}", describe(&r));
    if let Some(remark) = remark {
        read = format!("ignored the remark \"{remark}\"; {read}");
    }
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
