//! The data directory's lock: one copy of the app writes to a data directory at a time.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::Path;

use super::StoreError;

/// Held while the app may write to the data directory; released when dropped (or when the
/// process dies, however it dies).
#[derive(Debug)]
pub struct DataLock {
    _file: File,
}

impl DataLock {
    pub const FILE_NAME: &'static str = "factquiz.lock";

    pub fn acquire(data_dir: &Path) -> Result<DataLock, StoreError> {
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(data_dir.join(Self::FILE_NAME))?;
        match file.try_lock() {
            Ok(()) => Ok(DataLock { _file: file }),
            Err(TryLockError::WouldBlock) => Err(StoreError::Locked(data_dir.to_path_buf())),
            Err(TryLockError::Error(e)) => Err(StoreError::Io(e)),
        }
    }
}
