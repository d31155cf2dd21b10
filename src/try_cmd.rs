//! `factquiz try DECK CARD ANSWER`: the answer checker's verdict and its reasons, for deck
//! authors testing their accepted spellings.

use std::process::ExitCode;

use factquiz::deck::{Answer, Library, Verdict};
use factquiz::quiz::{Question, QuizIndex, Response, check};

pub fn run(lib: &Library, deck_id: &str, card_id: &str, answer: &str) -> ExitCode {
    let Some(deck) = lib.get(deck_id) else {
        let ids: Vec<&str> = lib.decks.iter().map(|d| d.deck.id.as_str()).collect();
        eprintln!(
            "factquiz: no deck \"{deck_id}\"; the decks are: {}",
            ids.join(", ")
        );
        return ExitCode::from(2);
    };
    let Some(card) = deck.deck.card(card_id) else {
        eprintln!("factquiz: deck \"{deck_id}\" has no card \"{card_id}\"");
        return ExitCode::from(2);
    };
    let response = match &card.answer {
        Answer::Verdict(_) => match Verdict::ALL
            .iter()
            .find(|v| v.name() == answer.trim().to_lowercase())
        {
            Some(v) => Response::Verdict(*v),
            None => {
                eprintln!("factquiz: a verdict is one of: confirmed, false, disputed, unverified");
                return ExitCode::from(2);
            }
        },
        Answer::Order(events) => {
            let order: Option<Vec<usize>> = answer
                .split(',')
                .map(|n| {
                    n.trim()
                        .parse::<usize>()
                        .ok()
                        .filter(|n| (1..=events.len()).contains(n))
                        .map(|n| n - 1)
                })
                .collect();
            match order {
                Some(o) => Response::Order(o),
                None => {
                    eprintln!(
                        "factquiz: give the events' numbers (1 to {}) in your order, e.g. \"2,1,3\"",
                        events.len()
                    );
                    return ExitCode::from(2);
                }
            }
        }
        Answer::SourceSaid(_) => {
            Response::Sources(answer.split(',').map(|s| s.trim().to_string()).collect())
        }
        _ => Response::Text(answer.to_string()),
    };
    let index = QuizIndex::build(lib);
    let question = Question::typed(&deck.deck, card);
    let outcome = check(lib, &index, &deck.deck, card, &question, &response);
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
