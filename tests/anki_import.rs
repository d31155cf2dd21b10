//! Imports from Anki and Quizlet, with files made in the test: an Anki plain-text export, an
//! `.apkg` (collection.anki21b from SQL and zstd, Anki's schema), Quizlet exports; what each
//! imports (cards, topics, decks, reviews, states), a re-import that updates, and bad files
//! that get a clear message and write nothing.

mod common;

use std::path::Path;

use common::anki::{ASIA, AnkiFile, BASIC, CLOZE, T0, package, write_zip};
use common::{DAY, clock};
use factquiz::deck::Answer;
use factquiz::interop::build::card_id;
use factquiz::interop::{Columns, Foreign, Options, read};
use factquiz::study::Collection;

fn open(dir: &Path) -> Collection {
    let mut c = Collection::open(dir, &[]).unwrap();
    c.set_clock(Some(clock(T0 + 30 * DAY)));
    c
}

/// A deck of the collection's library, whole.
fn deck(coll: &Collection, id: &str) -> factquiz::deck::Deck {
    let loaded = coll
        .library()
        .get(id)
        .unwrap_or_else(|| panic!("no deck {id}"));
    loaded.deck.whole().unwrap()
}

fn read_file(path: &Path) -> Foreign {
    read(path, &Options::default(), &|_| {}).unwrap()
}

#[test]
fn an_apkg_imports_its_cards_decks_topics_and_history() {
    let dir = tempfile::tempdir().unwrap();
    let apkg = dir.path().join("kazakhstan.apkg");
    package(&apkg, "Astana", false);
    let foreign = read_file(&apkg);
    let r = &foreign.report;
    assert_eq!(r.format, "Anki package (collection.anki21b)");
    assert_eq!(
        (r.notes, r.cards, r.reviews, r.suspended, r.buried),
        (4, 5, 6, 1, 1)
    );
    assert_eq!(
        r.problems,
        vec![
            "note 4: card 1: its front is only an image or a sound, which factquiz does not import"
        ]
    );
    assert!(
        r.skipped
            .iter()
            .any(|s| s.starts_with("1 review log entries that rescheduled")),
        "{:?}",
        r.skipped
    );
    assert!(
        r.skipped.iter().any(|s| s.starts_with("1 media file(s)")),
        "{:?}",
        r.skipped
    );

    let data = dir.path().join("data");
    let mut coll = open(&data);
    // A note that cannot be read: nothing is written unless the user leaves it out.
    let refused = coll.import_foreign(&foreign, false, &[]).unwrap_err();
    assert!(
        refused
            .to_string()
            .contains("1 note(s) could not be read; nothing was imported")
    );
    assert!(!data.join("decks").exists());
    assert_eq!(coll.store().review_count().unwrap(), 0);

    let (done, _) = coll.import_foreign(&foreign, true, &[]).unwrap();
    assert!(done.backup.is_some());
    assert_eq!((done.history.reviews, done.history.already), (6, 0));
    let asia = deck(&coll, "anki-geography-asia");
    assert_eq!(asia.title, "Geography / Asia");
    assert_eq!(asia.cards.len(), 3);
    let basic = asia.card(&card_id("g-basic", 0)).unwrap();
    assert_eq!(basic.prompt, "Capital of Kazakhstan?");
    assert_eq!(basic.answer, Answer::Phrase(vec!["Astana".into()]));
    assert_eq!(basic.topics, vec!["tag/geo", "tag/capitals"]);
    assert_eq!(asia.sources[0].outlet, "imported from Anki");
    assert_eq!(
        asia.card(&card_id("g-rev", 1)).unwrap().prompt,
        "largest city of Kazakhstan"
    );
    assert_eq!(
        asia.card(&card_id("g-rev", 0)).unwrap().topics,
        vec!["tag/geo/cities"]
    );
    let default = deck(&coll, "anki-default");
    let cloze = default.card(&card_id("g-cloze", 1)).unwrap();
    assert_eq!(cloze.prompt, "Toqaev became president in [year]");
    assert_eq!(cloze.answer, Answer::Phrase(vec!["2019".into()]));
    assert_eq!(cloze.explanation, "after Nazarbayev");

    let reviews = coll
        .store()
        .card_reviews("anki-geography-asia", &card_id("g-basic", 0))
        .unwrap();
    let seen: Vec<(i64, u8, &str)> = reviews
        .iter()
        .map(|r| (r.time_ms, r.grade, r.mode))
        .collect();
    assert_eq!(
        seen,
        vec![
            (T0, 3, "show-answer"),
            (T0 + DAY, 3, "show-answer"),
            (T0 + 4 * DAY, 3, "show-answer")
        ]
    );
    assert_eq!(reviews[0].taken_ms, 4_000 + T0 % 1000);
    let today = coll.clock().today();
    let state = |deck: &str, card: String| *coll.state(coll.find(deck, &card).unwrap()).unwrap();
    let basic_state = state("anki-geography-asia", card_id("g-basic", 0));
    assert_eq!((basic_state.reps, basic_state.lapses), (3, 0));
    assert!(
        basic_state.stability > 0.0 && basic_state.due_day <= today,
        "{basic_state:?}"
    );
    let cloze_state = state("anki-default", card_id("g-cloze", 1));
    assert_eq!(cloze_state.reps, 3);
    assert!(state("anki-geography-asia", card_id("g-rev", 0)).suspended);
    assert_eq!(
        state("anki-geography-asia", card_id("g-rev", 1)).buried_until_day,
        today
    );
    // Both reviewed cards are due; the suspended and buried ones are not.
    let counts = coll.deck_counts().unwrap();
    let due: usize = counts.iter().map(|c| c.due).sum();
    assert_eq!(due, 2);
}

#[test]
fn a_newer_export_updates_the_same_cards_and_adds_only_new_reviews() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let first = dir.path().join("first.apkg");
    package(&first, "Astana", false);
    let mut coll = open(&data);
    coll.import_foreign(&read_file(&first), true, &[]).unwrap();
    let second = dir.path().join("second.apkg");
    package(&second, "Astana (called Nur-Sultan 2019-2022)", true);
    let (done, _) = coll.import_foreign(&read_file(&second), true, &[]).unwrap();
    assert_eq!((done.history.reviews, done.history.already), (1, 6));
    assert_eq!(done.replaced_kept.len(), 2);
    assert_eq!(coll.store().review_count().unwrap(), 7);
    let asia = deck(&coll, "anki-geography-asia");
    assert_eq!(asia.cards.len(), 3);
    let basic = asia.card(&card_id("g-basic", 0)).unwrap();
    assert_eq!(
        basic.answer,
        Answer::Phrase(vec!["Astana (called Nur-Sultan 2019-2022)".into()])
    );
    let slot = coll
        .find("anki-geography-asia", &card_id("g-basic", 0))
        .unwrap();
    assert_eq!(coll.state(slot).unwrap().reps, 4);
    // Answered in Anki since its answer changed: the new answer is what was learned.
    assert!(!coll.fact_changed(slot));
    assert_eq!(
        coll.store()
            .learned_fact("anki-geography-asia", &card_id("g-basic", 0))
            .unwrap()
            .and_then(|(_, words)| words)
            .as_deref(),
        Some("Astana (called Nur-Sultan 2019-2022)")
    );
    let user_decks = std::fs::read_dir(data.join("decks")).unwrap().count();
    assert_eq!(user_decks, 2);
}

#[test]
fn a_newer_export_whose_answer_changed_unreviewed_is_a_fact_that_changed() {
    use factquiz::schedule::Queue;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let first = dir.path().join("first.apkg");
    package(&first, "Astana", false);
    let mut coll = open(&data);
    coll.import_foreign(&read_file(&first), true, &[]).unwrap();
    let basic = card_id("g-basic", 0);
    let slot = coll.find("anki-geography-asia", &basic).unwrap();
    assert!(!coll.fact_changed(slot), "just imported: nothing changed");
    let learned = *coll.state(slot).unwrap();
    // The answer was edited in Anki, and not reviewed since.
    let second = dir.path().join("second.apkg");
    package(&second, "Astana (called Nur-Sultan 2019-2022)", false);
    let (done, _) = coll.import_foreign(&read_file(&second), true, &[]).unwrap();
    assert_eq!((done.history.reviews, done.history.already), (0, 6));
    let slot = coll.find("anki-geography-asia", &basic).unwrap();
    assert!(coll.fact_changed(slot));
    let state = coll.state(slot).unwrap();
    assert_eq!(state.queue, Queue::Relearning);
    assert!(state.due_ms <= coll.clock().now_ms);
    assert_eq!(state.stability, learned.stability, "its memory is kept");
    let card = coll.card(slot).unwrap();
    let changed = coll.changed_fact(slot, &card).unwrap().unwrap();
    assert_eq!(changed.was.as_deref(), Some("Astana"));
    assert_eq!(changed.now, "Astana (called Nur-Sultan 2019-2022)");
    // The cards whose answer did not change keep their schedule.
    let cloze = coll.find("anki-default", &card_id("g-cloze", 1)).unwrap();
    assert!(!coll.fact_changed(cloze));
}

#[test]
fn a_legacy_package_with_collection_anki2_imports_too() {
    let dir = tempfile::tempdir().unwrap();
    let f = AnkiFile::new(18);
    f.make_legacy();
    f.note(
        1,
        "g-old",
        BASIC,
        &["Capital of Kazakhstan?", "Astana"],
        "geo",
    );
    f.card(11, 1, ASIA, 0, 2);
    f.note(2, "g-cl", CLOZE, &["{{c1::Toqaev}} is president", ""], "");
    f.card(21, 2, 1, 0, 0);
    f.review(T0, 11, 3, 2_000, 0);
    let apkg = dir.path().join("old.apkg");
    f.write_legacy_apkg(&apkg);
    let foreign = read_file(&apkg);
    let r = &foreign.report;
    assert_eq!(r.format, "Anki package (collection.anki2)");
    assert_eq!((r.notes, r.cards, r.reviews), (2, 2, 1));
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    assert_eq!(foreign.decks[1].id, "anki-geography-asia");
    assert_eq!(foreign.decks[0].cards[0].prompt, "[...] is president");
    assert!(
        r.skipped.iter().any(|s| s.starts_with("1 media file(s)")),
        "{:?}",
        r.skipped
    );
}

const EXPORT: &str = "#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n#deck column:3\n#tags column:6\n\
abc1\tBasic\tGeography::Asia\tCapital of <b>Kazakhstan</b>?\tAstana&nbsp;(since 1997)\tcapitals asia\n\
abc2\tBasic (and reversed card)\tGeography::Asia\tAlmaty\tlargest city<br>of Kazakhstan\tcities\n\
abc3\tCloze\tHistory\t{{c1::Toqaev}} became president in {{c2::2019::year}}\tafter Nazarbayev\tpeople\n";

#[test]
fn a_plain_text_export_imports_and_a_newer_one_updates() {
    let dir = tempfile::tempdir().unwrap();
    let txt = dir.path().join("anki.txt");
    std::fs::write(&txt, EXPORT).unwrap();
    let foreign = read_file(&txt);
    assert_eq!(foreign.report.format, "Anki plain-text export");
    assert_eq!((foreign.report.notes, foreign.report.cards), (3, 5));
    let mut coll = open(&dir.path().join("data"));
    coll.import_foreign(&foreign, false, &[]).unwrap();
    let asia = deck(&coll, "anki-geography-asia");
    let capital = asia.card(&card_id("abc1", 0)).unwrap();
    assert_eq!(
        capital.answer,
        Answer::Phrase(vec!["Astana (since 1997)".into()])
    );
    assert_eq!(capital.topics, vec!["tag/capitals", "tag/asia"]);
    assert_eq!(capital.evidence[0].locator, "anki.txt:7");
    assert_eq!(
        asia.card(&card_id("abc2", 1)).unwrap().prompt,
        "largest city\nof Kazakhstan"
    );
    let history = deck(&coll, "anki-history");
    assert_eq!(
        history.card(&card_id("abc3", 0)).unwrap().prompt,
        "[...] became president in 2019"
    );

    let newer = EXPORT.replace("Astana&nbsp;(since 1997)", "Astana")
        + "abc4\tBasic\tGeography::Asia\tLongest river?\tIrtysh\t\n";
    std::fs::write(&txt, newer).unwrap();
    coll.import_foreign(&read_file(&txt), false, &[]).unwrap();
    let asia = deck(&coll, "anki-geography-asia");
    assert_eq!(asia.cards.len(), 4);
    assert_eq!(
        asia.card(&card_id("abc1", 0)).unwrap().answer,
        Answer::Phrase(vec!["Astana".into()])
    );
}

#[test]
fn quizlet_exports_with_their_separators_and_either_column_asked() {
    let dir = tempfile::tempdir().unwrap();
    let custom = dir.path().join("quizlet.txt");
    std::fs::write(
        &custom,
        "Astana - capital of Kazakhstan;Almaty - largest city, in the south;",
    )
    .unwrap();
    let f = read_file(&custom);
    assert_eq!(
        f.report.format,
        "two-column text (\" - \" between term and definition, semicolon between rows)"
    );
    assert_eq!(
        f.report.sample[1],
        ("Almaty".into(), "largest city, in the south".into())
    );
    let deck = &f.decks[0];
    assert_eq!(deck.id, "quizlet-quizlet");
    assert_eq!(deck.cards[0].prompt, "Astana");

    let tabbed = dir.path().join("terms.tsv");
    std::fs::write(
        &tabbed,
        "Astana\tcapital of Kazakhstan\nAlmaty\tlargest city\n",
    )
    .unwrap();
    let opts = Options {
        columns: Columns::AnswerPrompt,
        separators: None,
    };
    let f = read(&tabbed, &opts, &|_| {}).unwrap();
    assert_eq!(f.decks[0].cards[0].prompt, "capital of Kazakhstan");
    assert_eq!(
        f.decks[0].cards[0].answer,
        Answer::Phrase(vec!["Astana".into()])
    );
}

/// Runs the binary on a data folder.
fn factquiz(data: &Path, args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_factquiz"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[test]
fn bad_files_get_a_clear_message_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let not_package = dir.path().join("notes.apkg");
    write_zip(&not_package, &[("readme.txt", b"hello".to_vec())]);
    let not_zip = dir.path().join("plain.apkg");
    std::fs::write(&not_zip, "just text").unwrap();
    let newer = dir.path().join("newer.apkg");
    AnkiFile::new(19).write_apkg(&newer);
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "#separator:tab\n#html:true\n").unwrap();
    let cases = [
        (
            &not_package,
            "notes.apkg is not an Anki package: it holds no Anki collection",
        ),
        (
            &not_zip,
            "plain.apkg is not an Anki package: it is not a zip archive",
        ),
        (
            &newer,
            "newer.apkg was made by a newer Anki (collection schema 19; factquiz reads up to 18)",
        ),
        (&empty, "empty.txt has no notes to import"),
    ];
    for (file, message) in cases {
        let (code, _, err) = factquiz(&data, &["import", file.to_str().unwrap()]);
        assert_eq!(code, 1, "{err}");
        assert!(err.contains(message), "{message}\n{err}");
        assert!(err.contains("nothing was imported"), "{err}");
    }
    assert!(!data.join("decks").exists());
    assert!(!data.join("backups").exists());
}

#[test]
fn the_command_line_imports_a_package_and_exports_anki_text() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let apkg = dir.path().join("k.apkg");
    package(&apkg, "Astana", false);
    let (code, _, err) = factquiz(&data, &["import", apkg.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        err.contains("note 4: card 1: its front is only an image"),
        "{err}"
    );
    let (code, out, err) = factquiz(&data, &["import", "--skip-bad", apkg.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("imported 3 card(s) as deck \"anki-geography-asia\""),
        "{out}"
    );
    assert!(out.contains("imported 6 review(s)"), "{out}");
    assert!(
        err.contains("4 note(s), 5 card(s), 6 review(s), 1 suspended, 1 buried"),
        "{err}"
    );

    let txt = dir.path().join("back.txt");
    let (code, _, err) = factquiz(
        &data,
        &["export", "anki-geography-asia", txt.to_str().unwrap()],
    );
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&txt).unwrap();
    assert!(text.starts_with("#separator:tab\n#html:false\n#guid column:1\n#notetype column:2\n#deck column:3\n#tags column:9\n"));
    assert!(
        text.contains("\tBasic\tGeography::Asia\tCapital of Kazakhstan?\tAstana\t"),
        "{text}"
    );
    // Read back as Anki would, it is the same three cards.
    let back = read_file(&txt);
    assert_eq!(back.report.cards, 3);
    assert_eq!(back.decks[0].title, "Geography / Asia");
}

#[test]
fn imported_reviews_reach_the_statistics_but_not_calibration() {
    use factquiz::quiz::{Confidence, Grade, Mode, Response};
    use factquiz::stats::calibration::overconfident_topics;
    use factquiz::stats::charts_job;
    use factquiz::study::no_waker;

    let dir = tempfile::tempdir().unwrap();
    let apkg = dir.path().join("k.apkg");
    package(&apkg, "Astana", false);
    let mut coll = open(&dir.path().join("data"));
    coll.import_foreign(&read_file(&apkg), true, &[]).unwrap();
    // One answer of factquiz's own, recalled in "show answer" mode and said to be sure.
    let slot = coll
        .find("anki-geography-asia", &card_id("g-basic", 0))
        .unwrap();
    let q = coll.question(slot, Mode::ShowAnswer, 1).unwrap();
    let a = coll
        .check_answer(slot, q, Response::Revealed, Some(Confidence::Sure), 3_000)
        .unwrap();
    coll.record_answer(&a, Grade::Good).unwrap();

    let charts = charts_job(&coll, None, no_waker()).wait().unwrap();
    // The calendar counts Anki's six answers and this one (Anki's Again is not right).
    let reviews: u32 = charts.days.iter().map(|d| d.reviews).sum();
    let right: u32 = charts.days.iter().map(|d| d.right).sum();
    assert_eq!((reviews, right), (7, 6));
    // Calibration counts only the answer given with a confidence.
    let all = charts.calibration.all;
    assert_eq!(all.answers(), 1);
    assert_eq!(
        (
            all.level(Confidence::Sure).answers,
            all.level(Confidence::Sure).right
        ),
        (1, 1)
    );
    // Anki's tags are topics with their answers; no topic is overconfident.
    let geo = charts
        .topics
        .iter()
        .find(|t| t.topic == "tag/geo")
        .expect("the tag geo as a topic");
    assert!(geo.studied > 0 && geo.recall.is_some(), "{geo:?}");
    assert!(overconfident_topics(&coll).unwrap().is_empty());
    // The review log reads back in time order, and the answer keeps its confidence.
    let log = coll.store().all_reviews().unwrap();
    assert!(log.windows(2).all(|w| w[0].time_ms <= w[1].time_ms));
    let last = log.last().unwrap();
    assert_eq!(
        (last.mode, last.correct, last.confidence),
        ("show-answer", true, Some(Confidence::Sure))
    );
}

#[test]
fn the_command_line_imports_quizlet_with_its_columns_swapped() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let file = dir.path().join("cities.txt");
    // Quizlet's custom separators: "|||" between term and definition, "@@" between rows.
    std::fs::write(
        &file,
        "Astana|||capital of Kazakhstan@@Almaty|||largest city@@",
    )
    .unwrap();
    let (code, _, err) = factquiz(
        &data,
        &["import", "--columns", "sideways", file.to_str().unwrap()],
    );
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("\"prompt,answer\" or \"answer,prompt\""),
        "{err}"
    );
    let (code, out, err) = factquiz(
        &data,
        &[
            "import",
            "--columns",
            "answer,prompt",
            file.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("two-column text (\"|||\" between term and definition, \"@@\" between rows): 2 note(s), 2 card(s)"),
        "{err}"
    );
    assert!(out.contains("as deck \"quizlet-cities\""), "{out}");
    let coll = open(&data);
    let d = deck(&coll, "quizlet-cities");
    assert_eq!(d.cards[0].prompt, "capital of Kazakhstan");
    assert_eq!(d.cards[0].answer, Answer::Phrase(vec!["Astana".into()]));
    assert_eq!(d.sources[0].outlet, "imported from Quizlet");
}
