//! Nothing lost, whatever happens (issue 9), short of a crash (`crash_safety.rs`): damaged,
//! newer and foreign progress files, backups and restores, a full disk and a read-only data
//! folder, hostile deck files, and a clock that jumps. Each test tries to break a promise and
//! asserts what the user would see and what must stay on disk.

mod common;

#[path = "robustness/clock.rs"]
mod clock;
#[path = "robustness/decks.rs"]
mod decks;
#[path = "robustness/disk.rs"]
mod disk;
#[path = "robustness/files.rs"]
mod files;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use factquiz::deck::{Answer, DeckOrigin, Library};
use factquiz::quiz::{Grade, Mode, Response};
use factquiz::schedule::queue::Slot;
use factquiz::store::Store;
use factquiz::study::{Collection, StudySession};

pub use common::{DAY, NOON, clock, collection_in, deck_text, library};

/// A session over every card of deck 0, due or not.
pub fn session(c: &Collection) -> StudySession {
    let n = c.library().decks[0].deck.cards.len();
    let queue = (0..n).map(|card| Slot { deck: 0, card }).collect();
    StudySession::with_queue(c, vec![0], queue, 7)
}

/// Answers the card on screen (right or wrong), leaving the grade to the caller.
pub fn answer(s: &mut StudySession, c: &Collection, right: bool) {
    let cur = s.current.clone().expect("a card on screen");
    let text = match &c.card(cur.slot).unwrap().answer {
        Answer::Phrase(v) if right => v[0].to_string(),
        _ => "something else entirely".to_string(),
    };
    let response = match (cur.question.mode, cur.question.correct_choice) {
        (Mode::Choice, Some(i)) if right => Response::Choice(i),
        (Mode::Choice, Some(i)) => Response::Choice((i + 1) % cur.question.choices.len()),
        _ => Response::Text(text),
    };
    s.answer(c, response);
}

/// Answers `n` cards right and grades them Good, starting a new session when one ends.
pub fn study(c: &mut Collection, n: usize) {
    let mut s = session(c);
    for _ in 0..n {
        if s.is_finished() {
            s = session(c);
        }
        answer(&mut s, c, true);
        s.grade(c, Grade::Good).unwrap();
    }
}

/// The answers a progress file holds, read without the app.
pub fn reviews_in(file: &Path) -> i64 {
    let conn =
        rusqlite::Connection::open_with_flags(file, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    conn.query_row("SELECT count(*) FROM review", [], |r| r.get(0))
        .unwrap()
}

/// The files in `dir` whose names start with `prefix`.
pub fn files_starting(dir: &Path, prefix: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(prefix))
        .map(|e| e.path())
        .collect();
    out.sort();
    out
}

/// A small tmpfs mounted for one test (tests run as root here); `None` where mounting is not
/// allowed, and the test says it skipped that part.
pub struct Mount {
    dir: tempfile::TempDir,
}

impl Mount {
    pub fn tmpfs(options: &str) -> Option<Mount> {
        let dir = tempfile::tempdir().ok()?;
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", options, "factquiz-test"])
            .arg(dir.path())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !mounted {
            eprintln!("note: cannot mount a tmpfs here; that part of the test is skipped");
        }
        mounted.then_some(Mount { dir })
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Remounts read-only (`"ro"`) or writable (`"rw"`).
    pub fn remount(&self, mode: &str) {
        let ok = Command::new("mount")
            .args(["-o", &format!("remount,{mode}")])
            .arg(self.dir.path())
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "remount {mode} failed");
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount")
            .arg("-l")
            .arg(self.dir.path())
            .status();
    }
}
