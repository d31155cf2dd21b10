//! The wording rule (issue 17): two figures of a source-said card that differ only in wording
//! (the same numbers and the same content words once folded) cannot be told apart by meaning,
//! so a learner matching them to their sources can only guess. Content words are compared as
//! sets, lowercased and without accents, plurals or small words ("of", "the"); the titles of a
//! post count as one word (chairman = chair = chief = head = leader; vice = deputy); an
//! abbreviation given with its expansion in brackets counts once, as the expansion.

use std::collections::BTreeSet;

use super::mentions::{numbers, singular};
use super::place::{Field, Spot};
use super::{Raw, Rule, Severity};
use crate::deck::model::{Answer, Deck};
use crate::text::fold::normalize;
use crate::text::number::format_number;

const SMALL_WORDS: [&str; 26] = [
    "a", "an", "the", "of", "for", "in", "on", "at", "to", "by", "and", "or", "with", "from", "as",
    "its", "his", "her", "their", "who", "which", "that", "was", "is", "were", "be",
];

/// Words that are part of how a number is written, not of what it counts.
const NUMBER_WORDS: [&str; 9] = [
    "hundred", "thousand", "million", "billion", "trillion", "k", "m", "bn", "mln",
];

pub(super) fn check(deck: &Deck, out: &mut Vec<Raw>) {
    for card in &deck.cards {
        let Answer::SourceSaid(pairs) = &card.answer else {
            continue;
        };
        let meanings: Vec<Meaning> = pairs.iter().map(|p| Meaning::of(&p.figure)).collect();
        for (i, a) in pairs.iter().enumerate() {
            for (j, b) in pairs.iter().enumerate().skip(i + 1) {
                if a.source == b.source || meanings[i] != meanings[j] {
                    continue;
                }
                out.push(Raw::new(
                    Severity::Warning,
                    Rule::Wording,
                    Spot::Card(card.id.to_string(), Some(Field::own("answer"))),
                    format!(
                        "the figures \"{}\" ({}) and \"{}\" ({}) differ only in wording ({}): a \
                         learner cannot tell them apart by meaning; give each its own fact",
                        a.figure,
                        a.source,
                        b.figure,
                        b.source,
                        meanings[i].describe()
                    ),
                ));
            }
        }
    }
}

/// What a figure says, wording aside: its numbers and its content words.
#[derive(Debug, Clone, PartialEq)]
struct Meaning {
    numbers: Vec<f64>,
    words: BTreeSet<String>,
}

impl Meaning {
    fn of(figure: &str) -> Meaning {
        let text = drop_abbreviations(figure);
        let mut nums: Vec<f64> = numbers(&text, &[])
            .iter()
            .flat_map(|n| std::iter::once(n.value).chain(n.high))
            .collect();
        nums.sort_by(f64::total_cmp);
        let words = normalize(&text)
            .split(' ')
            .filter(|w| !w.is_empty() && !SMALL_WORDS.contains(w) && !NUMBER_WORDS.contains(w))
            .filter(|w| crate::text::number::parse_number(w).is_none())
            .map(|w| match w {
                "chairman" | "chairwoman" | "chairperson" | "chair" | "chief" | "leader" => {
                    "head".to_string()
                }
                "vice" => "deputy".to_string(),
                w => singular(w),
            })
            .collect();
        Meaning {
            numbers: nums,
            words,
        }
    }

    fn describe(&self) -> String {
        let mut parts: Vec<String> = self.numbers.iter().map(|n| format_number(*n)).collect();
        parts.extend(self.words.iter().cloned());
        if parts.is_empty() {
            "no words".into()
        } else {
            parts.join(", ")
        }
    }
}

/// The text with an abbreviation that comes with its expansion in brackets left out:
/// "the KNB (Committee for National Security)" and "National Security Committee (KNB)" keep
/// only the expansion.
fn drop_abbreviations(text: &str) -> String {
    let is_abbreviation = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        (2..=6).contains(&w.chars().count())
            && w.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
            && w.chars().any(char::is_alphabetic)
    };
    let mut out = text.to_string();
    while let Some(open) = out.find('(') {
        let Some(len) = out[open..].find(')') else {
            break;
        };
        let inside = out[open + 1..open + len].to_string();
        let before = out[..open].trim_end().to_string();
        let last = before.rsplit(' ').next().unwrap_or("");
        let after = &out[open + len + 1..];
        out = if is_abbreviation(inside.trim()) {
            // "National Security Committee (KNB)": the expansion stands before.
            format!("{before}{after}")
        } else if is_abbreviation(last) && inside.split_whitespace().count() >= 2 {
            // "KNB (Committee for National Security)": the expansion replaces it.
            let head = before[..before.len() - last.len()].to_string();
            format!("{head}{inside}{after}")
        } else {
            format!("{before} {inside}{after}")
        };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: &str, b: &str) -> bool {
        Meaning::of(a) == Meaning::of(b)
    }

    #[test]
    fn wording_alone_is_the_same_meaning() {
        assert!(same("deputy chairman of the KNB", "the deputy KNB head"));
        assert!(same(
            "head of the KNB (Committee for National Security)",
            "chairman of the National Security Committee"
        ));
        assert!(same("20,000 troops", "twenty thousand troops"));
        assert!(same("5 January", "January 5"));
        assert!(same(
            "vice-chair of the council",
            "Deputy Head of the Council"
        ));
    }

    #[test]
    fn other_facts_are_other_meanings() {
        assert!(!same("head of the KNB", "head of security services"));
        assert!(!same("first deputy head", "deputy head"));
        assert!(!same("227 dead", "225 dead"));
        assert!(!same("2,000 troops", "2,000 troops and 50 vehicles"));
    }

    #[test]
    fn abbreviations_with_their_expansion_count_once() {
        assert_eq!(
            normalize(&drop_abbreviations(
                "the KNB (Committee for National Security)"
            )),
            "committee for national security"
        );
        assert_eq!(
            normalize(&drop_abbreviations(
                "Collective Security Treaty (CSTO) troops"
            )),
            "collective security treaty troops"
        );
        assert_eq!(
            drop_abbreviations("troops (about 2,000)"),
            "troops about 2,000"
        );
        assert_eq!(drop_abbreviations("unclosed (bracket"), "unclosed (bracket");
    }
}
