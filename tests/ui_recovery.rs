//! What the user sees when the progress cannot be used as it is: a damaged file is moved aside
//! and the latest good backup offered and restored in the app; a second copy opens read-only.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use factquiz::quiz::{Grade, Response};
use factquiz::store::Store;
use factquiz::store::backup::BackupReason;
use factquiz::study::{Collection, StudySession};
use factquiz::ui::{App, Startup};

mod common;

fn harness(dir: &std::path::Path) -> Harness<'static, App> {
    common::harness(dir, [1100.0, 800.0])
}

/// Answers three cards in a fresh collection, then backs the progress up.
fn three_answers_backed_up(dir: &std::path::Path) {
    let mut c = Collection::open(dir, &[]).unwrap();
    let mut s = StudySession::start(&c, vec![0], 1).unwrap();
    for _ in 0..3 {
        let q = s.current.clone().unwrap().question;
        s.answer(&c, Response::Choice(q.correct_choice.unwrap_or(0)));
        s.grade(&mut c, Grade::Good).unwrap();
    }
    c.store().backup(BackupReason::BeforeImport).unwrap();
}

#[test]
fn a_damaged_file_is_moved_aside_and_the_backup_restored_in_the_app() {
    let dir = tempfile::tempdir().unwrap();
    three_answers_backed_up(dir.path());
    let progress = dir.path().join(factquiz::store::FILE_NAME);
    let len = std::fs::metadata(&progress).unwrap().len();
    std::fs::write(&progress, vec![0u8; len as usize]).unwrap();
    let _ = std::fs::remove_file(dir.path().join("progress.sqlite3-wal"));

    let mut h = harness(dir.path());
    h.run();
    h.get_by_label_contains("It was moved aside");
    let moved: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains(".damaged-"))
        .collect();
    assert!(!moved.is_empty(), "the damaged file is kept");
    assert_eq!(
        h.state()
            .collection()
            .unwrap()
            .store()
            .review_count()
            .unwrap(),
        0
    );
    h.get_by_label("Restore the latest good backup").click();
    h.run();
    assert_eq!(
        h.state()
            .collection()
            .unwrap()
            .store()
            .review_count()
            .unwrap(),
        3
    );
    h.get_by_label_contains("Restored");
}

#[test]
fn a_second_copy_says_so_and_cannot_study() {
    let dir = tempfile::tempdir().unwrap();
    let _first = Store::open(dir.path()).unwrap();
    let mut h = harness(dir.path());
    h.run();
    h.get_by_label_contains("another copy of factquiz");
    let coll = h.state().collection().unwrap();
    assert!(coll.read_only().is_some());
    h.key_press(egui::Key::Num1);
    h.run();
    assert_eq!(
        h.state().screen(),
        factquiz::ui::Screen::Home,
        "no session starts in a read-only copy"
    );
}

#[test]
fn a_data_folder_that_cannot_be_opened_says_why_both_ways_of_opening() {
    let dir = tempfile::tempdir().unwrap();
    // A file where the data folder should be: nothing can be opened or created there.
    let file = dir.path().join("not-a-folder");
    std::fs::write(&file, "not a folder").unwrap();
    let opened_here = harness(&file);
    let beside_the_window = {
        let startup = Startup::new(file.clone());
        let opening = factquiz::ui::startup::Opening::start(&startup);
        Harness::builder()
            .with_size([1100.0, 800.0])
            .build_eframe(move |cc| factquiz::ui::startup::create(cc, startup, opening))
    };
    for mut h in [opened_here, beside_the_window] {
        h.run();
        h.get_by_label("Your progress could not be opened");
        h.get_by_label_contains(&format!(
            "factquiz could not open your progress in {}",
            file.display()
        ));
        h.get_by_label("Nothing was changed or overwritten.");
        assert!(h.state().open_error().is_some());
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "not a folder");
    }
}
