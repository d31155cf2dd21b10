//! What a wrong answer is, when the library knows it: another source's figure for the card's
//! claim, or the answer to another card of the same kind. A note never misstates a fact: a
//! figure is another card's answer only with that card's unit (or none typed), a name only as
//! that card would accept it, and the note names the other card's real answer. The other
//! cards are looked at in library order, but the text is read once and cards whose wordings it
//! cannot come near are passed over without reading them.

use super::check::{MAX_TYPOS, check_text, date_matches, number_fits, reading_texts};
use super::index::{Folded, Near, QuizIndex, cards_of_kind, value_number};
use super::question::source_name;
#[cfg(test)]
use crate::deck::fact::claim_of;
use crate::deck::{Answer, Card, CardReadError, Claim, Deck, Library};
use crate::text::date::{DateReading, parse_date};
use crate::text::fold::fold;
use crate::text::number::{NumberReading, format_number, parse_number};
use crate::text::units;

/// What a wrong answer is, if the library knows it: another source's value for the card's claim,
/// or the answer of another card of the same kind. An error when another card it must look at
/// cannot be read.
pub(super) fn note_for_text<C, L>(
    lib: &Library,
    ix: &QuizIndex,
    deck: &Deck<C, L>,
    card: &Card,
    claim: Option<&Claim>,
    given: &str,
) -> Result<Option<String>, CardReadError> {
    if let Some(note) = claim.and_then(|c| claim_note(deck, c, card, given)) {
        return Ok(Some(note));
    }
    other_cards_answer(lib, ix, deck, card, given, false)
}

/// The note saying that `given`, as typed, is exactly another card's answer (not only close
/// to it): an answer the card took only by reading it (a remark left out, a figure rounded)
/// is no right answer when it is word for word another card's.
pub(super) fn exactly_another_cards<C, L>(
    lib: &Library,
    ix: &QuizIndex,
    deck: &Deck<C, L>,
    card: &Card,
    given: &str,
) -> Result<Option<String>, CardReadError> {
    other_cards_answer(lib, ix, deck, card, given, true)
}

/// The first card of the kind (other than `card`) that takes `given` (with `exact`: without a
/// typo forgiven), as a note; an error when one of the cards it must read cannot be read.
fn other_cards_answer<C, L>(
    lib: &Library,
    ix: &QuizIndex,
    deck: &Deck<C, L>,
    card: &Card,
    given: &str,
    exact: bool,
) -> Result<Option<String>, CardReadError> {
    // Every card of the kind, in library order; the text is read once, and cards whose
    // wordings none of its readings can come near are passed over.
    let person = card.kind == crate::deck::CardKind::Who;
    let mut texts: Vec<Folded> = Vec::new();
    for t in name_readings(given, person) {
        let f = fold(&t);
        if !texts.iter().any(|x| x.text == f.as_str()) {
            texts.push(Folded::new(f));
        }
    }
    let near: Vec<Near> = texts.iter().map(|t| Near::new(t, MAX_TYPOS)).collect();
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
        let other = other_deck.cards.get(r.card)?;
        if other.id == card.id && other_deck.id == deck.id {
            continue;
        }
        if let Some((note, close)) =
            another_card(ix, card, other_deck, &other, given, &number, &date)
            && !(exact && close)
        {
            return Ok(Some(note));
        }
    }
    Ok(None)
}

/// The note for a figure that another source gave for the card's claim: only for a figure
/// card ("6 January" is no claim's "six waves"), and only when the unit typed, if any, is the
/// card's.
fn claim_note<C, L>(deck: &Deck<C, L>, claim: &Claim, card: &Card, given: &str) -> Option<String> {
    let Answer::Number(num) = &card.answer else {
        return None;
    };
    let r = parse_number(given)?;
    let unit_ok = super::check::typed_unit(&r)
        .is_none_or(|(u, written)| units::conflict(u, &written, &num.unit).is_none());
    if !unit_ok {
        return None;
    }
    let n = r.value;
    let v = claim.values.iter().find(|v| {
        value_number(&v.value).is_some_and(|x| (x - n).abs() < 1e-9 * n.abs().max(1.0))
    })?;
    let src = deck.source(&v.source);
    let title = src.map_or(v.source.as_str(), source_name);
    let date = src.map(|s| s.date_text()).unwrap_or_default();
    Some(format!(
        "{} is the figure that {title} ({date}) gave: \"{}\" ({}). The card asks for {}.",
        format_number(n),
        v.value,
        v.says,
        card.answer.display(deck)
    ))
}

/// The texts a typed answer may be read as when looking for the cards that may accept it: as
/// written, and every reading the checker tries (see [`reading_texts`]).
fn name_readings(given: &str, person: bool) -> Vec<String> {
    let mut out = vec![given.to_string()];
    out.extend(reading_texts(given, person));
    out
}

/// The note saying that `given` is the answer to `other`, if that card takes it: the same
/// person or wording as that card accepts it, the same figure with its unit (or none typed),
/// the same date; and whether it takes it only with a typo forgiven. Never for a card with
/// the same answer.
fn another_card<C, L>(
    ix: &QuizIndex,
    card: &Card,
    other_deck: &Deck<C, L>,
    other: &Card,
    given: &str,
    number: &Option<NumberReading>,
    date: &Option<DateReading>,
) -> Option<(String, bool)> {
    if other.answer == card.answer {
        return None;
    }
    let close = match &other.answer {
        Answer::Name(v) | Answer::Phrase(v) => {
            let person = matches!(other.answer, Answer::Name(_));
            // The same person or wording, spelt otherwise, is the same answer.
            if let Answer::Name(mine) | Answer::Phrase(mine) = &card.answer
                && mine
                    .first()
                    .is_some_and(|m| check_text(ix, v, person, m).correct)
            {
                return None;
            }
            let o = check_text(ix, v, person, given);
            o.correct.then(|| o.with_typo())?
        }
        Answer::Number(n) => number
            .as_ref()
            .is_some_and(|r| number_fits(n, r))
            .then_some(false)?,
        Answer::Date(d) => date
            .as_ref()
            .is_some_and(|r| date_matches(d, r))
            .then_some(false)?,
        _ => return None,
    };
    let answer = other.answer.display(other_deck);
    let note = if close {
        format!(
            "\"{given}\" is close to \"{answer}\", the answer to another card: \"{}\"",
            other.prompt
        )
    } else {
        format!(
            "\"{given}\" is the answer to another card: \"{}\" ({answer})",
            other.prompt
        )
    };
    Some((note, close))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::names;

    /// The search for "another card's answer" with no card passed over: every card of the
    /// kind asked whether it takes the text.
    fn note_slowly<C, L>(
        lib: &Library,
        ix: &QuizIndex,
        deck: &Deck<C, L>,
        card: &Card,
        given: &str,
    ) -> Option<String> {
        let (number, date) = (parse_number(given), parse_date(given));
        for r in cards_of_kind(lib, card.kind) {
            let other_deck = &lib.decks.get(r.deck)?.deck;
            let other = other_deck.cards.get(r.card).ok()?;
            if other.id == card.id && other_deck.id == deck.id {
                continue;
            }
            let note = another_card(ix, card, other_deck, &other, given, &number, &date);
            if let Some((note, _)) = note {
                return Some(note);
            }
        }
        None
    }

    #[test]
    fn another_cards_answer_is_found_as_by_asking_every_card() {
        let lib = Library::builtin();
        let ix = QuizIndex::build(&lib).unwrap();
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
                    givens.push(format!("President {b}"));
                    if let Some(last) = b.split(' ').next_back() {
                        givens.push(last.to_string());
                    }
                    givens.extend(names::surname_last(&b));
                    givens.push(b);
                }
            }
        }
        // A sample of about 40 cards and 250 texts, whatever the size of the built-in decks
        // (the slow search asks every card of the kind for every pair).
        let cards = lib.card_count();
        let (card_step, given_step) = ((cards / 40).max(1), (givens.len() / 250).max(1));
        let mut found = 0;
        for d in &lib.decks {
            for c in d.deck.cards.to_vec().unwrap().iter().step_by(card_step) {
                for g in givens.iter().step_by(given_step) {
                    let slow = note_slowly(&lib, &ix, &d.deck, c, g);
                    let claim = claim_of(&d.deck, c).unwrap();
                    let fast = note_for_text(&lib, &ix, &d.deck, c, claim.as_deref(), g).unwrap();
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
