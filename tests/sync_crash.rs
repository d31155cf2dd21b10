//! A journal write killed at any moment: a child process (this test binary again, running the
//! hidden `child_answer_and_sync`) answers cards and merges after each answer, printing each
//! review's id once it is saved; the parent kills it with SIGKILL at a random moment, 100
//! times. After each kill the machine opens again and merges, then a second machine merges:
//! every review the child printed reaches the second machine, no review is there twice, the
//! folder holds no half segment that is taken for one, and nothing is set aside.

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use common::sync::Machine;
use common::{NOON, kill_after};
use factquiz::quiz::Grade;
use rand::{Rng, SeedableRng, rngs::StdRng};

const DIR_VAR: &str = "FACTQUIZ_SYNC_CRASH_DIR";
const FOLDER_VAR: &str = "FACTQUIZ_SYNC_CRASH_FOLDER";
const ROUNDS: usize = 100;
const CARDS: usize = 8;

/// The child: answers and merges until it is killed. Runs only when the parent sets the
/// variables.
#[test]
#[ignore = "the child process of acknowledged_reviews_survive_a_killed_journal_write"]
fn child_answer_and_sync() {
    let (Some(dir), Some(folder)) = (std::env::var_os(DIR_VAR), std::env::var_os(FOLDER_VAR))
    else {
        return;
    };
    let coll = common::collection_in(Path::new(&dir), CARDS);
    let mut now = coll.store().last_review_ms().unwrap().unwrap_or(NOON);
    let mut rng = StdRng::seed_from_u64(std::process::id().into());
    // The machine's data folder is `dir`; the temporary one beside it stays empty.
    let mut m = Machine {
        dir: tempfile::tempdir().unwrap(),
        coll,
    };
    println!("OPENED");
    loop {
        now += rng.random_range(60_000..86_400_000);
        let id = m.answer(
            rng.random_range(0..CARDS),
            Grade::ALL[rng.random_range(0..4)],
            now,
        );
        println!("ANSWERED {id}");
        m.coll.sync_now(Some(folder.clone().into())).unwrap();
    }
}

#[test]
fn acknowledged_reviews_survive_a_killed_journal_write() {
    let dir = tempfile::tempdir().unwrap();
    let folder = tempfile::tempdir().unwrap();
    let exe = std::env::current_exe().unwrap();
    let seed = common::crash_seed();
    let mut rng = StdRng::seed_from_u64(seed);
    let mut printed = BTreeSet::new();
    let mut b = Machine::new(CARDS);
    for round in 0..ROUNDS {
        let wait = Duration::from_millis(rng.random_range(20..=200));
        let (out, _err) = kill_after(
            Command::new(&exe)
                .args([
                    "child_answer_and_sync",
                    "--exact",
                    "--nocapture",
                    "--ignored",
                ])
                .args(["--test-threads", "1"])
                .env(DIR_VAR, dir.path())
                .env(FOLDER_VAR, folder.path()),
            wait,
            round,
        );
        for line in out.split_inclusive('\n').filter(|l| l.ends_with('\n')) {
            if let Some(id) = line.trim_end().strip_prefix("ANSWERED ") {
                printed.insert(id.parse::<i64>().unwrap());
            }
        }
        // The killed machine opens again and merges; then the other one.
        let mut a = common::collection_in(dir.path(), CARDS);
        let out_a = a.sync_now(Some(folder.path().to_path_buf())).unwrap().0;
        let out_b = b.sync(folder.path());
        assert!(
            out_a.set_aside.is_empty(),
            "round {round}: {:?}",
            out_a.set_aside
        );
        assert!(
            out_b.set_aside.is_empty(),
            "round {round}: {:?}",
            out_b.set_aside
        );
        let rows = a.store().all_reviews().unwrap();
        let ids: BTreeSet<i64> = rows.iter().map(|r| r.id).collect();
        let lost: Vec<_> = printed.difference(&ids).collect();
        assert!(
            lost.is_empty(),
            "round {round}: printed but lost here: {lost:?}"
        );
        let mut here: Vec<(String, i64, u8)> = rows
            .iter()
            .map(|r| (r.card_id.clone(), r.time_ms, r.grade))
            .collect();
        here.sort();
        let mut there: Vec<(String, i64, u8)> = b
            .coll
            .store()
            .all_reviews()
            .unwrap()
            .into_iter()
            .map(|r| (r.card_id, r.time_ms, r.grade))
            .collect();
        there.sort();
        assert_eq!(
            here, there,
            "round {round}: the other machine holds each review once"
        );
        assert_eq!(
            a.store().all_states().unwrap(),
            b.coll.store().all_states().unwrap(),
            "round {round}: the states differ"
        );
    }
    println!(
        "{ROUNDS} kills; {} acknowledged reviews, all merged once",
        printed.len()
    );
    assert!(!printed.is_empty(), "the child never got to answer");
}
