//! What would hold up the first frame, done later (the study layer runs it on a worker):
//! SQLite's full integrity check of the progress file, then the day's backup.

use super::health::{Health, examine_with};
use super::recovery::Notice;
use super::{FILE_NAME, StoreError};

/// What [`check_later`] found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LaterCheck {
    pub notice: Option<String>,
    pub restore_candidate: Option<std::path::PathBuf>,
}

/// What would hold up the first frame: SQLite's full integrity check of the progress file,
/// then the day's backup, both through a read-only connection (the app keeps answering
/// meanwhile; the backup copies one consistent snapshot).
pub fn check_later(data_dir: &std::path::Path) -> LaterCheck {
    let data_dir = data_dir.to_path_buf();
    {
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
    }
}
