//! Tests of the deck cache's file: what is put in comes back by deck and index (cards and
//! claims apart), a deck put
//! again gets a new row and leaves nothing of the old, and a file that is missing, damaged or
//! of another version is refused by readers and replaced by the writer.

use std::collections::HashSet;

use super::*;

const K1: DeckKey = DeckKey { len: 10, hash: 1 };
const K2: DeckKey = DeckKey {
    len: 20,
    hash: u64::MAX,
};

/// Puts a deck with these cards and, as its claims, the cards' texts in capitals.
fn put(db: &mut DeckCache, k: DeckKey, head: &str, cards: &[&str]) -> DeckRow {
    let bodies = cards.iter().map(|c| c.as_bytes());
    let upper: Vec<String> = cards.iter().map(|c| c.to_uppercase()).collect();
    let claims = upper.iter().map(|c| c.as_bytes());
    db.put_deck(k, head.as_bytes(), bodies, claims, [(0, "first\nsecond")])
        .unwrap()
}

impl DeckCache {
    fn card(&self, deck: DeckRow, index: u32) -> Result<Option<Vec<u8>>, StoreError> {
        self.body(Rows::Cards, deck, index)
    }

    fn cards(
        &self,
        deck: DeckRow,
        from: u32,
        max_bytes: usize,
        f: &mut dyn FnMut(u32, &[u8]),
    ) -> Result<Option<u32>, StoreError> {
        self.bodies(Rows::Cards, deck, from, max_bytes, f)
    }
}

#[test]
fn decks_cards_and_search_texts_come_back_by_deck_and_index() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cache/decks.sqlite3");
    let mut db = DeckCache::open_for_writing(&path, 7, false).unwrap();
    let one = put(&mut db, K1, "head one", &["a", "bb", "ccc"]);
    let two = put(&mut db, K2, "head two", &["d"]);
    drop(db);
    let db = DeckCache::open_read_only(&path, 7).unwrap();
    let found = db.deck(K2).unwrap().unwrap();
    assert_eq!((found.at, found.head.as_slice()), (two, &b"head two"[..]));
    assert_eq!(db.deck_row(K1).unwrap(), Some(one));
    assert!(db.deck(DeckKey { len: 10, hash: 2 }).unwrap().is_none());
    assert_eq!(db.card(one, 1).unwrap().as_deref(), Some(&b"bb"[..]));
    assert_eq!(db.card(one, 3).unwrap(), None);
    assert_eq!(db.card(two, 0).unwrap().as_deref(), Some(&b"d"[..]));
    // Rows are found only with their deck's key.
    let wrong = DeckRow { key: K2, ..one };
    assert_eq!(db.card(wrong, 0).unwrap(), None);
    assert_eq!(db.search_texts(wrong, 0).unwrap(), None);
    assert_eq!(db.cards(wrong, 0, 100, &mut |_, _| panic!()).unwrap(), None);
    // A deck's cards in order, in batches of about so many bytes (one card at least).
    let mut seen = Vec::new();
    let mut f = |i: u32, b: &[u8]| seen.push((i, String::from_utf8(b.to_vec()).unwrap()));
    assert_eq!(db.cards(one, 0, 2, &mut f).unwrap(), Some(2));
    assert_eq!(db.cards(one, 2, 0, &mut f).unwrap(), None);
    assert_eq!(seen, [(0, "a".into()), (1, "bb".into()), (2, "ccc".into())]);
    // The claims are rows of their own, by the same indexes.
    let claim = db.body(Rows::Claims, one, 1).unwrap();
    assert_eq!(claim.as_deref(), Some(&b"BB"[..]));
    assert_eq!(db.body(Rows::Claims, wrong, 1).unwrap(), None);
    let mut claims = Vec::new();
    let mut g = |i: u32, b: &[u8]| claims.push((i, b.to_vec()));
    assert_eq!(db.bodies(Rows::Claims, one, 0, 100, &mut g).unwrap(), None);
    assert_eq!(
        claims,
        [
            (0, b"A".to_vec()),
            (1, b"BB".to_vec()),
            (2, b"CCC".to_vec())
        ]
    );
    assert_eq!(
        db.search_texts(two, 0).unwrap().as_deref(),
        Some("first\nsecond")
    );
    assert_eq!(db.search_texts(two, 1).unwrap(), None);
}

#[test]
fn a_deck_put_again_gets_a_new_row_and_the_old_one_is_gone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("decks.sqlite3");
    let mut db = DeckCache::open_for_writing(&path, 1, false).unwrap();
    let first = put(&mut db, K1, "old", &["x", "y"]);
    let other = put(&mut db, K2, "other", &["z"]);
    let again = put(&mut db, K1, "new", &["w"]);
    assert!(again.row > first.row && again.row > other.row);
    assert_eq!(db.card(first, 0).unwrap(), None);
    assert_eq!(db.body(Rows::Claims, first, 0).unwrap(), None);
    assert_eq!(db.search_texts(first, 0).unwrap(), None);
    assert_eq!(db.deck(K1).unwrap().unwrap().head, b"new");
    // Only the decks kept stay; their row numbers are never given again.
    db.keep_only(&HashSet::from([K1])).unwrap();
    assert_eq!(db.deck_keys().unwrap(), [K1]);
    assert_eq!(db.card(other, 0).unwrap(), None);
    let last = put(&mut db, K2, "back", &["v"]);
    assert!(last.row > again.row);
}

#[test]
fn a_missing_damaged_or_other_file_is_refused_by_readers_and_replaced_by_the_writer() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("decks.sqlite3");
    // Missing: reading makes no file.
    assert!(DeckCache::open_read_only(&path, 1).is_err());
    assert!(!path.exists());
    // Another version: refused, then replaced by an empty file of this one.
    let mut db = DeckCache::open_for_writing(&path, 2, false).unwrap();
    put(&mut db, K1, "of version 2", &["a"]);
    drop(db);
    assert!(matches!(
        DeckCache::open_read_only(&path, 1),
        Err(StoreError::Corrupt { .. })
    ));
    let db = DeckCache::open_for_writing(&path, 1, false).unwrap();
    assert!(db.deck_keys().unwrap().is_empty());
    drop(db);
    assert!(DeckCache::open_read_only(&path, 1).is_ok());
    // Not a database, or emptied: the same.
    for bytes in [&b"SQLite format 3\0 but then nothing"[..], b""] {
        std::fs::write(&path, bytes).unwrap();
        assert!(DeckCache::open_read_only(&path, 1).is_err());
        let mut db = DeckCache::open_for_writing(&path, 1, false).unwrap();
        put(&mut db, K2, "new", &["b"]);
        drop(db);
        let db = DeckCache::open_read_only(&path, 1).unwrap();
        assert_eq!(db.deck_keys().unwrap(), [K2]);
    }
    // Told to start over, the writer empties a sound file too.
    let db = DeckCache::open_for_writing(&path, 1, true).unwrap();
    assert!(db.deck_keys().unwrap().is_empty());
}

#[test]
fn the_writer_never_makes_the_folder_above_the_cache_folder() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gone/cache/decks.sqlite3");
    assert!(DeckCache::open_for_writing(&path, 1, false).is_err());
    assert!(!dir.path().join("gone").exists());
}
