//! Studying on every machine: progress merged through a folder that a sync tool (Syncthing,
//! Nextcloud, Dropbox, OneDrive, a network share) keeps in step. Each device writes only its
//! own files there: an append-only journal of its reviews and other events, in segments
//! written whole (see `segment`), and its copy of each of the user's decks (see `decks`). A
//! merge writes this device's new events, reads the other devices' new segments, adds each
//! review once and replays the cards that changed (see `merge`, `replay`); files it cannot
//! take (cut short, damaged, newer, a sync tool's conflict copy) are set aside: left where they
//! are, named in the status, never deleted.

pub mod config;
pub mod decks;
pub mod event;
pub mod export;
pub mod folder;
pub mod merge;
pub mod replay;
pub mod segment;

use std::path::{Path, PathBuf};

use serde::Serialize;

use self::folder::{FileKind, Layout};
use self::merge::ReadSegment;
use crate::schedule::Scheduler;
use crate::store::{Store, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error(
        "the sync folder {0} is not there (is the drive mounted, the sync tool set up?); studying goes on, and your answers are merged once it is back"
    )]
    FolderMissing(PathBuf),
    #[error("sync is off: choose a folder in Settings → Sync, or give --folder DIR")]
    NotConfigured,
    #[error("the sync folder could not be written or read: {0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Store(#[from] StoreError),
}

/// A file of the shared folder that was not merged, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SetAside {
    pub path: PathBuf,
    pub why: String,
}

/// What one merge did.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct MergeOutcome {
    /// This device's events written to its journal.
    pub written: usize,
    pub reviews_added: usize,
    pub reviews_undone: usize,
    /// The cards whose state the merge changed: (deck id, card id).
    pub cards: Vec<(String, String)>,
    pub settings_changed: bool,
    pub parameters_changed: bool,
    /// The other devices with a folder in the shared folder: (id, name).
    pub devices: Vec<(String, String)>,
    pub set_aside: Vec<SetAside>,
    /// What happened to the decks (taken from another device, sent, kept as a conflict copy).
    pub decks: decks::DeckOutcome,
}

impl MergeOutcome {
    /// Whether the merge changed any progress here.
    pub fn changed_progress(&self) -> bool {
        !self.cards.is_empty() || self.reviews_added > 0 || self.reviews_undone > 0
    }
}

/// This device: its id and name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Device {
    pub id: String,
    pub name: String,
}

/// One whole merge through `folder`: this device's journal and decks written, the other
/// devices' new segments merged into `store`, the decks synced with `user_decks` (the data
/// folder's `decks/`). `sched` replays the cards that changed.
pub fn run(
    store: &mut Store,
    folder: &Path,
    me: &Device,
    sched: &Scheduler,
    user_decks: Option<&Path>,
    now_ms: i64,
) -> Result<MergeOutcome, SyncError> {
    let layout = Layout::open(folder, &me.id, &me.name)?;
    layout.clear_own_leftovers(&me.id);
    let mut out = MergeOutcome {
        written: export::export(store, &layout, &me.id, &me.name, now_ms)?,
        ..MergeOutcome::default()
    };
    let segments = read_new(store, &layout, me, &mut out)?;
    merge::apply(store, &segments, sched, &mut out)?;
    if let Some(dir) = user_decks {
        out.decks = decks::sync(store, &layout, me, dir, now_ms)?;
        out.set_aside.extend(out.decks.set_aside.iter().cloned());
    }
    Ok(out)
}

/// The segments of every device (this one's too: a restored backup lacks some) that are not
/// merged yet, in order; what cannot be read is set aside.
fn read_new(
    store: &Store,
    layout: &Layout,
    me: &Device,
    out: &mut MergeOutcome,
) -> Result<Vec<ReadSegment>, SyncError> {
    let mut segments = Vec::new();
    for device in layout.devices()? {
        let name = layout.device_name(&device).unwrap_or_else(|| "?".into());
        if device != me.id {
            out.devices.push((device.clone(), name.clone()));
        }
        let merged: std::collections::HashSet<String> =
            store.merged_segments(&device)?.into_iter().collect();
        let dir = layout.journal_dir(&device);
        for (file, kind) in layout.journal_files(&device)? {
            let path = dir.join(&file);
            match kind {
                FileKind::InTransit => {}
                FileKind::SetAside(why) => out.set_aside.push(SetAside {
                    path,
                    why: why.to_string(),
                }),
                FileKind::Segment { first, last } if !merged.contains(&file) => {
                    let bytes = std::fs::read(&path)?;
                    match segment::parse(&bytes, &device) {
                        Ok((header, entries)) if (header.first, header.last) == (first, last) => {
                            segments.push(ReadSegment {
                                device: device.clone(),
                                device_name: header.name,
                                file,
                                first,
                                last,
                                entries,
                            })
                        }
                        Ok(_) => out.set_aside.push(SetAside {
                            path,
                            why: "damaged: its name and its header disagree".into(),
                        }),
                        Err(why) => out.set_aside.push(SetAside {
                            path,
                            why: why.to_string(),
                        }),
                    }
                }
                FileKind::Segment { .. } => {}
            }
        }
    }
    segments.sort_by(|a, b| (a.device.as_str(), a.first).cmp(&(b.device.as_str(), b.first)));
    Ok(segments)
}
