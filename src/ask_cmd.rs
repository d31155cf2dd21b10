//! `factquiz ask DECK CARD [--mode M] [--seed N] [--json]`: a card's question exactly as the
//! app would ask it (its mode, prompt and options, shuffled from the seed) and which option is
//! right, for deck authors and for tests of the quiz.
//!
//! The JSON object: `deck`, `card`, `kind`, `mode`, `seed`, `prompt`, `answer` (as shown after
//! answering) and, for modes with options, `options` and `correct`:
//! - choice and verdict: `options` are the options as shown, `correct` the index of the right
//!   one;
//! - order: `options` are the events as shown, `correct` the indexes of `options` in the right
//!   order (first event first);
//! - source-said: `options` are the articles to pick from (`source_ids` holds their ids),
//!   `figures` the figures in the card's order, and `correct` for each figure the index of its
//!   article in `options`;
//! - typed: neither `options` nor `correct`.

use std::process::ExitCode;

use factquiz::deck::{Answer, Card, CardKind, Library};
use factquiz::quiz::{AnswerMode, Asking, Mode, Question, QuizIndex, choose_mode};
use serde_json::{Value, json};

use crate::try_cmd::find_card;

pub fn run(
    lib: &Library,
    deck_id: &str,
    card_id: &str,
    mode: Option<&str>,
    seed: u64,
    as_json: bool,
) -> ExitCode {
    let (deck, card) = match find_card(lib, deck_id, card_id) {
        Ok(found) => found,
        Err(code) => return code,
    };
    // A new card is asked as the app asks it first.
    let mode = match mode.map(|m| (m, Mode::from_name(m))) {
        None => choose_mode(Asking::of(&card), AnswerMode::Adaptive, 0, None),
        Some((_, Some(m))) if modes_of(card.kind).contains(&m) => m,
        Some((name, _)) => {
            let can: Vec<&str> = modes_of(card.kind).iter().map(|m| m.name()).collect();
            eprintln!(
                "factquiz: card \"{card_id}\" is of kind {}: it is asked as {}, not as {name}",
                card.kind.name(),
                or_list(&can)
            );
            return ExitCode::from(2);
        }
    };
    let index = match QuizIndex::build(lib) {
        Ok(ix) => ix,
        Err(e) => {
            eprintln!("factquiz: {e}");
            return ExitCode::from(2);
        }
    };
    let q = match Question::make(&index, &deck.deck, &card, mode, seed) {
        Ok(q) => q,
        Err(e) => {
            eprintln!("factquiz: {e}");
            return ExitCode::from(2);
        }
    };
    if q.mode != mode {
        eprintln!(
            "factquiz: the library has too few options to ask \"{card_id}\" as {}: the app asks it {}",
            mode.name(),
            q.mode.name()
        );
    }
    let answer = card.answer.display(&deck.deck);
    let mut out = json!({
        "deck": deck.deck.id,
        "card": card.id.as_str(),
        "kind": card.kind.name(),
        "mode": q.mode.name(),
        "seed": seed,
        "prompt": q.prompt,
        "answer": answer,
    });
    if let Some((options, correct)) = options(&q, &card) {
        out["options"] = json!(options);
        out["correct"] = correct;
    }
    if q.mode == Mode::SourceSaid {
        out["figures"] = json!(q.figures);
        let ids: Vec<&str> = q.sources.iter().map(|(id, _)| id.as_str()).collect();
        out["source_ids"] = json!(ids);
    }
    if as_json {
        outln!("{out}");
    } else {
        print!("{}", as_text(&out));
    }
    ExitCode::SUCCESS
}

/// The modes a card of a kind can be asked in.
fn modes_of(kind: CardKind) -> &'static [Mode] {
    match kind {
        CardKind::Verdict => &[Mode::Verdict, Mode::ShowAnswer],
        CardKind::Order => &[Mode::Order, Mode::ShowAnswer],
        CardKind::SourceSaid => &[Mode::SourceSaid, Mode::ShowAnswer],
        _ => &[Mode::Choice, Mode::Typed, Mode::ShowAnswer],
    }
}

/// The options as shown and which is right (see the module's doc), for modes with options.
fn options(q: &Question, card: &Card) -> Option<(Vec<String>, Value)> {
    match (q.mode, &card.answer) {
        (Mode::Choice | Mode::Verdict, _) => Some((q.choices.clone(), json!(q.correct_choice?))),
        (Mode::Order, Answer::Order(events)) => {
            let shown: Vec<String> = q
                .events
                .iter()
                .filter_map(|&i| events.get(i).map(|e| e.to_string()))
                .collect();
            // Where each event, in the right order, stands among those shown.
            let right: Vec<usize> = (0..events.len())
                .filter_map(|e| q.events.iter().position(|&i| i == e))
                .collect();
            Some((shown, json!(right)))
        }
        (Mode::SourceSaid, Answer::SourceSaid(pairs)) => {
            let labels = q.sources.iter().map(|(_, label)| label.clone()).collect();
            let right: Vec<Option<usize>> = pairs
                .iter()
                .map(|p| q.sources.iter().position(|(id, _)| *id == p.source))
                .collect();
            Some((labels, json!(right)))
        }
        _ => None,
    }
}

/// The question as a person reads it: the prompt, the numbered options, and what is right.
fn as_text(q: &Value) -> String {
    let s = |key: &str| q[key].as_str().unwrap_or_default().to_string();
    let list = |key: &str| -> Vec<String> {
        q[key]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    let numbered = |items: &[String]| -> String {
        items
            .iter()
            .enumerate()
            .map(|(i, o)| format!("  {}. {o}\n", i + 1))
            .collect()
    };
    let one_based = |v: &Value| match v {
        Value::Number(n) => n.as_u64().map_or("?".into(), |i| (i + 1).to_string()),
        Value::Array(a) => a
            .iter()
            .map(|x| x.as_u64().map_or("?".into(), |i| (i + 1).to_string()))
            .collect::<Vec<_>>()
            .join(", "),
        _ => "?".into(),
    };
    let mut out = format!(
        "{} / {}: asked as {} (seed {})\n{}\n",
        s("deck"),
        s("card"),
        s("mode"),
        q["seed"],
        s("prompt")
    );
    if q["mode"] == "source-said" {
        out.push_str("figures:\n");
        out.push_str(&numbered(&list("figures")));
        out.push_str("articles:\n");
    }
    out.push_str(&numbered(&list("options")));
    match q["mode"].as_str() {
        Some("typed") => out.push_str(&format!("answer: {}\n", s("answer"))),
        Some("order") => out.push_str(&format!("right order: {}\n", one_based(&q["correct"]))),
        Some("source-said") => out.push_str(&format!(
            "right article for each figure: {}\n",
            one_based(&q["correct"])
        )),
        _ => out.push_str(&format!(
            "right: {} ({})\n",
            one_based(&q["correct"]),
            s("answer")
        )),
    }
    out
}

/// "a", "a or b", "a, b or c".
fn or_list(items: &[&str]) -> String {
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => items.join(""),
    }
}
