//! A damaged progress file: moved aside, unchanged and with the files SQLite keeps beside it, to
//! `progress.sqlite3.damaged-<time>`, and a new file started in its place.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;

use super::backup::{self, io_error, sidecar_path, sync_dir};
use super::read_only::cannot_write;
use super::recovery::{Notice, Opened};
use super::{DataLock, FILE_NAME, Store, StoreError};

/// Moves a damaged file aside and starts a new one, with the lock held.
pub(super) fn start_over(
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
