//! What a wrong answer is, when the library knows it: another source's figure for the card's
//! claim, or the answer to another card of the same kind. The other cards are looked at in
//! library order, as `check::judge` would check the text against each, but the text is read once
//! and cards whose wordings it cannot come near are passed over without checking.

use super::check::{date_matches, number_fits};
use super::check_text::{MAX_TYPOS, check_text};
use super::index::{Folded, Near, QuizIndex, cards_of_kind, value_number};
use super::question::source_name;
use crate::deck::{Answer, Card, Deck, Library};
use crate::text::date::parse_date;
use crate::text::fold::fold;
use crate::text::number::{format_number, parse_number};

/// What a wrong answer is, if the library knows it: another source's value for the card's claim,
/// or the answer of another card of the same kind.
pub(super) fn note_for_text<C>(
    lib: &Library,
    ix: &QuizIndex,
    deck: &Deck<C>,
    card: &Card,
    given: &str,
) -> Option<String> {
    // Only a figure card's answer is read as a figure: "6 January" is no claim's "six waves".
    if let Answer::Number(_) = &card.answer
        && let Some(claim) = card.claim.as_deref().and_then(|c| deck.claim(c))
        && let Some(n) = parse_number(given).map(|r| r.value)
    {
        for v in &claim.values {
            if value_number(&v.value).is_some_and(|x| (x - n).abs() < 1e-9 * n.abs().max(1.0)) {
                let src = deck.source(&v.source);
                let title = src.map_or(v.source.as_str(), source_name);
                let date = src.map(|s| s.date_text()).unwrap_or_default();
                return Some(format!(
                    "{} is the figure that {title} ({date}) gave: \"{}\" ({}). The card asks for {}.",
                    format_number(n),
                    v.value,
                    v.says,
                    card.answer.display(deck)
                ));
            }
        }
    }
    // Every card of the kind, in library order, as `judge` would check the text against it;
    // the text is read once, and cards whose wordings it cannot come near are passed over.
    let folded = Folded::new(fold(given));
    let near = Near::new(&folded, MAX_TYPOS);
    let number = parse_number(given);
    let date = parse_date(given);
    for r in cards_of_kind(lib, card.kind) {
        // Only the cards that may accept the text are read (from disk, for most decks).
        if !ix.may_answer(r, &near, number.as_ref(), date.as_ref()) {
            continue;
        }
        let Some(other_deck) = lib.decks.get(r.deck).map(|d| &d.deck) else {
            continue;
        };
        let Some(other) = other_deck.cards.get(r.card) else {
            continue;
        };
        if other.id == card.id && other_deck.id == deck.id {
            continue;
        }
        let right = match &other.answer {
            Answer::Name(v) | Answer::Phrase(v) => {
                other.answer != card.answer
                    && check_text(ix, v, matches!(other.answer, Answer::Name(_)), given).correct
            }
            Answer::Number(n) => number.as_ref().is_some_and(|r| number_fits(n, r)),
            Answer::Date(d) => date.as_ref().is_some_and(|r| date_matches(d, r)),
            _ => false,
        };
        if right && other.answer != card.answer {
            return Some(format!(
                "\"{given}\" is the answer to another card: \"{}\"",
                other.prompt
            ));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::check::{Response, judge};
    use crate::quiz::question::Question;

    /// The search for "another card's answer" as first written: every card of the kind judged.
    fn note_slowly<C>(
        lib: &Library,
        ix: &QuizIndex,
        deck: &Deck<C>,
        card: &Card,
        given: &str,
    ) -> Option<String> {
        for r in cards_of_kind(lib, card.kind) {
            let other_deck = &lib.decks.get(r.deck)?.deck;
            let other = other_deck.cards.get(r.card)?;
            if (other.id == card.id && other_deck.id == deck.id) || other.answer == card.answer {
                continue;
            }
            let q = Question::typed(other_deck, &other);
            if judge(ix, other_deck, &other, &q, &Response::Text(given.into())).correct {
                return Some(format!(
                    "\"{given}\" is the answer to another card: \"{}\"",
                    other.prompt
                ));
            }
        }
        None
    }

    #[test]
    fn another_cards_answer_is_found_as_by_judging_every_card() {
        let lib = Library::builtin();
        let ix = QuizIndex::build(&lib);
        let mut givens: Vec<String> = Vec::new();
        for d in &lib.decks {
            for c in &d.deck.cards.to_vec().unwrap() {
                let base = match &c.answer {
                    Answer::Name(v) | Answer::Phrase(v) => {
                        v.iter().map(|s| s.to_string()).collect()
                    }
                    a => vec![a.display(&d.deck)],
                };
                for b in base {
                    givens.push(format!("{b}x"));
                    givens.push(b.chars().skip(1).collect());
                    if let Some(last) = b.split(' ').next_back() {
                        givens.push(last.to_string());
                    }
                    givens.push(b);
                }
            }
        }
        let mut found = 0;
        for d in &lib.decks {
            for c in d.deck.cards.to_vec().unwrap().iter().step_by(3) {
                for g in givens.iter().step_by(7) {
                    let slow = note_slowly(&lib, &ix, &d.deck, c, g);
                    let fast = note_for_text(&lib, &ix, &d.deck, c, g);
                    // A claim's own figure is named before any other card is looked at.
                    if fast
                        .as_deref()
                        .is_some_and(|n| n.contains(" is the figure that "))
                    {
                        continue;
                    }
                    found += usize::from(slow.is_some());
                    assert_eq!(fast, slow, "{} / {g}", c.id);
                }
            }
        }
        assert!(
            found > 50,
            "only {found} notes: the comparison tests too little"
        );
    }
}
