//! Hostile input: arbitrary bytes and mutated real decks never panic and always give located
//! errors; a million cards, a megabyte prompt, a huge file and deep nesting are refused with
//! the limit named, without building what they describe; control characters are refused.
//! Typed answers of any shape never make the answer checker panic, and review logs in CSV of
//! any shape never make their reader panic.

use factquiz::deck::load::{MAX_DECK_BYTES, load_deck, read_deck_file};
use factquiz::deck::validate::{MAX_ANSWER_CHARS, MAX_CARDS, MAX_TEXT_CHARS};
use factquiz::deck::{DeckError, parse_deck};
use factquiz::quiz::{Question, QuizIndex, check};
use factquiz::schedule::optimize::{OptimizeError, read_revlog_csv};
use proptest::prelude::*;

use super::*;

const REAL_DECKS: [&str; 4] = [
    include_str!("../../decks/aftermath.ron"),
    include_str!("../../decks/disputed-figures.ron"),
    include_str!("../../decks/january-timeline.ron"),
    include_str!("../../decks/people-and-roles.ron"),
];

/// Cases per property: 256, or `FACTQUIZ_FUZZ_CASES` for a longer run.
fn cases() -> u32 {
    std::env::var("FACTQUIZ_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256)
}

fn assert_located(errors: &[DeckError], file: &str) {
    assert!(!errors.is_empty());
    for e in errors {
        assert!(e.line >= 1 && e.col >= 1, "{e}");
        assert_eq!(e.file, file, "{e}");
        assert!(!e.message.is_empty(), "{e}");
    }
}

/// Loads through every entry point; each error must be located.
fn load_everywhere(text: &str) {
    if let Err(e) = parse_deck(text, "fuzz.ron") {
        assert_located(&[e], "fuzz.ron");
    }
    if let Err(errors) = load_deck(text, "fuzz.ron") {
        assert_located(&errors, "fuzz.ron");
    }
    let mut lib = Library::default();
    lib.add_text(text, "fuzz.ron", DeckOrigin::User("fuzz.ron".into()));
    if !lib.errors.is_empty() {
        assert_located(&lib.errors, "fuzz.ron");
    }
}

/// One edit of a deck's bytes.
#[derive(Debug, Clone)]
enum Edit {
    Replace(usize, u8),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    let bytes = prop::sample::select(b"()[]{}\",:'/*\\#rn0123456789 \n\x00\xff".to_vec());
    prop_oneof![
        (any::<usize>(), bytes.clone()).prop_map(|(at, b)| Edit::Replace(at, b)),
        (any::<usize>(), any::<u8>()).prop_map(|(at, b)| Edit::Replace(at, b)),
        (any::<usize>(), prop::collection::vec(bytes, 1..8))
            .prop_map(|(at, b)| Edit::Insert(at, b)),
        (any::<usize>(), 1usize..200).prop_map(|(at, n)| Edit::Delete(at, n)),
    ]
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut b = text.as_bytes().to_vec();
    for e in edits {
        let len = b.len().max(1);
        match e {
            Edit::Replace(at, v) if !b.is_empty() => b[at % len] = *v,
            Edit::Insert(at, v) => {
                let at = at % (b.len() + 1);
                b.splice(at..at, v.iter().copied());
            }
            Edit::Delete(at, n) if !b.is_empty() => {
                let at = at % len;
                b.drain(at..(at + n).min(b.len()));
            }
            _ => {}
        }
    }
    String::from_utf8_lossy(&b).into_owned()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn arbitrary_bytes_never_panic_and_errors_are_located(bytes in prop::collection::vec(any::<u8>(), 0..2_000)) {
        load_everywhere(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn mutated_real_decks_never_panic_and_errors_are_located(
        deck in 0..REAL_DECKS.len(),
        edits in prop::collection::vec(edit(), 1..12),
    ) {
        load_everywhere(&apply(REAL_DECKS[deck], &edits));
    }

    #[test]
    fn typed_answers_of_any_shape_never_panic(
        card in 0usize..185,
        text in prop_oneof![
            ".{0,80}",
            "[0-9 ,.kKmM-]{0,30}",
            "\\PC{0,40}",
            Just("9".repeat(400)),
            Just("a".repeat(5_000)),
        ],
    ) {
        let (lib, ix) = builtin();
        let all: Vec<_> = lib.decks.iter().flat_map(|d| (0..d.deck.cards.len()).map(move |c| (d, c))).collect();
        let (deck, card) = all[card % all.len()];
        let card = &*deck.deck.cards.get(card).unwrap();
        let q = Question::make(ix, &deck.deck, card, factquiz::quiz::Mode::Typed, 1).unwrap();
        let outcome = check(lib, ix, &deck.deck, card, &q, &Response::Text(text)).unwrap();
        prop_assert!(!outcome.correct || outcome.suggested != Grade::Again, "{outcome:?}");
    }
}

/// Reads a review log; each error names the file and a line.
fn read_csv_located(bytes: &[u8]) {
    if let Err(errors) = read_revlog_csv(bytes, "fuzz.csv") {
        assert!(!errors.is_empty());
        for e in errors {
            if let OptimizeError::Csv { file, line, .. } = &e {
                assert!(*line >= 1 && file == "fuzz.csv", "{e}");
            }
        }
    }
}

const CSV: &str = "card_id,review_rating,review_time,review_duration\n\
    1,3,2022-01-05T10:00:00Z,5000\n2,1,2022-01-05T10:01:00+05:00,800\n1,4,2022-01-09T08:00:00Z,\n";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn review_logs_of_any_shape_never_panic(
        bytes in prop::collection::vec(any::<u8>(), 0..600),
        edits in prop::collection::vec(edit(), 1..8),
    ) {
        read_csv_located(&bytes);
        read_csv_located(apply(CSV, &edits).as_bytes());
    }
}

/// A deck spreadsheet (the CSV/TSV importer): bad lines are named with a line of the file.
fn import_located(text: &str, tab: bool) {
    let lines = text.lines().count().max(1) as u64 + 1;
    match factquiz::deck::csv::read_csv(text, "fuzz.csv", "fuzz", tab) {
        Ok(imp) => {
            for (line, why) in &imp.bad_lines {
                assert!(
                    *line >= 1 && *line <= lines,
                    "line {line} of {lines}: {why}"
                );
            }
        }
        Err(e) => assert!(e.line >= 1 && e.file == "fuzz.csv", "{e}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn deck_spreadsheets_of_any_shape_never_panic(
        bytes in prop::collection::vec(any::<u8>(), 0..1_500),
        deck in 0..REAL_DECKS.len(),
        edits in prop::collection::vec(edit(), 1..10),
        tab in any::<bool>(),
    ) {
        import_located(&String::from_utf8_lossy(&bytes), tab);
        let d = load_deck(REAL_DECKS[deck], "d.ron").unwrap();
        let csv = factquiz::deck::csv::write_csv(&d, tab);
        import_located(&apply(&csv, &edits), tab);
    }
}

fn builtin() -> &'static (Library, QuizIndex) {
    static LIB: std::sync::OnceLock<(Library, QuizIndex)> = std::sync::OnceLock::new();
    LIB.get_or_init(|| {
        let lib = Library::builtin();
        let ix = QuizIndex::build(&lib).unwrap();
        (lib, ix)
    })
}

fn refused(text: &str) -> Vec<DeckError> {
    let errors = load_deck(text, "hostile.ron").expect_err("refused");
    assert_located(&errors, "hostile.ron");
    errors
}

#[test]
fn a_deck_past_the_card_limit_is_refused() {
    let card = "(id:\"c\",kind:Who,prompt:\"q\",answer:Name([\"x\"]),evidence:[]),";
    let text = format!(
        "Deck(id:\"d\",title:\"t\",cards:[{}])",
        card.repeat(MAX_CARDS + 1)
    );
    let errors = refused(&text);
    let message = &errors[0].message;
    assert!(
        message.contains(&MAX_CARDS.to_string()) && message.contains("limit"),
        "{message}"
    );
    // It points at the deck's id: the cards are counted once the deck is read.
    assert_eq!(
        (errors[0].line, errors[0].col),
        (1, text.find("id:").unwrap() + 1)
    );
}

#[test]
fn a_file_past_the_size_limit_is_refused_unread() {
    let text = " ".repeat(MAX_DECK_BYTES + 1);
    assert!(refused(&text)[0].message.contains("limited to"));
    // A 4 GB file (sparse) is refused after reading no more than the limit.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(4 << 30).unwrap();
    let e = read_deck_file(&path).unwrap_err();
    assert!(e.message.contains("limited to 64 MB"), "{e}");
    assert_eq!(e.file, path.display().to_string());
    // A byte that is not UTF-8 is located.
    std::fs::write(&path, b"Deck(\n  id: \"d\",\n  title: \"caf\xe9\",\n)").unwrap();
    let e = read_deck_file(&path).unwrap_err();
    assert_eq!((e.line, e.col), (3, 14), "{e}");
    std::fs::write(&path, one_card_deck("q", "a")).unwrap();
    load_deck(&read_deck_file(&path).unwrap(), "ok.ron").unwrap();
}

fn one_card_deck(prompt: &str, answer: &str) -> String {
    format!(
        "Deck(id: \"d\", title: \"t\", sources: [(id: \"s\", title: \"S\", published: \"2022\")],
          cards: [(id: \"c\", kind: What, prompt: \"{prompt}\", answer: Phrase([\"{answer}\"]),
                   evidence: [(source: \"s\", locator: \"l\", says: \"z\")])])"
    )
}

#[test]
fn huge_strings_are_refused_with_the_limit_named() {
    load_deck(&one_card_deck("A fair question?", "yes"), "ok.ron").unwrap();
    let megabyte = "x".repeat(1 << 20);
    let errors = refused(&one_card_deck(&megabyte, "yes"));
    assert_eq!(errors[0].card.as_deref(), Some("c"));
    assert!(
        errors[0].message.contains("prompt has 1048576 characters"),
        "{}",
        errors[0]
    );
    assert!(
        errors[0]
            .message
            .contains(&format!("limit is {MAX_TEXT_CHARS}")),
        "{}",
        errors[0]
    );
    let long_answer = "y".repeat(MAX_ANSWER_CHARS + 1);
    let errors = refused(&one_card_deck("Q?", &long_answer));
    assert!(
        errors[0]
            .message
            .contains(&format!("limit is {MAX_ANSWER_CHARS}")),
        "{}",
        errors[0]
    );
}

#[test]
fn control_characters_are_refused_and_right_to_left_text_is_kept() {
    let errors = refused(&one_card_deck("Ring \\u{7} the bell?", "yes"));
    assert!(
        errors[0].message.contains("control character U+0007"),
        "{}",
        errors[0]
    );
    let rtl = "من أصدر الأمر؟ \u{202B}Who gave the order?\u{202C}";
    let deck = load_deck(&one_card_deck(rtl, "Токаев"), "rtl.ron").unwrap();
    assert_eq!(deck.cards[0].prompt, rtl);
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let deep = 10_000;
    let texts = [
        "(".repeat(deep),
        "[".repeat(deep),
        "{".repeat(deep),
        format!("Deck(id: \"d\", title: \"t\", cards: {}", "[".repeat(deep)),
        format!(
            "Deck(id: \"d\", title: \"t\", description: {}",
            "(".repeat(deep)
        ),
        one_card_deck("q", "a").replace(
            "Phrase([\"a\"])",
            &format!("Number(value: {})", "(".repeat(deep)),
        ),
        one_card_deck("q", "a").replace(
            "Phrase([\"a\"])",
            &format!("Number(value: {})", "[".repeat(deep)),
        ),
        one_card_deck("q", "a")
            .replace("Phrase([\"a\"])", &format!("Phrase({})", "[".repeat(deep))),
        format!(
            "Deck(id: \"d\", title: \"t\", sources: [(id: \"s\", title: \"S\", published: \"2022\", date_known: Inferred({}",
            "(".repeat(deep)
        ),
    ];
    for text in texts {
        let errors = refused(&text);
        assert!(!errors[0].message.is_empty());
    }
}
