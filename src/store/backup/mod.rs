//! Backups of the progress file in `<data dir>/backups/`: one when the app first starts on a
//! day, one before a migration, one before an import, one before a restore. Each is taken with
//! SQLite's online backup API (a consistent copy even while the write-ahead log holds answers),
//! written to a temporary name, synced and renamed, so a backup is whole or absent. Kept: the
//! newest of each of the last 7 days, 4 weeks and 6 months that have one, plus the newest
//! backup taken before a migration, an import and a restore. Restoring one is in `restore`.

use std::fs::{self, File, OpenOptions};
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDateTime};
use rusqlite::Connection;
use rusqlite::backup::{Backup, StepResult};

use super::recovery::{Health, examine};
pub use super::restore::{Restored, restore};
use super::{Store, StoreError, schema};

/// The folder of backups inside the data directory.
pub const DIR_NAME: &str = "backups";
/// How many days, weeks and months keep their newest backup.
pub const KEEP_DAILY: usize = 7;
pub const KEEP_WEEKLY: usize = 4;
pub const KEEP_MONTHLY: usize = 6;

const PREFIX: &str = "progress-";
const SUFFIX: &str = ".sqlite3";
const STAMP: &str = "%Y-%m-%d_%H%M%S";
const STAMP_LEN: usize = 17;
const TEMP_EXT: &str = "tmp";

/// Why a backup was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BackupReason {
    /// The first start of the app on a day.
    Daily,
    BeforeMigration,
    BeforeImport,
    BeforeRestore,
}

impl BackupReason {
    const ALL: [BackupReason; 4] = [
        BackupReason::Daily,
        BackupReason::BeforeMigration,
        BackupReason::BeforeImport,
        BackupReason::BeforeRestore,
    ];

    /// The word in the file name.
    fn slug(self) -> &'static str {
        match self {
            BackupReason::Daily => "daily",
            BackupReason::BeforeMigration => "before_migration",
            BackupReason::BeforeImport => "before_import",
            BackupReason::BeforeRestore => "before_restore",
        }
    }

    /// Plain words, for a list of backups: "daily", "before an import".
    pub fn describe(self) -> &'static str {
        match self {
            BackupReason::Daily => "daily",
            BackupReason::BeforeMigration => "before an update of the file format",
            BackupReason::BeforeImport => "before an import",
            BackupReason::BeforeRestore => "before a restore",
        }
    }
}

/// One backup file, as the list of backups shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct BackupInfo {
    pub path: PathBuf,
    /// When it was taken, local time.
    pub taken: NaiveDateTime,
    pub reason: BackupReason,
    /// Its size in bytes.
    pub size: u64,
    /// What is wrong with it (`PRAGMA integrity_check` failed, written by a newer factquiz);
    /// `None` when it is good to restore. Always `None` from [`scan`], which does not check.
    pub problem: Option<String>,
}

impl BackupInfo {
    pub fn is_good(&self) -> bool {
        self.problem.is_none()
    }
}

pub fn backup_dir(data_dir: &Path) -> PathBuf {
    data_dir.join(DIR_NAME)
}

impl Store {
    /// Backs up this store's file now. Needs the data directory's lock.
    pub fn backup(&self, reason: BackupReason) -> Result<PathBuf, StoreError> {
        let (Some(dir), true) = (self.data_dir(), self.holds_lock()) else {
            return Err(StoreError::ReadOnly);
        };
        create(&self.conn, dir, reason, now())
    }

    /// The backup the import code takes before it changes anything.
    pub fn backup_before_import(&self) -> Result<PathBuf, StoreError> {
        self.backup(BackupReason::BeforeImport)
    }

    /// Takes the day's backup unless one was taken on `now`'s (local) date already, or the
    /// file holds nothing yet. Returns the new backup's path.
    pub fn daily_backup_if_due(&self, now: NaiveDateTime) -> Result<Option<PathBuf>, StoreError> {
        let (Some(dir), true) = (self.data_dir(), self.holds_lock()) else {
            return Ok(None);
        };
        let holds_something: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM review) OR EXISTS (SELECT 1 FROM card_state)
                 OR EXISTS (SELECT 1 FROM settings)",
            [],
            |r| r.get(0),
        )?;
        if !holds_something || scan(dir)?.iter().any(|b| b.taken.date() == now.date()) {
            return Ok(None);
        }
        create(&self.conn, dir, BackupReason::Daily, now).map(Some)
    }
}

pub(crate) fn now() -> NaiveDateTime {
    chrono::Local::now().naive_local()
}

/// Copies the database of `conn` into a new backup file, then drops the backups that the
/// retention rule no longer keeps. The caller holds the data directory's lock.
pub(crate) fn create(
    conn: &Connection,
    data_dir: &Path,
    reason: BackupReason,
    taken: NaiveDateTime,
) -> Result<PathBuf, StoreError> {
    let dir = backup_dir(data_dir);
    fs::create_dir_all(&dir).map_err(io_error)?;
    let path = free_name(&dir, taken, reason);
    let tmp = path.with_extension(TEMP_EXT);
    let result = copy_online(conn, &tmp).and_then(|()| {
        sync_file(&tmp)?;
        fs::rename(&tmp, &path).map_err(io_error)?;
        sync_dir(&dir);
        Ok(())
    });
    if let Err(e) = result {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    prune(data_dir)?;
    Ok(path)
}

/// The database of `src` copied into a new file at `dst`, in one step of the online backup
/// API (one consistent snapshot), then set to a rollback journal so that the copy is a single
/// self-contained file.
fn copy_online(src: &Connection, dst: &Path) -> Result<(), StoreError> {
    let _ = fs::remove_file(dst);
    let mut out = Connection::open(dst)?;
    // A copy is written once, page after page: a small page cache does it as fast, and the
    // app (which makes the day's copy on a worker) stays small.
    out.pragma_update(None, "cache_size", -256)?;
    {
        let backup = Backup::new(src, &mut out)?;
        let mut tries = 0;
        loop {
            match backup.step(-1)? {
                StepResult::Done => break,
                _ if tries < 200 => {
                    tries += 1;
                    std::thread::sleep(std::time::Duration::from_millis(10));
                }
                _ => {
                    return Err(StoreError::Io(std::io::Error::other(
                        "the progress file stayed busy; the backup was not taken",
                    )));
                }
            }
        }
    }
    out.pragma_update(None, "journal_mode", "DELETE")?;
    out.close().map_err(|(_, e)| StoreError::from(e))?;
    Ok(())
}

/// A name for a backup taken at `taken` that no file has yet.
pub(crate) fn free_name(dir: &Path, taken: NaiveDateTime, reason: BackupReason) -> PathBuf {
    let stem = format!("{PREFIX}{}-{}", taken.format(STAMP), reason.slug());
    let mut path = dir.join(format!("{stem}{SUFFIX}"));
    let mut n = 2;
    while path.exists() {
        path = dir.join(format!("{stem}-{n}{SUFFIX}"));
        n += 1;
    }
    path
}

/// Reads a backup's time and reason from its file name; `None` for any other file.
pub fn parse_name(name: &str) -> Option<(NaiveDateTime, BackupReason)> {
    let rest = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    let stamp = rest.get(..STAMP_LEN)?;
    let taken = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?;
    let tail = rest.get(STAMP_LEN..)?.strip_prefix('-')?;
    let (slug, n) = tail.split_once('-').unwrap_or((tail, "2"));
    n.parse::<u32>().ok()?;
    let reason = BackupReason::ALL.into_iter().find(|r| r.slug() == slug)?;
    Some((taken, reason))
}

/// The backups in the data directory, newest first, without checking them.
pub fn scan(data_dir: &Path) -> Result<Vec<BackupInfo>, StoreError> {
    let rd = match fs::read_dir(backup_dir(data_dir)) {
        Ok(rd) => rd,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io_error(e)),
    };
    let mut found: Vec<(BackupInfo, Option<std::time::SystemTime>)> = rd
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let (taken, reason) = parse_name(entry.file_name().to_str()?)?;
            let meta = entry.metadata().ok().filter(fs::Metadata::is_file)?;
            let info = BackupInfo {
                path: entry.path(),
                taken,
                reason,
                size: meta.len(),
                problem: None,
            };
            Some((info, meta.modified().ok()))
        })
        .collect();
    // Newest first; backups taken in the same second by when they were written.
    found.sort_by(|(a, am), (b, bm)| b.taken.cmp(&a.taken).then_with(|| bm.cmp(am)));
    Ok(found.into_iter().map(|(b, _)| b).collect())
}

/// The backups, newest first, each checked with `PRAGMA integrity_check`.
pub fn list(data_dir: &Path) -> Result<Vec<BackupInfo>, StoreError> {
    let mut all = scan(data_dir)?;
    for b in &mut all {
        b.problem = check_file(&b.path);
    }
    Ok(all)
}

/// The newest backup that passes its checks, checking no more than needed.
pub fn latest_good(data_dir: &Path) -> Option<BackupInfo> {
    scan(data_dir)
        .ok()?
        .into_iter()
        .find(|b| check_file(&b.path).is_none())
}

/// What keeps a file from being restored: damage (`PRAGMA integrity_check`), not being a
/// factquiz progress file, a schema newer than this build reads, or holding nothing. `None`:
/// it is good.
pub fn check_file(path: &Path) -> Option<String> {
    if !path.is_file() {
        return Some("the file is not there".into());
    }
    match examine(path) {
        Ok(Health::Good {
            holds_progress: true,
        }) => None,
        Ok(Health::Good { .. } | Health::Empty) => Some("it holds no progress".into()),
        Ok(Health::Damaged(reason)) => Some(reason),
        Ok(Health::Newer(found)) => Some(format!(
            "it was written by a newer factquiz (file format {found}; this version reads up to {})",
            schema::VERSION
        )),
        Err(e) => Some(format!("it cannot be read: {e}")),
    }
}

/// A day, ISO week or month, as (year, number within the year).
type Period = fn(&NaiveDateTime) -> (i32, u32);

/// Which backups the retention rule keeps, for backups taken at these times for these
/// reasons: the newest of each of the last [`KEEP_DAILY`] days, [`KEEP_WEEKLY`] ISO weeks and
/// [`KEEP_MONTHLY`] months that have a backup, and the newest backup of each reason other
/// than daily (so that the copy from before a migration, import or restore survives).
pub fn retained(backups: &[(NaiveDateTime, BackupReason)]) -> Vec<bool> {
    let mut keep = vec![false; backups.len()];
    let mut newest_first: Vec<usize> = (0..backups.len()).collect();
    newest_first.sort_by(|&a, &b| backups[b].0.cmp(&backups[a].0));
    let periods: [(usize, Period); 3] = [
        (KEEP_DAILY, |t| (t.year(), t.ordinal())),
        (KEEP_WEEKLY, |t| (t.iso_week().year(), t.iso_week().week())),
        (KEEP_MONTHLY, |t| (t.year(), t.month())),
    ];
    for (count, period) in periods {
        let mut seen = Vec::with_capacity(count);
        for &i in &newest_first {
            let p = period(&backups[i].0);
            if seen.contains(&p) {
                continue;
            }
            if seen.len() == count {
                break;
            }
            seen.push(p);
            keep[i] = true;
        }
    }
    for reason in BackupReason::ALL {
        if reason == BackupReason::Daily {
            continue;
        }
        if let Some(&i) = newest_first.iter().find(|&&i| backups[i].1 == reason) {
            keep[i] = true;
        }
    }
    keep
}

/// Deletes the backups that [`retained`] does not keep, and temporary files left by a backup
/// that was cut short. Returns the deleted backups.
pub fn prune(data_dir: &Path) -> Result<Vec<PathBuf>, StoreError> {
    let dir = backup_dir(data_dir);
    if let Ok(rd) = fs::read_dir(&dir) {
        for entry in rd.filter_map(Result::ok) {
            let path = entry.path();
            let ours = entry
                .file_name()
                .to_str()
                .is_some_and(|n| n.starts_with(PREFIX));
            // A temporary file left by a crash; one being written right now (by the worker
            // that takes the day's backup, say) is young and stays.
            let stale = entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age > std::time::Duration::from_secs(600));
            if ours && stale && path.extension().is_some_and(|x| x == TEMP_EXT) {
                let _ = fs::remove_file(&path);
            }
        }
    }
    let all = scan(data_dir)?;
    let keys: Vec<_> = all.iter().map(|b| (b.taken, b.reason)).collect();
    let mut removed = Vec::new();
    for (b, keep) in all.iter().zip(retained(&keys)) {
        if !keep {
            match fs::remove_file(&b.path) {
                Ok(()) => removed.push(b.path.clone()),
                // Another prune (a worker's) got there first.
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(io_error(e)),
            }
        }
    }
    Ok(removed)
}

/// `progress.sqlite3` + "-wal": a file SQLite keeps beside a database.
pub fn sidecar_path(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_os_string();
    s.push(suffix);
    PathBuf::from(s)
}

pub(crate) fn sync_file(path: &Path) -> Result<(), StoreError> {
    OpenOptions::new()
        .write(true)
        .open(path)
        .and_then(|f| f.sync_all())
        .map_err(io_error)
}

/// Makes a rename in `dir` durable (a no-op where directories cannot be opened).
pub(crate) fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// A full disk and a read-only folder as their own errors.
pub(crate) fn io_error(e: std::io::Error) -> StoreError {
    match e.kind() {
        std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => StoreError::DiskFull,
        std::io::ErrorKind::ReadOnlyFilesystem => StoreError::ReadOnly,
        _ => StoreError::Io(e),
    }
}

#[cfg(test)]
mod tests;
