//! Progress in SQLite (`<data dir>/progress.sqlite3`): card states, the review log and settings.
//! Write-ahead log, synchronous FULL, and each answer in one transaction, so that what the
//! screen has moved past is on disk. A lock file keeps a second copy of the app from writing.
//! Backups live in `backup` and `restore`; opening a damaged, newer or unwritable file in
//! `recovery`.

pub mod anki;
pub mod backup;
mod confidence;
mod damaged;
mod day_figures;
pub mod deck_cache;
mod facts;
mod figures;
mod health;
pub mod imported;
mod later_check;
mod lock;
mod read_only;
pub mod recovery;
mod restore;
mod review_rows;
pub mod reviews;
pub mod schema;
mod states;
pub mod sync;
mod undo;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension, params};

pub use confidence::ConfidentAnswers;
pub use day_figures::{Figures, FiguresByDay};
pub use facts::LearnedFact;
pub use figures::{LeechAnswer, RecentAnswers};
pub use lock::DataLock;
pub use reviews::{ReviewRecord, ReviewRow};

/// The progress file's name inside the data directory.
pub const FILE_NAME: &str = "progress.sqlite3";

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{0}")]
    Sqlite(rusqlite::Error),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error(
        "another copy of factquiz is using {0}; this one will not write to it. Close the other copy, or start this one with --data-dir on another folder"
    )]
    Locked(PathBuf),
    #[error(
        "the progress file was written by a newer factquiz (schema {found}; this build reads up to {supported}). Update factquiz; the file was left as it is"
    )]
    NewerSchema { found: i64, supported: i64 },
    #[error("the progress file {path} is damaged: {reason}")]
    Corrupt { path: PathBuf, reason: String },
    #[error("the data folder is read-only: nothing can be saved")]
    ReadOnly,
    #[error("the disk is full (free some space on the disk that holds your progress)")]
    DiskFull,
}

impl From<rusqlite::Error> for StoreError {
    /// A full disk and a read-only file get their own plain message; the rest stay SQLite's.
    fn from(e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DiskFull) => StoreError::DiskFull,
            Some(rusqlite::ErrorCode::ReadOnly) => StoreError::ReadOnly,
            _ => StoreError::Sqlite(e),
        }
    }
}

impl StoreError {
    /// Whether the error means the disk or folder refused a write (full, read-only).
    pub fn is_write_refused(&self) -> bool {
        match self {
            StoreError::ReadOnly | StoreError::DiskFull => true,
            StoreError::Sqlite(rusqlite::Error::SqliteFailure(e, _)) => matches!(
                e.code,
                rusqlite::ErrorCode::DiskFull
                    | rusqlite::ErrorCode::ReadOnly
                    | rusqlite::ErrorCode::CannotOpen
                    | rusqlite::ErrorCode::SystemIoFailure
            ),
            StoreError::Io(e) => matches!(
                e.kind(),
                std::io::ErrorKind::StorageFull
                    | std::io::ErrorKind::ReadOnlyFilesystem
                    | std::io::ErrorKind::PermissionDenied
            ),
            _ => false,
        }
    }
}

/// A card as the store names it.
pub type CardKey = (String, String);

pub(crate) use states::{STATE_COLUMNS, read_state, write_state, write_state_learned};

pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    _lock: Option<DataLock>,
}

impl Store {
    /// Opens (or creates) the progress file of a data directory, taking its lock. A file at an
    /// older schema is backed up before it is migrated. The app opens through
    /// [`recovery::open_with_recovery`], which also deals with damaged and unwritable files.
    pub fn open(data_dir: &Path) -> Result<Store, StoreError> {
        std::fs::create_dir_all(data_dir)?;
        let lock = recovery::acquire_lock(data_dir)?;
        Store::open_locked(data_dir, lock)
    }

    /// Opens the progress file of a data directory whose lock is already held.
    fn open_locked(data_dir: &Path, lock: DataLock) -> Result<Store, StoreError> {
        let path = data_dir.join(FILE_NAME);
        let conn = Connection::open(&path)?;
        let mut store = Store {
            conn,
            path: Some(path.clone()),
            _lock: Some(lock),
        };
        store.prepare().map_err(|e| corrupt_or(e, &path))?;
        Ok(store)
    }

    /// Opens a progress file without writing to it (for a second copy of the app, or tools).
    pub fn open_read_only(data_dir: &Path) -> Result<Store, StoreError> {
        let path = data_dir.join(FILE_NAME);
        let conn = recovery::open_file_read_only(&path)?;
        let found = schema::version(&conn).map_err(|e| corrupt_or(e, &path))?;
        if found > schema::VERSION {
            return Err(StoreError::NewerSchema {
                found,
                supported: schema::VERSION,
            });
        }
        Ok(Store {
            conn,
            path: Some(path),
            _lock: None,
        })
    }

    /// A second connection to the progress of a data directory, for a worker thread of the
    /// copy of the app that holds the lock (`writable`: it may keep caches such as the day
    /// figures; a copy that opened read-only gets a read-only one).
    pub fn open_beside(data_dir: &Path, writable: bool) -> Result<Store, StoreError> {
        if !writable {
            return Store::open_read_only(data_dir);
        }
        let path = data_dir.join(FILE_NAME);
        let conn = Connection::open(&path)?;
        conn.busy_timeout(std::time::Duration::from_millis(500))?;
        conn.pragma_update(None, "cache_size", -256)?;
        Ok(Store {
            conn,
            path: Some(path),
            _lock: None,
        })
    }

    /// A store in memory, for tests and tools.
    pub fn in_memory() -> Result<Store, StoreError> {
        let mut store = Store {
            conn: Connection::open_in_memory()?,
            path: None,
            _lock: None,
        };
        store.prepare()?;
        Ok(store)
    }

    fn prepare(&mut self) -> Result<(), StoreError> {
        // A file from a newer build is refused before anything (even the journal mode) changes.
        let found = schema::version(&self.conn)?;
        if found > schema::VERSION {
            return Err(StoreError::NewerSchema {
                found,
                supported: schema::VERSION,
            });
        }
        self.conn.pragma_update(None, "journal_mode", "WAL")?;
        self.conn.pragma_update(None, "synchronous", "FULL")?;
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        // 1 MB of page cache (SQLite's default is 2): an answer touches a few pages, and the
        // states are read once at opening (a heavy user's fill any cache); the app stays small.
        self.conn.pragma_update(None, "cache_size", -1024)?;
        self.conn.busy_timeout(std::time::Duration::from_secs(2))?;
        if schema::needs_migration(&self.conn)? && self.data_dir().is_some() {
            // A failed backup stops the migration: the file stays as the older build left it.
            self.backup(backup::BackupReason::BeforeMigration)?;
        }
        schema::migrate(&mut self.conn)
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The data directory the progress file is in (none for a store in memory).
    pub fn data_dir(&self) -> Option<&Path> {
        self.path.as_deref().and_then(Path::parent)
    }

    /// Whether this store holds the data directory's lock (and so may write and back up).
    pub fn holds_lock(&self) -> bool {
        self._lock.is_some()
    }

    /// The raw SQLite connection, for tests and benchmarks only (to simulate a full disk, or
    /// to time writes without syncing): the app's code never goes around the store's methods.
    #[doc(hidden)]
    pub fn raw_connection_for_tests(&self) -> &Connection {
        &self.conn
    }

    /// The key of a card, creating it inside `tx` when it has none. Looked up in the file
    /// each time (a few microseconds through the index on the ids), so that nothing holds
    /// 100,000 keys in memory and no key outlives a transaction that failed.
    pub(crate) fn key_in(tx: &Connection, deck: &str, card: &str) -> Result<i64, StoreError> {
        let find = |tx: &Connection| -> Result<Option<i64>, StoreError> {
            Ok(tx
                .prepare_cached("SELECT key FROM card WHERE deck_id = ?1 AND card_id = ?2")?
                .query_row(params![deck, card], |r| r.get(0))
                .optional()?)
        };
        if let Some(key) = find(tx)? {
            return Ok(key);
        }
        tx.prepare_cached("INSERT INTO card (deck_id, card_id) VALUES (?1, ?2)")?
            .execute(params![deck, card])?;
        Ok(tx.last_insert_rowid())
    }

    /// Reads a setting (JSON text).
    pub fn setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        setting_in(&self.conn, key)
    }

    pub fn put_setting(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        put_setting_in(&self.conn, key, value)
    }

    /// SQLite's own check of the file: "ok" when it is sound.
    pub fn integrity_check(&self) -> Result<String, StoreError> {
        Ok(self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?)
    }
}

/// Turns "file is not a database" and similar into a plain `Corrupt` error.
fn corrupt_or(e: StoreError, path: &Path) -> StoreError {
    if let StoreError::Sqlite(rusqlite::Error::SqliteFailure(f, msg)) = &e
        && matches!(
            f.code,
            rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt
        )
    {
        return StoreError::Corrupt {
            path: path.to_path_buf(),
            reason: msg.clone().unwrap_or_else(|| f.to_string()),
        };
    }
    e
}

/// A setting (JSON text) read through `conn` (the store's connection, or a transaction on it).
pub(crate) fn setting_in(conn: &Connection, key: &str) -> Result<Option<String>, StoreError> {
    Ok(conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?)
}

/// Writes a setting through `conn`, replacing its value.
pub(crate) fn put_setting_in(conn: &Connection, key: &str, value: &str) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}
