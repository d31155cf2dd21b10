//! Dates in an article: a capitalised month with a day before or after it and perhaps a year
//! ("5 January 2022", "the 5th of January", "January 5, 2022", "Jan. 5", "January 2022",
//! "January" alone, but not "May" or "Marc"), numeric dates ("2022-01-05", "05.01.2022"), and a year
//! where the words around it make it one ("in 2022", "the 2022 protests", "(2019)"). Each
//! window is read with the answer checker's date reader, so an impossible day is no date.

use super::words::Words;
use super::{Fact, FactKind, FactValue};
use crate::text::date::parse_date;

/// Words after which a lone four-digit number is a year.
const BEFORE_YEAR: [&str; 24] = [
    "in", "since", "by", "until", "till", "of", "from", "to", "before", "after", "during",
    "through", "early", "late", "mid", "between", "and", "spring", "summer", "autumn", "winter",
    "fall", "the", "year",
];

/// The month a capitalised word names: a full name, or an abbreviation ("Jan", "Sept").
fn month_of(word: &str) -> Option<u8> {
    if !word.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    crate::text::date::month_of(&word.to_lowercase())
}

/// A day of the month: "5", "05", "5th", "21st".
fn is_day(word: &str) -> bool {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    (1..=2).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(suffix, "" | "st" | "nd" | "rd" | "th")
        && digits.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
}

fn is_year(word: &str) -> bool {
    word.len() == 4
        && word.bytes().all(|b| b.is_ascii_digit())
        && word
            .parse::<u32>()
            .is_ok_and(|y| (1000..=2999).contains(&y))
}

/// Whether the gap between two words of a date is a space, a comma or an abbreviation's
/// full stop ("Sept. 2024"), on one line.
fn joins(gap: &str) -> bool {
    !gap.contains('\n')
        && gap
            .trim_matches(|c: char| c.is_whitespace() || c == ',' || c == '.')
            .is_empty()
        && !gap.is_empty()
}

pub(super) fn find(w: &Words<'_>, taken: &mut [bool]) -> Vec<Fact> {
    let mut out = Vec::new();
    let n = w.len();
    let mut i = 0;
    while i < n {
        let found = worded(w, i).or_else(|| numeric(w, i));
        if let Some((first, last)) = found
            && let Some(fact) = fact(w, first, last)
        {
            taken[first..=last].iter_mut().for_each(|t| *t = true);
            out.push(fact);
            i = last + 1;
            continue;
        }
        i += 1;
    }
    // Years alone, where the words around them make them years.
    for (i, t) in taken.iter_mut().enumerate() {
        if !*t
            && lone_year(w, i)
            && let Some(fact) = fact(w, i, i)
        {
            *t = true;
            out.push(fact);
        }
    }
    out
}

/// The words of a date around the month at word `m`: (first, last).
fn worded(w: &Words<'_>, m: usize) -> Option<(usize, usize)> {
    let month = month_of(w.word(m))?;
    let n = w.len();
    let mut first = m;
    let mut last = m;
    // A day before: "5 January", "5th of January", "the 5th of January".
    if m >= 1
        && is_day(w.word(m - 1))
        && w.gap_after(m - 1).trim().is_empty()
        && !w.gap_after(m - 1).contains('\n')
    {
        first = m - 1;
    } else if m >= 2
        && w.word(m - 1).eq_ignore_ascii_case("of")
        && is_day(w.word(m - 2))
        && w.gap_after(m - 2) == " "
        && w.gap_after(m - 1) == " "
    {
        first = m - 2;
    }
    // A day after: "January 5", "Jan. 5".
    let after_month = w.gap_after(m);
    let month_gap = after_month == " " || after_month == ". ";
    if first == m && m + 1 < n && month_gap && is_day(w.word(m + 1)) {
        last = m + 1;
    }
    // A year: "January 5, 2022", "5 January 2022", "January 2022".
    if last + 1 < n && joins(w.gap_after(last)) && is_year(w.word(last + 1)) {
        last += 1;
    }
    // A month alone only by its full name ("Marc" is a name), and never "May".
    let alone = first == m && last == m;
    let full = crate::deck::date::month_name(month).eq_ignore_ascii_case(w.word(m));
    if alone && (!full || month == 5) {
        return None;
    }
    Some((first, last))
}

/// "2022-01-05", "2022-01" and "05.01.2022", "5/1/2022" at word `i`: (first, last).
fn numeric(w: &Words<'_>, i: usize) -> Option<(usize, usize)> {
    let n = w.len();
    let two = |k: usize| k < n && (1..=2).contains(&w.word(k).len()) && w.is_digits(k);
    let sep = |k: usize| w.gap_after(k);
    if is_year(w.word(i)) && sep(i) == "-" && two(i + 1) {
        let last = if sep(i + 1) == "-" && two(i + 2) {
            i + 2
        } else {
            i + 1
        };
        // Not a part of a longer run of numbers ("2022-01-05-17").
        let trailing = w.gap_after(last);
        if !(trailing == "-" && last + 1 < n && w.is_digits(last + 1)) {
            return Some((i, last));
        }
    }
    if two(i)
        && matches!(sep(i), "." | "/")
        && two(i + 1)
        && sep(i + 1) == sep(i)
        && i + 2 < n
        && is_year(w.word(i + 2))
    {
        return Some((i, i + 2));
    }
    None
}

/// Whether a four-digit word on its own is a year: after "in", "since", "the"...; in
/// brackets; before a full stop or comma; or before a capitalised word.
fn lone_year(w: &Words<'_>, i: usize) -> bool {
    let word = w.word(i);
    if !is_year(word)
        || !word
            .parse::<u32>()
            .is_ok_and(|y| (1800..=2100).contains(&y))
    {
        return false;
    }
    let before = w.gap_before(i);
    // A part of a number ("1,2022"), a sum ("$2022") or a word ("COVID-2022").
    if i > 0
        && (before.is_empty() || before.ends_with([',', '.', '$', '€', '£', '-', '/']))
        && !before.ends_with(' ')
    {
        return false;
    }
    let after = w.gap_after(i);
    if after.starts_with(['-', '/']) && i + 1 < w.len() && w.is_digits(i + 1) {
        return false;
    }
    let after_word = i > 0
        && BEFORE_YEAR.contains(&w.word(i - 1).to_lowercase().as_str())
        && before.trim().is_empty();
    let bracket = before.trim_end().ends_with('(');
    let stop = after.is_empty() || after.starts_with(['.', ',', ';', ')', '!', '?', ':']);
    let capital = i + 1 < w.len() && after == " " && w.is_capital(i + 1);
    after_word || bracket || stop || capital
}

/// The date of words `first..=last`, read with the date reader.
fn fact(w: &Words<'_>, first: usize, last: usize) -> Option<Fact> {
    let range = w.span(first, last);
    let written = &w.text[range.clone()];
    let r = parse_date(written)?;
    Some(Fact {
        kind: FactKind::Date,
        range,
        value: FactValue::Date {
            year: r.year,
            month: r.month,
            day: r.day,
        },
    })
}
