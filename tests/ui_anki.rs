//! The real app, headless (egui_kittest): the "show answer" mode by keyboard (how sure the
//! learner is said before the answer shows, first or after Space; or not asked), and the
//! import preview of an Anki package, from the path typed to the decks imported.

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use factquiz::quiz::{AnswerMode, AskConfidence, Confidence, Mode};
use factquiz::settings::Settings;
use factquiz::store::ReviewRow;
use factquiz::study::{Collection, Current};
use factquiz::ui::{App, Command, Screen};

mod common;

fn harness(dir: &std::path::Path) -> Harness<'static, App> {
    common::harness(dir, [1100.0, 900.0])
}

/// The app on a data folder whose settings ask every card as "show answer", with `ask` for
/// when to ask how sure the learner is; a session of every deck started (key 1).
fn show_answer_session(dir: &std::path::Path, ask: AskConfidence) -> Harness<'static, App> {
    {
        let mut c = Collection::open(dir, &[]).unwrap();
        let s = Settings {
            answer_mode: AnswerMode::ShowAnswer,
            ask_confidence: ask,
            ..Settings::default()
        };
        c.save_settings(s).unwrap();
    }
    let mut h = harness(dir);
    h.run();
    h.key_press(Key::Num1);
    h.run();
    assert_eq!(h.state().screen(), Screen::Review);
    h
}

/// The question on screen, asked as "show answer" with the answer hidden.
fn hidden_question(h: &Harness<'static, App>) -> Current {
    let cur = h
        .state()
        .session()
        .unwrap()
        .current
        .clone()
        .expect("a question");
    assert_eq!(cur.question.mode, Mode::ShowAnswer);
    h.get_by_label_contains("Show answer");
    assert!(
        h.query_by_label("The answer").is_none(),
        "the answer is hidden at first"
    );
    cur
}

/// The answer shown for grading (no "Your answer": nothing was typed or chosen), then the
/// learner's grade by key; the review written.
fn grade_revealed(h: &mut Harness<'static, App>, cur: &Current, key: Key) -> ReviewRow {
    h.get_by_label("Did you recall it? Grade yourself (1-4)");
    h.get_by_label("The answer");
    assert!(h.query_by_label("Your answer").is_none());
    let answer = {
        let coll = h.state().collection().unwrap();
        let card = coll.card(cur.slot).unwrap();
        card.answer.display(&coll.deck(cur.slot).unwrap().deck)
    };
    h.get_by_label(&answer);
    h.key_press(key);
    h.run();
    let next = h
        .state()
        .session()
        .unwrap()
        .current
        .as_ref()
        .expect("the next question")
        .slot;
    assert_ne!(next, cur.slot);
    let reviews = h
        .state()
        .collection()
        .unwrap()
        .store()
        .all_reviews()
        .unwrap();
    reviews.last().expect("the review written").clone()
}

#[test]
fn show_answer_by_keyboard_with_confidence_said_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = show_answer_session(dir.path(), AskConfidence::default());
    let cur = hidden_question(&h);
    // The learner commits to how sure they are before the answer shows: Q, then Space.
    h.get_by_label_contains("How sure are you?");
    h.key_press(Key::Q);
    h.run();
    assert!(h.query_by_label("The answer").is_none(), "still hidden");
    h.key_press(Key::Space);
    h.run();
    h.get_by_label_contains("You said \"Sure\" before seeing it");
    let r = grade_revealed(&mut h, &cur, Key::Num2); // Hard: recalled, with effort
    assert_eq!(
        (r.mode, r.grade, r.correct, r.confidence),
        ("show-answer", 2, true, Some(Confidence::Sure))
    );
    assert_eq!(r.answer, None, "a revealed answer keeps no words");
    let coll = h.state().collection().unwrap();
    assert_eq!(h.state().session().unwrap().summary(coll).right, 1);
}

#[test]
fn show_answer_revealed_first_asks_how_sure_before_showing() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = show_answer_session(dir.path(), AskConfidence::default());
    let cur = hidden_question(&h);
    // Space before saying: the answer waits for the confidence, still hidden.
    h.key_press(Key::Space);
    h.run();
    h.get_by_label("How sure are you of what you recalled? The answer shows next.");
    assert!(h.query_by_label("The answer").is_none());
    assert!(h.query_by_label_contains("Your answer").is_none());
    h.key_press(Key::E);
    h.run();
    let r = grade_revealed(&mut h, &cur, Key::Num1); // Again: not recalled
    assert_eq!(
        (r.grade, r.correct, r.confidence),
        (1, false, Some(Confidence::Guess))
    );
    // Not recalled is not right in the session's count either.
    let coll = h.state().collection().unwrap();
    assert_eq!(h.state().session().unwrap().summary(coll).right, 0);
}

#[test]
fn show_answer_without_asking_confidence_reveals_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = show_answer_session(dir.path(), AskConfidence::Never);
    let cur = hidden_question(&h);
    assert!(h.query_by_label_contains("How sure are you").is_none());
    h.key_press(Key::Space);
    h.run();
    let r = grade_revealed(&mut h, &cur, Key::Num3);
    assert_eq!(
        (r.mode, r.grade, r.correct, r.confidence),
        ("show-answer", 3, true, None)
    );
}

#[test]
fn the_preview_of_an_apkg_shows_what_it_holds_then_imports_it() {
    let dir = tempfile::tempdir().unwrap();
    let apkg = dir.path().join("kazakhstan.apkg");
    common::anki::package(&apkg, "Astana", false);
    let data = dir.path().join("data");
    let mut h = harness(&data);
    h.run();
    h.state_mut().run(Command::Open(Screen::Editor));
    h.run();
    // The import field (the editor has other fields, an article's path among them).
    let field = (egui::accesskit::Role::TextInput, "Import:");
    h.get_by_role_and_label(field.0, field.1).focus();
    h.run();
    h.get_by_role_and_label(field.0, field.1)
        .type_text(apkg.to_str().unwrap());
    h.run();
    h.get_by_label("Preview").click();
    // The package is read on a worker; the preview shows once it is done.
    for _ in 0..200 {
        h.run();
        if h.query_by_label_contains("4 notes").is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    h.get_by_label_contains("Anki package (collection.anki21b)");
    h.get_by_label("4 notes, 5 cards, 6 reviews (1 suspended, 1 buried: they stay so)");
    h.get_by_label("Deck \"Geography / Asia\" (anki-geography-asia): 3 card(s)");
    h.get_by_label_contains("Left out: 1 media file(s)");
    h.get_by_label(
        "note 4: card 1: its front is only an image or a sound, which factquiz does not import",
    );
    assert!(
        h.get_by_label("Import").accesskit_node().is_disabled(),
        "a bad note blocks the import"
    );
    h.get_by_label("Leave out the notes that cannot be read")
        .click();
    h.run();
    h.get_by_label("Import").click();
    h.run();
    h.run();
    h.get_by_label_contains("Imported 5 card(s) in 2 deck(s) and 6 review(s)");
    let coll = h.state().collection().unwrap();
    assert!(coll.library().get("anki-geography-asia").is_some());
    assert_eq!(coll.store().review_count().unwrap(), 6);
}
