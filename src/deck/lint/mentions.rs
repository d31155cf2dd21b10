//! What a text states that could be a card's answer: its numbers (by value, with the words
//! after them, read as the answer checker reads them: "20,000" = "20 000" = "twenty
//! thousand"), its days ("7 January" = "January 7th" = "2022-01-07"), and its folded words;
//! and whether it states a given answer.

use crate::deck::date::PartialDate;
use crate::deck::model::{Answer, NumberAnswer};
use crate::text::date::parse_date;
use crate::text::fold::{fold, normalize};
use crate::text::number::parse_number;

/// A number a text gives: its value (or range) and the words that follow it, normalized.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberMention {
    pub value: f64,
    pub high: Option<f64>,
    pub after: Vec<String>,
}

/// A day a text gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayMention {
    pub year: Option<i32>,
    pub month: u8,
    pub day: u8,
}

/// What one text (a prompt, a topic's name) states.
#[derive(Debug, Clone, Default)]
pub struct Mentions {
    pub numbers: Vec<NumberMention>,
    pub days: Vec<DayMention>,
    /// The text folded, with a space at either end, to find wordings on word boundaries.
    folded: String,
}

/// The text's words split on whitespace, as byte ranges.
fn tokens(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                out.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(s..text.len());
    }
    out
}

/// Currency signs read as the unit they stand for.
fn currency(token: &str) -> Option<&'static str> {
    let t = token.trim_start_matches(['(', '"', '\'', '\u{201c}', '\u{2018}']);
    match t.chars().next()? {
        '$' => Some("dollars"),
        '€' => Some("euros"),
        '£' => Some("pounds"),
        _ => None,
    }
}

/// The numbers of a text, leaving out the tokens marked in `skip` (the days of a date).
pub fn numbers(text: &str, skip: &[bool]) -> Vec<NumberMention> {
    let toks = tokens(text);
    let mut out = Vec::new();
    let mut next_free = 0;
    for (i, t) in toks.iter().enumerate() {
        if skip.get(i).copied().unwrap_or(false) || t.start < next_free {
            continue;
        }
        let from = &text[t.start..];
        let lead = from.len() - from.trim_start_matches(['(', '"', '\'', '\u{201c}']).len();
        let Some(r) = parse_number(&from[lead..]) else {
            continue;
        };
        next_free = text.len() - r.rest.len();
        let mut after: Vec<String> = currency(&text[t.clone()])
            .map(String::from)
            .into_iter()
            .collect();
        after.extend(normalize(&r.rest).split(' ').take(3).map(String::from));
        after.retain(|w| !w.is_empty());
        out.push(NumberMention {
            value: r.value,
            high: r.high,
            after,
        });
    }
    out
}

impl Mentions {
    pub fn of(text: &str) -> Mentions {
        let toks = tokens(text);
        let mut in_date = vec![false; toks.len()];
        let mut days = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            let found = (1..=4.min(toks.len() - i)).rev().find_map(|len| {
                let span = &text[toks[i].start..toks[i + len - 1].end];
                let span = span.trim_matches(|c: char| !c.is_alphanumeric());
                // Digits alone are a date only with a day, a month and a year ("2022-01-05",
                // "05.01.2022"): "2.5 million" is no 2 May.
                let worded = span.chars().any(char::is_alphabetic);
                if !worded && span.matches(['-', '.', '/']).count() < 2 {
                    return None;
                }
                let d = parse_date(span)?;
                Some((len, d.month?, d.day?, d.year))
            });
            match found {
                Some((len, month, day, year)) => {
                    days.push(DayMention { year, month, day });
                    in_date[i..i + len].fill(true);
                    i += len;
                }
                None => i += 1,
            }
        }
        Mentions {
            numbers: numbers(text, &in_date),
            days,
            folded: format!(" {} ", fold(text)),
        }
    }

    /// What of `answer` this text states, as the answer is shown, if it states it: the
    /// number with its unit, the day, or the phrase as the card shows it (its first wording
    /// that is not only a number, such as "11", which is too common to count; folded, so that
    /// other transliterations match too; the other wordings are looser forms the checker
    /// accepts, such as "Kazakhstan" for "the whole country"). Names are never looked for.
    pub fn states(&self, answer: &Answer) -> Option<String> {
        match answer {
            Answer::Number(n) => self.states_number(n).then(|| n.display()),
            Answer::Date(d) => self.states_day(d).then(|| d.to_string_long()),
            Answer::Phrase(wordings) => wordings
                .iter()
                .find(|w| !only_a_number(w))
                .filter(|w| self.states_wording(w))
                .map(|w| w.to_string()),
            _ => None,
        }
    }

    fn states_number(&self, n: &NumberAnswer) -> bool {
        let lo = n.min.as_ref().map_or(n.value.value, |a| a.value);
        let hi = n.max.as_ref().map_or(n.value.value, |a| a.value);
        let within = |v: f64| v >= lo - 1e-9 * lo.abs() && v <= hi + 1e-9 * hi.abs();
        let unit: Vec<String> = normalize(&n.unit)
            .split(' ')
            .filter(|w| !w.is_empty() && !matches!(*w, "of" | "the" | "a" | "an" | "in"))
            .map(singular)
            .collect();
        self.numbers.iter().any(|m| {
            let value = within(m.value) || m.high.is_some_and(within);
            let after: Vec<String> = m.after.iter().take(2).map(|w| singular(w)).collect();
            value && (unit.is_empty() || unit.iter().any(|u| after.contains(u)))
        })
    }

    fn states_day(&self, d: &PartialDate) -> bool {
        let (Some(month), Some(day)) = (d.month, d.day) else {
            return false;
        };
        self.days
            .iter()
            .any(|m| m.month == month && m.day == day && m.year.is_none_or(|y| y == d.year))
    }

    /// Whether the folded text holds `wording` on word boundaries.
    pub fn states_wording(&self, wording: &str) -> bool {
        let w = fold(wording);
        !w.is_empty() && self.folded.contains(&format!(" {w} "))
    }
}

/// Whether a wording is a number and nothing else ("11", "eleven").
fn only_a_number(wording: &str) -> bool {
    parse_number(wording).is_some_and(|r| r.rest.trim().is_empty())
}

/// A word without a plural's `s` ("years" -> "year", but "press" stays).
pub fn singular(word: &str) -> String {
    match word.strip_suffix('s') {
        Some(stem) if stem.len() >= 3 && !stem.ends_with('s') => stem.to_string(),
        _ => word.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::model::Amount;

    fn number(value: f64, unit: &str) -> Answer {
        Answer::Number(Box::new(NumberAnswer {
            value: Amount { value, text: None },
            unit: unit.into(),
            min: None,
            max: None,
        }))
    }

    fn day(s: &str) -> Answer {
        Answer::Date(s.parse().unwrap())
    }

    #[test]
    fn numbers_by_value_with_their_unit() {
        let m = Mentions::of("A 73-year-old man; some twenty thousand troops; $1.6 billion.");
        assert!(m.states(&number(73.0, "years")).is_some());
        assert!(m.states(&number(20_000.0, "troops")).is_some());
        assert!(m.states(&number(1.6e9, "US dollars")).is_some());
        assert!(
            m.states(&number(20_000.0, "police cars")).is_none(),
            "another unit"
        );
        assert!(m.states(&number(74.0, "years")).is_none());
        let m = Mentions::of("They spoke of 20 000 'terrorists'.");
        assert!(m.states(&number(20_000.0, "terrorists")).is_some());
    }

    #[test]
    fn days_in_any_spelling_but_not_as_numbers() {
        let m = Mentions::of("A morgue called on 12 January, after the curfew of Jan. 7th 2022.");
        assert!(m.states(&day("2022-01-12")).is_some());
        assert!(m.states(&day("2022-01-07")).is_some());
        assert!(m.states(&day("2023-01-07")).is_none(), "another year");
        assert!(m.states(&day("2022-01")).is_none(), "a month only");
        assert!(
            m.states(&number(12.0, "")).is_none(),
            "a day is not a figure"
        );
        let m = Mentions::of("2.5 million tenge, paid 2022-01-05");
        assert!(m.states(&number(2.5e6, "tenge")).is_some(), "not 2 May");
        assert!(m.states(&day("2022-01-05")).is_some());
    }

    #[test]
    fn wordings_folded_on_word_boundaries() {
        let m = Mentions::of("Shot after the 11 p.m. curfew in Taldyqorghan.");
        assert_eq!(
            m.states(&Answer::Phrase(vec!["11".into(), "11 P.M.".into()])),
            Some("11 P.M.".to_string())
        );
        assert!(
            m.states(&Answer::Phrase(vec!["Taldykorgan".into()]))
                .is_some()
        );
        assert!(m.states(&Answer::Phrase(vec!["Taldy".into()])).is_none());
        assert!(
            m.states(&Answer::Phrase(vec!["11".into(), "eleven".into()]))
                .is_none()
        );
        assert!(
            m.states(&Answer::Name(vec!["Taldyqorghan".into()]))
                .is_none()
        );
    }
}
