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

use super::backup::{BackupInfo, io_error};
use super::damaged::start_over;
use super::health::examine_with;
use super::read_only::{cannot_write, read_only};
use super::{DataLock, FILE_NAME, Store, StoreError, schema};

pub(crate) use super::health::{Health, examine};
pub use super::later_check::{LaterCheck, check_later};
pub(crate) use super::read_only::open_file_read_only;

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
