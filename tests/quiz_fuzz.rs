//! No string makes the answer readers or the checker panic: numbers, dates, folding, and
//! checking a typed answer, a choice, an order or attributions against every kind of card.

use std::sync::OnceLock;

use factquiz::deck::{Answer, Card, Deck, Library, Verdict};
use factquiz::quiz::{Grade, Mode, Outcome, Question, QuizIndex, Response, check};
use factquiz::text::date::parse_date;
use factquiz::text::fold::{distance, fold, letter_count, normalize};
use factquiz::text::number::{format_number, parse_number};
use proptest::prelude::*;
use proptest::sample::select;

struct Env {
    lib: Library,
    /// The library's decks with every card read.
    decks: Vec<Deck>,
    ix: QuizIndex,
}

fn env() -> &'static Env {
    static ENV: OnceLock<Env> = OnceLock::new();
    ENV.get_or_init(|| {
        let lib = Library::builtin();
        assert!(
            lib.errors.is_empty(),
            "built-in decks fail: {:?}",
            lib.errors
        );
        let ix = QuizIndex::build(&lib).unwrap();
        let decks = lib.decks.iter().map(|d| d.deck.whole().unwrap()).collect();
        Env { lib, decks, ix }
    })
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Any string of any code points: controls, combining marks, surrogates' neighbours, emoji.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::collection::vec(any::<char>(), 0..48).prop_map(String::from_iter),
        tricky_text(),
    ]
}

/// Text built from the pieces the readers look for, so that the deeper paths run.
fn tricky_text() -> impl Strategy<Value = String> {
    const PIECES: &[&str] = &[
        "0",
        "5",
        "20",
        "000",
        "2022",
        "99999999999999999999999999",
        "1e400",
        ",",
        ".",
        "/",
        "-",
        "–",
        " ",
        "\u{a0}",
        "\u{202f}",
        "k",
        "m",
        "b",
        "bn",
        "thousand",
        "hundred",
        "million",
        "a",
        "and",
        "twenty",
        "dozen",
        "about ",
        "more than ",
        "c.",
        "~",
        "to ",
        "or ",
        "$",
        "£",
        "%",
        "January",
        "jan.",
        "sept",
        "may",
        "5th",
        "of",
        "the ",
        "Toqaev",
        "Токаев",
        "Nazarbaev",
        "Abish",
        "dzh",
        "kh",
        "y",
        "'",
        "ß",
        "İ",
        "ǅ",
        "١٢",
        "Ⅻ",
        "½",
        "🙂",
        "\u{301}",
        "\0",
    ];
    prop::collection::vec(select(PIECES), 0..12).prop_map(|v| v.concat())
}

/// The cards whose answer is of one type.
fn cards_where(pred: fn(&Answer) -> bool) -> Vec<(&'static Deck, &'static Card)> {
    let e = env();
    let v: Vec<_> = e
        .decks
        .iter()
        .flat_map(|d| d.cards.iter().map(move |c| (d, c)))
        .filter(|(_, c)| pred(&c.answer))
        .collect();
    assert!(!v.is_empty());
    v
}

fn assert_sane(o: &Outcome) {
    assert!((0.0..=1.0).contains(&o.credit), "{o:?}");
    if o.correct {
        assert_eq!(o.credit, 1.0, "{o:?}");
        assert!(o.matched.is_some(), "{o:?}");
        assert!(matches!(o.suggested, Grade::Good | Grade::Hard), "{o:?}");
    } else {
        assert!(o.matched.is_none(), "{o:?}");
        assert!(matches!(o.suggested, Grade::Again | Grade::Hard), "{o:?}");
    }
}

/// Checks arbitrary responses of every shape against a card; returns the typed outcome.
fn check_all_shapes(deck: &Deck, card: &Card, text: &str, seed: u64, n: usize) -> Outcome {
    let e = env();
    let typed = Question::typed(deck, card);
    let o = check(
        &e.lib,
        &e.ix,
        deck,
        card,
        &typed,
        &Response::Text(text.into()),
    )
    .unwrap();
    assert_sane(&o);
    let q = Question::make(&e.ix, deck, card, Mode::Choice, seed).unwrap();
    for r in [
        Response::Choice(n),
        Response::Choice(n % 5),
        Response::Order(vec![n, n.wrapping_add(1), 0]),
        Response::Order(vec![usize::MAX, 0, 1, 2]),
        Response::Sources(vec![text.to_string(); n % 4]),
        Response::Verdict(Verdict::ALL[n % 4]),
    ] {
        assert_sane(&check(&e.lib, &e.ix, deck, card, &q, &r).unwrap());
    }
    o
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn parse_number_never_panics(s in any_text()) {
        if let Some(r) = parse_number(&s) {
            let _ = format_number(r.value);
            if let Some(h) = r.high {
                let _ = format_number(h);
            }
        }
    }

    #[test]
    fn parse_date_never_panics_and_reads_only_real_dates(s in any_text()) {
        if let Some(r) = parse_date(&s) {
            if let Some(m) = r.month {
                prop_assert!((1..=12).contains(&m), "{s:?}: {r:?}");
            }
            if let Some(d) = r.day {
                prop_assert!(r.month.is_some() && (1..=31).contains(&d), "{s:?}: {r:?}");
            }
            prop_assert!(r.year.is_some() || r.month.is_some(), "{s:?}: {r:?}");
        }
    }

    #[test]
    fn folding_never_panics_and_ignores_ascii_case(s in any_text()) {
        let n = normalize(&s);
        prop_assert!(
            n.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == ' '),
            "{s:?} -> {n:?}"
        );
        prop_assert!(!n.starts_with(' ') && !n.ends_with(' ') && !n.contains("  "), "{n:?}");
        let f = fold(&s);
        prop_assert!(f.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == ' '));
        let swapped: String = s
            .chars()
            .map(|c| if c.is_ascii_lowercase() { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() })
            .collect();
        prop_assert_eq!(fold(&swapped), f.clone());
        let _ = letter_count(&s);
        let _ = distance(&f, "tokaev");
    }

    #[test]
    fn names_never_panic(s in any_text(), i in any::<prop::sample::Index>(), seed in any::<u64>(), n in any::<usize>()) {
        let cards = cards_where(|a| matches!(a, Answer::Name(_)));
        let (deck, card) = cards[i.index(cards.len())];
        check_all_shapes(deck, card, &s, seed, n);
    }

    #[test]
    fn phrases_never_panic(s in any_text(), i in any::<prop::sample::Index>(), seed in any::<u64>(), n in any::<usize>()) {
        let cards = cards_where(|a| matches!(a, Answer::Phrase(_)));
        let (deck, card) = cards[i.index(cards.len())];
        check_all_shapes(deck, card, &s, seed, n);
    }

    #[test]
    fn numbers_never_panic(s in any_text(), i in any::<prop::sample::Index>(), seed in any::<u64>(), n in any::<usize>()) {
        let cards = cards_where(|a| matches!(a, Answer::Number(_)));
        let (deck, card) = cards[i.index(cards.len())];
        check_all_shapes(deck, card, &s, seed, n);
    }

    #[test]
    fn dates_never_panic(s in any_text(), i in any::<prop::sample::Index>(), seed in any::<u64>(), n in any::<usize>()) {
        let cards = cards_where(|a| matches!(a, Answer::Date(_)));
        let (deck, card) = cards[i.index(cards.len())];
        check_all_shapes(deck, card, &s, seed, n);
    }

    #[test]
    fn verdicts_orders_and_attributions_never_panic(
        s in any_text(),
        i in any::<prop::sample::Index>(),
        seed in any::<u64>(),
        n in any::<usize>(),
        order in prop::collection::vec(any::<usize>(), 0..8),
        small in prop::collection::vec(0usize..7, 0..8),
        sources in prop::collection::vec(any_text(), 0..8),
    ) {
        let cards = cards_where(|a| matches!(a, Answer::Verdict(_) | Answer::Order(_) | Answer::SourceSaid(_)));
        let (deck, card) = cards[i.index(cards.len())];
        check_all_shapes(deck, card, &s, seed, n);
        let e = env();
        let q = Question::make(&e.ix, deck, card, Mode::Order, seed).unwrap();
        for r in [Response::Order(order), Response::Order(small), Response::Sources(sources)] {
            assert_sane(&check(&e.lib, &e.ix, deck, card, &q, &r).unwrap());
        }
    }

    /// A right name with one stray character anywhere: never a panic, and when it is taken,
    /// it is taken as that name with at most the typos its length allows.
    #[test]
    fn a_name_with_a_stray_character_never_panics(
        i in any::<prop::sample::Index>(),
        v in any::<prop::sample::Index>(),
        at in any::<prop::sample::Index>(),
        c in any::<char>(),
    ) {
        let cards = cards_where(|a| matches!(a, Answer::Name(_) | Answer::Phrase(_)));
        let (deck, card) = cards[i.index(cards.len())];
        let (Answer::Name(variants) | Answer::Phrase(variants)) = &card.answer else {
            unreachable!()
        };
        let word = &variants[v.index(variants.len())];
        let chars: Vec<char> = word.chars().collect();
        let pos = at.index(chars.len() + 1);
        let mut typed: String = chars[..pos].iter().collect();
        typed.push(c);
        typed.extend(&chars[pos..]);
        let o = check_all_shapes(deck, card, &typed, 0, 0);
        if let Some(factquiz::quiz::Match::Typo(_, d)) = &o.matched {
            prop_assert!(*d <= 2, "{typed:?}: {o:?}");
            prop_assert_eq!(o.suggested, Grade::Hard);
        }
    }
}
