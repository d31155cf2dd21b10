//! A full disk and a read-only data folder: a clear message, the app goes on, and what was
//! saved stays saved. The full disk is simulated twice: with SQLite's `max_page_count` (works
//! everywhere) and with a small tmpfs filled to the brim; the read-only folder is a tmpfs
//! remounted read-only (both need root, which these tests have here; elsewhere they skip).

use std::fs;
use std::io::Write;

use factquiz::quiz::Grade;
use factquiz::store::recovery::{Notice, open_with_recovery_at};
use factquiz::store::{FILE_NAME, Store, StoreError};
use factquiz::study::{Collection, StudyError};

use super::*;

/// Answers and grades until a write fails; returns the error and how many were saved.
fn answer_until_refused(
    c: &mut Collection,
    s: &mut StudySession,
    most: usize,
) -> (StudyError, usize) {
    for saved in 0..most {
        if s.is_finished() {
            *s = session(c);
        }
        answer(s, c, saved % 3 != 0);
        if let Err(e) = s.grade(c, Grade::Good) {
            return (e, saved);
        }
    }
    panic!("{most} answers were saved; the disk never filled");
}

/// What must hold after a refused write: the message says so, the card waits on screen,
/// what was saved is intact, and the same answer saves once there is room.
fn check_refusal(c: &Collection, s: &StudySession, e: &StudyError, saved_before: i64) {
    assert!(
        matches!(e, StudyError::Store(StoreError::DiskFull)),
        "{e:?}"
    );
    assert!(e.to_string().contains("disk is full"), "{e}");
    let shown = s.error.as_deref().unwrap();
    assert!(
        shown.contains("not saved") && shown.contains("disk is full"),
        "{shown}"
    );
    assert!(
        s.answered.is_some(),
        "the answered card stays so that the user can retry"
    );
    assert_eq!(c.store().review_count().unwrap() as i64, saved_before);
    assert_eq!(c.store().integrity_check().unwrap(), "ok");
    // The states in memory are the ones on disk.
    let on_disk = c.store().all_states().unwrap();
    for (ci, card) in c.library().decks[0].deck.cards.heads().iter().enumerate() {
        let key = ("d".to_string(), card.id.to_string());
        assert_eq!(c.states()[0][ci].as_ref(), on_disk.get(&key), "{}", card.id);
    }
}

#[test]
fn a_full_database_refuses_the_answer_keeps_it_on_screen_and_keeps_what_was_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = collection_in(dir.path(), 30);
    study(&mut c, 3);
    let conn = c.store().raw_connection_for_tests();
    let pages: i64 = conn
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .unwrap();
    conn.pragma_update(None, "max_page_count", pages).unwrap();
    let mut s = session(&c);
    let (e, saved) = answer_until_refused(&mut c, &mut s, 5_000);
    check_refusal(&c, &s, &e, 3 + saved as i64);
    // A second try while still full fails the same way, and changes nothing.
    assert!(matches!(
        s.grade(&mut c, Grade::Good),
        Err(StudyError::Store(StoreError::DiskFull))
    ));
    check_refusal(&c, &s, &e, 3 + saved as i64);
    // Room again: the same answer is saved.
    let conn = c.store().raw_connection_for_tests();
    conn.pragma_update(None, "max_page_count", 1_000_000)
        .unwrap();
    s.grade(&mut c, Grade::Good).unwrap();
    assert!(s.error.is_none());
    assert_eq!(c.store().review_count().unwrap() as i64, 4 + saved as i64);
    drop(s);
    drop(c);
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.review_count().unwrap() as i64, 4 + saved as i64);
    assert_eq!(store.integrity_check().unwrap(), "ok");
}

/// Fills the file system holding `dir` until it has no room left; returns the filler file.
fn fill(dir: &Path) -> PathBuf {
    let path = dir.join("filler");
    let mut f = fs::File::create(&path).unwrap();
    let chunk = vec![1u8; 4096];
    while f.write_all(&chunk).is_ok() {}
    while f.write_all(&[1]).is_ok() {}
    let _ = f.sync_all();
    path
}

#[test]
fn a_full_tmpfs_refuses_the_answer_and_loses_nothing() {
    let Some(m) = Mount::tmpfs("size=1m") else {
        return;
    };
    let data = m.path().join("data");
    let day = |d| {
        chrono::NaiveDate::from_ymd_opt(2026, 5, d)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap()
    };
    let opened = open_with_recovery_at(&data, day(1)).unwrap();
    let mut c = Collection::from_parts(library(30), opened.store).unwrap();
    c.set_clock(Some(clock(NOON)));
    study(&mut c, 3);
    let filler = fill(m.path());
    let mut s = session(&c);
    let (e, saved) = answer_until_refused(&mut c, &mut s, 5_000);
    check_refusal(&c, &s, &e, 3 + saved as i64);
    drop(s);
    drop(c);
    // Opening on a full disk works; the day's backup cannot be made, and the notice says so.
    let opened = open_with_recovery_at(&data, day(2)).unwrap();
    assert!(opened.read_only.is_none());
    match &opened.notice {
        Some(n @ Notice::BackupFailed(_)) => assert!(n.to_string().contains("disk is full"), "{n}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        opened.store.review_count().unwrap() as i64,
        3 + saved as i64
    );
    drop(opened);
    fs::remove_file(filler).unwrap();
    let mut c = Collection::from_parts(library(30), Store::open(&data).unwrap()).unwrap();
    c.set_clock(Some(clock(NOON + DAY)));
    study(&mut c, 1);
    assert_eq!(c.store().review_count().unwrap() as i64, 4 + saved as i64);
    assert_eq!(c.store().integrity_check().unwrap(), "ok");
}

#[test]
fn a_read_only_data_folder_opens_read_only_and_what_was_saved_stays() {
    let Some(m) = Mount::tmpfs("size=4m") else {
        return;
    };
    let data = m.path().join("data");
    fs::create_dir_all(data.join("decks")).unwrap();
    fs::write(data.join("decks").join("d.ron"), deck_text(6)).unwrap();
    let slot;
    {
        let mut c = Collection::open(&data, &[]).unwrap();
        c.set_clock(Some(clock(NOON)));
        slot = c.find("d", "c0").unwrap();
        let mut s = StudySession::with_queue(&c, vec![slot.deck], [slot].into(), 1);
        answer(&mut s, &c, true);
        s.grade(&mut c, Grade::Good).unwrap();
    }
    let saved = fs::read(data.join(FILE_NAME)).unwrap();
    m.remount("ro");

    let mut c = Collection::open(&data, &[]).unwrap();
    let why = c.read_only().expect("read-only mode");
    assert!(
        why.contains("cannot write") && why.contains("read-only"),
        "{why}"
    );
    assert!(why.contains("Everything saved before is safe"), "{why}");
    assert_eq!(c.store().review_count().unwrap(), 1);
    assert!(c.state(slot).is_some(), "the saved answer is shown");
    c.set_clock(Some(clock(NOON + DAY)));
    let mut s = StudySession::with_queue(&c, vec![slot.deck], [slot].into(), 1);
    answer(&mut s, &c, true);
    assert!(matches!(
        s.grade(&mut c, Grade::Good),
        Err(StudyError::ReadOnly(_))
    ));
    assert!(s.answered.is_some());
    assert!(c.save_settings(c.settings().clone()).is_err());
    drop(s);
    drop(c);

    m.remount("rw");
    assert_eq!(fs::read(data.join(FILE_NAME)).unwrap(), saved);
    let store = Store::open(&data).unwrap();
    assert_eq!(store.review_count().unwrap(), 1);
    assert_eq!(store.integrity_check().unwrap(), "ok");
}
