//! Damaged, newer and foreign progress files; backups (daily, before a migration, before an
//! import), their list and retention; restoring one.

use std::fs;
use std::path::Path;

use chrono::NaiveDate;
use factquiz::store::backup::{self, BackupReason};
use factquiz::store::recovery::{Notice, open_with_recovery_at};
use factquiz::store::{FILE_NAME, Store, StoreError, schema};
use factquiz::study::Collection;
use rand::{Rng, SeedableRng, rngs::StdRng};

use super::*;

fn local(y: i32, m: u32, d: u32, h: u32) -> chrono::NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d)
        .unwrap()
        .and_hms_opt(h, 0, 0)
        .unwrap()
}

type Damage = fn(&Path);

fn damages() -> Vec<(&'static str, Damage)> {
    vec![
        ("cut to half", |p| {
            cut(p, fs::metadata(p).unwrap().len() / 2)
        }),
        ("cut to 100 bytes", |p| cut(p, 100)),
        ("cut to 3 pages", |p| cut(p, 3 * 4096)),
        ("zeroed", |p| {
            let n = fs::metadata(p).unwrap().len() as usize;
            fs::write(p, vec![0u8; n]).unwrap();
        }),
        ("random bytes", |p| {
            let n = fs::metadata(p).unwrap().len() as usize;
            let mut bytes = vec![0u8; n];
            StdRng::seed_from_u64(9).fill(&mut bytes[..]);
            fs::write(p, bytes).unwrap();
        }),
        ("a text file", |p| {
            fs::write(p, "my shopping list\n").unwrap()
        }),
        ("table pages overwritten", |p| {
            // The header and schema stay readable; a table's pages do not.
            let mut bytes = fs::read(p).unwrap();
            let mut rng = StdRng::seed_from_u64(3);
            for b in &mut bytes[2 * 4096 + 8..6 * 4096] {
                *b = rng.random();
            }
            fs::write(p, bytes).unwrap();
        }),
        ("another program's database", |p| {
            fs::remove_file(p).unwrap();
            let conn = rusqlite::Connection::open(p).unwrap();
            conn.execute_batch("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('x');")
                .unwrap();
        }),
    ]
}

fn cut(p: &Path, len: u64) {
    let f = fs::OpenOptions::new().write(true).open(p).unwrap();
    f.set_len(len).unwrap();
}

#[test]
fn a_damaged_file_is_moved_aside_unchanged_and_the_latest_good_backup_is_offered() {
    for (what, damage) in damages() {
        let dir = tempfile::tempdir().unwrap();
        let main = dir.path().join(FILE_NAME);
        study(&mut collection_in(dir.path(), 8), 5);
        // Yesterday's first start took a backup of those five answers.
        let yesterday = chrono::Local::now().naive_local() - chrono::Duration::days(1);
        let opened = open_with_recovery_at(dir.path(), yesterday).unwrap();
        assert!(opened.notice.is_none(), "{what}");
        drop(opened);
        let daily = backup::scan(dir.path()).unwrap();
        assert_eq!(daily.len(), 1, "{what}");
        // Three more answers, then the file is damaged.
        study(&mut collection_in(dir.path(), 8), 3);
        assert_eq!(reviews_in(&main), 8);
        damage(&main);
        fs::write(
            backup::sidecar_path(&main, "-wal"),
            b"a log left by a crash",
        )
        .unwrap();
        let bad = fs::read(&main).unwrap();

        let c = Collection::open(dir.path(), &[]).unwrap();
        let notice = c.notice().unwrap_or_else(|| panic!("{what}: no notice"));
        assert!(notice.contains("could not be used"), "{what}: {notice}");
        assert!(notice.contains("moved aside"), "{what}: {notice}");
        assert!(notice.contains("restore it"), "{what}: {notice}");
        assert_eq!(
            c.restore_candidate(),
            Some(daily[0].path.as_path()),
            "{what}"
        );
        assert!(c.read_only().is_none(), "{what}: the app goes on writing");
        assert_eq!(c.store().review_count().unwrap(), 0, "{what}");
        drop(c);

        let moved = files_starting(dir.path(), "progress.sqlite3.damaged-");
        let (file, wal) = (&moved[0], &moved[moved.len() - 1]);
        assert!(
            moved.len() <= 3,
            "{what}: the file, its log and shared memory: {moved:?}"
        );
        assert_eq!(fs::read(file).unwrap(), bad, "{what}: moved unchanged");
        assert_eq!(fs::read(wal).unwrap(), b"a log left by a crash", "{what}");
        assert!(wal.to_string_lossy().ends_with("-wal"), "{what}");

        // Restore the offered backup: its five answers are back; the damaged file stays.
        let restored = backup::restore(dir.path(), &daily[0].path).unwrap();
        assert!(restored.safety_backup.is_some(), "{what}");
        let c = Collection::open(dir.path(), &[]).unwrap();
        assert_eq!(c.notice(), None, "{what}");
        assert_eq!(c.store().review_count().unwrap(), 5, "{what}");
        assert_eq!(c.store().integrity_check().unwrap(), "ok", "{what}");
        assert_eq!(fs::read(file).unwrap(), bad, "{what}");
    }
}

#[test]
fn a_damaged_file_without_a_backup_says_so() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join(FILE_NAME), vec![0u8; 8192]).unwrap();
    let opened = open_with_recovery_at(dir.path(), local(2026, 5, 1, 9)).unwrap();
    let Some(notice @ Notice::Damaged { .. }) = &opened.notice else {
        panic!("{:?}", opened.notice)
    };
    assert_eq!(notice.restore_candidate(), None);
    assert!(notice.to_string().contains("no good backup"), "{notice}");
    let moved = dir
        .path()
        .join("progress.sqlite3.damaged-2026-05-01_090000");
    assert_eq!(fs::read(moved).unwrap(), vec![0u8; 8192]);
}

#[test]
fn a_file_from_a_newer_factquiz_is_left_untouched_and_nothing_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let main = dir.path().join(FILE_NAME);
    {
        let conn = rusqlite::Connection::open(&main).unwrap();
        conn.execute_batch("CREATE TABLE review (id INTEGER PRIMARY KEY, new_column TEXT);")
            .unwrap();
        conn.pragma_update(None, "user_version", schema::VERSION + 1)
            .unwrap();
    }
    let before = fs::read(&main).unwrap();
    let c = Collection::open(dir.path(), &[]).unwrap();
    let notice = c.notice().unwrap();
    assert!(notice.contains("newer version of factquiz"), "{notice}");
    assert!(notice.contains("left untouched"), "{notice}");
    assert!(c.read_only().unwrap().contains("nothing you do is saved"));
    assert_eq!(c.restore_candidate(), None);
    drop(c);
    assert_eq!(fs::read(&main).unwrap(), before);
    assert!(files_starting(dir.path(), "progress.sqlite3.").is_empty());
    assert!(!backup::backup_dir(dir.path()).exists());
}

#[test]
fn a_daily_backup_once_a_day_is_consistent_while_the_log_holds_answers() {
    let dir = tempfile::tempdir().unwrap();
    let day1 = local(2026, 3, 2, 9);
    let opened = open_with_recovery_at(dir.path(), day1).unwrap();
    assert!(
        backup::scan(dir.path()).unwrap().is_empty(),
        "nothing to back up yet"
    );
    let mut c = Collection::from_parts(library(6), opened.store).unwrap();
    c.set_clock(Some(clock(NOON)));
    study(&mut c, 3);
    // The answers are in the write-ahead log, not yet in the file itself.
    let wal = backup::sidecar_path(&dir.path().join(FILE_NAME), "-wal");
    assert!(fs::metadata(&wal).unwrap().len() > 0);
    let first = c.store().daily_backup_if_due(day1).unwrap().unwrap();
    assert_eq!(reviews_in(&first), 3);
    assert!(!backup::sidecar_path(&first, "-wal").exists());
    assert_eq!(
        fs::read(&first).unwrap()[18],
        1,
        "a rollback-journal file, self-contained"
    );
    assert_eq!(
        c.store()
            .daily_backup_if_due(day1 + chrono::Duration::hours(9))
            .unwrap(),
        None
    );
    study(&mut c, 1);
    let second = c
        .store()
        .daily_backup_if_due(local(2026, 3, 3, 8))
        .unwrap()
        .unwrap();
    assert_eq!(reviews_in(&second), 4);
    let list = backup::list(dir.path()).unwrap();
    let paths: Vec<_> = list.iter().map(|b| b.path.clone()).collect();
    assert_eq!(paths, vec![second.clone(), first.clone()], "newest first");
    for b in &list {
        assert_eq!(b.size, fs::metadata(&b.path).unwrap().len());
        assert_eq!(b.reason, BackupReason::Daily);
        assert!(b.is_good(), "{:?}", b.problem);
    }
    assert_eq!(list[0].taken, local(2026, 3, 3, 8));
    // A backup that went bad is listed as such and not offered.
    cut(&second, 1000);
    let list = backup::list(dir.path()).unwrap();
    assert!(list[0].problem.is_some());
    assert_eq!(backup::latest_good(dir.path()).unwrap().path, first);
}

#[test]
fn an_older_file_is_backed_up_before_its_migration() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut conn = rusqlite::Connection::open(dir.path().join(FILE_NAME)).unwrap();
        schema::create_at_version(&mut conn, 1).unwrap();
        conn.execute("INSERT INTO settings (key, value) VALUES ('k', 'v1')", [])
            .unwrap();
    }
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(
        schema::version(store.raw_connection_for_tests()).unwrap(),
        schema::VERSION
    );
    let list = backup::list(dir.path()).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].reason, BackupReason::BeforeMigration);
    let conn = rusqlite::Connection::open(&list[0].path).unwrap();
    assert_eq!(
        schema::version(&conn).unwrap(),
        1,
        "the file as the older build left it"
    );
    let v: String = conn
        .query_row("SELECT value FROM settings WHERE key = 'k'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(v, "v1");
    let import = store.backup_before_import().unwrap();
    assert_eq!(backup::scan(dir.path()).unwrap()[0].path, import);
    assert_eq!(
        backup::scan(dir.path()).unwrap()[0].reason,
        BackupReason::BeforeImport
    );
}

#[test]
fn restore_backs_up_the_current_file_first_and_never_runs_beside_another_copy() {
    let dir = tempfile::tempdir().unwrap();
    let main = dir.path().join(FILE_NAME);
    let mut c = collection_in(dir.path(), 8);
    study(&mut c, 3);
    let three = c.store().backup_before_import().unwrap();
    study(&mut c, 2);
    // This copy holds the lock: a restore must wait until it lets go.
    match backup::restore(dir.path(), &three) {
        Err(StoreError::Locked(_)) => {}
        other => panic!("expected Locked, got {other:?}"),
    }
    assert_eq!(c.store().review_count().unwrap(), 5);
    drop(c);
    let restored = backup::restore(dir.path(), &three).unwrap();
    let safety = restored.safety_backup.unwrap();
    assert_eq!(reviews_in(&safety), 5, "the replaced file is kept");
    assert!(backup::check_file(&safety).is_none());
    assert!(!backup::sidecar_path(&main, "-wal").exists());
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.review_count().unwrap(), 3);
    assert_eq!(store.integrity_check().unwrap(), "ok");
    drop(store);
    // A damaged backup is refused and the current file is left alone.
    let before = fs::read(&main).unwrap();
    let bad = dir.path().join("bad.sqlite3");
    fs::write(&bad, vec![7u8; 4096]).unwrap();
    assert!(matches!(
        backup::restore(dir.path(), &bad),
        Err(StoreError::Corrupt { .. })
    ));
    assert_eq!(fs::read(&main).unwrap(), before);
}

#[test]
fn pruning_keeps_what_the_rule_keeps_and_nothing_else_is_touched() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = collection_in(dir.path(), 4);
    study(&mut c, 1);
    let model = c.store().backup_before_import().unwrap();
    let folder = backup::backup_dir(dir.path());
    let start = local(2026, 1, 1, 9);
    let mut made = Vec::new();
    for d in 0..60 {
        let t = start + chrono::Duration::days(d);
        let p = folder.join(format!(
            "progress-{}-daily.sqlite3",
            t.format("%Y-%m-%d_%H%M%S")
        ));
        fs::copy(&model, &p).unwrap();
        made.push((t, BackupReason::Daily));
    }
    fs::write(folder.join("notes.txt"), "mine").unwrap();
    // A temporary file left by a crash an hour ago goes; one being written now stays.
    let stale = folder.join("progress-2026-01-01_090000-daily.tmp");
    fs::write(&stale, "cut short").unwrap();
    fs::File::options()
        .write(true)
        .open(&stale)
        .unwrap()
        .set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(3600))
        .unwrap();
    let young = folder.join("progress-2026-01-02_090000-daily.tmp");
    fs::write(&young, "being written").unwrap();
    made.push(backup::parse_name(&model.file_name().unwrap().to_string_lossy()).unwrap());
    backup::prune(dir.path()).unwrap();
    let left = backup::scan(dir.path()).unwrap();
    let mut expected: Vec<_> = made
        .iter()
        .zip(backup::retained(&made))
        .filter(|(_, k)| *k)
        .map(|(b, _)| b.0)
        .collect();
    expected.sort_by(|a, b| b.cmp(a));
    assert!(expected.len() < 20, "{expected:?}");
    let got: Vec<_> = left.iter().map(|b| b.taken).collect();
    assert_eq!(got, expected);
    assert!(folder.join("notes.txt").exists());
    assert!(!stale.exists());
    assert!(young.exists());
}
