//! History imported from Anki on one machine is history of the collection like any other: its
//! reviews go into the journal and reach the other machine, which holds the same states for the
//! imported cards (both replay the reviews), the imported decks (they are the user's decks),
//! and the cards the package had suspended or buried.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::anki::{T0, package};
use common::{DAY, clock};
use factquiz::interop::{Options, read};
use factquiz::quiz::{Grade, Mode, Response};
use factquiz::schedule::CardState;
use factquiz::schedule::queue::Slot;
use factquiz::study::Collection;

fn open(dir: &Path) -> Collection {
    let mut c = Collection::open(dir, &[]).unwrap();
    assert!(c.read_only().is_none(), "{:?}", c.read_only());
    c.set_clock(Some(clock(T0 + 30 * DAY)));
    c
}

/// The reviews of the imported decks: (card, time, grade, mode).
fn imported_reviews(c: &Collection) -> Vec<(String, i64, u8, String)> {
    let mut v: Vec<_> = c
        .store()
        .all_reviews()
        .unwrap()
        .into_iter()
        .filter(|r| r.deck_id.starts_with("anki-"))
        .map(|r| (r.card_id, r.time_ms, r.grade, r.mode.to_string()))
        .collect();
    v.sort();
    v
}

/// The states of the imported decks' cards, stored and as the collection holds them.
fn imported_states(c: &Collection) -> BTreeMap<(String, String), CardState> {
    let stored: BTreeMap<_, _> = c
        .store()
        .all_states()
        .unwrap()
        .into_iter()
        .filter(|((deck, _), _)| deck.starts_with("anki-"))
        .collect();
    for ((deck, card), s) in &stored {
        let slot = c
            .find(deck, card)
            .unwrap_or_else(|| panic!("{deck}/{card}"));
        assert_eq!(c.state(slot), Some(s), "{deck}/{card}: shown as stored");
    }
    stored
}

/// Answers the first card of built-in deck `deck` (wrong, Again), an hour after the clock.
fn answer_first_card(c: &mut Collection, deck: usize) {
    let slot = Slot { deck, card: 0 };
    let now = c.clock().now_ms + 3_600_000;
    c.set_clock(Some(clock(now)));
    let q = c.question(slot, Mode::Typed, 1).unwrap();
    let a = c
        .check_answer(slot, q, Response::Text("not the answer".into()), None, 0)
        .unwrap();
    c.record_answer(&a, Grade::Again).unwrap();
}

#[test]
fn an_anki_history_imported_on_one_machine_reaches_the_other() {
    let tmp = tempfile::tempdir().unwrap();
    let (a_dir, b_dir, folder) = (
        tmp.path().join("a"),
        tmp.path().join("b"),
        tmp.path().join("folder"),
    );
    std::fs::create_dir_all(&folder).unwrap();
    let apkg = tmp.path().join("kazakhstan.apkg");
    package(&apkg, "Astana", false);

    // Answers given here before and after the import share the journal's numbering with it.
    let mut a = open(&a_dir);
    answer_first_card(&mut a, 0);
    let foreign = read(&apkg, &Options::default(), &|_| {}).unwrap();
    let (done, _) = a.import_foreign(&foreign, true, &[]).unwrap();
    assert_eq!(done.history.reviews, 6);
    answer_first_card(&mut a, 1);
    let out = a.sync_now(Some(folder.clone())).unwrap().0;
    assert!(
        out.written >= 8,
        "the imported reviews are journaled: {out:?}"
    );

    let mut b = open(&b_dir);
    let out = b.sync_now(Some(folder.clone())).unwrap().0;
    assert_eq!(out.reviews_added, 8, "{out:?}");
    assert_eq!(
        b.store().all_reviews().unwrap().len(),
        a.store().all_reviews().unwrap().len()
    );
    assert!(
        out.decks.taken.iter().any(|(d, _)| d.starts_with("anki-")),
        "the imported decks came over: {:?}",
        out.decks
    );
    assert_eq!(imported_reviews(&b), imported_reviews(&a));
    assert_eq!(imported_reviews(&a).len(), 6);
    let (on_a, on_b) = (imported_states(&a), imported_states(&b));
    assert!(!on_a.is_empty());
    assert_eq!(on_b, on_a, "the same states on both machines");
    assert!(
        on_b.values().any(|s| s.suspended),
        "the card the package had suspended is suspended here too"
    );
    assert!(on_b.values().any(|s| s.buried_until_day != i64::MIN));

    // Both reopened: nothing moves, and the imported cards' learned facts agree once B has
    // given them the facts of the (same) decks (A's import set them; B fills them in from the
    // decks, as for any card answered before facts were kept).
    drop((a, b));
    let mut a = open(&a_dir);
    let mut b = open(&b_dir);
    a.fill_missing_facts().unwrap();
    b.fill_missing_facts().unwrap();
    assert_eq!(imported_states(&b), on_a);
    for (deck, card) in on_a.keys() {
        assert_eq!(
            a.store().learned_fact(deck, card).unwrap().map(|(f, _)| f),
            b.store().learned_fact(deck, card).unwrap().map(|(f, _)| f),
            "{deck}/{card}"
        );
        assert!(!b.fact_changed(b.find(deck, card).unwrap()));
    }
    // Another merge both ways brings nothing new.
    assert_eq!(a.sync_now(Some(folder.clone())).unwrap().0.reviews_added, 0);
    assert_eq!(b.sync_now(Some(folder.clone())).unwrap().0.reviews_added, 0);
    assert_eq!(imported_states(&a), imported_states(&b));
}
