//! The deck cache as a user meets it (`<data dir>/cache/decks.sqlite3`, the user's decks
//! parsed): a card whose copy is damaged is an error that names it wherever it is read (the
//! card, the quiz index, a session, `factquiz answer`), never a card left out silently, until the
//! app's pass over the cache writes the copy again; a cache of another format version, or a
//! file that is not a database, is never read, and the app's pass makes it again.

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use factquiz::deck::Library;
use factquiz::schedule::queue::Slot;
use factquiz::study::{Collection, StudySession};

/// A data folder with the user's deck "d" of 6 cards, its copy written into the deck cache.
fn data_with_cached_deck() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let decks = dir.path().join("decks");
    std::fs::create_dir_all(&decks).unwrap();
    std::fs::write(decks.join("d.ron"), common::deck_text(6)).unwrap();
    factquiz::deck::library::write_copies(dir.path());
    assert!(reads_from_cache(dir.path()), "the copy is written");
    dir
}

fn cache_file(data: &Path) -> PathBuf {
    data.join("cache").join("decks.sqlite3")
}

/// Whether a library loaded from `data` reads deck "d"'s cards from the cache, and they are
/// the cards of its file.
fn reads_from_cache(data: &Path) -> bool {
    let lib = Library::load(Some(&data.join("decks")), &[]);
    let d = &lib.get("d").expect("deck d loads").deck;
    let whole = d.whole().expect("every card reads");
    assert_eq!(whole.cards.len(), 6);
    assert_eq!(whole.cards[5].prompt.as_str(), "Question 5?");
    d.cards.from_cache()
}

/// Cuts the row of card `id` of deck "d" short, as a failing disk might leave it.
fn cut_card(data: &Path, id: &str) {
    let db = rusqlite::Connection::open(cache_file(data)).unwrap();
    let pattern = format!("%\"id\":\"{id}\"%");
    let cut = db
        .execute(
            "UPDATE card SET body = substr(body, 1, 12) WHERE CAST(body AS TEXT) LIKE ?1",
            [pattern],
        )
        .unwrap();
    assert_eq!(cut, 1, "one row is card {id}");
}

/// Lets the app's pass over the deck cache run (as `App::logic` does each frame) until `done`
/// holds; a minute at most, so that a pass that never comes fails rather than hangs.
fn refresh_until(coll: &mut Collection, done: impl Fn(&Collection) -> bool) {
    let give_up = Instant::now() + Duration::from_secs(60);
    while !done(coll) {
        assert!(
            Instant::now() < give_up,
            "the deck cache was not written again"
        );
        coll.refresh_deck_cache();
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn slot(coll: &Collection, card: &str) -> Slot {
    coll.find("d", card).expect("the card is in the library")
}

#[test]
fn a_damaged_card_is_an_error_the_user_sees_until_the_app_writes_its_copy_again() {
    let data = data_with_cached_deck();
    cut_card(data.path(), "c2");

    // From the command line: the answer is refused with the card named, and nothing is saved.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_factquiz"))
        .arg("--data-dir")
        .arg(data.path())
        .args(["answer", "d", "c2", "answer number 2"])
        .env_remove("FACTQUIZ_DATA_DIR")
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{said}");
    assert!(
        said.contains("card c2 of deck \"d\" could not be read"),
        "{said}"
    );

    let mut coll = Collection::open(data.path(), &[]).unwrap();
    let (c2, c3) = (slot(&coll, "c2"), slot(&coll, "c3"));
    assert!(coll.deck(c2).unwrap().deck.cards.from_cache());
    // The card says what failed, and where; the others read.
    let e = coll.card(c2).unwrap_err().to_string();
    assert!(e.contains("card c2 of deck \"d\" could not be read"), "{e}");
    assert!(e.contains("d.ron"), "{e}");
    assert_eq!(coll.card(c3).unwrap().prompt.as_str(), "Question 3?");
    // The quiz index reads every card: it fails, rather than leave c2 out of every choice.
    let e = coll.index().unwrap_err().to_string();
    assert!(e.contains("could not be read from the deck cache"), "{e}");
    // A session says it could not ask the card.
    let session = StudySession::with_queue(&coll, vec![c2.deck], [c2].into(), 7);
    let said = session.error.clone().unwrap_or_default();
    assert!(
        said.starts_with("Left out of this session: card c2"),
        "{said}"
    );
    assert!(session.current.is_none());

    // The app's next pass writes the copy again from the deck file; the card reads, the quiz
    // index is built again, and a session asks the card.
    refresh_until(&mut coll, |c| c.card(c2).is_ok());
    assert_eq!(coll.card(c2).unwrap().prompt.as_str(), "Question 2?");
    refresh_until(&mut coll, |c| c.index().is_ok());
    let session = StudySession::with_queue(&coll, vec![c2.deck], [c2].into(), 7);
    assert_eq!(session.error, None);
    assert_eq!(session.current.map(|c| c.slot), Some(c2));
    drop(coll);
    assert!(
        reads_from_cache(data.path()),
        "the next start reads the copy"
    );
}

#[test]
fn a_cache_of_another_format_or_not_a_database_is_never_read_and_is_made_again() {
    type Damage = fn(&Path);
    let damages: [(&str, Damage); 2] = [
        ("another format version", |f| {
            let db = rusqlite::Connection::open(f).unwrap();
            db.pragma_update(None, "user_version", 0x7fff_0001).unwrap();
        }),
        ("not a database", |f| {
            std::fs::write(f, b"not a deck cache, only text ".repeat(300)).unwrap();
        }),
    ];
    for (what, damage) in damages {
        let data = data_with_cached_deck();
        damage(&cache_file(data.path()));
        let mut coll = Collection::open(data.path(), &[]).unwrap();
        let c4 = slot(&coll, "c4");
        // The deck loads from its file, every card in memory, as if there were no cache.
        assert!(!coll.deck(c4).unwrap().deck.cards.from_cache(), "{what}");
        assert_eq!(
            coll.card(c4).unwrap().prompt.as_str(),
            "Question 4?",
            "{what}"
        );
        // The app's pass makes the cache again; the next start reads it.
        refresh_until(&mut coll, |_| reads_from_cache(data.path()));
    }
}
