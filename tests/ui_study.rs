//! The real app, driven headless with egui_kittest: study a session by keyboard, see the
//! evidence, grade, undo, finish, then reopen on the same data directory.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use factquiz::quiz::Mode;
use factquiz::ui::{App, Command, Screen};

mod common;

fn harness(dir: &std::path::Path) -> Harness<'static, App> {
    common::harness(dir, [1100.0, 800.0])
}

fn number_key(i: usize) -> Key {
    [Key::Num1, Key::Num2, Key::Num3, Key::Num4][i]
}

/// The mode and right choice of the question on screen.
fn current(h: &Harness<'_, App>) -> (Mode, Option<usize>, usize) {
    let cur = h
        .state()
        .session()
        .and_then(|s| s.current.as_ref())
        .expect("a question on screen");
    (
        cur.question.mode,
        cur.question.correct_choice,
        cur.question.choices.len(),
    )
}

/// Answers the question on screen by keyboard, rightly or wrongly where the mode allows, and
/// says "I think so" (W) when asked how sure.
fn answer(h: &mut Harness<'_, App>, right: bool) {
    give_answer(h, right);
    common::say_how_sure(h, Key::W);
}

fn give_answer(h: &mut Harness<'_, App>, right: bool) {
    let (mode, correct, n) = current(h);
    match mode {
        Mode::Choice | Mode::Verdict => {
            let c = correct.expect("a right choice");
            let pick = if right { c } else { (c + 1) % n };
            h.key_press(number_key(pick));
        }
        Mode::Typed => {
            h.get_by_role(egui::accesskit::Role::TextInput)
                .type_text("no idea");
            h.run();
            h.key_press(Key::Enter);
        }
        Mode::ShowAnswer => h.key_press(Key::Space),
        Mode::Order | Mode::SourceSaid => {
            for _ in 0..6 {
                h.key_press(Key::Num1);
            }
            h.run();
            h.key_press(Key::Enter);
        }
    }
    h.run();
}

#[test]
fn study_a_session_by_keyboard_then_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let before_new;
    {
        let mut h = harness(dir.path());
        h.run();
        h.get_by_label_contains("Welcome to factquiz");
        h.get_by_label("The aftermath: purges and trials, 2022-2024");
        before_new = h.state().collection().unwrap().deck_counts().unwrap()[0].new;
        assert_eq!(before_new, 20);

        // Study the first deck with its key.
        h.key_press(Key::Num1);
        h.run();
        assert_eq!(h.state().screen(), Screen::Review);
        let (mode, ..) = current(&h);
        assert_eq!(
            mode,
            Mode::Choice,
            "a new who-card is asked as multiple choice"
        );

        // A right answer: feedback says so and shows the evidence.
        answer(&mut h, true);
        h.get_by_label("Right");
        h.get_by_label("Evidence");
        // Space takes the suggested grade and goes on.
        h.key_press(Key::Space);
        h.run();
        assert!(h.state().session().unwrap().can_undo());

        // A wrong answer: feedback says so, with the right answer.
        answer(&mut h, false);
        assert!(
            h.query_by_label("Not right").is_some() || h.query_by_label("Partly right").is_some()
        );
        h.get_by_label("The answer");
        let answered_slot = h.state().session().unwrap().answered.as_ref().unwrap().slot;
        h.key_press(Key::Num1); // Again
        h.run();
        let coll = h.state().collection().unwrap();
        assert!(
            coll.state(answered_slot).is_some(),
            "the Again answer is saved"
        );
        assert_eq!(coll.store().review_count().unwrap(), 2);

        // Undo the wrong answer: the card is new again and back on screen.
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
        let coll = h.state().collection().unwrap();
        assert_eq!(coll.store().review_count().unwrap(), 1);
        assert!(
            coll.state(answered_slot).is_none(),
            "undo restores the card's state exactly"
        );
        let cur = h.state().session().unwrap().current.as_ref().unwrap();
        assert_eq!(cur.slot, answered_slot);

        // Leave the session.
        h.key_press(Key::Escape);
        h.run();
        assert_eq!(h.state().screen(), Screen::Home);
    }
    // Reopen on the same directory: one new card was introduced, so one fewer is new.
    let mut h = harness(dir.path());
    h.run();
    let counts = h.state().collection().unwrap().deck_counts().unwrap();
    assert_eq!(counts[0].new, before_new - 1);
    assert!(
        h.query_by_label_contains("Welcome to factquiz").is_none(),
        "the first-run hint is gone"
    );
}

#[test]
fn a_session_can_be_finished() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    // Only three new cards a day, so the session is short.
    {
        let coll = h.state_mut().collection_mut().unwrap();
        let mut s = coll.settings().clone();
        s.new_per_day = 3;
        coll.save_settings(s).unwrap();
    }
    h.state_mut().run(Command::Study(vec![1]));
    h.run();
    let mut guard = 0;
    while h.state().session().is_some_and(|s| s.current.is_some()) {
        answer(&mut h, true);
        h.key_press(Key::Num3); // Good
        h.run();
        guard += 1;
        assert!(guard < 10, "the session does not end");
    }
    h.get_by_label("Session done");
    h.get_by_label("Cards answered");
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().screen(), Screen::Home);
}

#[test]
fn settings_are_saved_and_reloaded() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut h = harness(dir.path());
        h.run();
        h.key_press(Key::S);
        h.run();
        assert_eq!(h.state().screen(), Screen::Settings);
        h.get_by_label("Always typed").click();
        h.run();
        h.get_by_label("Dark").click();
        h.run();
        h.get_by_label_contains("Save").click();
        h.run();
        assert_eq!(h.state().screen(), Screen::Home);
    }
    let h = harness(dir.path());
    let s = h.state().collection().unwrap().settings();
    assert_eq!(s.answer_mode, factquiz::quiz::AnswerMode::Typed);
    assert_eq!(s.theme, factquiz::settings::Theme::Dark);
}

/// Starts a session on the first card of a kind in the library.
fn session_on(
    h: &mut Harness<'_, App>,
    kind: factquiz::deck::CardKind,
) -> factquiz::schedule::queue::Slot {
    let app = h.state_mut();
    let coll = app.collection().unwrap();
    let slot = coll
        .library()
        .decks
        .iter()
        .enumerate()
        .find_map(|(d, ld)| {
            ld.deck
                .cards
                .heads()
                .iter()
                .position(|c| c.kind == kind)
                .map(|card| factquiz::schedule::queue::Slot { deck: d, card })
        })
        .expect("a card of that kind");
    app.run(Command::StudyCards(vec![slot]));
    assert_eq!(app.screen(), Screen::Review);
    slot
}

#[test]
fn order_questions_work_by_keyboard() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    session_on(&mut h, factquiz::deck::CardKind::Order);
    h.run();
    h.get_by_label_contains("Put the events in order");
    let shown = h.state().review().input().order.clone();
    // Sort the events with Shift+arrows: a simple selection sort driven by keys.
    let n = shown.len();
    for target in 0..n {
        let pos = h
            .state()
            .review()
            .input()
            .order
            .iter()
            .position(|&e| e == target)
            .unwrap();
        // Select `pos`, then move it up to `target`.
        for _ in 0..n {
            h.key_press(Key::ArrowUp);
        }
        for _ in 0..pos {
            h.key_press(Key::ArrowDown);
        }
        for _ in target..pos {
            h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowUp);
        }
        h.run();
    }
    assert_eq!(h.state().review().input().order, (0..n).collect::<Vec<_>>());
    h.key_press(Key::Enter);
    h.run();
    common::say_how_sure(&mut h, Key::Space);
    h.get_by_label("Right");
}

#[test]
fn source_said_questions_work_by_keyboard() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    let slot = session_on(&mut h, factquiz::deck::CardKind::SourceSaid);
    h.run();
    h.get_by_label_contains("Which article gave each figure");
    // Pick the right article for each figure with the number keys.
    let (q, right): (factquiz::quiz::Question, Vec<String>) = {
        let app = h.state();
        let coll = app.collection().unwrap();
        let card = coll.card(slot).unwrap();
        let right = match &card.answer {
            factquiz::deck::Answer::SourceSaid(p) => {
                p.iter().map(|a| a.source.to_string()).collect()
            }
            _ => unreachable!(),
        };
        (
            app.session()
                .unwrap()
                .current
                .as_ref()
                .unwrap()
                .question
                .clone(),
            right,
        )
    };
    for src in &right {
        let k = q.sources.iter().position(|(id, _)| id == src).unwrap();
        h.key_press(
            [
                Key::Num1,
                Key::Num2,
                Key::Num3,
                Key::Num4,
                Key::Num5,
                Key::Num6,
            ][k],
        );
        h.run();
    }
    h.key_press(Key::Enter);
    h.run();
    common::say_how_sure(&mut h, Key::Q);
    h.get_by_label("Right");
    h.get_by_label_contains("Sure, and right");
}

#[test]
fn the_home_button_says_what_it_studies_and_until_when_there_is_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.state_mut()
        .collection_mut()
        .unwrap()
        .set_clock(Some(common::clock(common::NOON)));
    h.run();
    h.get_by_label("[Enter]  Study now (100 new, 0 due)");
    // One new card a day per deck, each answered: right, except the last deck's (Again: back
    // in ten minutes).
    {
        let coll = h.state_mut().collection_mut().unwrap();
        let mut s = coll.settings().clone();
        s.new_per_day = 1;
        coll.save_settings(s).unwrap();
        let decks = coll.library().decks.len();
        for deck in 0..decks {
            let slot = coll.queue(&[deck], 0).unwrap()[0];
            let q = coll.question(slot, Mode::Choice, 0).unwrap();
            let c = q.correct_choice.unwrap();
            let pick = if deck + 1 == decks {
                (c + 1) % q.choices.len()
            } else {
                c
            };
            let a = coll
                .check_answer(slot, q, factquiz::quiz::Response::Choice(pick), None, 0)
                .unwrap();
            coll.record_answer(&a, a.grade).unwrap();
        }
    }
    h.run();
    h.get_by_label("Nothing to study until today 12:10");
    // Ten minutes on, the card is due again and the button says so.
    h.state_mut()
        .collection_mut()
        .unwrap()
        .set_clock(Some(common::clock(common::NOON + 11 * 60_000)));
    h.run();
    h.get_by_label("[Enter]  Study now (0 new, 1 due)");
}
