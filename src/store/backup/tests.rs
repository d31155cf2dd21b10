//! Unit tests of the backup names and the retention rule (7 daily, 4 weekly, 6 monthly).

use chrono::{Datelike, NaiveDate, NaiveDateTime};

use super::*;

fn at(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d)
        .unwrap()
        .and_hms_opt(h, 0, 0)
        .unwrap()
}

fn kept(list: &[(NaiveDateTime, BackupReason)]) -> Vec<NaiveDateTime> {
    let mut out: Vec<NaiveDateTime> = list
        .iter()
        .zip(retained(list))
        .filter(|(_, k)| *k)
        .map(|(b, _)| b.0)
        .collect();
    out.sort();
    out
}

#[test]
fn names_round_trip() {
    let t = at(2026, 5, 1, 9);
    let dir = std::env::temp_dir();
    for r in BackupReason::ALL {
        let p = free_name(&dir.join("no-such-folder"), t, r);
        let name = p.file_name().unwrap().to_str().unwrap();
        assert_eq!(parse_name(name), Some((t, r)), "{name}");
    }
    assert_eq!(
        parse_name("progress-2026-05-01_090000-daily-3.sqlite3"),
        Some((t, BackupReason::Daily))
    );
    for other in [
        "progress.sqlite3",
        "progress-2026-05-01_090000-daily.sqlite3.tmp",
        "progress-2026-13-01_090000-daily.sqlite3",
        "progress-2026-05-01_090000-weekly.sqlite3",
        "progress-2026-05-01_090000-daily-x.sqlite3",
        "notes.txt",
    ] {
        assert_eq!(parse_name(other), None, "{other}");
    }
}

#[test]
fn one_backup_a_day_for_400_days_keeps_7_daily_4_weekly_6_monthly() {
    let first = at(2025, 1, 1, 9);
    let list: Vec<_> = (0..400)
        .map(|d| (first + chrono::Duration::days(d), BackupReason::Daily))
        .collect();
    let last = list.last().unwrap().0;
    assert_eq!(last.date(), NaiveDate::from_ymd_opt(2026, 2, 4).unwrap()); // a Wednesday
    let kept = kept(&list);
    let dates: Vec<String> = kept.iter().map(|t| t.date().to_string()).collect();
    assert_eq!(
        dates,
        [
            // Monthly: the newest of September to December 2025 (January's and February's
            // newest are kept as weekly or daily ones too).
            "2025-09-30",
            "2025-10-31",
            "2025-11-30",
            "2025-12-31",
            // Weekly: the newest (Sunday) of the weeks before this one and last week.
            "2026-01-18",
            "2026-01-25",
            // Daily: the last seven days; 31 January is also January's newest, 1 February
            // last week's newest, 4 February this week's and this month's.
            "2026-01-29",
            "2026-01-30",
            "2026-01-31",
            "2026-02-01",
            "2026-02-02",
            "2026-02-03",
            "2026-02-04",
        ]
    );
    assert!(kept.len() <= KEEP_DAILY + KEEP_WEEKLY + KEEP_MONTHLY);
}

#[test]
fn several_backups_a_day_keep_only_the_newest_of_each_day() {
    let mut list = Vec::new();
    for d in 1..=3 {
        for h in [8, 12, 20] {
            list.push((at(2026, 3, d, h), BackupReason::Daily));
        }
    }
    assert_eq!(
        kept(&list),
        vec![at(2026, 3, 1, 20), at(2026, 3, 2, 20), at(2026, 3, 3, 20)]
    );
}

#[test]
fn the_newest_backup_before_a_migration_import_or_restore_is_kept_whatever_its_age() {
    let mut list: Vec<_> = (0..60)
        .map(|d| {
            (
                at(2026, 1, 1, 9) + chrono::Duration::days(d),
                BackupReason::Daily,
            )
        })
        .collect();
    // Same day as a later daily backup, and long ago: still kept.
    list.push((at(2026, 1, 2, 8), BackupReason::BeforeMigration));
    list.push((at(2026, 1, 3, 8), BackupReason::BeforeImport));
    list.push((at(2026, 1, 4, 8), BackupReason::BeforeImport));
    list.push((at(2026, 1, 5, 8), BackupReason::BeforeRestore));
    let kept = kept(&list);
    assert!(kept.contains(&at(2026, 1, 2, 8)));
    assert!(
        !kept.contains(&at(2026, 1, 3, 8)),
        "an older import's is not"
    );
    assert!(kept.contains(&at(2026, 1, 4, 8)));
    assert!(kept.contains(&at(2026, 1, 5, 8)));
}

#[test]
fn gaps_count_days_that_have_backups() {
    // A backup every tenth day: the seven newest days that have one are kept, however old.
    let list: Vec<_> = (0..10)
        .map(|i| {
            (
                at(2026, 1, 1, 9) + chrono::Duration::days(i * 10),
                BackupReason::Daily,
            )
        })
        .collect();
    let kept = kept(&list);
    for (t, _) in &list[3..] {
        assert!(kept.contains(t), "{t}");
    }
    assert!(kept.iter().all(|t| t.year() == 2026));
    assert!(retained(&[]).is_empty());
}
