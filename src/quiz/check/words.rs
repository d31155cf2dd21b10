//! Matching a name or phrase as written against a card's wordings: every accepted wording,
//! transliteration variants folded, a unique surname alone, and a forgiven typo unless the
//! text is as close to another name.

use crate::deck::Text;
use crate::quiz::index::QuizIndex;
use crate::quiz::outcome::{Match, Outcome};
use crate::text::fold::{distance, fold, letter_count, normalize, words};

/// The most typos ever forgiven (see [`typo_allowance`]).
pub const MAX_TYPOS: usize = 2;

/// Typos forgiven in a wording of this many letters.
pub fn typo_allowance(letters: usize) -> usize {
    match letters {
        10.. => 2,
        5.. => 1,
        _ => 0,
    }
}

/// A card's accepted wordings, ready to match texts against.
pub(super) struct Wordings<'a> {
    pub variants: &'a [Text],
    /// Each wording folded.
    pub keys: Vec<String>,
    /// The folded keys of everything that counts as the same answer (the person's or the
    /// phrase's spellings on every card).
    pub own_keys: Vec<String>,
    /// A person's surnames (the last word of each wording of several words) and the wording.
    surnames: Vec<(String, &'a Text)>,
    pub expected: String,
}

impl<'a> Wordings<'a> {
    pub fn new(ix: &QuizIndex, variants: &'a [Text], person: bool) -> Wordings<'a> {
        let keys: Vec<String> = variants.iter().map(|v| fold(v)).collect();
        let surnames = if person {
            variants
                .iter()
                .zip(&keys)
                .filter(|(v, k)| words(k).count() >= 2 && looks_like_a_name(v))
                .filter_map(|(v, k)| words(k).last().map(|s| (s.to_string(), v)))
                .collect()
        } else {
            Vec::new()
        };
        Wordings {
            variants,
            own_keys: ix.own_keys(&keys),
            keys,
            surnames,
            expected: variants.first().map(Text::to_string).unwrap_or_default(),
        }
    }

    /// A text that is a wording (as written or folded) or a unique surname: right; a surname
    /// that others share: wrong, and said why; anything else: none.
    pub fn exact(&self, ix: &QuizIndex, given: &str) -> Option<Outcome> {
        let expected = self.expected.clone();
        let answer = fold(given);
        if answer.is_empty() {
            return Some(Outcome::wrong("no answer given".into(), expected));
        }
        let plain = normalize(given);
        if let Some(v) = self.variants.iter().find(|v| normalize(v) == plain) {
            let reading = format!("matches \"{v}\"");
            return Some(Outcome::right(
                Match::Variant(v.to_string()),
                reading,
                expected,
            ));
        }
        if let Some((v, _)) = self
            .variants
            .iter()
            .zip(&self.keys)
            .find(|(_, k)| **k == answer)
        {
            let reading = format!("\"{given}\" is a spelling of \"{v}\"");
            return Some(Outcome::right(
                Match::Folded(v.to_string()),
                reading,
                expected,
            ));
        }
        let (_, v) = self.surnames.iter().find(|(s, _)| *s == answer)?;
        if ix.surname_shared(&answer, &self.own_keys) {
            let reading = format!(
                "\"{given}\" is the surname of more than one person here: give the full name"
            );
            return Some(Outcome::wrong(reading, expected));
        }
        let reading = format!("the surname of \"{v}\", which no one else here has");
        Some(Outcome::right(
            Match::Surname(v.to_string()),
            reading,
            expected,
        ))
    }

    /// The closest wording (or unique surname) within the typo allowance: right with the typo
    /// (Hard), unless the text is as close to another name; else wrong, and said why.
    pub fn typo(&self, ix: &QuizIndex, given: &str) -> Outcome {
        let expected = self.expected.clone();
        let answer = fold(given);
        let own_keys = &self.own_keys;
        // The allowance counts the letters of the wording as written ("Aliya" has five), not
        // of its folded key ("alia").
        let mut best: Option<(usize, &Text)> = None;
        let targets = self
            .variants
            .iter()
            .zip(self.keys.iter())
            .map(|(v, k)| (v, k, letter_count(v)))
            .chain(
                self.surnames
                    .iter()
                    .filter(|(s, _)| !ix.surname_shared(s, own_keys))
                    .map(|(s, v)| {
                        let n = normalize(v);
                        let letters = words(&n).last().map_or(0, letter_count);
                        (*v, s, letters.max(letter_count(s)))
                    }),
            );
        for (v, k, letters) in targets {
            let d = distance(&answer, k);
            if d <= typo_allowance(letters) && best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, v));
            }
        }
        let Some((d, v)) = best else {
            return Outcome::wrong(format!("\"{given}\" matches no accepted answer"), expected);
        };
        // A negating prefix is the opposite meaning, not a slip ("necessary" is not
        // "unnecessary").
        let (plain, wording) = (normalize(given), normalize(v));
        if let Some((w, x)) = negated_word(&plain, &wording) {
            return Outcome::wrong(
                format!("\"{w}\" says the opposite of \"{x}\": not taken as a typo"),
                expected,
            );
        }
        // A word that is someone else's surname is no typo ("Samat Abishev" is not Samat Abish).
        let others_surname = words(&answer).find(|w| {
            !own_keys.iter().any(|k| words(k).any(|x| x == *w)) && ix.surname_shared(w, own_keys)
        });
        if let Some(w) = others_surname {
            return Outcome::wrong(
                format!("\"{w}\" is the surname of someone else here: not taken as a typo"),
                expected,
            );
        }
        // Another name counts only if it is not also one of this answer's own spellings
        // (Bolat Nazarbaev's surname is Nursultan's "Nazarbaev" too).
        if let Some(other) = ix.other_name_within(&answer, d, own_keys) {
            return Outcome::wrong(
                format!(
                    "\"{given}\" is as close to \"{other}\", another name here, as to \"{v}\": not taken as a typo"
                ),
                expected,
            );
        }
        Outcome::right(
            Match::Typo(v.to_string(), d),
            format!(
                "accepted with a typo: \"{given}\" is {d} edit{} from \"{v}\"",
                if d == 1 { "" } else { "s" }
            ),
            expected,
        )
    }
}

/// Prefixes that turn a word into its opposite.
const NEGATIONS: [&str; 7] = ["un", "in", "im", "il", "ir", "non", "dis"];

/// The first word of `given` that is a word of `wording` with a negating prefix added or
/// taken away, with that word (both normalized texts, not folded: folding merges double
/// letters, "unnecessary" into "unecesary"; compared word by word in order).
fn negated_word<'a>(given: &'a str, wording: &'a str) -> Option<(&'a str, &'a str)> {
    let negates = |long: &str, short: &str| {
        NEGATIONS
            .iter()
            .any(|p| long.strip_prefix(p) == Some(short) && short.len() >= 4)
    };
    words(given)
        .zip(words(wording))
        .find(|(g, w)| negates(g, w) || negates(w, g))
}

/// Whether a wording is a proper name (every word capitalised: "Samat Abish"), so that its last
/// word is a surname; "Nazarbaev's brother" is a description, and "brother" is no surname.
fn looks_like_a_name(v: &str) -> bool {
    v.split([' ', '-'])
        .filter(|w| !w.is_empty())
        .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_negating_prefix_is_no_typo() {
        use super::negated_word;
        assert_eq!(
            negated_word("necessary", "unnecessary"),
            Some(("necessary", "unnecessary"))
        );
        assert_eq!(
            negated_word("dishonest men", "honest men").map(|p| p.0),
            Some("dishonest")
        );
        assert_eq!(negated_word("unnecesary", "unnecessary"), None);
        assert_eq!(negated_word("nazarbaev", "nazarbayev"), None);
    }

    use super::looks_like_a_name;

    #[test]
    fn only_proper_names_have_surnames() {
        assert!(looks_like_a_name("Samat Abish"));
        assert!(looks_like_a_name("Qasym-Zhomart Toqaev"));
        assert!(!looks_like_a_name("Nazarbaev's brother"));
    }
}
