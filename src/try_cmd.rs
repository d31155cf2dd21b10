//! `factquiz try DECK CARD ANSWER`: the answer checker's verdict and its reasons, for deck
//! authors testing their accepted spellings.

use std::process::ExitCode;

use factquiz::deck::Library;
use factquiz::quiz::check::response_from_text;
use factquiz::quiz::{Question, QuizIndex, check};

pub fn run(lib: &Library, deck_id: &str, card_id: &str, answer: &str) -> ExitCode {
    let Some(deck) = lib.get(deck_id) else {
        let ids: Vec<&str> = lib.decks.iter().map(|d| d.deck.id.as_str()).collect();
        eprintln!(
            "factquiz: no deck \"{deck_id}\"; the decks are: {}",
            ids.join(", ")
        );
        return ExitCode::from(2);
    };
    let card = deck.deck.cards.position(card_id);
    let Some(card) = card.and_then(|i| deck.deck.cards.get(i)) else {
        eprintln!("factquiz: deck \"{deck_id}\" has no card \"{card_id}\"");
        return ExitCode::from(2);
    };
    let response = match response_from_text(&card.answer, answer) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("factquiz: {e}");
            return ExitCode::from(2);
        }
    };
    let index = QuizIndex::build(lib);
    let question = Question::typed(&deck.deck, &card);
    let outcome = check(lib, &index, &deck.deck, &card, &question, &response);
    println!("card: {}", card.prompt);
    println!(
        "{}: {}",
        if outcome.correct {
            "accepted"
        } else {
            "not accepted"
        },
        outcome.reading
    );
    if outcome.credit > 0.0 && outcome.credit < 1.0 {
        println!("partial credit: {:.0}%", outcome.credit * 100.0);
    }
    if let Some(note) = &outcome.note {
        println!("note: {note}");
    }
    println!("expected: {}", outcome.expected);
    println!("suggested grade: {}", outcome.suggested.name());
    if outcome.correct {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
