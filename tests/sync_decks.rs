//! The user's decks through the shared folder: a deck made on one machine comes to the other;
//! an edit on one machine is taken by the other without a question; the same deck edited on
//! both machines before they merged keeps both: the latest as the deck, the other as a
//! conflict copy (a deck of its own, named by device and time) on every machine alike.

mod common;

use std::path::Path;

use common::NOON;
use common::sync::Machine;

const DAY: i64 = common::DAY;

fn deck(prompt: &str) -> String {
    format!(
        "Deck(id: \"mine\", title: \"Mine\", sources: [(id: \"s\", title: \"S\", published: \"2022-01-12\")],\n\
         cards: [(id: \"c0\", kind: What, prompt: \"{prompt}\", answer: Phrase([\"an answer\"]),\n\
         evidence: [(source: \"s\", locator: \"top\", says: \"it\")])])\n"
    )
}

fn decks_dir(m: &Machine) -> std::path::PathBuf {
    m.path().join("decks")
}

fn write_deck(m: &Machine, prompt: &str) {
    let dir = decks_dir(m);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("mine.ron"), deck(prompt)).unwrap();
}

fn deck_files(dir: &Path) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| {
            (
                e.file_name().to_string_lossy().to_string(),
                std::fs::read_to_string(e.path()).unwrap(),
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn decks_come_over_and_an_edit_on_both_sides_keeps_both() {
    let folder = tempfile::tempdir().unwrap();
    let (mut a, mut b) = (Machine::new(1), Machine::new(1));
    a.coll.set_sync(None, "laptop").unwrap();
    b.coll.set_sync(None, "desktop").unwrap();
    write_deck(&a, "What was first?");
    a.sync(folder.path());
    let got = b.sync(folder.path());
    assert_eq!(
        got.decks.taken,
        vec![("mine".to_string(), "laptop".to_string())]
    );
    assert_eq!(deck_files(&decks_dir(&a)), deck_files(&decks_dir(&b)));
    assert!(
        b.coll.library().decks.iter().any(|d| d.deck.id == "mine"),
        "the library is loaded again with it"
    );
    // An edit on the desktop only: the laptop takes it.
    write_deck(&b, "What came second?");
    b.coll.set_clock(Some(common::clock(NOON + DAY)));
    b.sync(folder.path());
    let got = a.sync(folder.path());
    assert!(got.decks.conflicts.is_empty(), "{:?}", got.decks);
    assert!(
        deck_files(&decks_dir(&a))[0]
            .1
            .contains("What came second?")
    );
    // Both edit before merging: the later edit (the laptop's) is the deck, the desktop's is
    // kept as a conflict copy, on both machines.
    write_deck(&b, "The desktop's wording?");
    b.coll.set_clock(Some(common::clock(NOON + 2 * DAY)));
    b.sync(folder.path());
    write_deck(&a, "The laptop's wording?");
    a.coll.set_clock(Some(common::clock(NOON + 3 * DAY)));
    let got = a.sync(folder.path());
    assert_eq!(got.decks.conflicts.len(), 1, "{:?}", got.decks);
    b.coll.set_clock(Some(common::clock(NOON + 4 * DAY)));
    b.sync(folder.path());
    a.sync(folder.path());
    b.sync(folder.path());
    let (fa, fb) = (deck_files(&decks_dir(&a)), deck_files(&decks_dir(&b)));
    assert_eq!(fa, fb, "both machines hold the same decks");
    assert_eq!(fa.len(), 2, "{fa:?}");
    let main = fa.iter().find(|(n, _)| n == "mine.ron").unwrap();
    assert!(main.1.contains("The laptop's wording?"));
    let copy = fa.iter().find(|(n, _)| n != "mine.ron").unwrap();
    assert!(copy.0.starts_with("mine-conflict-desktop-"), "{}", copy.0);
    assert!(copy.1.contains("The desktop's wording?"));
    assert!(copy.1.contains("conflict copy from desktop"));
    assert!(
        a.coll
            .library()
            .decks
            .iter()
            .any(|d| d.deck.id.starts_with("mine-conflict-desktop-")),
        "the copy is a deck of its own"
    );
}
