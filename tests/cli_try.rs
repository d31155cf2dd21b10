//! `factquiz try DECK CARD ANSWER`: the verdict and why, with exit status 0 when accepted, 1
//! when not, 2 for an unknown deck or card. Always on a temporary data folder.

use std::path::Path;
use std::process::{Command, Output};

use tempfile::TempDir;

fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factquiz"))
        .arg("--data-dir")
        .arg(dir)
        .arg("try")
        .args(args)
        .env_remove("FACTQUIZ_DATA_DIR")
        .output()
        .expect("run factquiz")
}

/// Runs `try` on a fresh data folder; returns (exit code, stdout, stderr).
fn try_answer(deck: &str, card: &str, answer: &str) -> (i32, String, String) {
    let dir = TempDir::new().expect("temp dir");
    let out = run_in(dir.path(), &[deck, card, answer]);
    (
        out.status.code().expect("an exit code"),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn an_accepted_answer_exits_0_and_says_how_it_was_read() {
    let (code, out, _) = try_answer("disputed-figures", "fig-terrorists-almaty", "about 20k");
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("accepted: read as 20,000"), "{out}");
    assert!(out.contains("expected: 20,000 terrorists"), "{out}");
    assert!(out.contains("suggested grade: Good"), "{out}");
    assert!(out.contains("card: "), "the prompt is shown: {out}");

    let (code, out, _) = try_answer("people-and-roles", "who-aerc-author", "Qulekeev");
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("is a spelling of"), "{out}");

    let (code, out, _) = try_answer("january-2022-timeline", "when-csto-appeal", "05.01.2022");
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("read as 5 January 2022"), "{out}");
}

#[test]
fn a_typo_is_accepted_and_said_to_be_one() {
    let (code, out, _) = try_answer("people-and-roles", "who-knb-chief-arrested", "Masimow");
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("accepted with a typo"), "{out}");
    assert!(out.contains("suggested grade: Hard"), "{out}");
    assert!(!out.contains("not accepted"), "{out}");
}

#[test]
fn a_wrong_answer_exits_1_and_says_what_it_is_instead() {
    let (code, out, _) = try_answer("people-and-roles", "who-nephew-deputy-knb", "Abishev");
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("not accepted"), "{out}");
    assert!(out.contains("expected: Samat Abish"), "{out}");
    assert!(out.contains("suggested grade: Again"), "{out}");
    assert!(out.contains("note: "), "{out}");
    assert!(out.contains("another card"), "{out}");

    // A near miss that is as close to another name is no typo.
    let (code, out, _) = try_answer("people-and-roles", "who-nephew-deputy-knb", "Abishe");
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("not taken as a typo"), "{out}");

    // Another source's figure is named.
    let (code, out, _) = try_answer("disputed-figures", "fig-death-toll-227", "225");
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("note: 225 is the figure that"), "{out}");

    let (code, out, _) = try_answer("disputed-figures", "fig-death-toll-227", "lots");
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("could not be read as a number"), "{out}");
}

#[test]
fn verdicts_orders_and_attributions() {
    let (code, out, _) = try_answer(
        "people-and-roles",
        "verdict-left-council-voluntarily",
        "Disputed",
    );
    assert_eq!(code, 0, "{out}");
    let (code, out, _) = try_answer(
        "people-and-roles",
        "verdict-left-council-voluntarily",
        "confirmed",
    );
    assert_eq!(code, 1, "{out}");
    // Not a verdict at all: a usage error.
    let (code, _, err) = try_answer(
        "people-and-roles",
        "verdict-left-council-voluntarily",
        "maybe",
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("confirmed, false, disputed, unverified"),
        "{err}"
    );

    let (code, out, _) = try_answer("people-and-roles", "order-ruzakhunov-ordeal", "1,2,3,4");
    assert_eq!(code, 0, "{out}");
    let (code, out, _) = try_answer("people-and-roles", "order-ruzakhunov-ordeal", "2,3,4,1");
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("partial credit: 75%"), "{out}");
    assert!(out.contains("3 of 4 events"), "{out}");
    let (code, _, err) = try_answer("people-and-roles", "order-ruzakhunov-ordeal", "1,2,9,4");
    assert_eq!(code, 2, "{err}");

    let card = "sourcesaid-masimov-post";
    let right = "qo-battle-for-power, fergana-vanquished, askarbek-crackdown";
    let (code, out, _) = try_answer("people-and-roles", card, right);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("3 of 3 figures"), "{out}");
    let swapped = "qo-battle-for-power,askarbek-crackdown,fergana-vanquished";
    let (code, out, _) = try_answer("people-and-roles", card, swapped);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("partial credit: 33%"), "{out}");
    assert!(out.contains("suggested grade: Again"), "{out}");
}

#[test]
fn an_unknown_deck_or_card_exits_2() {
    let (code, out, err) = try_answer("no-such-deck", "who-knb-chief-arrested", "Masimov");
    assert_eq!(code, 2, "{out}");
    assert!(err.contains("no deck \"no-such-deck\""), "{err}");
    assert!(
        err.contains("people-and-roles"),
        "the decks are listed: {err}"
    );
    assert!(out.is_empty(), "{out}");

    let (code, out, err) = try_answer("people-and-roles", "no-such-card", "Masimov");
    assert_eq!(code, 2, "{out}");
    assert!(err.contains("has no card \"no-such-card\""), "{err}");
}

#[test]
fn a_users_own_deck_is_tried_too() {
    let dir = TempDir::new().expect("temp dir");
    let decks = dir.path().join("decks");
    std::fs::create_dir_all(&decks).expect("decks folder");
    std::fs::write(
        decks.join("mine.ron"),
        r#"Deck(
    id: "mine",
    title: "Mine",
    sources: [(id: "src", title: "An article", published: "2022-01-12")],
    cards: [
        (
            id: "who-president",
            kind: Who,
            prompt: "Who was the president of Kazakhstan in January 2022?",
            answer: Name(["Qasym-Jomart Toqaev", "Toqaev"]),
            evidence: [(source: "src", locator: "The president", says: "He was.")],
        ),
    ],
)"#,
    )
    .expect("write deck");
    for spelling in [
        "Toqaev",
        "Tokayev",
        "Tokaev",
        "Toqayev",
        "Kassym-Jomart Tokayev",
    ] {
        let out = run_in(dir.path(), &["mine", "who-president", spelling]);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(0), "{spelling}: {stdout}");
        assert!(
            stdout.contains("suggested grade: Good"),
            "{spelling}: {stdout}"
        );
    }
    let out = run_in(dir.path(), &["mine", "who-president", "Nazarbaev"]);
    assert_eq!(out.status.code(), Some(1));
    // Nothing but the deck was written to the data folder by `try`.
    let entries: Vec<_> = std::fs::read_dir(dir.path())
        .expect("read dir")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(entries, vec![std::ffi::OsString::from("decks")]);
}

#[test]
fn each_new_way_of_reading_an_answer_is_explained() {
    let people = "people-and-roles";
    let nazarbaev = "who-security-council-predecessor";
    for (card_deck, card, answer, says) in [
        (
            people,
            nazarbaev,
            "Nazarbayev Nursultan",
            "read the name surname-first",
        ),
        (
            people,
            nazarbaev,
            "Nazarbaev, Nursultan",
            "read the name surname-first",
        ),
        (
            people,
            nazarbaev,
            "President Nazarbayev",
            "ignored the title \"President\"",
        ),
        (
            people,
            nazarbaev,
            "Nursultan Abishevich Nazarbayev",
            "ignored the patronymic \"Abishevich\"",
        ),
        (
            people,
            nazarbaev,
            "N. Nazarbayev",
            "the initials fit \"Nursultan Nazarbaev\"",
        ),
        (
            "january-2022-timeline",
            "figure-taldyqorghan-distance",
            "225 kilometers",
            "kilometers = km",
        ),
        (
            "aftermath-2022-2024",
            "where-nazarbaev-during-unrest",
            "Almaty (former capital)",
            "ignored the remark \"former capital\"",
        ),
        (
            "aftermath-2022-2024",
            "fig-sons-in-law",
            "all three",
            "read as 3",
        ),
    ] {
        let (code, out, _) = try_answer(card_deck, card, answer);
        assert_eq!(code, 0, "{answer}: {out}");
        assert!(out.contains(says), "{answer}: {out}");
        assert!(out.contains("suggested grade: Good"), "{answer}: {out}");
    }
    // Unsure: taken, but Hard, and said why.
    let (code, out, _) = try_answer("disputed-figures", "fig-death-toll-227", "about 230");
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("unsure: 230 is 227 rounded"), "{out}");
    assert!(out.contains("suggested grade: Hard"), "{out}");
    // A unit that contradicts the card's: refused, and said why.
    let (code, out, _) = try_answer("aftermath-2022-2024", "fig-sons-in-law", "Three years");
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("in years, but the card counts sons-in-law"),
        "{out}"
    );
}
