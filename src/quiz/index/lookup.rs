//! Looking names up in the quiz index: whose spelling, surname or wording a folded text is,
//! by binary search over the sorted names; everything that counts as the same answer; the
//! names a typo must not be as close to.

use std::collections::HashSet;

use super::{Folded, Near, Owner, QuizIndex};
use crate::deck::{CardKind, Text};
use crate::text::fold::{distance, fold};

impl QuizIndex {
    /// Whose spelling, surname or wording a folded key is (see `names`).
    pub(super) fn owners_of<'a>(&'a self, key: &'a str) -> impl Iterator<Item = Owner> + 'a {
        self.places_of(key).map(|i| self.names[i as usize].1)
    }

    /// The places in `names` of the entries whose text is `key`.
    pub(super) fn places_of<'a>(&'a self, key: &'a str) -> impl Iterator<Item = u32> + 'a {
        let text = |i: u32| self.names[i as usize].0.text.as_str();
        let start = self.by_text.partition_point(|&i| text(i) < key);
        self.by_text[start..]
            .iter()
            .copied()
            .take_while(move |&i| text(i) == key)
    }

    /// The person whose spelling a folded key is (a spelling is one person's only).
    fn person_by_key(&self, key: &str) -> Option<usize> {
        self.owners_of(key).find_map(|o| match o {
            Owner::Person(p) => Some(p),
            _ => None,
        })
    }

    /// The person a Name answer's spellings belong to.
    pub fn person_of(&self, variants: &[Text]) -> Option<usize> {
        variants
            .iter()
            .filter_map(|v| self.person_by_key(&fold(v)))
            .min()
    }

    /// The persons whose spellings include one of these keys.
    fn persons_with(&self, keys: &[String]) -> HashSet<usize> {
        keys.iter().filter_map(|k| self.person_by_key(k)).collect()
    }

    /// The phrases (of any kind) whose wordings include one of these keys.
    fn phrases_with(&self, keys: &[String]) -> HashSet<(CardKind, usize)> {
        keys.iter()
            .flat_map(|k| self.owners_of(k))
            .filter_map(|o| match o {
                Owner::Phrase(kind, i) => Some((kind, i)),
                _ => None,
            })
            .collect()
    }

    /// The folded keys of the person and the phrases that share a key with `keys`, `keys`
    /// included: everything that counts as the same answer.
    pub fn own_keys(&self, keys: &[String]) -> Vec<String> {
        let mut own: Vec<String> = keys.to_vec();
        if let Some(p) = self.persons_with(keys).into_iter().min() {
            own.extend(self.persons[p].keys.iter().map(Text::to_string));
        }
        for (kind, i) in self.phrases_with(keys) {
            if let Some(p) = self.phrases.get(&kind).and_then(|l| l.get(i)) {
                own.extend(p.keys.iter().map(Text::to_string));
            }
        }
        own.sort();
        own.dedup();
        own
    }

    fn is_own(
        &self,
        owner: Owner,
        persons: &HashSet<usize>,
        phrases: &HashSet<(CardKind, usize)>,
    ) -> bool {
        match owner {
            Owner::Person(p) | Owner::Surname(p) => persons.contains(&p),
            Owner::Phrase(k, i) => phrases.contains(&(k, i)),
        }
    }

    /// The first name or phrase of the library, not the given person's or phrase's, within `d`
    /// edits of `answer` (folded) that is not one of `own_keys`: what a typo must not be as close
    /// to.
    pub fn other_name_within(&self, answer: &str, d: usize, own_keys: &[String]) -> Option<&str> {
        let persons = self.persons_with(own_keys);
        let phrases = self.phrases_with(own_keys);
        let answer = Folded::new(answer.to_string());
        let near = Near::new(&answer, d);
        self.names
            .iter()
            .filter(|(n, _)| near.may_match(n))
            .filter(|(_, o)| !self.is_own(*o, &persons, &phrases))
            .map(|(n, _)| n.text.as_str())
            .filter(|n| !own_keys.iter().any(|k| k == n))
            .find(|n| distance(&answer.text, n) <= d)
    }

    /// Whether a surname (folded) belongs to anyone but the person with these keys.
    pub fn surname_shared(&self, surname: &str, own_keys: &[String]) -> bool {
        let own = self.persons_with(own_keys);
        self.owners_of(surname).any(|o| match o {
            Owner::Person(p) | Owner::Surname(p) => !own.contains(&p),
            Owner::Phrase(..) => false,
        })
    }

    /// Whether a folded text is the answer of someone or something else: another person's
    /// spelling or surname, or another phrase's wording.
    pub fn is_other_answer(&self, key: &str, own_keys: &[String]) -> bool {
        let persons = self.persons_with(own_keys);
        let phrases = self.phrases_with(own_keys);
        self.owners_of(key)
            .any(|o| !self.is_own(o, &persons, &phrases))
    }

    /// Another person than the one with `own_keys` who has the (folded) surname and a spelling
    /// that `fits`: their name as shown.
    pub fn other_person_fitting(
        &self,
        surname: &str,
        own_keys: &[String],
        fits: impl Fn(&str) -> bool,
    ) -> Option<&str> {
        let own = self.persons_with(own_keys);
        self.owners_of(surname)
            .filter_map(|o| match o {
                Owner::Person(p) | Owner::Surname(p) if !own.contains(&p) => Some(p),
                _ => None,
            })
            .find(|&p| self.persons[p].keys.iter().any(|k| fits(k)))
            .map(|p| self.persons[p].display.as_str())
    }
}
