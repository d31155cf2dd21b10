//! Tests of a damaged deck cache: a file that is not a database or is cut short, a file of
//! another format version, a head row, a card row or a claim row cut short, a run of search
//! texts gone.
//! None is trusted or fatal: the deck loads from its file, or a read says what failed; and the
//! app's next pass writes the copies again.

use std::path::Path;

use super::refresh::{Known, read_from_cache, write_copies, write_copies_but};
use super::tests::{cache_path, copied_deck, load, mine, search_texts};
use super::*;
use crate::deck::CardReadError;
use crate::deck::library::Library;
use crate::deck::load::load_deck;

/// Loads the decks and checks that "mine" is read from its file, whole, with no error shown.
fn loads_from_its_file(data: &Path, text: &str) {
    let lib = load(data);
    assert!(lib.errors.is_empty(), "{:?}", lib.errors);
    let d = &mine(&lib).deck;
    assert!(!d.cards.from_cache(), "the copy is not trusted");
    assert_eq!(d.whole().unwrap(), load_deck(text, "mine.ron").unwrap());
}

/// Checks that "mine" is read from the cache again, whole.
fn loads_from_the_cache(data: &Path, text: &str) {
    let lib = load(data);
    let d = &mine(&lib).deck;
    assert!(d.cards.from_cache(), "the copy is written again");
    assert_eq!(d.whole().unwrap(), load_deck(text, "mine.ron").unwrap());
}

/// Checks that "mine" is not read from the cache as it is, and that a pass writes its copy
/// again.
fn untrusted_then_written_again(data: &Path, text: &str) {
    loads_from_its_file(data, text);
    write_copies(data);
    loads_from_the_cache(data, text);
}

/// The cache opened to damage it, and the row number of "mine".
fn opened(data: &Path, text: &str) -> (DeckCache, i64) {
    let db = DeckCache::open_for_writing(&cache_path(data), FORMAT, false).unwrap();
    let row = db.deck_row(hash::text_key(text)).unwrap().unwrap().row;
    (db, row)
}

#[test]
fn a_cache_file_that_is_not_a_database_is_not_trusted_and_is_written_again() {
    let data = tempfile::tempdir().unwrap();
    let text = copied_deck(data.path());
    let len = std::fs::metadata(cache_path(data.path())).unwrap().len() as usize;
    for bytes in [b"not a database, just some text".repeat(200), vec![0; len]] {
        std::fs::write(cache_path(data.path()), &bytes).unwrap();
        untrusted_then_written_again(data.path(), &text);
    }
}

#[test]
fn a_cache_file_damaged_inside_is_not_trusted_and_is_written_again() {
    let data = tempfile::tempdir().unwrap();
    let text = copied_deck(data.path());
    let whole = std::fs::read(cache_path(data.path())).unwrap();
    let n = whole.len();
    // Cut in half: the deck's head is cut too, and the deck loads from its file. Its last
    // pages (the last cards, claims and search texts) written over: the head is read, and
    // going through the cards, claims or search texts finds the damage (SQLite reports it for the whole file, or the rows
    // read are not whole cards in order), and the copy is no longer taken as current.
    let mut scribbled = whole.clone();
    scribbled[n - n / 4..].fill(0xa5);
    for (bytes, head_read) in [(whole[..n / 2].to_vec(), false), (scribbled, true)] {
        std::fs::write(cache_path(data.path()), &bytes).unwrap();
        let lib = load(data.path());
        assert!(lib.errors.is_empty(), "{:?}", lib.errors);
        let d = &mine(&lib).deck;
        assert_eq!(d.cards.from_cache(), head_read);
        if head_read {
            let cards = d.cards.for_each(|_, _| {}).is_err();
            let claims = d.claims.for_each(|_, _| {}).is_err();
            let search = d.cards.for_each_search_text(d, |_, _| {}).is_err();
            assert!(cards || claims || search);
            let known = read_from_cache(&lib);
            assert!(!known.damage.is_empty() && known.current.is_empty());
            write_copies_but(data.path(), known);
        } else {
            loads_from_its_file(data.path(), &text);
            write_copies(data.path());
        }
        loads_from_the_cache(data.path(), &text);
    }
}

#[test]
fn a_cache_of_another_format_is_not_trusted_and_is_written_again() {
    let data = tempfile::tempdir().unwrap();
    let text = copied_deck(data.path());
    // Another version's cache, with a copy of this very text that says it was read.
    let path = cache_path(data.path());
    let mut deck = load_deck(&text, "mine.ron").unwrap();
    deck.title = "From the copy".into();
    for other in [FORMAT + 1, FORMAT - 1] {
        let mut db = DeckCache::open_for_writing(&path, other, true).unwrap();
        refresh::put(&mut db, hash::text_key(&text), &deck).unwrap();
        drop(db);
        assert!(DeckCache::open_read_only(&path, other).is_ok());
        untrusted_then_written_again(data.path(), &text);
        assert_ne!(mine(&load(data.path())).deck.title, "From the copy");
    }
}

#[test]
fn a_head_row_cut_short_is_not_trusted_and_is_written_again() {
    let data = tempfile::tempdir().unwrap();
    let text = copied_deck(data.path());
    let (db, row) = opened(data.path(), &text);
    db.cut_head(row, 100).unwrap();
    drop(db);
    untrusted_then_written_again(data.path(), &text);
}

#[test]
fn a_card_row_cut_short_is_an_error_until_the_copy_is_written_again() {
    let data = tempfile::tempdir().unwrap();
    let text = copied_deck(data.path());
    let parsed = load_deck(&text, "mine.ron").unwrap();
    let (db, row) = opened(data.path(), &text);
    db.cut_card(row, 3, 20).unwrap();
    drop(db);
    let lib = load(data.path());
    let d = &mine(&lib).deck;
    assert!(d.cards.from_cache());
    // That card cannot be read, and says which and where; the others can.
    match d.cards.get(3) {
        Err(CardReadError::Damaged { file, index, .. }) => {
            assert_eq!(index, 3);
            assert!(file.ends_with("mine.ron"), "{file}");
        }
        other => panic!("{other:?}"),
    }
    assert!(d.cards.get(3).is_err(), "asked again, still an error");
    assert_eq!(d.cards.get(4).as_deref(), Ok(&parsed.cards[4]));
    assert!(d.cards.for_each(|_, _| {}).is_err());
    assert!(d.whole().is_err());
    // The app's next pass writes the copy again, and the library that found the damage reads
    // the card from it.
    refresh_now(data.path(), &lib);
    assert_eq!(d.cards.get(3).as_deref(), Ok(&parsed.cards[3]));
    assert_eq!(d.whole().unwrap(), parsed);
    loads_from_the_cache(data.path(), &text);
}

#[test]
fn a_claim_row_cut_short_is_an_error_until_the_copy_is_written_again() {
    let data = tempfile::tempdir().unwrap();
    let text = copied_deck(data.path());
    let parsed = load_deck(&text, "mine.ron").unwrap();
    assert!(parsed.claims.len() > 2, "the deck has claims");
    let (db, row) = opened(data.path(), &text);
    db.cut_claim(row, 1, 20).unwrap();
    drop(db);
    let lib = load(data.path());
    let d = &mine(&lib).deck;
    // Its id and status are in the head; the whole claim cannot be read, and says so.
    assert_eq!(d.claims.head(1).map(|h| &h.id), Some(&parsed.claims[1].id));
    match d.claims.get(1) {
        Err(CardReadError::Damaged {
            what, file, index, ..
        }) => {
            assert_eq!((what, index), ("claim", 1));
            assert!(file.ends_with("mine.ron"), "{file}");
        }
        other => panic!("{other:?}"),
    }
    let card = parsed
        .cards
        .iter()
        .find(|c| c.claim.as_deref() == Some(parsed.claims[1].id.as_str()))
        .expect("a card about that claim");
    assert!(
        crate::deck::fact::claim_of(d, card).is_err(),
        "never taken for no claim"
    );
    assert_eq!(d.claims.get(0).as_deref(), Ok(&parsed.claims[0]));
    assert!(d.whole().is_err());
    refresh_now(data.path(), &lib);
    assert_eq!(d.claims.get(1).as_deref(), Ok(&parsed.claims[1]));
    assert_eq!(d.whole().unwrap(), parsed);
    loads_from_the_cache(data.path(), &text);
}

#[test]
fn a_run_of_search_texts_gone_is_an_error_until_the_copy_is_written_again() {
    let data = tempfile::tempdir().unwrap();
    let text = copied_deck(data.path());
    let (db, row) = opened(data.path(), &text);
    db.drop_search_texts(row, SEARCH_RUN as u32).unwrap();
    drop(db);
    let lib = load(data.path());
    let d = &mine(&lib).deck;
    let mut seen = 0;
    let read = d.cards.for_each_search_text(d, |_, _| seen += 1);
    assert!(
        matches!(read, Err(CardReadError::Damaged { index, .. }) if index == SEARCH_RUN),
        "{read:?}"
    );
    assert_eq!(seen, SEARCH_RUN, "the texts before the gap are passed on");
    refresh_now(data.path(), &lib);
    assert_eq!(search_texts(d).len(), d.cards.len());
}

/// The pass the app makes when the library reports damage (`cache_refresh`, on this thread).
fn refresh_now(data: &Path, lib: &Library) {
    let known = read_from_cache(lib);
    assert!(!known.damage.is_empty(), "the damage is reported");
    write_copies_but(data, known);
}

#[test]
fn a_row_number_given_again_in_a_new_file_is_never_taken_for_another_deck() {
    let data = tempfile::tempdir().unwrap();
    let first = super::tests::user_deck(data.path(), 0, "first");
    let text = super::tests::user_deck(data.path(), 1, "mine");
    write_copies(data.path());
    let lib = load(data.path());
    let of = |id: &str| {
        lib.decks
            .iter()
            .find(|d| d.deck.id.starts_with(id))
            .unwrap()
    };
    assert!(of("first-").deck.cards.from_cache());
    // The first deck's file is gone, and the cache is started again: "mine" now has the row
    // number "first" had. The reader is given a connection to the new file (its own still
    // reads the old one, which is gone from the folder).
    std::fs::remove_file(data.path().join("decks/first.ron")).unwrap();
    let damage = Damage {
        file: true,
        ..Damage::default()
    };
    let known = Known {
        damage,
        ..Known::default()
    };
    write_copies_but(data.path(), known);
    let reader = of("first-").deck.cards.cached().unwrap().origin().2;
    *reader.db.lock().unwrap() =
        DeckCache::open_read_only(&cache_path(data.path()), FORMAT).unwrap();
    let read = of("first-").deck.cards.get(0);
    assert!(
        matches!(read, Err(CardReadError::Damaged { .. })),
        "{read:?}"
    );
    // "mine" is found at its new row.
    let parsed = load_deck(&text, "mine.ron").unwrap();
    assert_eq!(mine(&lib).deck.whole().unwrap(), parsed);
    assert_ne!(first, text);
}
