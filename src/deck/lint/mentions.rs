//! What a text states that could be a card's answer: its numbers (by value, with the words
//! after them, read as the answer checker reads them: "20,000" = "20 000" = "twenty
//! thousand"), its days ("7 January" = "January 7th" = "2022-01-07"), and its folded words;
//! and whether it states a given answer.

use crate::deck::model::{Answer, NumberAnswer};
use crate::text::date::parse_date;
use crate::text::fold::{fold, normalize};
use crate::text::number::parse_number;

/// A number a text gives: its value (or range) and the words that follow it, normalized and
/// singular.
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

/// How many tokens, from a number's first, are read for it and the words after it.
const WINDOW: usize = 12;

/// The numbers of a text, leaving out the tokens marked in `skip` (the days of a date).
pub fn numbers(text: &str, skip: &[bool]) -> Vec<NumberMention> {
    let toks = tokens(text);
    let mut out = Vec::new();
    let mut next_free = 0;
    for (i, t) in toks.iter().enumerate() {
        if skip.get(i).copied().unwrap_or(false) || t.start < next_free {
            continue;
        }
        // The number and the words after it: a few tokens, so that a long text is not read
        // again from each of its words.
        let end = toks[(i + WINDOW).min(toks.len()) - 1].end;
        let from = &text[t.start..end];
        let lead = from.len() - from.trim_start_matches(['(', '"', '\'', '\u{201c}']).len();
        let Some(r) = parse_number(&from[lead..]) else {
            continue;
        };
        // The tokens the number took ("twenty thousand") are not read again. The reader
        // lowercases, which may change lengths: the place is only a bound, never an index.
        next_free = end.saturating_sub(r.rest.len());
        let mut after: Vec<String> = currency(&text[t.clone()])
            .map(singular)
            .into_iter()
            .collect();
        after.extend(normalize(&r.rest).split(' ').take(3).map(singular));
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
                // A day needs digits; digits alone are a date only with a day, a month and a
                // year ("2022-01-05", "05.01.2022"): "2.5 million" is no 2 May.
                let worded = span.chars().any(char::is_alphabetic);
                let digits = span.bytes().any(|b| b.is_ascii_digit());
                if !digits || (!worded && span.matches(['-', '.', '/']).count() < 2) {
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

    /// Whether this text states what `needle` looks for.
    pub fn holds(&self, needle: &Needle) -> bool {
        match &needle.what {
            Sought::Number { lo, hi, unit } => {
                let within = |v: f64| v >= lo - 1e-9 * lo.abs() && v <= hi + 1e-9 * hi.abs();
                self.numbers.iter().any(|m| {
                    let value = within(m.value) || m.high.is_some_and(within);
                    let after = &m.after[..m.after.len().min(2)];
                    value && (unit.is_empty() || unit.iter().any(|u| after.contains(u)))
                })
            }
            Sought::Day { year, month, day } => self
                .days
                .iter()
                .any(|m| m.month == *month && m.day == *day && m.year.is_none_or(|y| y == *year)),
            Sought::Wording(padded) => self.folded.contains(padded.as_str()),
        }
    }
}

/// A card's answer as it is looked for in other texts (made once per card).
#[derive(Debug, Clone)]
pub struct Needle {
    /// The answer as it is shown.
    pub shown: String,
    what: Sought,
}

#[derive(Debug, Clone)]
enum Sought {
    /// A number in this range, followed by a word of its unit (singular).
    Number {
        lo: f64,
        hi: f64,
        unit: Vec<String>,
    },
    Day {
        year: i32,
        month: u8,
        day: u8,
    },
    /// A wording folded, with a space at either end.
    Wording(String),
}

impl Needle {
    /// What to look for: the number with its unit, the day (a month or a year alone is not
    /// looked for), or the phrase as the card shows it: its first wording that is not only a
    /// number (such as "11", too common to count), folded so that other transliterations
    /// match too; the other wordings are looser forms the checker accepts, such as
    /// "Kazakhstan" for "the whole country". Names and the other kinds of answer: nothing.
    pub fn of(answer: &Answer) -> Option<Needle> {
        let (shown, what) = match answer {
            Answer::Number(n) => (n.display(), number_sought(n)),
            Answer::Date(d) => {
                let sought = Sought::Day {
                    year: d.year,
                    month: d.month?,
                    day: d.day?,
                };
                (d.to_string_long(), sought)
            }
            Answer::Phrase(wordings) => {
                let w = wordings.iter().find(|w| !only_a_number(w))?;
                let folded = fold(w);
                if folded.is_empty() {
                    return None;
                }
                (w.to_string(), Sought::Wording(format!(" {folded} ")))
            }
            _ => return None,
        };
        Some(Needle { shown, what })
    }
}

fn number_sought(n: &NumberAnswer) -> Sought {
    Sought::Number {
        lo: n.min.as_ref().map_or(n.value.value, |a| a.value),
        hi: n.max.as_ref().map_or(n.value.value, |a| a.value),
        unit: normalize(&n.unit)
            .split(' ')
            .filter(|w| !w.is_empty() && !matches!(*w, "of" | "the" | "a" | "an" | "in"))
            .map(singular)
            .collect(),
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

    /// What of `answer` the text states, as the answer is shown, if it states it.
    trait States {
        fn states(&self, answer: &Answer) -> Option<String>;
    }

    impl States for Mentions {
        fn states(&self, answer: &Answer) -> Option<String> {
            let needle = Needle::of(answer)?;
            self.holds(&needle).then_some(needle.shown)
        }
    }

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
