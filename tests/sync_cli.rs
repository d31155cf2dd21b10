//! `factquiz sync` and `factquiz answer` on two data folders sharing one sync folder: both
//! end with exactly the union of the reviews and equal card states; --json says what was
//! merged; a folder that is not there exits 2 and says so; --off keeps everything local.

use std::path::Path;

use factquiz::store::Store;

mod common;
use common::factquiz;

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text.trim()).unwrap_or_else(|e| panic!("{e}: {text}"))
}

/// Three cards of the built-in decks, as `queue` lists them.
fn cards(data: &Path) -> Vec<(String, String)> {
    let (code, out, err) = factquiz(data, &["queue", "--json", "--seed", "1"]);
    assert_eq!(code, 0, "{err}");
    json(&out).as_array().unwrap()[..3]
        .iter()
        .map(|r| {
            (
                r["deck"].as_str().unwrap().to_string(),
                r["card"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn answer(data: &Path, card: &(String, String), grade: &str) {
    let (code, _, err) = factquiz(
        data,
        &[
            "answer",
            &card.0,
            &card.1,
            "not the answer",
            "--grade",
            grade,
        ],
    );
    assert_eq!(code, 1, "a wrong answer, recorded: {err}");
}

fn reviews_and_states(data: &Path) -> (Vec<(String, i64, u8)>, String) {
    let store = Store::open_read_only(data).unwrap();
    let mut r: Vec<_> = store
        .all_reviews()
        .unwrap()
        .into_iter()
        .map(|r| (r.card_id, r.time_ms, r.grade))
        .collect();
    r.sort();
    let mut states: Vec<_> = store.all_states().unwrap().into_iter().collect();
    states.sort_by(|a, b| a.0.cmp(&b.0));
    (r, format!("{states:?}"))
}

#[test]
fn two_data_folders_merge_through_the_command_line() {
    let (a, b, folder) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    let c = cards(a.path());
    answer(a.path(), &c[0], "good");
    answer(a.path(), &c[1], "again");
    answer(b.path(), &c[0], "hard");
    answer(b.path(), &c[2], "easy");
    let f = folder.path().to_str().unwrap();
    let (code, out, err) = factquiz(
        a.path(),
        &["sync", "--folder", f, "--name", "laptop", "--json"],
    );
    assert_eq!(code, 0, "{err}");
    let v = json(&out);
    assert_eq!(
        (v["device"].as_str(), v["written"].as_u64()),
        (Some("laptop"), Some(2))
    );
    let (code, out, err) = factquiz(
        b.path(),
        &["sync", "--folder", f, "--name", "desktop", "--json"],
    );
    assert_eq!(code, 0, "{err}");
    let v = json(&out);
    assert_eq!(v["reviews_added"].as_u64(), Some(2));
    assert_eq!(v["devices"][0]["name"].as_str(), Some("laptop"));
    // The folder is remembered; the plain output says what was merged.
    let (code, out, err) = factquiz(a.path(), &["sync"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("merged 2 review(s)"), "{out}");
    assert!(out.contains("other devices: desktop"), "{out}");
    let (ra, sa) = reviews_and_states(a.path());
    let (rb, sb) = reviews_and_states(b.path());
    assert_eq!(ra.len(), 4);
    assert_eq!(ra, rb, "exactly the union on both");
    assert_eq!(sa, sb, "equal card states");
    // Each card's learned fact is the one its last answer taught, whichever machine gave it.
    let learned = |data: &Path, card: &(String, String)| {
        Store::open_read_only(data)
            .unwrap()
            .learned_fact(&card.0, &card.1)
            .unwrap()
    };
    for card in &c {
        let on_a = learned(a.path(), card);
        assert!(on_a.is_some(), "{card:?}");
        assert_eq!(on_a, learned(b.path(), card), "{card:?}");
    }
    // Off: nothing is merged any more, and the answers stay.
    let (code, out, _) = factquiz(b.path(), &["sync", "--off"]);
    assert_eq!(code, 0);
    assert!(out.contains("sync is off"), "{out}");
    let (code, _, err) = factquiz(b.path(), &["sync"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("sync is off"), "{err}");
    assert_eq!(reviews_and_states(b.path()).0.len(), 4);
}

#[test]
fn a_folder_that_is_not_there_exits_2() {
    let a = tempfile::tempdir().unwrap();
    let gone = a.path().join("unmounted");
    let (code, _, err) = factquiz(a.path(), &["sync", "--folder", gone.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("is not there"), "{err}");
}
