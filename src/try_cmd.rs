//! `factquiz try DECK CARD ANSWER`: the answer checker's verdict and its reasons, for deck
//! authors testing their accepted spellings.

use std::process::ExitCode;
use std::sync::Arc;

use factquiz::deck::{Card, Library, LoadedDeck};
use factquiz::quiz::check::response_from_text;
use factquiz::quiz::{Question, QuizIndex, check};

/// A deck and a card of the library by their ids; an unknown one, or a card that cannot be
/// read, is said on standard error (with the decks there are) and gives exit status 2.
pub fn find_card<'a>(
    lib: &'a Library,
    deck_id: &str,
    card_id: &str,
) -> Result<(&'a LoadedDeck, Arc<Card>), ExitCode> {
    let Some(deck) = lib.get(deck_id) else {
        let ids: Vec<&str> = lib.decks.iter().map(|d| d.deck.id.as_str()).collect();
        eprintln!(
            "factquiz: no deck \"{deck_id}\"; the decks are: {}",
            ids.join(", ")
        );
        return Err(ExitCode::from(2));
    };
    let Some(card) = deck.deck.cards.position(card_id) else {
        eprintln!("factquiz: deck \"{deck_id}\" has no card \"{card_id}\"");
        return Err(ExitCode::from(2));
    };
    match deck.deck.cards.get(card) {
        Ok(card) => Ok((deck, card)),
        Err(e) => {
            eprintln!("factquiz: {e}");
            Err(ExitCode::from(2))
        }
    }
}

pub fn run(lib: &Library, deck_id: &str, card_id: &str, answer: &str) -> ExitCode {
    let (deck, card) = match find_card(lib, deck_id, card_id) {
        Ok(found) => found,
        Err(code) => return code,
    };
    let response = match response_from_text(&card.answer, answer) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("factquiz: {e}");
            return ExitCode::from(2);
        }
    };
    let question = Question::typed(&deck.deck, &card);
    let checked = QuizIndex::build(lib)
        .and_then(|index| check(lib, &index, &deck.deck, &card, &question, &response));
    let outcome = match checked {
        Ok(o) => o,
        Err(e) => {
            eprintln!("factquiz: {e}");
            return ExitCode::from(2);
        }
    };
    outln!("card: {}", card.prompt);
    outln!(
        "{}: {}",
        if outcome.correct {
            "accepted"
        } else {
            "not accepted"
        },
        outcome.reading
    );
    if outcome.credit > 0.0 && outcome.credit < 1.0 {
        outln!("partial credit: {:.0}%", outcome.credit * 100.0);
    }
    if let Some(note) = &outcome.note {
        outln!("note: {note}");
    }
    outln!("expected: {}", outcome.expected);
    outln!("suggested grade: {}", outcome.suggested.name());
    if outcome.correct {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
