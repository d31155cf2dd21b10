//! Wrong names and phrases. People of the same kind as the answer (sharing a topic with the
//! card: an institution, an event, a family), written the same way (a full name or a surname,
//! the same transliteration habits) and of a similar length; phrases of the card's kind alike
//! (with digits like the answer's, capitalised like it). The right answer's rank by length, and
//! by how like the other options it is, are drawn uniformly, so that the longest option, or the
//! one most like the others, is right no more often than chance.

use rand::Rng;

use super::Fresh;
use super::tells::{by_length, likeness_rank};
use crate::deck::{Answer, Card, Text};
use crate::quiz::index::{QuizIndex, TopicRun};
use crate::text::fold::fold;

/// The random part added to each candidate's likeness (which runs from about -2 to 10), so
/// that the options vary from one asking to the next.
const JITTER: f64 = 4.0;

/// Candidates looked at in a large library (drawn at random): enough for variety and likeness,
/// few enough that making a question stays well under a millisecond.
const SAMPLE: usize = 160;

/// Wrong options for a Name or Phrase card.
pub(super) fn people_or_phrases(
    ix: &QuizIndex,
    card: &Card,
    right: &str,
    fresh: &mut Fresh,
    rng: &mut impl Rng,
    n: usize,
) -> Vec<String> {
    let like = Likeness::new(ix, card, right);
    let scored = match &card.answer {
        Answer::Name(own) => people(ix, own, &like, rng),
        Answer::Phrase(own) => phrases(ix, card.kind, own, &like, rng, n),
        _ => return Vec::new(),
    };
    choose(scored, right, fresh, rng, n)
}

/// Other people, with how like the answer each is.
fn people<'a>(
    ix: &'a QuizIndex,
    own: &[Text],
    like: &Likeness,
    rng: &mut impl Rng,
) -> Vec<(f64, &'a str)> {
    let mine = ix.person_of(own);
    sample(ix.persons.len(), rng)
        .into_iter()
        .filter(|&i| Some(i) != mine)
        .map(|i| {
            let p = &ix.persons[i];
            (like.score(ix, &p.display, p.topics), p.display.as_str())
        })
        .collect()
}

/// Sets drawn before the last one is kept whatever its tells.
const ATTEMPTS: usize = 8;

/// Of candidates with how like the right answer each is, `n` drawn with a random part added to
/// each likeness, placed by length (`by_length`), and drawn again until the right answer's
/// rank by likeness to the others is the one drawn for it.
fn choose(
    scored: Vec<(f64, &str)>,
    right: &str,
    fresh: &mut Fresh,
    rng: &mut impl Rng,
    n: usize,
) -> Vec<String> {
    // How many options are to be more like the others than the right one: drawn uniformly,
    // so that it is the centre of the set (or the odd one) no more often than chance.
    let alike = rng.random_range(0..=n);
    let mut picked = Vec::new();
    for attempt in 0..ATTEMPTS {
        fresh.forget_after(0);
        let mut order: Vec<(f64, &str)> = scored
            .iter()
            .map(|&(s, c)| (s + rng.random_range(0.0..JITTER), c))
            .collect();
        order.sort_by(|a, b| b.0.total_cmp(&a.0));
        let ordered = order.into_iter().map(|(_, s)| s).collect();
        picked = by_length(rng, right.chars().count(), ordered, n, |c| fresh.take(c));
        if likeness_rank(&picked, right) == alike || attempt + 1 == ATTEMPTS {
            break;
        }
    }
    picked
}

/// Other phrases of the card's kind (of other kinds after them when there are too few), with
/// how like the answer each is.
fn phrases<'a>(
    ix: &'a QuizIndex,
    kind: crate::deck::CardKind,
    own: &[Text],
    like: &Likeness,
    rng: &mut impl Rng,
    n: usize,
) -> Vec<(f64, &'a str)> {
    let own: Vec<String> = own.iter().map(|v| fold(v)).collect();
    let not_own = |keys: &[Text]| !keys.iter().any(|k| own.iter().any(|o| o == k));
    let same_kind = ix.phrases.get(&kind).map_or(&[][..], Vec::as_slice);
    let mut scored: Vec<(f64, &str)> = sample(same_kind.len(), rng)
        .into_iter()
        .map(|i| &same_kind[i])
        .filter(|p| not_own(&p.keys))
        .map(|p| (like.score(ix, &p.display, p.topics), p.display.as_str()))
        .collect();
    if scored.len() < n {
        let others = ix
            .phrases
            .iter()
            .filter(|(k, _)| **k != kind)
            .flat_map(|(_, v)| v)
            .filter(|p| not_own(&p.keys))
            .take(SAMPLE);
        let more: Vec<(f64, &str)> = others
            .map(|p| {
                let score = like.score(ix, &p.display, p.topics) - 10.0;
                (score, p.display.as_str())
            })
            .collect();
        scored.extend(more);
    }
    scored
}

/// Up to `SAMPLE` places in a list of `len`, at random when the list is longer.
fn sample(len: usize, rng: &mut impl Rng) -> Vec<usize> {
    if len <= SAMPLE {
        return (0..len).collect();
    }
    let mut out: Vec<usize> = (0..SAMPLE).map(|_| rng.random_range(0..len)).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// How like the right answer a candidate is: in topics shared with the card, in form (words,
/// length, capitals, digits, transliteration habits), with a random part for variety.
struct Likeness {
    topics: Vec<u16>,
    shape: Shape,
}

/// The form of a name or phrase.
#[derive(PartialEq)]
struct Shape {
    words: usize,
    chars: usize,
    capital: bool,
    digits: bool,
    /// Transliteration habits: q for k (Toqaev), -yev for -ev (Tokayev).
    q: bool,
    yev: bool,
}

impl Shape {
    fn of(s: &str) -> Shape {
        let b = s.as_bytes();
        let yev = b.windows(3).any(|w| {
            matches!(w[0], b'y' | b'i' | b'Y' | b'I')
                && w[1].eq_ignore_ascii_case(&b'e')
                && w[2].eq_ignore_ascii_case(&b'v')
        });
        Shape {
            words: s.split_whitespace().count(),
            chars: s.chars().count(),
            capital: s.chars().next().is_some_and(char::is_uppercase),
            digits: b.iter().any(u8::is_ascii_digit),
            q: b.iter().any(|c| c.eq_ignore_ascii_case(&b'q')),
            yev,
        }
    }
}

impl Likeness {
    fn new(ix: &QuizIndex, card: &Card, right: &str) -> Likeness {
        Likeness {
            topics: card
                .topics
                .iter()
                .filter_map(|t| ix.topic_number(t))
                .collect(),
            shape: Shape::of(right),
        }
    }

    fn score(&self, ix: &QuizIndex, s: &str, topics: TopicRun) -> f64 {
        let shared = ix
            .topics(topics)
            .iter()
            .filter(|t| self.topics.contains(t))
            .count()
            .min(3);
        let other = Shape::of(s);
        let me = &self.shape;
        let longer = me.chars.max(other.chars).max(1) as f64;
        let length = me.chars.abs_diff(other.chars) as f64 / longer;
        let same = |a: bool, b: bool| f64::from(u8::from(a == b));
        2.0 * shared as f64 + 1.5 * same(me.words == other.words, true) - 2.0 * length
            + same(me.capital, other.capital)
            + 1.5 * same(me.digits, other.digits)
            + 0.5 * (same(me.q, other.q) + same(me.yev, other.yev))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_tell_forms_apart() {
        assert!(Shape::of("Toqaev").q);
        assert!(Shape::of("Kassym-Jomart Tokayev").yev);
        assert_eq!(Shape::of("Samat Abish").words, 2);
        assert!(!Shape::of("a coup attempt").capital);
    }
}
