//! `factquiz queue` and `factquiz answer`: the study loop from the command line, through the
//! same collection as the window. `queue` prints what a session would ask now, in order;
//! `answer` records a real review exactly as the app would (checking the answer, suggesting
//! the grade, scheduling, saving) and prints the outcome and the next due time.
//! Exit status of `answer`: 0 right, 1 wrong, 2 unknown deck or card (or an answer that does
//! not fit the question), 3 the progress could not be written.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::json;

use crate::cli::AnswerArgs;
use factquiz::deck::Verdict;
use factquiz::quiz::{Mode, Question, Response};
use factquiz::schedule::CardState;
use factquiz::schedule::queue::Slot;
use factquiz::study::{Collection, StudyError};

pub(crate) fn open(data_dir: &Path, extra: &[PathBuf]) -> Result<Collection, ExitCode> {
    Collection::open(data_dir, extra).map_err(|e| {
        eprintln!("factquiz: your progress could not be opened: {e}");
        ExitCode::from(3)
    })
}

/// A deck's index by id, or exit 2 with the ids there are.
pub(crate) fn deck_index(coll: &Collection, id: &str) -> Result<usize, ExitCode> {
    let decks = &coll.library().decks;
    decks.iter().position(|d| d.deck.id == id).ok_or_else(|| {
        let ids: Vec<&str> = decks.iter().map(|d| d.deck.id.as_str()).collect();
        eprintln!(
            "factquiz: no deck \"{id}\"; the decks are: {}",
            ids.join(", ")
        );
        ExitCode::from(2)
    })
}

/// A card's state as a word: new, learning, review, relearning (suspended or buried added).
fn state_name(s: Option<&CardState>, today: i64) -> String {
    match s {
        None => "new".into(),
        Some(s) => {
            let mut name = s.queue.name().to_string();
            if s.suspended {
                name.push_str(", suspended");
            } else if s.buried_until_day >= today {
                name.push_str(", buried");
            }
            name
        }
    }
}

/// A moment as local time ("2026-12-05 14:03").
fn local_time(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .map(|t| {
            t.with_timezone(&chrono::Local)
                .format("%Y-%m-%d %H:%M")
                .to_string()
        })
        .unwrap_or_default()
}

/// `factquiz queue [DECK...] [--json] [--seed N]`.
pub fn queue(
    data_dir: &Path,
    extra: &[PathBuf],
    deck_ids: &[String],
    json: bool,
    seed: Option<u64>,
) -> ExitCode {
    let coll = match open(data_dir, extra) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let decks: Vec<usize> = if deck_ids.is_empty() {
        (0..coll.library().decks.len()).collect()
    } else {
        match deck_ids.iter().map(|id| deck_index(&coll, id)).collect() {
            Ok(d) => d,
            Err(code) => return code,
        }
    };
    let clock = coll.clock();
    let slots = match coll.queue(&decks, seed.unwrap_or(clock.now_ms as u64)) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("factquiz: the queue could not be built: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut rows = Vec::with_capacity(slots.len());
    for slot in slots {
        let (Some((deck, card)), Ok(mode)) = (coll.ids(slot), coll.mode_for(slot)) else {
            continue;
        };
        let kind = coll
            .deck(slot)
            .and_then(|d| d.deck.cards.heads().get(slot.card))
            .map_or("?", |h| h.kind.name());
        let state = coll.state(slot);
        rows.push(json!({
            "deck": deck,
            "card": card,
            "kind": kind,
            "mode": mode.name(),
            "state": state_name(state, clock.today()),
            "due": state.filter(|s| !s.is_new()).map(|s| local_time(s.due_ms)),
            "due_ms": state.filter(|s| !s.is_new()).map(|s| s.due_ms),
        }));
    }
    if json {
        crate::cli::emit(&format!("{}\n", serde_json::Value::Array(rows)));
    } else {
        let mut out = String::new();
        for r in &rows {
            out.push_str(&format!(
                "{}  {}  {}  {}  {}  {}\n",
                r["deck"].as_str().unwrap_or_default(),
                r["card"].as_str().unwrap_or_default(),
                r["kind"].as_str().unwrap_or_default(),
                r["mode"].as_str().unwrap_or_default(),
                r["state"].as_str().unwrap_or_default(),
                r["due"].as_str().unwrap_or("-"),
            ));
        }
        out.push_str(&format!("{} card(s) to study now\n", rows.len()));
        crate::cli::emit(&out);
    }
    ExitCode::SUCCESS
}

/// The mode an answer from the command line is checked in: the one asked for, else typed
/// recall for cards that can be typed, else the card's own (verdict, order, source-said).
fn mode_for(coll: &Collection, slot: Slot, asked: Option<Mode>) -> Result<Mode, StudyError> {
    let own = coll.mode_for(slot)?;
    Ok(match (asked, own) {
        (Some(m), _) => m,
        (None, Mode::Choice) => Mode::Typed,
        (None, own) => own,
    })
}

/// Reads the answer as the question needs it: text for typed recall; an option's number for
/// choices (as `factquiz ask --seed` numbers them); a verdict's name; the shown events'
/// numbers in the learner's order for an order question; source ids, one per figure, for a
/// source-said question.
fn response(q: &Question, text: &str) -> Result<Response, String> {
    let numbers = |n: usize| -> Result<Vec<usize>, String> {
        text.split(',')
            .map(|t| {
                t.trim()
                    .parse::<usize>()
                    .ok()
                    .filter(|k| (1..=n).contains(k))
                    .map(|k| k - 1)
            })
            .collect::<Option<Vec<usize>>>()
            .ok_or_else(|| format!("give numbers from 1 to {n}, separated by commas"))
    };
    match q.mode {
        Mode::Typed => Ok(Response::Text(text.to_string())),
        Mode::ShowAnswer => Ok(Response::Revealed),
        Mode::Choice => match numbers(q.choices.len())?.as_slice() {
            [i] => Ok(Response::Choice(*i)),
            _ => Err("give one option's number".into()),
        },
        Mode::Verdict => Verdict::ALL
            .iter()
            .find(|v| v.name() == text.trim().to_lowercase())
            .map(|v| Response::Verdict(*v))
            .ok_or_else(|| "a verdict is one of: confirmed, false, disputed, unverified".into()),
        Mode::Order => Ok(Response::Order(
            numbers(q.events.len())?
                .into_iter()
                .map(|i| q.events[i])
                .collect(),
        )),
        Mode::SourceSaid => Ok(Response::Sources(
            text.split(',').map(|s| s.trim().to_string()).collect(),
        )),
    }
}

/// `factquiz answer DECK CARD ANSWER [--grade G] [--mode M] [--confidence C] [--seed N]
/// [--json]`.
pub fn answer(data_dir: &Path, extra: &[PathBuf], a: &AnswerArgs) -> ExitCode {
    let mut coll = match open(data_dir, extra) {
        Ok(c) => c,
        Err(code) => return code,
    };
    if let Err(code) = deck_index(&coll, &a.deck) {
        return code;
    }
    let Some(slot) = coll.find(&a.deck, &a.card) else {
        eprintln!("factquiz: deck \"{}\" has no card \"{}\"", a.deck, a.card);
        return ExitCode::from(2);
    };
    if let Some(why) = coll.read_only() {
        eprintln!("factquiz: the progress could not be written: {why}");
        return ExitCode::from(3);
    }
    let question = match mode_for(&coll, slot, a.mode).and_then(|m| coll.question(slot, m, a.seed))
    {
        Ok(q) => q,
        Err(e) => {
            eprintln!("factquiz: {e}");
            return ExitCode::from(2);
        }
    };
    if a.mode.is_some_and(|m| m != question.mode) {
        eprintln!(
            "factquiz: card \"{}\" cannot be asked as {}; it is asked as {}",
            a.card,
            a.mode.map_or("", Mode::name),
            question.mode.name()
        );
        return ExitCode::from(2);
    }
    if question.mode == Mode::ShowAnswer && a.grade.is_none() {
        eprintln!(
            "factquiz: card \"{}\" is asked as show-answer, which you grade yourself: give --grade again, hard, good or easy",
            a.card
        );
        return ExitCode::from(2);
    }
    let resp = match response(&question, &a.answer) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("factquiz: {e}");
            return ExitCode::from(2);
        }
    };
    let answered = match coll.check_answer(slot, question, resp, a.confidence, 0) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("factquiz: {e}");
            return ExitCode::from(2);
        }
    };
    let grade = a.grade.unwrap_or(answered.grade);
    let recorded = match coll.record_answer(&answered, grade) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("factquiz: the progress could not be written: {e}; nothing was saved");
            return ExitCode::from(3);
        }
    };
    let o = &answered.outcome;
    let correct = answered.right_at(grade);
    let due = local_time(recorded.after.due_ms);
    if a.json {
        let v = json!({
            "deck": a.deck,
            "card": a.card,
            "mode": answered.question.mode.name(),
            "correct": correct,
            "credit": o.credit,
            "reading": o.reading,
            "expected": o.expected,
            "note": o.note,
            "confidence": a.confidence.map(|c| c.name()),
            "suggested": answered.grade.name(),
            "grade": grade.name(),
            "state": recorded.after.queue.name(),
            "due": due,
            "due_ms": recorded.after.due_ms,
            "review_id": recorded.review_id,
            "changed": answered.changed.as_ref().map(|c| json!({
                "was": c.was, "now": c.now, "why": c.why,
            })),
        });
        crate::cli::emit(&format!("{v}\n"));
    } else {
        let mut out = format!(
            "{}: {}\nexpected: {}\n",
            if correct { "right" } else { "not right" },
            o.reading,
            o.expected
        );
        if let Some(note) = &o.note {
            out.push_str(&format!("note: {note}\n"));
        }
        if let Some(c) = a.confidence {
            out.push_str(&format!("confidence: {}\n", c.label().to_lowercase()));
        }
        if let Some(c) = &answered.changed {
            out.push_str(&format!(
                "changed since you learned it: was {}, now {}{}\n",
                c.was.as_deref().unwrap_or("(not kept)"),
                c.now,
                c.why
                    .as_deref()
                    .map_or(String::new(), |w| format!(" ({w})"))
            ));
        }
        out.push_str(&format!(
            "graded {} (suggested {}); next due {due}\n",
            grade.name(),
            answered.grade.name()
        ));
        crate::cli::emit(&out);
    }
    if correct {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
