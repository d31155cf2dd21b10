//! This machine's part in syncing: its device id (random, made once and kept in the progress
//! file, so that every review it gave keeps the same id), its name (the host name unless the
//! user gives another), and the shared folder (kept in the progress file's settings; none:
//! sync is off and all progress stays local).

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::Device;
use crate::store::{Store, StoreError};

/// The sync settings.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SyncConfig {
    /// The shared folder (the same on every machine, where the sync tool keeps it).
    pub folder: Option<PathBuf>,
}

impl SyncConfig {
    /// The key the progress file keeps them under.
    pub const KEY: &'static str = "sync";

    pub fn load(store: &Store) -> Result<SyncConfig, StoreError> {
        Ok(store
            .setting(Self::KEY)?
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or_default())
    }

    pub fn save(&self, store: &mut Store) -> Result<(), StoreError> {
        store.put_setting(Self::KEY, &serde_json::to_string(self).unwrap_or_default())
    }
}

/// This machine's host name, or a plain word when it has none.
pub fn host_name() -> String {
    let name = gethostname::gethostname()
        .to_string_lossy()
        .trim()
        .to_string();
    if name.is_empty() {
        "this computer".into()
    } else {
        name
    }
}

/// This device's id and name; the first time, a random id and the host name are made and kept.
pub fn device(store: &mut Store) -> Result<Device, StoreError> {
    if let Some(d) = store.local_device()? {
        return Ok(Device {
            id: d.uuid,
            name: d.name,
        });
    }
    let d = Device {
        id: uuid::Uuid::new_v4().to_string(),
        name: host_name(),
    };
    store.set_local_device(&d.id, &d.name)?;
    Ok(d)
}

/// Gives this device another name (blank: the host name).
pub fn rename(store: &mut Store, name: &str) -> Result<Device, StoreError> {
    let d = device(store)?;
    let name = match name.trim() {
        "" => host_name(),
        n => n.chars().take(80).collect(),
    };
    store.set_local_device(&d.id, &name)?;
    Ok(Device { id: d.id, name })
}
