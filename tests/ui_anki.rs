//! The real app, headless (egui_kittest): the "show answer" mode by keyboard, and the import
//! preview of an Anki package, from the path typed to the decks imported.

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use factquiz::quiz::{AnswerMode, Mode};
use factquiz::settings::Settings;
use factquiz::study::Collection;
use factquiz::ui::{App, Command, Screen};

mod common;

fn harness(dir: &std::path::Path) -> Harness<'static, App> {
    common::harness(dir, [1100.0, 900.0])
}

#[test]
fn show_answer_by_keyboard_then_grade_yourself() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut c = Collection::open(dir.path(), &[]).unwrap();
        let s = Settings {
            answer_mode: AnswerMode::ShowAnswer,
            ..Settings::default()
        };
        c.save_settings(s).unwrap();
    }
    let mut h = harness(dir.path());
    h.run();
    h.key_press(Key::Num1);
    h.run();
    assert_eq!(h.state().screen(), Screen::Review);
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

    h.key_press(Key::Space);
    h.run();
    h.get_by_label("Did you recall it? Grade yourself (1-4)");
    h.get_by_label("The answer");
    assert!(h.query_by_label("Your answer").is_none());
    let answer = {
        let coll = h.state().collection().unwrap();
        let card = coll.card(cur.slot).unwrap();
        card.answer.display(&coll.deck(cur.slot).unwrap().deck)
    };
    h.get_by_label(&answer);

    h.key_press(Key::Num2); // Hard: recalled, with effort
    h.run();
    let coll = h.state().collection().unwrap();
    let reviews = coll.store().all_reviews().unwrap();
    assert_eq!(reviews.len(), 1);
    assert_eq!(
        (reviews[0].mode, reviews[0].grade, reviews[0].correct),
        ("show-answer", 2, true)
    );
    let next = h
        .state()
        .session()
        .unwrap()
        .current
        .as_ref()
        .expect("the next question");
    assert_ne!(next.slot, cur.slot);
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
    h.get_by_role(egui::accesskit::Role::TextInput).focus();
    h.run();
    h.get_by_role(egui::accesskit::Role::TextInput)
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
