//! Custom decks: round trips through RON and CSV keep every field, a malformed import names
//! its lines and writes nothing, and the editor flow in the real app (create a deck, add a who
//! card with two spellings, try it, save, find it on the home screen, study it); a reload of
//! the decks gives answer checking the new decks' people.

mod common;

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use factquiz::deck::csv::{read_csv, write_csv};
use factquiz::deck::draft::DeckDraft;
use factquiz::deck::load::{load_deck, to_ron};
use factquiz::deck::{Amount, Library};
use factquiz::quiz::{Question, Response, check};
use factquiz::study::Collection;
use factquiz::ui::{App, Command, Screen};

/// Asserts two decks are equal, naming the first part that differs (never the whole deck).
fn same(got: &factquiz::deck::Deck, want: &factquiz::deck::Deck, how: &str) {
    let id = &want.id;
    assert_eq!(got.id, want.id, "{how}: deck id");
    assert!(
        got.sources == want.sources,
        "{how} round trip of {id}: sources differ"
    );
    assert!(
        got.claims == want.claims,
        "{how} round trip of {id}: claims differ"
    );
    assert_eq!(
        got.cards.len(),
        want.cards.len(),
        "{how} round trip of {id}: card count"
    );
    for (g, w) in got.cards.iter().zip(&want.cards) {
        assert_eq!(g, w, "{how} round trip of {id}: card {}", w.id);
    }
    assert!(
        got == want,
        "{how} round trip of {id}: title or description differ"
    );
}

#[test]
fn every_builtin_deck_survives_ron_and_csv_round_trips() {
    for d in Library::builtin().decks {
        let deck = d.deck.whole().unwrap();
        let ron = to_ron(&deck);
        let back = load_deck(&ron, "x.ron").unwrap();
        same(&back, &deck, "RON");
        for tab in [false, true] {
            let csv = write_csv(&deck, tab);
            let imp = read_csv(&csv, "x.csv", "x", tab).unwrap();
            assert_eq!(imp.bad_lines, vec![], "{}", deck.id);
            same(&imp.deck, &deck, "CSV");
        }
        // And through the editor's fields.
        let (built, problems) = DeckDraft::of(&deck).build();
        assert_eq!(problems, vec![]);
        same(&built, &deck, "editor");
    }
}

#[test]
fn numbers_written_as_text_keep_their_text() {
    let deck = Library::builtin()
        .decks
        .into_iter()
        .find(|d| d.deck.id == "disputed-figures")
        .unwrap()
        .deck
        .whole()
        .unwrap();
    let csv = write_csv(&deck, false);
    let back = read_csv(&csv, "x.csv", "x", false).unwrap().deck;
    let texts = |d: &factquiz::deck::Deck| -> Vec<Option<String>> {
        d.cards
            .iter()
            .filter_map(|c| match &c.answer {
                factquiz::deck::Answer::Number(n) => Some(n.value.clone()),
                _ => None,
            })
            .map(|a: Amount| a.text)
            .collect()
    };
    assert_eq!(texts(&back), texts(&deck));
}

#[test]
fn a_malformed_import_names_each_line_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.csv");
    std::fs::write(
        &file,
        "prompt,answer,accept,kind,source,evidence\n\
         Who led it?,Ana Lee,Lee,who,My notes,p. 2 :: she led it\n\
         When?,2022-02-30,,when,My notes,\n\
         ,no prompt,,,My notes,\n\
         Which?,x,,bogus,My notes,\n\
         Where?,Almaty,,where,,\n",
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_factquiz"))
        .args(["--data-dir"])
        .arg(dir.path())
        .arg("import")
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    let f = file.display();
    for line in [
        format!("{f}:3: \"2022-02-30\": February has no day 30 in 2022"),
        format!("{f}:4: the prompt is empty"),
        format!(
            "{f}:5: unknown kind \"bogus\": use who, when, figure, where, what, verdict, order or source-said"
        ),
        format!("{f}:6: no source: every card cites one (fill the source column)"),
    ] {
        assert!(err.contains(&line), "missing {line:?} in:\n{err}");
    }
    assert!(!dir.path().join("decks").exists(), "nothing was written");
    // --skip-bad imports the one good line.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_factquiz"))
        .arg("--data-dir")
        .arg(dir.path())
        .args(["import", "--skip-bad"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let saved = std::fs::read_to_string(dir.path().join("decks/notes.ron")).unwrap();
    let deck = load_deck(&saved, "notes.ron").unwrap();
    assert_eq!(deck.cards.len(), 1);
    assert_eq!(deck.cards[0].prompt, "Who led it?");
}

/// A user deck with one who card.
fn who_deck(id: &str, name: &str) -> String {
    format!(
        "Deck(id: \"{id}\", title: \"{id}\", sources: [(id: \"s\", title: \"S\", published: \"2022\")],
          cards: [(id: \"who\", kind: Who, topics: [\"person/T\"], prompt: \"Who was it?\",
            answer: Name([\"{name}\"]), evidence: [(source: \"s\", locator: \"top\", says: \"it\")])])"
    )
}

/// Whether typing `text` answers the who card of deck `deck`.
fn accepted(c: &Collection, deck: &str, text: &str) -> bool {
    let slot = c.find(deck, "who").expect("the card is in the library");
    let (d, card) = (&c.deck(slot).unwrap().deck, c.card(slot).unwrap());
    let response = Response::Text(text.into());
    check(
        c.library(),
        c.index().unwrap(),
        d,
        &card,
        &Question::typed(d, &card),
        &response,
    )
    .unwrap()
    .correct
}

#[test]
fn after_a_reload_answers_are_checked_against_the_new_decks() {
    let dir = tempfile::tempdir().unwrap();
    let decks = dir.path().join("decks");
    std::fs::create_dir_all(&decks).unwrap();
    std::fs::write(decks.join("one.ron"), who_deck("one", "Arman Testbekov")).unwrap();
    let mut c = Collection::open(dir.path(), &[]).unwrap();
    // The surname alone answers while no one else has it.
    assert!(accepted(&c, "one", "Testbekov"));
    assert!(c.find("two", "who").is_none());

    std::fs::write(decks.join("two.ron"), who_deck("two", "Dana Testbekov")).unwrap();
    c.reload_decks(&[]).unwrap();
    // The new deck's card is answerable, typo and all...
    assert!(accepted(&c, "two", "Dana Testbekov"));
    assert!(accepted(&c, "two", "Dana Testbekv"));
    assert!(
        c.index()
            .unwrap()
            .person_of(&["Dana Testbekov".into()])
            .is_some()
    );
    // ...and its person is known to the old card's checking: the shared surname is no answer.
    assert!(!accepted(&c, "one", "Testbekov"));
    assert!(!accepted(&c, "two", "Testbekov"));
    assert!(accepted(&c, "one", "Arman Testbekov"));
}

#[test]
fn the_editor_creates_tries_saves_and_studies_a_deck() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = common::harness(dir.path(), [1100.0, 2200.0]);
    h.run();
    h.key_press(Key::E);
    h.run();
    assert_eq!(h.state().screen(), Screen::Editor);
    h.key_press(Key::N);
    h.run();
    // The deck: id and title.
    let retitle = |h: &mut Harness<'_, App>, label: &str, text: &str| {
        h.get_by_label(label).focus();
        h.run();
        h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
        h.get_by_label(label).type_text(text);
        h.run();
    };
    retitle(&mut h, "Deck id", "my-notes");
    retitle(&mut h, "Title", "My notes");
    // The source the new deck starts with needs a title and date.
    h.get_by_label("Sources (1)").click();
    h.run();
    retitle(&mut h, "Published", "2022-01-12");
    h.get_all_by_label("Title").nth(1).unwrap().focus();
    h.run();
    h.get_all_by_label("Title")
        .nth(1)
        .unwrap()
        .type_text("A blog post");
    h.run();
    // The who card it starts with: two accepted spellings.
    retitle(
        &mut h,
        "Prompt",
        "Who took over the Security Council on 5 January 2022?",
    );
    retitle(&mut h, "Answer", "Qasym-Zhomart Toqaev");
    retitle(&mut h, "Also accept", "Kassym-Jomart Tokayev");
    retitle(
        &mut h,
        "Evidence",
        "source :: Toqaev had announced :: he took the seat",
    );
    h.get_by_label("No problems");
    // Try it: another spelling and a typo are accepted.
    let try_field = h.get_by_label("Try an answer:");
    try_field.focus();
    try_field.type_text("Tokaev");
    h.run();
    h.get_by_label("Try it").click();
    h.run();
    h.get_by_label_contains("Accepted:");
    // Save, then find the deck on the home screen and study it.
    h.get_by_label_contains("Save").click();
    h.run();
    h.get_by_label_contains("Saved 1 card(s)");
    assert!(dir.path().join("decks/my-notes.ron").exists());
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(h.state().screen(), Screen::Home);
    h.get_by_label("My notes");
    let idx = h
        .state()
        .collection()
        .unwrap()
        .library()
        .decks
        .iter()
        .position(|d| d.deck.id == "my-notes")
        .unwrap();
    h.state_mut().run(Command::Study(vec![idx]));
    h.run();
    let cur = h.state().session().unwrap().current.clone().unwrap();
    assert_eq!(
        cur.question.prompt,
        "Who took over the Security Council on 5 January 2022?"
    );
}

#[test]
fn leaving_the_editor_with_unsaved_changes_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = common::harness(dir.path(), [1100.0, 2200.0]);
    h.run();
    h.key_press(Key::E);
    h.run();
    h.key_press(Key::N);
    h.run();
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(
        h.state().screen(),
        Screen::Editor,
        "it stays until the user decides"
    );
    h.get_by_label("You have unsaved changes");
    h.get_by_label_contains("Discard").click();
    h.run();
    assert_eq!(h.state().screen(), Screen::Home);
}
