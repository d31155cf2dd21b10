//! Figures in an article: a number as people write it ("2,500", "20 000", "1.6bn", "$25
//! million", "2,000-3,000", "twelve thousand"), read with the answer checker's number reader
//! from a window of a few words, and the unit after it: a unit the checker knows ("km",
//! "per cent", "%", "tenge"), else the counted word ("troops", "protesters"). A number
//! written in words needs a unit to count as a figure, and a small one in digits too ("3"
//! alone is too common to mark).

use super::words::Words;
use super::{Fact, FactKind, FactValue};
use crate::text::number::{CURRENCY_SIGNS, parse_number};
use crate::text::units::read_unit;

/// How far past a number's first word its window reaches, in bytes.
const WINDOW: usize = 80;

/// Number words a figure may open with ("one", "a" and "both" are too common).
const NUMBER_WORDS: [&str; 27] = [
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "dozen",
];

/// Words after a number that are not what it counts.
const NOT_UNITS: [&str; 53] = [
    "and", "the", "for", "from", "with", "was", "were", "are", "been", "had", "has", "have",
    "that", "this", "which", "who", "per", "than", "into", "over", "under", "after", "before",
    "since", "more", "less", "about", "around", "said", "says", "out", "its", "their", "his",
    "her", "one", "other", "others", "each", "all", "will", "would", "could", "when", "did",
    "does", "not", "may", "can", "might", "must", "should", "shall",
];

/// The currency a sign before a number names, as a card's unit.
fn currency(sign: char) -> &'static str {
    match sign {
        '$' => "US dollars",
        '€' => "euros",
        '£' => "pounds",
        '₸' => "tenge",
        _ => "roubles",
    }
}

pub(super) fn find(w: &Words<'_>, taken: &mut [bool]) -> Vec<Fact> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < w.len() {
        if !taken[i]
            && let Some((fact, last)) = figure_at(w, i, taken)
        {
            taken[i..=last].iter_mut().for_each(|t| *t = true);
            out.push(fact);
            i = last + 1;
        } else {
            i += 1;
        }
    }
    out
}

/// The figure that starts at word `i`, and its last word.
fn figure_at(w: &Words<'_>, i: usize, taken: &[bool]) -> Option<(Fact, usize)> {
    let word = w.word(i);
    let digits = word.starts_with(|c: char| c.is_ascii_digit());
    let in_words = !digits && NUMBER_WORDS.contains(&word.to_lowercase().as_str());
    if !digits && !in_words {
        return None;
    }
    let before = w.gap_before(i);
    // A part of a word ("COVID-19", "F-16") or of a number read already.
    if i > 0 && (before.is_empty() || matches!(before, "-" | "," | "." | "/")) {
        return None;
    }
    let sign = before
        .chars()
        .next_back()
        .filter(|c| CURRENCY_SIGNS.contains(c));
    let start = w.ranges[i].start - sign.map_or(0, char::len_utf8);
    let window = window(w.text, start);
    let reading = parse_number(window)?;
    // Where the number ends: the window less what the reader left after it.
    let lower = window.to_lowercase();
    if lower.len() != window.len() || reading.rest.len() > lower.len() {
        return None;
    }
    let number_end = start + (lower.len() - reading.rest.len());
    let number_text = w.text[start..number_end].trim_end();
    let number_end = start + number_text.len();
    let mut last = last_word_before(w, i, number_end);
    let rest = &w.text[number_end..start + window.len()];
    let (unit, unit_end) = unit_after(w, rest, number_end, &mut last);
    if (taken[i..=last]).iter().any(|t| *t) {
        return None;
    }
    let unit = match (unit, sign) {
        (Some(u), _) => u,
        (None, Some(s)) => currency(s).to_string(),
        (None, None) if in_words || reading.value < 10.0 => return None,
        (None, None) => String::new(),
    };
    let number = number_text.trim_start_matches(CURRENCY_SIGNS).to_string();
    let fact = Fact {
        kind: FactKind::Figure,
        range: start..unit_end.max(number_end),
        value: FactValue::Figure {
            value: reading.value,
            high: reading.high,
            number,
            unit,
        },
    };
    Some((fact, last))
}

/// The text from `start` to the end of its line, at most [`WINDOW`] bytes (on a character
/// boundary).
fn window(text: &str, start: usize) -> &str {
    let mut end = (start + WINDOW).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let w = &text[start..end];
    // The number reader trims the text: so does the window, for the lengths to agree.
    w.find('\n').map_or(w, |nl| &w[..nl]).trim_end()
}

/// The last word (from `i` on) that starts before `end`.
fn last_word_before(w: &Words<'_>, i: usize, end: usize) -> usize {
    let mut last = i;
    while last + 1 < w.len() && w.ranges[last + 1].start < end {
        last += 1;
    }
    last
}

/// The unit written at the start of `rest` (which follows the number at `at`): its text and
/// where it ends; `last` moves to its last word.
fn unit_after(w: &Words<'_>, rest: &str, at: usize, last: &mut usize) -> (Option<String>, usize) {
    let trimmed = rest.trim_start();
    if trimmed.len() != rest.len() && !rest.starts_with(' ') {
        return (None, at);
    }
    let skip = rest.len() - trimmed.len();
    if let Some((_, written)) = read_unit(trimmed) {
        if trimmed.starts_with('%') || !trimmed.starts_with(char::is_alphabetic) {
            let len = trimmed.chars().next().map_or(0, char::len_utf8);
            return (Some(trimmed[..len].to_string()), at + skip + len);
        }
        let n = written.split(' ').count();
        return take_words(w, at, n, last);
    }
    if skip == 0 || !trimmed.starts_with(char::is_alphabetic) {
        return (None, at);
    }
    let word: String = trimmed.chars().take_while(|c| c.is_alphabetic()).collect();
    let lower = word.to_lowercase();
    if word.chars().count() < 3
        || NOT_UNITS.contains(&lower.as_str())
        || word.starts_with(char::is_uppercase)
    {
        return (None, at);
    }
    take_words(w, at, 1, last)
}

/// The `n` words after offset `at`, as a unit: their text and end.
fn take_words(w: &Words<'_>, at: usize, n: usize, last: &mut usize) -> (Option<String>, usize) {
    let first = *last + 1;
    let end_word = first + n - 1;
    if n == 0 || end_word >= w.len() || w.ranges[first].start < at {
        return (None, at);
    }
    // The unit's words follow each other on the line ("per cent", "square km").
    if (first..end_word).any(|k| w.gap_after(k) != " ") {
        return (None, at);
    }
    *last = end_word;
    let range = w.span(first, end_word);
    (Some(w.text[range.clone()].to_string()), range.end)
}
