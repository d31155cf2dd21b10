//! Tests of the parsed-deck cache (`deck/cache.rs`): a copy is used only for its very text,
//! its cards read back as the file's, a damaged or cut copy is not trusted, and a file hashed
//! as it is read has the key of its text.

use super::*;
use crate::deck::Text;
use crate::deck::library::{BUILTIN_DECKS, Library};

#[test]
fn a_decks_copy_is_read_only_for_its_very_text() {
    let data = tempfile::tempdir().unwrap();
    let decks = data.path().join("decks");
    std::fs::create_dir_all(&decks).unwrap();
    let (_, text) = BUILTIN_DECKS[0];
    let text = text.replacen("id: \"", "id: \"mine-", 1);
    let path = decks.join("mine.ron");
    std::fs::write(&path, &text).unwrap();
    let dir = cache_dir(&decks).unwrap();
    std::fs::create_dir_all(&dir).unwrap();
    // A copy whose title differs shows whether the copy or the file was read.
    let mut deck = load_deck(&text, "mine.ron").unwrap();
    deck.title = "From the copy".into();
    let file = cache_file(&dir, &path);
    let bytes = cache_bytes(cache_key(&text).unwrap(), &deck).unwrap();
    std::fs::write(&file, bytes).unwrap();
    assert!(cache_is_current(&file, &text));
    let lib = Library::load(Some(&decks), &[]);
    assert!(lib.decks.iter().any(|d| d.deck.title == "From the copy"));
    // One character more in the file, and the copy is not used.
    std::fs::write(&path, format!("{text} ")).unwrap();
    assert!(!cache_is_current(&file, &format!("{text} ")));
    let lib = Library::load(Some(&decks), &[]);
    assert!(!lib.decks.iter().any(|d| d.deck.title == "From the copy"));
    assert!(lib.decks.iter().any(|d| d.deck.id.starts_with("mine-")));
}

/// A data folder with one user's deck (a built-in deck under another id), its copy
/// written; the deck's text and the copy's path.
fn copied_deck(data: &Path) -> (String, PathBuf) {
    let decks = data.join("decks");
    std::fs::create_dir_all(&decks).unwrap();
    let (_, text) = BUILTIN_DECKS[1];
    let text = text.replacen("id: \"", "id: \"mine-", 1);
    let path = decks.join("mine.ron");
    std::fs::write(&path, &text).unwrap();
    write_copies(data);
    let copy = cache_file(&cache_dir(&decks).unwrap(), &path);
    assert!(copy.exists(), "the copy is written");
    (text, copy)
}

fn mine(lib: &Library) -> &crate::deck::LoadedDeck {
    lib.decks
        .iter()
        .find(|d| d.deck.id.starts_with("mine-"))
        .unwrap()
}

#[test]
fn cards_read_from_the_copy_are_the_cards_of_the_file() {
    let data = tempfile::tempdir().unwrap();
    let (text, _) = copied_deck(data.path());
    let parsed = load_deck(&text, "mine.ron").unwrap();
    let lib = Library::load(Some(&data.path().join("decks")), &[]);
    let d = &mine(&lib).deck;
    assert!(d.cards.in_a_file(), "the cards stay in the copy");
    assert_eq!(d.cards.len(), parsed.cards.len());
    assert_eq!(d.claims, parsed.claims);
    for (i, card) in parsed.cards.iter().enumerate() {
        assert_eq!(d.cards.get(i).as_deref(), Some(card), "{}", card.id);
        let head = d.cards.head(i).unwrap();
        assert_eq!((head.id.as_str(), head.kind), (card.id.as_str(), card.kind));
        let claim = head.claim.map(|c| d.claims[c as usize].id.as_str());
        assert_eq!(claim, card.claim.as_deref());
        let topics: Vec<&Text> = d.cards.topics(i).collect();
        assert_eq!(topics, card.topics.iter().collect::<Vec<_>>());
        assert_eq!(d.cards.position(&card.id), Some(i));
    }
    // Asked again (and out of order), the same cards: from those kept or read again.
    for i in (0..parsed.cards.len()).rev() {
        assert_eq!(d.cards.get(i).as_deref(), Some(&parsed.cards[i]));
    }
    assert!(d.cards.get(parsed.cards.len()).is_none());
    assert_eq!(d.cards.to_vec().unwrap(), parsed.cards);
    assert_eq!(d.whole().unwrap(), parsed);
    let mut texts = Vec::new();
    d.cards
        .for_each_search_text(d, |i, t| texts.push((i, t.to_string())))
        .unwrap();
    let expected: Vec<(usize, String)> = parsed
        .cards
        .iter()
        .enumerate()
        .map(|(i, c)| (i, search_text(&parsed, c)))
        .collect();
    assert_eq!(texts, expected);
    // The same deck from its own file, cards in memory, says the same.
    let named = Library::from_files(&[data.path().join("decks/mine.ron")]);
    let m = &mine(&named).deck;
    assert!(!m.cards.in_a_file());
    let mut from_memory = Vec::new();
    m.cards
        .for_each_search_text(m, |i, t| from_memory.push((i, t.to_string())))
        .unwrap();
    assert_eq!(from_memory, expected);
}

#[test]
fn a_copy_cut_short_is_not_used_and_a_damaged_card_is_not_read() {
    let data = tempfile::tempdir().unwrap();
    let (text, copy) = copied_deck(data.path());
    let parsed = load_deck(&text, "mine.ron").unwrap();
    let whole = std::fs::read(&copy).unwrap();
    // Cut short: the deck loads from its file instead.
    std::fs::write(&copy, &whole[..whole.len() - 1]).unwrap();
    let lib = Library::load(Some(&data.path().join("decks")), &[]);
    assert!(lib.errors.is_empty(), "{:?}", lib.errors);
    let d = &mine(&lib).deck;
    assert!(!d.cards.in_a_file());
    assert_eq!(d.cards.to_vec().unwrap(), parsed.cards);
    // The first card's JSON broken, the length kept: that card cannot be read, the
    // others can, and reading them all says the copy is damaged.
    let mut damaged = whole.clone();
    let second_line = whole.iter().position(|&b| b == b'\n').unwrap() + 1;
    let cards_at = second_line
        + whole[second_line..]
            .iter()
            .position(|&b| b == b'\n')
            .unwrap()
        + 1;
    damaged[cards_at] = b'x';
    std::fs::write(&copy, &damaged).unwrap();
    let lib = Library::load(Some(&data.path().join("decks")), &[]);
    let d = &mine(&lib).deck;
    assert!(d.cards.in_a_file());
    assert!(d.cards.get(0).is_none());
    assert_eq!(d.cards.get(1).as_deref(), Some(&parsed.cards[1]));
    assert!(d.cards.for_each(|_, _| {}).is_err());
    assert!(d.whole().is_err());
}

#[test]
fn a_file_hashed_as_it_is_read_has_the_key_of_its_text() {
    let dir = tempfile::tempdir().unwrap();
    let (_, deck) = BUILTIN_DECKS[0];
    let long: String = deck.repeat(3);
    let sizes = [
        0,
        1,
        7,
        8,
        9,
        64 * 1024 - 1,
        64 * 1024,
        64 * 1024 + 5,
        long.len(),
    ];
    for n in sizes {
        let text = &long[..n];
        let path = dir.path().join(format!("{n}.ron"));
        std::fs::write(&path, text).unwrap();
        assert_eq!(file_cache_key(&path), cache_key(text), "{n} bytes");
    }
    assert_eq!(file_cache_key(&dir.path().join("none.ron")), None);
}
