//! Answer checking against the built-in decks: every accepted wording of every card is taken,
//! the answers of other cards of the same kind are not (unless they are the same answer), and
//! tables of tricky names, numbers and dates, with the grade and the feedback a user would see.

use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::Duration;

use factquiz::deck::{Answer, Card, CardKind, Deck, DeckOrigin, Library, PartialDate};
use factquiz::quiz::check::{SLOW_CHOICE, SLOW_TYPED, adjust_for_time};
use factquiz::quiz::{Grade, Match, Outcome, Question, QuizIndex, Response, check};
use factquiz::text::fold::fold;

#[path = "quiz_checking/feedback.rs"]
mod feedback;
#[path = "quiz_checking/forms.rs"]
mod forms;
#[path = "quiz_checking/names.rs"]
mod names;
#[path = "quiz_checking/numbers_dates.rs"]
mod numbers_dates;
#[path = "quiz_checking/properties.rs"]
mod properties;

struct Env {
    lib: Library,
    ix: QuizIndex,
    /// The library's decks with every card read.
    decks: Vec<Deck>,
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
        Env { lib, ix, decks }
    })
}

fn find<'a>(e: &'a Env, deck: &str, card: &str) -> (&'a Deck, &'a Card) {
    let d = e
        .decks
        .iter()
        .find(|d| d.id == deck)
        .unwrap_or_else(|| panic!("no deck {deck}"));
    let c = d
        .card(card)
        .unwrap_or_else(|| panic!("no card {card} in {deck}"));
    (d, c)
}

fn cards(e: &Env) -> impl Iterator<Item = (&Deck, &Card)> {
    e.decks
        .iter()
        .flat_map(|d| d.cards.iter().map(move |c| (d, c)))
}

fn respond_in(e: &Env, deck: &Deck, card: &Card, response: Response) -> Outcome {
    let q = Question::typed(deck, card);
    let o = check(&e.lib, &e.ix, deck, card, &q, &response).unwrap();
    assert_consistent(&o, &format!("{}/{} {response:?}", deck.id, card.id));
    o
}

fn answer(deck: &str, card: &str, text: &str) -> Outcome {
    let e = env();
    let (d, c) = find(e, deck, card);
    respond_in(e, d, c, Response::Text(text.into()))
}

/// What every outcome must hold, whatever the answer: the grade follows from the verdict.
fn assert_consistent(o: &Outcome, what: &str) {
    if o.correct {
        assert_eq!(o.credit, 1.0, "{what}: {o:?}");
        assert!(o.matched.is_some(), "{what}: {o:?}");
        // A typo, or a doubt a careful examiner would have, makes it Hard; never silently Good.
        let want = if o.with_typo() || o.doubt.is_some() {
            Grade::Hard
        } else {
            Grade::Good
        };
        assert_eq!(o.suggested, want, "{what}: {o:?}");
        if let Some(doubt) = &o.doubt {
            assert!(
                o.reading.contains(doubt.as_str()),
                "{what}: the doubt is told: {o:?}"
            );
        }
    } else {
        assert!(o.doubt.is_none(), "{what}: {o:?}");
        assert!(o.matched.is_none(), "{what}: {o:?}");
        assert!(o.credit < 1.0, "{what}: {o:?}");
        assert!(
            matches!(o.suggested, Grade::Again | Grade::Hard),
            "{what}: {o:?}"
        );
        if o.credit == 0.0 {
            assert_eq!(o.suggested, Grade::Again, "{what}: {o:?}");
        }
    }
    assert!(!o.expected.is_empty(), "{what}: no expected answer shown");
    assert!(!o.reading.is_empty(), "{what}: no reading shown");
}

/// What a table row expects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Want {
    /// One of the card's wordings, up to case, accents, punctuation and spacing.
    Exact,
    /// A wording once transliteration variants are folded.
    Folded,
    /// The surname alone.
    Surname,
    /// Initials that fit the name and no one else's.
    Initials,
    /// Accepted, but a careful examiner would be unsure: Hard, and the reading says why.
    Unsure,
    /// Accepted with this many typos, graded Hard.
    Typo(usize),
    Number,
    Date,
    Wrong,
}

fn got(o: &Outcome) -> Want {
    match &o.matched {
        _ if !o.correct => Want::Wrong,
        _ if o.doubt.is_some() => Want::Unsure,
        Some(Match::Variant(_)) => Want::Exact,
        Some(Match::Folded(_)) => Want::Folded,
        Some(Match::Surname(_)) => Want::Surname,
        Some(Match::Initials(_)) => Want::Initials,
        Some(Match::Typo(_, d)) => Want::Typo(*d),
        Some(Match::Number) => Want::Number,
        Some(Match::Date) => Want::Date,
        Some(Match::Exact) | None => Want::Exact,
    }
}

/// Runs a table against one card; every failing row is listed, not just the first.
fn table(deck: &str, card: &str, rows: &[(&str, Want)]) {
    let mut failures = Vec::new();
    for &(input, want) in rows {
        let o = answer(deck, card, input);
        let typo_shown = o.suggested == Grade::Hard && o.reading.contains("accepted with a typo");
        if got(&o) != want || (matches!(want, Want::Typo(_)) && !typo_shown) {
            failures.push(format!(
                "  {input:?}: want {want:?}, got {:?} ({}, {:?})",
                got(&o),
                o.reading,
                o.suggested
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{deck}/{card}:\n{}",
        failures.join("\n")
    );
}
