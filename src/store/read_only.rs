//! Opening the progress read-only, when it cannot be written (another copy of the app holds the
//! lock, the folder is read-only or full): the store, with a message that says why, and a
//! read-only connection that works even in a folder where SQLite cannot create its files.

use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use super::backup::sidecar_path;
use super::recovery::Opened;
use super::{FILE_NAME, Store, StoreError};

/// The progress opened read-only (or an empty store, when it cannot be read), with `why`.
pub(super) fn read_only(data_dir: &Path, mut why: String) -> Result<Opened, StoreError> {
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

pub(super) fn cannot_write(data_dir: &Path, e: &StoreError) -> String {
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
