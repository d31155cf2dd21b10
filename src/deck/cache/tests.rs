//! Tests of the deck cache (`deck/cache/`): a copy is used only for its very text, its cards
//! and search texts read back as the file's, reading never writes, and the copies follow the
//! deck folder. Damage is in `tests_damage.rs`.

use std::path::{Path, PathBuf};

use super::refresh::write_copies;
use super::*;
use crate::deck::cards::search_text;
use crate::deck::library::{BUILTIN_DECKS, Library};
use crate::deck::load::load_deck;
use crate::deck::{CardReadError, Text};

/// Writes a user's deck (built-in deck `n` under another id) as `decks/<name>.ron`; its text.
pub(super) fn user_deck(data: &Path, n: usize, name: &str) -> String {
    let decks = data.join("decks");
    std::fs::create_dir_all(&decks).unwrap();
    let (_, text) = BUILTIN_DECKS[n];
    let text = text.replacen("id: \"", &format!("id: \"{name}-"), 1);
    std::fs::write(decks.join(format!("{name}.ron")), &text).unwrap();
    text
}

/// A data folder with one user's deck ("mine", 50 cards), its copy written; the deck's text.
pub(super) fn copied_deck(data: &Path) -> String {
    let text = user_deck(data, 1, "mine");
    write_copies(data);
    assert!(cache_path(data).exists(), "the cache is written");
    text
}

pub(super) fn cache_path(data: &Path) -> PathBuf {
    cache_file(&data.join("decks")).unwrap()
}

pub(super) fn load(data: &Path) -> Library {
    Library::load(Some(&data.join("decks")), &[])
}

/// How many of a library's decks read their cards from the cache.
fn from_cache(lib: &Library) -> usize {
    lib.decks
        .iter()
        .filter(|d| d.deck.cards.from_cache())
        .count()
}

pub(super) fn mine(lib: &Library) -> &crate::deck::LoadedDeck {
    lib.decks
        .iter()
        .find(|d| d.deck.id.starts_with("mine-"))
        .unwrap()
}

#[test]
fn a_decks_copy_is_read_only_for_its_very_text() {
    let data = tempfile::tempdir().unwrap();
    let text = copied_deck(data.path());
    // A copy whose title differs shows whether the copy or the file was read.
    let mut deck = load_deck(&text, "mine.ron").unwrap();
    deck.title = "From the copy".into();
    let mut db = DeckCache::open_for_writing(&cache_path(data.path()), FORMAT, false).unwrap();
    refresh::put(&mut db, hash::text_key(&text), &deck).unwrap();
    drop(db);
    let lib = load(data.path());
    assert_eq!(mine(&lib).deck.title, "From the copy");
    assert!(mine(&lib).deck.cards.from_cache());
    // One character more in the file, and the copy is not used.
    let path = data.path().join("decks/mine.ron");
    std::fs::write(&path, format!("{text} ")).unwrap();
    let lib = load(data.path());
    assert_ne!(mine(&lib).deck.title, "From the copy");
    assert!(!mine(&lib).deck.cards.from_cache());
    assert!(lib.errors.is_empty(), "{:?}", lib.errors);
}

#[test]
fn cards_read_from_the_copy_are_the_cards_of_the_file() {
    let data = tempfile::tempdir().unwrap();
    let text = copied_deck(data.path());
    let parsed = load_deck(&text, "mine.ron").unwrap();
    let lib = load(data.path());
    let d = &mine(&lib).deck;
    assert!(d.cards.from_cache(), "the cards stay in the cache");
    assert_eq!(d.cards.len(), parsed.cards.len());
    assert!(
        d.cards.len() > 2 * SEARCH_RUN,
        "several runs of search texts"
    );
    assert_eq!(d.claims.to_vec().as_ref(), Ok(&parsed.claims));
    for (i, claim) in parsed.claims.iter().enumerate() {
        assert_eq!(d.claims.get(i).as_deref(), Ok(claim), "{}", claim.id);
        assert_eq!(
            d.claims.head(i).map(|h| (&h.id, h.status)),
            Some((&claim.id, claim.status))
        );
        assert_eq!(d.claims.position(&claim.id), Some(i));
    }
    assert!(matches!(
        d.claims.get(parsed.claims.len()),
        Err(CardReadError::NoSuchClaim { .. })
    ));
    for (i, card) in parsed.cards.iter().enumerate() {
        assert_eq!(d.cards.get(i).as_deref(), Ok(card), "{}", card.id);
        let head = d.cards.head(i).unwrap();
        assert_eq!((head.id.as_str(), head.kind), (card.id.as_str(), card.kind));
        let claim = head
            .claim()
            .map(|c| d.claims.heads()[c as usize].id.as_str());
        assert_eq!(claim, card.claim.as_deref());
        let topics: Vec<&Text> = d.cards.topics(i).collect();
        assert_eq!(topics, card.topics.iter().collect::<Vec<_>>());
        assert_eq!(d.cards.position(&card.id), Some(i));
    }
    // Asked again (and out of order), the same cards: from those kept or read again.
    for i in (0..parsed.cards.len()).rev() {
        assert_eq!(d.cards.get(i).as_deref(), Ok(&parsed.cards[i]));
    }
    let n = parsed.cards.len();
    let past = d.cards.get(n).unwrap_err();
    assert_eq!(past, CardReadError::NoSuchCard { index: n, len: n });
    assert_eq!(d.cards.to_vec().unwrap(), parsed.cards);
    assert_eq!(d.whole().unwrap(), parsed);
    let expected: Vec<(usize, String)> = parsed
        .cards
        .iter()
        .enumerate()
        .map(|(i, c)| (i, search_text(&parsed, c)))
        .collect();
    assert_eq!(search_texts(d), expected);
    // The same deck from its own file, cards in memory, says the same.
    let named = Library::from_files(&[data.path().join("decks/mine.ron")]);
    let m = &mine(&named).deck;
    assert!(!m.cards.from_cache());
    assert_eq!(search_texts(m), expected);
}

pub(super) fn search_texts(d: &Deck<Cards, Claims>) -> Vec<(usize, String)> {
    let mut texts = Vec::new();
    d.cards
        .for_each_search_text(d, |i, t| texts.push((i, t.to_string())))
        .unwrap();
    texts
}

#[test]
fn reading_the_decks_never_writes_to_the_data_folder() {
    let data = tempfile::tempdir().unwrap();
    user_deck(data.path(), 1, "mine");
    // No cache: loading makes none.
    let lib = load(data.path());
    assert!(!mine(&lib).deck.cards.from_cache());
    assert!(!data.path().join("cache").exists());
    // With one, loading and reading every card leave it byte for byte, with no journal.
    write_copies(data.path());
    let before = std::fs::read(cache_path(data.path())).unwrap();
    let lib = load(data.path());
    mine(&lib).deck.cards.for_each(|_, _| {}).unwrap();
    let mut names: Vec<_> = std::fs::read_dir(data.path().join("cache"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    assert_eq!(names, ["decks.sqlite3"]);
    assert_eq!(std::fs::read(cache_path(data.path())).unwrap(), before);
}

#[test]
fn the_copies_follow_the_deck_folder() {
    let data = tempfile::tempdir().unwrap();
    user_deck(data.path(), 0, "first");
    user_deck(data.path(), 1, "mine");
    // The JSON copies of earlier versions of factquiz are removed.
    let old = data.path().join("cache/decks");
    std::fs::create_dir_all(&old).unwrap();
    std::fs::write(old.join("0123456789abcdef.json"), "{}").unwrap();
    write_copies(data.path());
    assert!(!old.exists());
    let lib = load(data.path());
    assert_eq!(from_cache(&lib), 2);
    // A deck file removed: its copy is dropped; one edited: written again.
    std::fs::remove_file(data.path().join("decks/first.ron")).unwrap();
    let text = std::fs::read_to_string(data.path().join("decks/mine.ron")).unwrap();
    let edited = text.replacen("title: \"", "title: \"Edited ", 1);
    std::fs::write(data.path().join("decks/mine.ron"), &edited).unwrap();
    write_copies(data.path());
    let db = DeckCache::open_read_only(&cache_path(data.path()), FORMAT).unwrap();
    assert_eq!(db.deck_keys().unwrap(), [hash::text_key(&edited)]);
    drop(db);
    let lib = load(data.path());
    assert!(mine(&lib).deck.cards.from_cache());
    assert!(mine(&lib).deck.title.starts_with("Edited "));
}

#[test]
fn the_apps_pass_drops_the_copy_of_a_deck_file_removed_since_the_last() {
    let data = tempfile::tempdir().unwrap();
    user_deck(data.path(), 0, "first");
    let text = user_deck(data.path(), 1, "mine");
    write_copies(data.path());
    std::fs::remove_file(data.path().join("decks/first.ron")).unwrap();
    // Every deck of the library is read from the cache, but the cache holds one more.
    let lib = load(data.path());
    assert_eq!(from_cache(&lib), 1);
    refresh::write_copies_but(data.path(), refresh::read_from_cache(&lib));
    let db = DeckCache::open_read_only(&cache_path(data.path()), FORMAT).unwrap();
    assert_eq!(db.deck_keys().unwrap(), [hash::text_key(&text)]);
}
