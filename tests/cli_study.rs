//! `factquiz queue` and `factquiz answer`: the study loop from the command line, through the
//! same collection as the window: what a session would ask, in order; a real review recorded
//! as the app records it; JSON output and exit codes (0 right, 1 wrong, 2 unknown deck or
//! card, 3 the progress could not be written). Always on a temporary data folder.

use std::path::Path;
use std::process::{Command, Output};

use factquiz::deck::Library;
use factquiz::study::Collection;
use serde_json::Value;
use tempfile::TempDir;

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factquiz"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .env_remove("FACTQUIZ_DATA_DIR")
        .output()
        .expect("run factquiz")
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("an exit code")
}

fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\n{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    })
}

#[test]
fn the_queue_is_what_a_session_would_ask_in_order() {
    let dir = TempDir::new().unwrap();
    let o = run(
        dir.path(),
        &["queue", "disputed-figures", "--json", "--seed", "3"],
    );
    assert_eq!(code(&o), 0);
    let rows = json(&o);
    let rows = rows.as_array().expect("an array");
    // A fresh collection: the day's new cards of the deck, 20 by default.
    assert_eq!(rows.len(), 20);
    for r in rows {
        for key in ["deck", "card", "kind", "mode", "state"] {
            assert!(r[key].is_string(), "{key} in {r}");
        }
        assert_eq!(r["deck"], "disputed-figures");
        assert_eq!(r["state"], "new");
        assert!(r["due"].is_null(), "a new card is not due at a time: {r}");
    }
    // The same order as the session the app would start with the same seed.
    let coll = Collection::open(dir.path(), &[]).unwrap();
    let deck = coll
        .library()
        .decks
        .iter()
        .position(|d| d.deck.id == "disputed-figures")
        .unwrap();
    let slots = coll.queue(&[deck], 3).unwrap();
    let ids: Vec<String> = slots.iter().map(|s| coll.ids(*s).unwrap().1).collect();
    let printed: Vec<&str> = rows.iter().map(|r| r["card"].as_str().unwrap()).collect();
    assert_eq!(printed, ids);
    // Plain text: one line a card and the count.
    let o = run(dir.path(), &["queue", "disputed-figures"]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.ends_with("20 card(s) to study now\n"), "{text}");
    assert_eq!(code(&run(dir.path(), &["queue", "no-such-deck"])), 2);
}

#[test]
fn an_answer_is_a_real_review_with_its_outcome_and_next_due_time() {
    let dir = TempDir::new().unwrap();
    let o = run(
        dir.path(),
        &[
            "answer",
            "disputed-figures",
            "fig-death-toll-225",
            "225",
            "--json",
        ],
    );
    assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    let v = json(&o);
    assert_eq!(v["correct"], true);
    assert_eq!(v["mode"], "typed");
    assert_eq!(v["suggested"], "Good");
    assert_eq!(v["grade"], "Good");
    assert!(v["due_ms"].as_i64().unwrap() > 0);
    assert!(v["reading"].as_str().unwrap().contains("225"), "{v}");
    // Written as the app writes it: the card has a state, the log one review.
    let coll = Collection::open(dir.path(), &[]).unwrap();
    let slot = coll.find("disputed-figures", "fig-death-toll-225").unwrap();
    let state = coll.state(slot).expect("a state");
    assert_eq!(state.reps, 1);
    assert_eq!(state.due_ms, v["due_ms"].as_i64().unwrap());
    assert_eq!(coll.store().review_count().unwrap(), 1);
    drop(coll);
    // The card is no longer among the new ones the queue asks.
    let q = json(&run(dir.path(), &["queue", "disputed-figures", "--json"]));
    assert!(
        q.as_array()
            .unwrap()
            .iter()
            .all(|r| r["card"] != "fig-death-toll-225")
    );

    // A wrong answer: exit 1, graded Again (or the grade given).
    let o = run(
        dir.path(),
        &[
            "answer",
            "disputed-figures",
            "fig-death-toll-227",
            "12",
            "--json",
        ],
    );
    assert_eq!(code(&o), 1);
    let v = json(&o);
    assert_eq!(
        (v["correct"].clone(), v["grade"].clone()),
        (false.into(), "Again".into())
    );
    let o = run(
        dir.path(),
        &[
            "answer",
            "disputed-figures",
            "fig-still-held-711",
            "500",
            "--grade",
            "hard",
        ],
    );
    assert_eq!(code(&o), 1);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.starts_with("not right: read as 500"), "{text}");
    assert!(
        text.contains("graded Hard (suggested Again); next due "),
        "{text}"
    );
}

#[test]
fn answers_in_the_cards_own_modes() {
    let dir = TempDir::new().unwrap();
    let lib = Library::builtin();
    let deck = lib.get("disputed-figures").unwrap();
    let verdict = (0..deck.deck.cards.len())
        .map(|i| deck.deck.cards.get(i).unwrap())
        .find(|c| matches!(c.answer, factquiz::deck::Answer::Verdict(_)))
        .unwrap();
    let factquiz::deck::Answer::Verdict(v) = verdict.answer else {
        unreachable!()
    };
    let o = run(
        dir.path(),
        &[
            "answer",
            "disputed-figures",
            &verdict.id,
            v.name(),
            "--json",
        ],
    );
    assert_eq!(code(&o), 0);
    assert_eq!(json(&o)["mode"], "verdict");
    // An answer that does not fit the question: exit 2, nothing written.
    let o = run(
        dir.path(),
        &["answer", "disputed-figures", &verdict.id, "perhaps"],
    );
    assert_eq!(code(&o), 2);
    assert!(String::from_utf8_lossy(&o.stderr).contains("a verdict is one of"));
    // A choice by its number, as `ask --seed` would number the options.
    let coll = Collection::open(dir.path(), &[]).unwrap();
    let slot = coll.find("disputed-figures", "fig-death-toll-227").unwrap();
    let q = coll
        .question(slot, factquiz::quiz::Mode::Choice, 9)
        .unwrap();
    let right = q.correct_choice.unwrap() + 1;
    drop(coll);
    let o = run(
        dir.path(),
        &[
            "answer",
            "disputed-figures",
            "fig-death-toll-227",
            &right.to_string(),
            "--mode",
            "choice",
            "--seed",
            "9",
            "--json",
        ],
    );
    assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(json(&o)["mode"], "choice");
    let coll = Collection::open(dir.path(), &[]).unwrap();
    assert_eq!(coll.store().review_count().unwrap(), 2);
}

#[test]
fn a_shown_answer_is_graded_by_the_learner() {
    let dir = TempDir::new().unwrap();
    let card = ["disputed-figures", "fig-death-toll-227"];
    let show = |extra: &[&str]| {
        let mut args = vec!["answer", card[0], card[1], "-", "--mode", "show-answer"];
        args.extend_from_slice(extra);
        args.push("--json");
        run(dir.path(), &args)
    };
    // Nothing checks a shown answer: without a grade, exit 2 and nothing written.
    let o = show(&[]);
    assert_eq!(code(&o), 2);
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("which you grade yourself: give --grade"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    // Again: not recalled (exit 1), whatever the confidence said before.
    let o = show(&["--grade", "again", "--confidence", "sure"]);
    assert_eq!(code(&o), 1, "{}", String::from_utf8_lossy(&o.stderr));
    let v = json(&o);
    assert_eq!(
        (&v["mode"], &v["correct"], &v["grade"], &v["confidence"]),
        (
            &Value::from("show-answer"),
            &Value::from(false),
            &Value::from("Again"),
            &Value::from("sure")
        )
    );
    // Hard: recalled (exit 0).
    let o = show(&["--grade", "hard"]);
    assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(json(&o)["correct"], true);
    let coll = Collection::open(dir.path(), &[]).unwrap();
    let log = coll.store().all_reviews().unwrap();
    let seen: Vec<(&str, bool)> = log.iter().map(|r| (r.mode, r.correct)).collect();
    assert_eq!(seen, vec![("show-answer", false), ("show-answer", true)]);
}

#[test]
fn unknown_decks_and_cards_exit_2_and_write_nothing() {
    let dir = TempDir::new().unwrap();
    let o = run(dir.path(), &["answer", "no-such-deck", "x", "y"]);
    assert_eq!(code(&o), 2);
    assert!(String::from_utf8_lossy(&o.stderr).contains("the decks are: "));
    let o = run(
        dir.path(),
        &["answer", "disputed-figures", "no-such-card", "y"],
    );
    assert_eq!(code(&o), 2);
    assert!(String::from_utf8_lossy(&o.stderr).contains("has no card \"no-such-card\""));
    let o = run(
        dir.path(),
        &[
            "answer",
            "disputed-figures",
            "fig-death-toll-225",
            "225",
            "--mode",
            "order",
        ],
    );
    assert_eq!(code(&o), 2, "a figure card cannot be asked as an order");
    let coll = Collection::open(dir.path(), &[]).unwrap();
    assert_eq!(coll.store().review_count().unwrap(), 0);
}

#[test]
fn progress_that_cannot_be_written_exits_3() {
    let dir = TempDir::new().unwrap();
    // Another copy of factquiz holds the data folder.
    let holder = Collection::open(dir.path(), &[]).unwrap();
    assert!(holder.read_only().is_none());
    let o = run(
        dir.path(),
        &["answer", "disputed-figures", "fig-death-toll-225", "225"],
    );
    assert_eq!(code(&o), 3);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("could not be written") && err.contains("another copy of factquiz"),
        "{err}"
    );
    assert_eq!(holder.store().review_count().unwrap(), 0);
    // Reading the queue still works beside the other copy.
    assert_eq!(code(&run(dir.path(), &["queue", "--json"])), 0);
}
