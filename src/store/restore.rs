//! Restoring a backup: with the data directory's lock only (never beside another copy of the
//! app), after checking the backup and backing up the current file, by renaming a synced copy
//! over the progress file, so that a crash at any moment leaves one whole file or the other.

use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use super::backup::{
    BackupReason, backup_dir, check_file, create, free_name, io_error, now, sidecar_path, sync_dir,
    sync_file,
};
use super::recovery::acquire_lock;
use super::{FILE_NAME, StoreError};

/// A finished restore.
#[derive(Debug, Clone, PartialEq)]
pub struct Restored {
    pub restored_from: PathBuf,
    /// The backup of the file that was replaced (none when there was no file).
    pub safety_backup: Option<PathBuf>,
}

/// Replaces the progress file with a backup. Takes the data directory's lock (so it fails
/// with [`StoreError::Locked`] while any copy of the app, this one included, has the progress
/// open: drop the `Collection` first, then open it again). The backup is checked, copied
/// beside the progress file and synced; the current file is backed up; then the copy is
/// renamed over it, so a crash at any moment leaves one whole file or the other.
pub fn restore(data_dir: &Path, backup: &Path) -> Result<Restored, StoreError> {
    let _lock = acquire_lock(data_dir)?;
    if let Some(reason) = check_file(backup) {
        return Err(StoreError::Corrupt {
            path: backup.to_path_buf(),
            reason,
        });
    }
    let main = data_dir.join(FILE_NAME);
    let tmp = data_dir.join(format!(".{FILE_NAME}.restoring"));
    let staged = stage(backup, &tmp);
    if let Err(e) = staged {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    let safety = match fs::metadata(&main) {
        Ok(m) if m.len() > 0 => match back_up_current(&main, data_dir) {
            Ok(p) => Some(p),
            Err(e) => {
                let _ = fs::remove_file(&tmp);
                return Err(e);
            }
        },
        _ => None,
    };
    // The log and shared memory belong to the file being replaced: SQLite would apply an old
    // log to the new file. They are in the safety backup.
    for suffix in ["-wal", "-shm", "-journal"] {
        remove_if_there(&sidecar_path(&main, suffix))?;
    }
    fs::rename(&tmp, &main).map_err(io_error)?;
    sync_dir(data_dir);
    Ok(Restored {
        restored_from: backup.to_path_buf(),
        safety_backup: safety,
    })
}

/// Copies a backup to `tmp`, syncs it and checks the copy.
fn stage(backup: &Path, tmp: &Path) -> Result<(), StoreError> {
    fs::copy(backup, tmp).map_err(io_error)?;
    sync_file(tmp)?;
    match check_file(tmp) {
        None => Ok(()),
        Some(reason) => Err(StoreError::Corrupt {
            path: backup.to_path_buf(),
            reason,
        }),
    }
}

/// Backs up the progress file before a restore: through SQLite when it opens, else byte for
/// byte (with its log), so that even a damaged file is kept.
fn back_up_current(main: &Path, data_dir: &Path) -> Result<PathBuf, StoreError> {
    let online = Connection::open_with_flags(main, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(StoreError::from)
        .and_then(|conn| create(&conn, data_dir, BackupReason::BeforeRestore, now()));
    if let Ok(p) = online {
        return Ok(p);
    }
    let dir = backup_dir(data_dir);
    fs::create_dir_all(&dir).map_err(io_error)?;
    let path = free_name(&dir, now(), BackupReason::BeforeRestore);
    fs::copy(main, &path).map_err(io_error)?;
    sync_file(&path)?;
    let wal = sidecar_path(main, "-wal");
    if wal.exists() {
        let to = sidecar_path(&path, "-wal");
        fs::copy(&wal, &to).map_err(io_error)?;
        sync_file(&to)?;
    }
    sync_dir(&dir);
    Ok(path)
}

fn remove_if_there(path: &Path) -> Result<(), StoreError> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(io_error(e)),
        _ => Ok(()),
    }
}
