//! The shared folder's layout: `<folder>/factquiz/devices/<device id>/` holds one device's
//! files, which only that device writes: `journal/` (its segments), `decks/` (its copy of each
//! of the user's decks) and `device.json` (its name). Reading a device's journal folder tells
//! each file apart: a segment, a temporary file on its way (ours or the sync tool's), a sync
//! tool's conflict copy, or something else.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::SyncError;
use super::segment::{self, SetAsideWhy};

/// The folder factquiz keeps inside the shared folder.
pub const ROOT: &str = "factquiz";

/// The shared folder, opened for one device.
#[derive(Debug, Clone)]
pub struct Layout {
    root: PathBuf,
}

/// What a file in a journal folder is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileKind {
    Segment {
        first: i64,
        last: i64,
    },
    /// On its way (a temporary file of ours or of the sync tool): passed over for now.
    InTransit,
    SetAside(SetAsideWhy),
}

/// A device's name, as it wrote it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeviceFile {
    pub device: String,
    pub name: String,
}

impl Layout {
    /// The shared folder at `folder`, which must exist (a folder tool that is not running, a
    /// drive not mounted: the user is told, nothing is created in its place); this device's
    /// folders are made in it.
    pub fn open(folder: &Path, me: &str, my_name: &str) -> Result<Layout, SyncError> {
        if !folder.is_dir() {
            return Err(SyncError::FolderMissing(folder.to_path_buf()));
        }
        let layout = Layout {
            root: folder.join(ROOT),
        };
        std::fs::create_dir_all(layout.journal_dir(me))?;
        std::fs::create_dir_all(layout.decks_dir(me))?;
        let file = layout.device_dir(me).join("device.json");
        let want = DeviceFile {
            device: me.to_string(),
            name: my_name.to_string(),
        };
        let found: Option<DeviceFile> = std::fs::read(&file)
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok());
        if found.as_ref() != Some(&want) {
            let text = serde_json::to_string_pretty(&want).unwrap_or_default();
            crate::deck::save::write_atomic(&file, &text)?;
        }
        Ok(layout)
    }

    pub fn device_dir(&self, device: &str) -> PathBuf {
        self.root.join("devices").join(device)
    }

    pub fn journal_dir(&self, device: &str) -> PathBuf {
        self.device_dir(device).join("journal")
    }

    pub fn decks_dir(&self, device: &str) -> PathBuf {
        self.device_dir(device).join("decks")
    }

    /// A device's name from its `device.json` (`None`: none yet, or unreadable).
    pub fn device_name(&self, device: &str) -> Option<String> {
        let b = std::fs::read(self.device_dir(device).join("device.json")).ok()?;
        serde_json::from_slice::<DeviceFile>(&b)
            .ok()
            .map(|d| d.name)
    }

    /// The ids of every device with a folder here.
    pub fn devices(&self) -> Result<Vec<String>, SyncError> {
        let dir = self.root.join("devices");
        let mut out = Vec::new();
        for e in std::fs::read_dir(&dir)?.flatten() {
            let name = e.file_name().to_string_lossy().to_string();
            if e.path().is_dir() && uuid::Uuid::parse_str(&name).is_ok() {
                out.push(name);
            }
        }
        out.sort();
        Ok(out)
    }

    /// Every file of a device's journal folder, by name, with what it is.
    pub fn journal_files(&self, device: &str) -> Result<Vec<(String, FileKind)>, SyncError> {
        let mut out = Vec::new();
        let dir = self.journal_dir(device);
        let entries = match std::fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(out),
            Err(e) => return Err(e.into()),
        };
        for e in entries.flatten() {
            if !e.path().is_file() {
                continue;
            }
            let name = e.file_name().to_string_lossy().to_string();
            let kind = classify(&name);
            out.push((name, kind));
        }
        out.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(out)
    }

    /// Removes this device's own temporary files that a write killed half way left behind
    /// (never renamed, so never a segment; only this device writes here).
    pub fn clear_own_leftovers(&self, me: &str) {
        for dir in [self.journal_dir(me), self.decks_dir(me)] {
            for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                let name = e.file_name().to_string_lossy().to_string();
                if name.starts_with('.') && name.contains(".tmp-") {
                    let _ = std::fs::remove_file(e.path());
                }
            }
        }
    }
}

/// What a journal file is, by its name.
pub fn classify(name: &str) -> FileKind {
    if let Some((first, last)) = segment::parse_name(name) {
        return FileKind::Segment { first, last };
    }
    let lower = name.to_lowercase();
    // Temporary files: ours (".seg-….tmp-PID"), Syncthing's ("~syncthing~…", ".syncthing.…"),
    // and partial downloads of the usual tools.
    let in_transit = (name.starts_with('.') && name.contains(".tmp-"))
        || lower.starts_with("~syncthing~")
        || lower.starts_with(".syncthing.")
        || lower.ends_with(".part")
        || lower.ends_with(".partial")
        || lower.ends_with(".tmp")
        || lower.contains(".~tmp~");
    if in_transit {
        return FileKind::InTransit;
    }
    let tool = if lower.contains(".sync-conflict-") {
        Some("Syncthing")
    } else if lower.contains("conflicted copy") {
        Some("Dropbox or Nextcloud")
    } else if lower.contains("(conflict") || lower.contains("conflict") {
        Some("the sync tool")
    } else if lower.starts_with("seg-") {
        // OneDrive and others keep both by adding the machine's name ("-DESKTOP-1A2B3C").
        Some("the sync tool (a renamed copy)")
    } else {
        None
    };
    FileKind::SetAside(tool.map_or(SetAsideWhy::Unknown, SetAsideWhy::ConflictCopy))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sync_tools_conflict_copies_are_told_apart() {
        let seg = segment::file_name(1, 9);
        assert_eq!(classify(&seg), FileKind::Segment { first: 1, last: 9 });
        let stem = seg.trim_end_matches(".jsonl");
        for (name, tool) in [
            (
                format!("{stem}.sync-conflict-20260101-101010-ABCDEFG.jsonl"),
                "Syncthing",
            ),
            (
                format!("{stem} (laptop's conflicted copy 2026-01-01).jsonl"),
                "Dropbox or Nextcloud",
            ),
            (
                format!("{stem} (conflicted copy 2026-01-01 101010).jsonl"),
                "Dropbox or Nextcloud",
            ),
            (
                format!("{stem}-DESKTOP-1A2B3C4.jsonl"),
                "the sync tool (a renamed copy)",
            ),
        ] {
            assert_eq!(
                classify(&name),
                FileKind::SetAside(SetAsideWhy::ConflictCopy(tool)),
                "{name}"
            );
        }
        assert_eq!(classify(&format!(".{seg}.tmp-123")), FileKind::InTransit);
        assert_eq!(
            classify(&format!("~syncthing~{seg}.tmp")),
            FileKind::InTransit
        );
        assert_eq!(
            classify("notes.txt"),
            FileKind::SetAside(SetAsideWhy::Unknown)
        );
    }
}
