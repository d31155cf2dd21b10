//! `factquiz ask DECK CARD [--mode M] [--seed N] [--json]`: the question as the app asks it,
//! its JSON shape (deck, card, mode, prompt, options, correct), and exit status 2 for an
//! unknown deck or card or a mode the card cannot be asked in. The right option it names is
//! checked against `factquiz try`. Always on a temporary data folder.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;
use tempfile::TempDir;

fn factquiz(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factquiz"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .env_remove("FACTQUIZ_DATA_DIR")
        .output()
        .expect("run factquiz")
}

/// Runs `ask` with `--json` and reads the object it prints.
fn ask_json(dir: &Path, deck: &str, card: &str, extra: &[&str]) -> Value {
    let mut args = vec!["ask", deck, card, "--json"];
    args.extend_from_slice(extra);
    let out = factquiz(dir, &args);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {stdout}"))
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .expect("a list")
        .iter()
        .map(|s| s.as_str().expect("a string").to_string())
        .collect()
}

/// `factquiz try`'s exit code for an answer.
fn try_code(dir: &Path, deck: &str, card: &str, answer: &str) -> i32 {
    let out = factquiz(dir, &["try", deck, card, answer]);
    out.status.code().expect("an exit code")
}

#[test]
fn a_choice_question_names_its_right_option() {
    let dir = TempDir::new().expect("temp dir");
    let (deck, card) = ("people-and-roles", "who-knb-chief-arrested");
    let q = ask_json(dir.path(), deck, card, &["--mode", "choice", "--seed", "7"]);
    assert_eq!(q["deck"], deck);
    assert_eq!(q["card"], card);
    assert_eq!(q["mode"], "choice");
    assert!(
        q["prompt"].as_str().is_some_and(|p| p.contains("KNB")),
        "{q}"
    );
    let options = strings(&q["options"]);
    assert_eq!(options.len(), 4, "{q}");
    let correct = q["correct"].as_u64().expect("an index") as usize;
    assert_eq!(options[correct], "Karim Masimov", "{q}");
    // What `ask` calls right, `try` accepts; the other options it refuses.
    for (i, option) in options.iter().enumerate() {
        let want = if i == correct { 0 } else { 1 };
        assert_eq!(try_code(dir.path(), deck, card, option), want, "{option}");
    }
    // The same seed asks the same question; the seeds between them vary it.
    assert_eq!(ask_json(dir.path(), deck, card, &["--seed", "7"]), q);
    let orders: std::collections::HashSet<Vec<String>> = (0..6)
        .map(|s| strings(&ask_json(dir.path(), deck, card, &["--seed", &s.to_string()])["options"]))
        .collect();
    assert!(orders.len() > 1, "{orders:?}");
}

#[test]
fn a_new_card_is_asked_as_the_app_asks_it_and_typed_has_no_options() {
    let dir = TempDir::new().expect("temp dir");
    let (deck, card) = ("disputed-figures", "fig-terrorists-almaty");
    // No mode: a new card is asked as multiple choice.
    let q = ask_json(dir.path(), deck, card, &[]);
    assert_eq!(q["mode"], "choice");
    let options = strings(&q["options"]);
    let correct = q["correct"].as_u64().expect("an index") as usize;
    assert_eq!(options[correct], "20,000 terrorists");
    let typed = ask_json(dir.path(), deck, card, &["--mode", "typed"]);
    assert_eq!(typed["mode"], "typed");
    assert!(
        typed.get("options").is_none() && typed.get("correct").is_none(),
        "{typed}"
    );
    assert_eq!(typed["answer"], "20,000 terrorists");
    assert_eq!(typed["prompt"], q["prompt"]);
}

#[test]
fn verdict_order_and_source_said_questions() {
    let dir = TempDir::new().expect("temp dir");
    let deck = "people-and-roles";
    let v = ask_json(dir.path(), deck, "verdict-left-council-voluntarily", &[]);
    assert_eq!(v["mode"], "verdict");
    let options = strings(&v["options"]);
    assert_eq!(options, ["confirmed", "false", "disputed", "unverified"]);
    let right = &options[v["correct"].as_u64().expect("an index") as usize];
    assert_eq!(
        try_code(dir.path(), deck, "verdict-left-council-voluntarily", right),
        0
    );

    // Order: `correct` lists the options (events as shown) in the right order.
    let card = "order-ruzakhunov-ordeal";
    let o = ask_json(dir.path(), deck, card, &["--seed", "3"]);
    assert_eq!(o["mode"], "order");
    let events = strings(&o["options"]);
    let order: Vec<usize> = o["correct"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|i| i.as_u64().expect("an index") as usize)
        .collect();
    let mut sorted = order.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, (0..events.len()).collect::<Vec<_>>(), "{o}");
    assert_ne!(order, sorted, "shown already in the right order: {o}");
    let answer = o["answer"].as_str().expect("the answer");
    let in_answer: Vec<usize> = order
        .iter()
        .map(|&i| {
            answer
                .find(events[i].as_str())
                .expect("an event of the answer")
        })
        .collect();
    assert!(in_answer.windows(2).all(|w| w[0] < w[1]), "{o}");

    // Source-said: for each figure, the index of its article among the options.
    let card = "sourcesaid-masimov-post";
    let s = ask_json(dir.path(), deck, card, &[]);
    assert_eq!(s["mode"], "source-said");
    let ids = strings(&s["source_ids"]);
    assert_eq!(ids.len(), strings(&s["options"]).len());
    let picked: Vec<String> = s["correct"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|i| ids[i.as_u64().expect("an index") as usize].clone())
        .collect();
    assert_eq!(picked.len(), strings(&s["figures"]).len());
    assert_eq!(try_code(dir.path(), deck, card, &picked.join(",")), 0);
}

#[test]
fn the_text_form_shows_the_prompt_options_and_the_right_one() {
    let dir = TempDir::new().expect("temp dir");
    let out = factquiz(
        dir.path(),
        &[
            "ask",
            "people-and-roles",
            "who-knb-chief-arrested",
            "--seed",
            "7",
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("asked as choice (seed 7)"), "{text}");
    assert!(text.contains("  1. "), "{text}");
    assert!(text.contains("  4. "), "{text}");
    assert!(text.contains("(Karim Masimov)"), "{text}");
}

/// Runs `ask`, which must refuse with exit status 2 and print nothing on standard output;
/// returns what it said on standard error.
fn refused(dir: &Path, args: &[&str]) -> String {
    let mut all = vec!["ask"];
    all.extend_from_slice(args);
    let out = factquiz(dir, &all);
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    assert!(out.stdout.is_empty(), "{args:?}");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn an_unknown_deck_or_card_or_an_impossible_mode_exits_2() {
    let dir = TempDir::new().expect("temp dir");
    let d = dir.path();
    let err = refused(d, &["no-such-deck", "who-knb-chief-arrested"]);
    assert!(err.contains("no deck \"no-such-deck\""), "{err}");
    let err = refused(d, &["people-and-roles", "no-such-card", "--json"]);
    assert!(err.contains("has no card \"no-such-card\""), "{err}");
    let (deck, who) = ("people-and-roles", "who-knb-chief-arrested");
    let err = refused(d, &[deck, who, "--mode", "order"]);
    assert!(
        err.contains("is of kind Who: it is asked as choice, typed or show-answer, not as order"),
        "{err}"
    );
    let err = refused(d, &[deck, "order-ruzakhunov-ordeal", "--mode", "choice"]);
    assert!(
        err.contains("is of kind Order: it is asked as order or show-answer, not as choice"),
        "{err}"
    );
    // Not a mode at all: the usage error says which there are.
    let err = refused(d, &[deck, who, "--mode", "guess"]);
    assert!(err.contains("source-said"), "{err}");
}
