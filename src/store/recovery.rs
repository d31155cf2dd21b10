//! Opening the progress file whatever state it is in, without ever starting over silently or
//! overwriting a file the app cannot read:
//! - damaged (cut short, zeroed, random bytes, not a database, fails `PRAGMA integrity_check`):
//!   moved aside with its log to `progress.sqlite3.damaged-<time>`, a new file is started, and
//!   the notice says so and names the latest good backup to offer;
//! - written by a newer factquiz: left untouched, nothing is saved this session;
//! - held by another copy of the app, or in a folder that is read-only or full: opened
//!   read-only, with a message that says why;
//! - otherwise: opened, and the day's first backup taken.

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use rusqlite::{Connection, ErrorCode, OpenFlags};

use super::backup::{self, BackupInfo, io_error, sidecar_path, sync_dir};
use super::{DataLock, FILE_NAME, Store, StoreError, schema};

/// A progress store, opened, with what the user must be told.
pub struct Opened {
    pub store: Store,
    /// Why nothing can be saved this session (another copy holds the lock, the folder is
    /// read-only or full, the file is from a newer factquiz); `None` when the store writes.
    pub read_only: Option<String>,
    /// Something that happened while opening, to show once.
    pub notice: Option<Notice>,
}

/// What happened while opening, in plain words through `Display`.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// The file could not be used; it was moved aside and a new one started.
    Damaged {
        moved_to: PathBuf,
        reason: String,
        /// The newest backup that passes its checks: offer to restore it.
        latest_good: Option<BackupInfo>,
    },
    /// The file is from a newer factquiz and was left untouched.
    Newer { found: i64, supported: i64 },
    /// The day's backup could not be taken (the progress itself opened fine).
    BackupFailed(String),
}

impl Notice {
    /// The backup to offer with "Restore the latest good backup".
    pub fn restore_candidate(&self) -> Option<&Path> {
        match self {
            Notice::Damaged {
                latest_good: Some(b),
                ..
            } => Some(&b.path),
            _ => None,
        }
    }
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Notice::Damaged {
                moved_to,
                reason,
                latest_good,
            } => {
                write!(
                    f,
                    "Your progress file could not be used: {reason}. It was moved aside, \
                     unchanged, to {}, and factquiz started a new, empty progress file. ",
                    moved_to.display()
                )?;
                match latest_good {
                    Some(b) => write!(
                        f,
                        "The latest good backup was taken on {} ({}): restore it to get your \
                         progress back.",
                        b.taken.format("%-d %B %Y at %H:%M"),
                        b.reason.describe()
                    ),
                    None => f.write_str(
                        "There is no good backup to restore; keep the damaged file, it may be \
                         repairable.",
                    ),
                }
            }
            Notice::Newer { found, supported } => write!(
                f,
                "Your progress file was written by a newer version of factquiz (file format \
                 {found}; this version reads up to {supported}). It was left untouched. Update \
                 factquiz to go on with your progress; until then nothing you do is saved."
            ),
            Notice::BackupFailed(e) => write!(
                f,
                "Today's backup of your progress could not be made: {e}. Your progress itself \
                 is fine."
            ),
        }
    }
}

/// What a progress file is like, as far as SQLite can tell without writing to it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Health {
    /// No file, or a database with nothing in it yet.
    Empty,
    /// Sound; whether it holds any answer, card state or setting.
    Good {
        holds_progress: bool,
    },
    Damaged(String),
    Newer(i64),
}

/// Examines a progress file through a read-only connection (it sees the log, too). `full`
/// runs SQLite's integrity check, which reads the whole file; without it only the header,
/// the schema and the version are looked at (what the first frame can afford).
pub(crate) fn examine(path: &Path) -> Result<Health, rusqlite::Error> {
    examine_with(path, true)
}

pub(crate) fn examine_with(path: &Path, full: bool) -> Result<Health, rusqlite::Error> {
    if !path.exists() {
        return Ok(Health::Empty);
    }
    let run = || -> rusqlite::Result<Health> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version > schema::VERSION {
            return Ok(Health::Newer(version));
        }
        let rows: Vec<String> = if full {
            let mut stmt = conn.prepare("PRAGMA integrity_check(5)")?;
            stmt.query_map([], |r| r.get(0))?
                .collect::<Result<_, _>>()?
        } else {
            vec!["ok".to_string()]
        };
        if rows.first().map(String::as_str) != Some("ok") {
            return Ok(Health::Damaged(format!(
                "SQLite's integrity check failed ({})",
                rows.join("; ")
            )));
        }
        let tables: Vec<String> = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")?
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let ours = ["card", "card_state", "review", "settings"]
            .iter()
            .all(|t| tables.iter().any(|n| n == t));
        Ok(match (version, tables.is_empty(), ours) {
            (0, true, _) => Health::Empty,
            (1.., _, true) => Health::Good {
                holds_progress: conn.query_row(
                    "SELECT EXISTS (SELECT 1 FROM review) OR EXISTS (SELECT 1 FROM card_state)
                         OR EXISTS (SELECT 1 FROM settings)",
                    [],
                    |r| r.get(0),
                )?,
            },
            _ => Health::Damaged("it is a database, but not a factquiz progress file".into()),
        })
    };
    run().or_else(|e| match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => Ok(Health::Damaged(
            "it is not a database any more (it may have been cut short or overwritten)".into(),
        )),
        Some(ErrorCode::DatabaseCorrupt) => Ok(Health::Damaged(format!(
            "SQLite reports it as damaged ({e})"
        ))),
        _ => Err(e),
    })
}

/// Opens the progress of a data directory; see the module's documentation.
pub fn open_with_recovery(data_dir: &Path) -> Result<Opened, StoreError> {
    open_with_recovery_at(data_dir, chrono::Local::now().naive_local())
}

/// [`open_with_recovery`] at a given local time (which names moved files and the backup day).
pub fn open_with_recovery_at(data_dir: &Path, now: NaiveDateTime) -> Result<Opened, StoreError> {
    open_inner(data_dir, now, true)
}

/// Like [`open_with_recovery`], without what reads the whole file: the integrity check and
/// the day's backup are left to [`check_later`], so the window opens at once. A file that is
/// not a database any more (cut short, zeroed, overwritten) is still caught here.
pub fn open_fast(data_dir: &Path) -> Result<Opened, StoreError> {
    open_inner(data_dir, chrono::Local::now().naive_local(), false)
}

/// What [`check_later`] found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LaterCheck {
    pub notice: Option<String>,
    pub restore_candidate: Option<std::path::PathBuf>,
}

/// Runs on a worker thread what would hold up the first frame: SQLite's full integrity check
/// of the progress file, then the day's backup, both through a read-only connection (the app
/// keeps answering meanwhile; the backup copies one consistent snapshot).
pub fn check_later(data_dir: std::path::PathBuf) -> std::thread::JoinHandle<LaterCheck> {
    std::thread::spawn(move || {
        let path = data_dir.join(FILE_NAME);
        match examine_with(&path, true) {
            Ok(Health::Damaged(reason)) => {
                let latest = super::backup::latest_good(&data_dir);
                LaterCheck {
                    notice: Some(format!(
                        "Your progress file failed SQLite's check: {reason}. Answers may not be safe in it. {}",
                        match &latest {
                            Some(b) => format!(
                                "Restore the latest good backup, of {} (your current file is backed up first).",
                                b.taken.format("%Y-%m-%d %H:%M")
                            ),
                            None => "There is no good backup to restore.".to_string(),
                        }
                    )),
                    restore_candidate: latest.map(|b| b.path),
                }
            }
            Ok(Health::Good {
                holds_progress: true,
            }) => {
                let now = chrono::Local::now().naive_local();
                let done_today = super::backup::scan(&data_dir)
                    .map(|l| l.iter().any(|b| b.taken.date() == now.date()))
                    .unwrap_or(true);
                if done_today {
                    return LaterCheck::default();
                }
                let made = rusqlite::Connection::open_with_flags(
                    &path,
                    rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
                )
                .map_err(StoreError::from)
                .and_then(|conn| {
                    super::backup::create(&conn, &data_dir, super::backup::BackupReason::Daily, now)
                });
                LaterCheck {
                    notice: made
                        .err()
                        .map(|e| Notice::BackupFailed(e.to_string()).to_string()),
                    restore_candidate: None,
                }
            }
            _ => LaterCheck::default(),
        }
    })
}

fn open_inner(data_dir: &Path, now: NaiveDateTime, full: bool) -> Result<Opened, StoreError> {
    if let Err(e) = fs::create_dir_all(data_dir) {
        let e = io_error(e);
        return if e.is_write_refused() {
            read_only(data_dir, cannot_write(data_dir, &e))
        } else {
            Err(e)
        };
    }
    let lock = match acquire_lock(data_dir) {
        Ok(lock) => lock,
        Err(e @ StoreError::Locked(_)) => return read_only(data_dir, e.to_string()),
        Err(e) if e.is_write_refused() => return read_only(data_dir, cannot_write(data_dir, &e)),
        Err(e) => return Err(e),
    };
    let path = data_dir.join(FILE_NAME);
    let health = examine_with(&path, full)?;
    match health {
        Health::Newer(found) => {
            let notice = Notice::Newer {
                found,
                supported: schema::VERSION,
            };
            Ok(Opened {
                store: Store::in_memory()?,
                read_only: Some(
                    "Your progress file is from a newer version of factquiz: nothing you do is \
                     saved until you update."
                        .into(),
                ),
                notice: Some(notice),
            })
        }
        Health::Damaged(reason) => start_over(data_dir, lock, reason, now),
        Health::Empty | Health::Good { .. } => match Store::open_locked(data_dir, lock) {
            Ok(store) => {
                let notice = if full {
                    store
                        .daily_backup_if_due(now)
                        .err()
                        .map(|e| Notice::BackupFailed(e.to_string()))
                } else {
                    None
                };
                Ok(Opened {
                    store,
                    read_only: None,
                    notice,
                })
            }
            Err(StoreError::Corrupt { reason, .. }) => {
                // Damage that the read-only look missed: move the file aside after all.
                let lock = acquire_lock(data_dir)?;
                start_over(data_dir, lock, reason, now)
            }
            Err(e) if e.is_write_refused() => read_only(data_dir, cannot_write(data_dir, &e)),
            Err(e) => Err(e),
        },
    }
}

/// Moves a damaged file aside and starts a new one, with the lock held.
fn start_over(
    data_dir: &Path,
    lock: DataLock,
    reason: String,
    now: NaiveDateTime,
) -> Result<Opened, StoreError> {
    let moved_to = move_aside(&data_dir.join(FILE_NAME), now)?;
    let notice = Notice::Damaged {
        moved_to,
        reason,
        latest_good: backup::latest_good(data_dir),
    };
    match Store::open_locked(data_dir, lock) {
        Ok(store) => Ok(Opened {
            store,
            read_only: None,
            notice: Some(notice),
        }),
        Err(e) if e.is_write_refused() => Ok(Opened {
            store: Store::in_memory()?,
            read_only: Some(cannot_write(data_dir, &e)),
            notice: Some(notice),
        }),
        Err(e) => Err(e),
    }
}

/// Renames a progress file and the files SQLite keeps beside it to
/// `progress.sqlite3.damaged-<time>` (the log first, so that no old log is ever left beside a
/// new file). Returns the new name of the file.
fn move_aside(path: &Path, now: NaiveDateTime) -> Result<PathBuf, StoreError> {
    let stem = format!("{FILE_NAME}.damaged-{}", now.format("%Y-%m-%d_%H%M%S"));
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut to = dir.join(&stem);
    let mut n = 2;
    while to.exists() || sidecar_path(&to, "-wal").exists() {
        to = dir.join(format!("{stem}-{n}"));
        n += 1;
    }
    for suffix in ["-wal", "-journal", "-shm"] {
        let from = sidecar_path(path, suffix);
        if from.exists() {
            fs::rename(&from, sidecar_path(&to, suffix)).map_err(io_error)?;
        }
    }
    fs::rename(path, &to).map_err(io_error)?;
    sync_dir(dir);
    Ok(to)
}

/// The progress opened read-only (or an empty store, when it cannot be read), with `why`.
fn read_only(data_dir: &Path, mut why: String) -> Result<Opened, StoreError> {
    let store = if data_dir.join(FILE_NAME).exists() {
        match Store::open_read_only(data_dir) {
            Ok(store) => store,
            Err(e) => {
                why.push_str(&format!(" Your progress could not be read either: {e}."));
                Store::in_memory()?
            }
        }
    } else {
        Store::in_memory()?
    };
    Ok(Opened {
        store,
        read_only: Some(why),
        notice: None,
    })
}

fn cannot_write(data_dir: &Path, e: &StoreError) -> String {
    use std::io::ErrorKind;
    let what = match e {
        StoreError::DiskFull => "the disk is full".to_string(),
        StoreError::ReadOnly => "it is read-only".to_string(),
        StoreError::Io(io) => match io.kind() {
            ErrorKind::StorageFull | ErrorKind::QuotaExceeded => "the disk is full".to_string(),
            ErrorKind::ReadOnlyFilesystem => "it is read-only".to_string(),
            ErrorKind::PermissionDenied => "permission denied".to_string(),
            _ => io.to_string(),
        },
        other => other.to_string(),
    };
    format!(
        "factquiz cannot write to its data folder {} ({what}): you can study, but nothing will \
         be saved until it can. Everything saved before is safe.",
        data_dir.display()
    )
}

/// Takes the data directory's lock, waiting up to half a second for a holder that is about to
/// let go (a copy of the app that is closing, a child process that has not yet dropped the
/// descriptor it inherited) before reporting [`StoreError::Locked`].
pub(crate) fn acquire_lock(data_dir: &Path) -> Result<DataLock, StoreError> {
    let mut tries = 0;
    loop {
        match DataLock::acquire(data_dir) {
            Err(StoreError::Locked(_)) if tries < 10 => {
                tries += 1;
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            other => return other,
        }
    }
}

/// A read-only connection. In a read-only folder SQLite cannot create the shared-memory file
/// a write-ahead-log database needs; when no log is waiting there, the file is opened as
/// immutable instead (nothing can change it while the folder is read-only).
pub(crate) fn open_file_read_only(path: &Path) -> Result<Connection, StoreError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    match Connection::open_with_flags(path, flags) {
        Ok(conn) => {
            // The failure shows on first read, not on open.
            match conn.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0)) {
                Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::CannotOpen) => {}
                _ => return Ok(conn),
            }
        }
        Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::CannotOpen) => {}
        Err(e) => return Err(e.into()),
    }
    let wal = sidecar_path(path, "-wal");
    if std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0) || !path.exists() {
        return Err(StoreError::ReadOnly);
    }
    let mut uri = String::from("file:");
    for c in path.to_string_lossy().chars() {
        match c {
            '%' | '?' | '#' => uri.push_str(&format!("%{:02X}", c as u32)),
            '\\' => uri.push('/'),
            c => uri.push(c),
        }
    }
    uri.push_str("?immutable=1");
    Ok(Connection::open_with_flags(
        uri,
        flags | OpenFlags::SQLITE_OPEN_URI,
    )?)
}
