//! Crash safety: a child process (this test binary again, running the hidden
//! `child_answer_loop`) answers cards as fast as it can through `factquiz::study` against a
//! temporary data directory, printing each review's id once `grade` has returned (its
//! transaction committed), and now and then taking a backup. The parent kills it with SIGKILL
//! at a random moment, 200 times. After each kill: the progress opens without being taken for
//! damaged, passes SQLite's integrity check, holds every printed review, and every card's
//! state is the `after` state of its latest review; every backup file is whole.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use factquiz::deck::{Answer, Library};
use factquiz::quiz::{Grade, Mode, Response};
use factquiz::schedule::Clock;
use factquiz::schedule::queue::Slot;
use factquiz::store::{Store, backup, recovery};
use factquiz::study::{Collection, StudySession};
use rand::{Rng, SeedableRng, rngs::StdRng};

/// Where the child works; set only for the child.
const DIR_VAR: &str = "FACTQUIZ_CRASH_TEST_DIR";
const ROUNDS: usize = 200;
mod common;
use common::{NOON, kill_after};

fn library() -> Library {
    common::library(16)
}

/// The child: answers until it is killed. Runs only when the parent sets `DIR_VAR`.
#[test]
#[ignore = "the child process of answers_survive_sigkill_at_any_moment"]
fn child_answer_loop() {
    let Some(dir) = std::env::var_os(DIR_VAR) else {
        return;
    };
    let opened = recovery::open_with_recovery(Path::new(&dir)).expect("the progress opens");
    if let Some(n @ recovery::Notice::Damaged { .. }) = &opened.notice {
        panic!("taken for damaged after a kill: {n}");
    }
    assert_eq!(opened.read_only, None);
    let mut c = Collection::from_parts(library(), opened.store).unwrap();
    let mut now: i64 = c.store().last_review_ms().unwrap().unwrap_or(NOON);
    let mut rng = StdRng::seed_from_u64(std::process::id().into());
    println!("OPENED");
    loop {
        let queue = (0..16).map(|card| Slot { deck: 0, card }).collect();
        let mut s = StudySession::with_queue(&c, vec![0], queue, rng.random());
        while let Some(cur) = s.current.clone() {
            now += rng.random_range(60_000..3 * 86_400_000);
            c.set_clock(Some(Clock {
                now_ms: now,
                offset_secs: 0,
            }));
            let right = rng.random_bool(0.7);
            let response = match (cur.question.mode, cur.question.correct_choice) {
                (Mode::Choice, Some(i)) if right => Response::Choice(i),
                (Mode::Choice, _) => Response::Choice(rng.random_range(0..4)),
                _ => match &c.card(cur.slot).unwrap().answer {
                    Answer::Phrase(v) if right => Response::Text(v[0].to_string()),
                    _ => Response::Text("no idea".into()),
                },
            };
            s.answer(&c, response);
            s.grade(&mut c, Grade::ALL[rng.random_range(0..4)]).unwrap();
            let id = c.store().last_review_id().unwrap();
            println!("ANSWERED {id}");
            if rng.random_range(0..40) == 0 {
                c.backup_before_import().unwrap();
            }
        }
    }
}

#[test]
fn answers_survive_sigkill_at_any_moment() {
    let dir = tempfile::tempdir().unwrap();
    let exe = std::env::current_exe().unwrap();
    let seed = common::crash_seed();
    let mut rng = StdRng::seed_from_u64(seed);
    let mut printed = BTreeSet::new();
    let (mut opened_rounds, mut answering_rounds) = (0, 0);
    for round in 0..ROUNDS {
        let wait = Duration::from_millis(rng.random_range(5..=150));
        let (out, _err) = kill_after(
            Command::new(&exe)
                .args(["child_answer_loop", "--exact", "--nocapture", "--ignored"])
                .args(["--test-threads", "1"])
                .env(DIR_VAR, dir.path()),
            wait,
            round,
        );
        // Only whole lines: the kill may cut the last one.
        let mut answered = 0;
        for line in out.split_inclusive('\n').filter(|l| l.ends_with('\n')) {
            // The first line shares libtest's "test child_answer_loop ... ".
            if line.trim_end().ends_with("OPENED") {
                opened_rounds += 1;
            } else if let Some(id) = line.trim_end().strip_prefix("ANSWERED ") {
                printed.insert(id.parse::<i64>().unwrap());
                answered += 1;
            }
        }
        answering_rounds += usize::from(answered > 0);
        check_after_kill(dir.path(), &printed, round);
    }
    println!(
        "{ROUNDS} kills: {} while opening, {opened_rounds} after, {answering_rounds} of them \
         after answers; {} answers printed, all kept",
        ROUNDS - opened_rounds,
        printed.len()
    );
    assert!(answering_rounds > 0, "the child never got to answer");
}

fn check_after_kill(dir: &Path, printed: &BTreeSet<i64>, round: usize) {
    let names: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert!(
        !names
            .iter()
            .any(|p| p.to_string_lossy().contains(".damaged-")),
        "round {round}: a sound file was moved aside: {names:?}"
    );
    if !dir.join(factquiz::store::FILE_NAME).exists() {
        assert!(printed.is_empty());
        return;
    }
    let store = Store::open(dir).unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok", "round {round}");
    let reviews = store.all_reviews().unwrap();
    let ids: BTreeSet<i64> = reviews.iter().map(|r| r.id).collect();
    let lost: Vec<_> = printed.difference(&ids).collect();
    assert!(lost.is_empty(), "round {round}: printed but lost: {lost:?}");
    let mut latest = HashMap::new();
    for r in &reviews {
        latest.insert((r.deck_id.clone(), r.card_id.clone()), r.time_ms);
    }
    let states = store.all_states().unwrap();
    assert_eq!(
        states.len(),
        latest.len(),
        "round {round}: a state without a review"
    );
    // Each card's state is the one its latest review left: written in the same transaction.
    for (key, time_ms) in &latest {
        let state = states.get(key);
        assert_eq!(
            state.map(|s| s.last_review_ms),
            Some(*time_ms),
            "round {round}: {key:?}"
        );
    }
    drop(store);
    for b in backup::scan(dir).unwrap() {
        assert_eq!(
            backup::check_file(&b.path),
            None,
            "round {round}: {}",
            b.path.display()
        );
    }
}
