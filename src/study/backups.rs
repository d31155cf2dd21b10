//! Backups as the screens see them: the list of backups of a data directory, the latest good
//! one, and restoring one. Restoring replaces the progress file, so it happens with the
//! collection closed (the caller drops it, restores, and opens the collection again).

use std::path::{Path, PathBuf};

use super::Collection;
use super::error::StudyResult;
pub use crate::store::backup::{BackupInfo, BackupReason};

/// The backups of a data directory, newest first (names and sizes; a backup is checked when
/// it is restored).
pub fn backups(data_dir: &Path) -> StudyResult<Vec<BackupInfo>> {
    Ok(crate::store::backup::scan(data_dir)?)
}

/// The newest backup that passes its checks.
pub fn latest_good(data_dir: &Path) -> Option<BackupInfo> {
    crate::store::backup::latest_good(data_dir)
}

/// Puts `backup` in place of the data directory's progress file (the current file is backed
/// up first); returns what the user is told. The collection must be closed.
pub fn restore(data_dir: &Path, backup: &Path) -> StudyResult<String> {
    let r = crate::store::backup::restore(data_dir, backup)?;
    Ok(match r.safety_backup {
        Some(b) => format!(
            "Restored {}. The file it replaced was kept as {}.",
            backup.display(),
            b.display()
        ),
        None => format!("Restored {}.", backup.display()),
    })
}

impl Collection {
    /// This collection's backups (none without a data directory).
    pub fn backups(&self) -> StudyResult<Vec<BackupInfo>> {
        self.data_dir.as_deref().map_or(Ok(Vec::new()), backups)
    }

    /// Takes a backup before an import (the store writes it beside the progress).
    pub fn backup_before_import(&self) -> StudyResult<PathBuf> {
        Ok(self.store.backup_before_import()?)
    }
}
