//! The user's decks in the shared folder: each device keeps its copy of each deck in its own
//! `decks/` folder, as the deck's RON text after a first comment line that says which version
//! it is (a hash of the text, the hashes it was edited from, when and on which device). A
//! version made from another is taken without a question; two versions edited apart (the same
//! deck changed on two machines before they merged) are both kept: the latest as the deck, the
//! other as a conflict copy, a deck of its own named by its device and time, which every
//! machine makes alike. A deck deleted on one machine is not deleted on the others.

use std::collections::HashMap;
use std::io::BufRead;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::folder::Layout;
use super::{Device, SetAside, SyncError};
use crate::store::Store;

/// How the comment line that carries a version starts.
const MARK: &str = "// factquiz-sync ";
/// The most hashes a version remembers it was made from.
const LINEAGE: usize = 200;

/// One version of a deck.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Version {
    pub deck: String,
    pub hash: String,
    /// The versions this one was made from, oldest first.
    pub lineage: Vec<String>,
    pub written_ms: i64,
    pub device: String,
    pub device_name: String,
}

/// A deck as this device last synced it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Synced {
    version: Version,
    /// The deck's file in the user's decks folder, its size and modification time then.
    file: String,
    len: u64,
    modified_ns: u128,
}

/// What the decks' sync did.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DeckOutcome {
    /// Decks taken from another device: (deck id, device name).
    pub taken: Vec<(String, String)>,
    /// Decks of this device written to the folder.
    pub sent: Vec<String>,
    /// Conflict copies made: (deck id, the copy's file).
    pub conflicts: Vec<(String, PathBuf)>,
    pub set_aside: Vec<SetAside>,
}

impl DeckOutcome {
    /// Whether a deck file of the user's changed (the library is loaded again).
    pub fn changed_decks(&self) -> bool {
        !self.taken.is_empty() || !self.conflicts.is_empty()
    }
}

/// A deck's text hash: its length and CRC-32 (the same on every machine and build).
pub fn hash(text: &str) -> String {
    format!("{}-{:08x}", text.len(), crc32fast::hash(text.as_bytes()))
}

/// A deck file of the user's, as found now.
struct Local {
    file: String,
    hash: String,
    text: Option<String>,
}

/// Syncs the user's decks in `user_decks` with the other devices' copies.
pub fn sync(
    store: &mut Store,
    layout: &Layout,
    me: &Device,
    user_decks: &Path,
    now_ms: i64,
) -> Result<DeckOutcome, SyncError> {
    let mut out = DeckOutcome::default();
    let synced: HashMap<String, Synced> = store
        .synced_decks()?
        .into_iter()
        .filter_map(|(id, t)| Some((id, serde_json::from_str(&t).ok()?)))
        .collect();
    let local = local_decks(user_decks, &synced);
    let remote = remote_versions(layout, me, &mut out)?;
    let mut ids: Vec<&String> = local.keys().chain(remote.keys()).collect();
    ids.sort();
    ids.dedup();
    for id in ids {
        let mine = local
            .get(id)
            .map(|l| my_version(id, l, synced.get(id), me, now_ms));
        let theirs = remote.get(id).map(Vec::as_slice).unwrap_or(&[]);
        let mut candidates: Vec<(Version, Option<PathBuf>)> = Vec::new();
        if let Some(m) = &mine {
            candidates.push((m.clone(), None));
        }
        candidates.extend(theirs.iter().cloned().map(|(v, p)| (v, Some(p))));
        let heads = heads(&candidates);
        let winner = heads
            .iter()
            .max_by(|a, b| (a.0.written_ms, &a.0.device).cmp(&(b.0.written_ms, &b.0.device)))
            .cloned();
        let Some((winner, winner_path)) = winner else {
            continue;
        };
        for (loser, path) in heads.iter().filter(|h| h.0.hash != winner.hash) {
            let text = match path {
                Some(p) => read_body(p)?,
                None => match local.get(id) {
                    Some(Local { text: Some(t), .. }) => t.clone(),
                    Some(l) => std::fs::read_to_string(user_decks.join(&l.file))?,
                    None => String::new(),
                },
            };
            if let Some(copy) = conflict_copy(user_decks, loser, &text)? {
                out.conflicts.push((id.clone(), copy));
            }
        }
        let target = local.get(id).map_or_else(
            || crate::deck::save::deck_path(user_decks, id),
            |l| user_decks.join(&l.file),
        );
        let text = if mine.as_ref().map(|m| &m.hash) != Some(&winner.hash) {
            let text = read_body(winner_path.as_deref().unwrap_or(target.as_path()))?;
            crate::deck::save::write_atomic(&target, &text)?;
            out.taken.push((id.clone(), winner.device_name.clone()));
            Some(text)
        } else {
            local.get(id).and_then(|l| l.text.clone())
        };
        let mut merged = winner.clone();
        for (h, _) in &heads {
            for x in h
                .lineage
                .iter()
                .chain((h.hash != winner.hash).then_some(&h.hash))
            {
                if !merged.lineage.contains(x) {
                    merged.lineage.push(x.clone());
                }
            }
        }
        let start = merged.lineage.len().saturating_sub(LINEAGE);
        merged.lineage.drain(..start);
        publish(layout, me, &merged, text, &target, &mut out)?;
        let meta = std::fs::metadata(&target)?;
        let record = Synced {
            version: merged,
            file: file_name(&target),
            len: meta.len(),
            modified_ns: modified_ns(&meta),
        };
        // A merge runs every minute: a deck as it was last synced is not written again (each
        // write is a transaction of the progress file, synced to disk).
        if synced.get(id) != Some(&record) {
            store.put_synced_deck(id, &serde_json::to_string(&record).unwrap_or_default())?;
        }
    }
    Ok(out)
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default()
}

fn modified_ns(m: &std::fs::Metadata) -> u128 {
    m.modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos())
}

/// The user's deck files by deck id; a file unchanged since the last sync is not read.
fn local_decks(dir: &Path, synced: &HashMap<String, Synced>) -> HashMap<String, Local> {
    let mut out = HashMap::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = e.path();
        let file = file_name(&path);
        if file.starts_with('.') || path.extension().is_none_or(|x| x != "ron") {
            continue;
        }
        let Ok(meta) = e.metadata() else { continue };
        let (len, modified_ns) = (meta.len(), modified_ns(&meta));
        let same = synced
            .iter()
            .find(|(_, s)| s.file == file && s.len == len && s.modified_ns == modified_ns);
        if let Some((id, s)) = same {
            let hash = s.version.hash.clone();
            out.insert(
                id.clone(),
                Local {
                    file,
                    hash,
                    text: None,
                },
            );
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        // A deck that does not load is not sent (its errors show on the home screen).
        let Ok(deck) = crate::deck::load::parse_deck(&text, &file) else {
            continue;
        };
        let local = Local {
            file,
            hash: hash(&text),
            text: Some(text),
        };
        out.entry(deck.id).or_insert(local);
    }
    out
}

/// This device's version of a deck: the one last synced, or a new one made from it.
fn my_version(id: &str, l: &Local, synced: Option<&Synced>, me: &Device, now_ms: i64) -> Version {
    match synced {
        Some(s) if s.version.hash == l.hash => s.version.clone(),
        _ => {
            let mut lineage = synced
                .map(|s| s.version.lineage.clone())
                .unwrap_or_default();
            lineage.extend(synced.map(|s| s.version.hash.clone()));
            Version {
                deck: id.to_string(),
                hash: l.hash.clone(),
                lineage,
                written_ms: now_ms,
                device: me.id.clone(),
                device_name: me.name.clone(),
            }
        }
    }
}

/// Versions that no other candidate was made from (one per hash).
fn heads(c: &[(Version, Option<PathBuf>)]) -> Vec<(Version, Option<PathBuf>)> {
    let mut out: Vec<(Version, Option<PathBuf>)> = Vec::new();
    for (v, p) in c {
        if c.iter()
            .any(|(o, _)| o.hash != v.hash && o.lineage.contains(&v.hash))
        {
            continue;
        }
        match out.iter_mut().find(|(o, _)| o.hash == v.hash) {
            Some((o, _)) => {
                for x in &v.lineage {
                    if !o.lineage.contains(x) {
                        o.lineage.push(x.clone());
                    }
                }
            }
            None => out.push((v.clone(), p.clone())),
        }
    }
    out
}

/// The other devices' versions of each deck, from the first line of their files.
fn remote_versions(
    layout: &Layout,
    me: &Device,
    out: &mut DeckOutcome,
) -> Result<HashMap<String, Vec<(Version, PathBuf)>>, SyncError> {
    let mut by_deck: HashMap<String, Vec<(Version, PathBuf)>> = HashMap::new();
    for device in layout.devices()? {
        if device == me.id {
            continue;
        }
        for e in std::fs::read_dir(layout.decks_dir(&device))
            .into_iter()
            .flatten()
            .flatten()
        {
            let path = e.path();
            let name = file_name(&path);
            if name.starts_with('.') || !path.is_file() {
                continue;
            }
            match read_version(&path) {
                Some(v) if v.device == device && name == format!("{}.ron", v.deck) => {
                    by_deck.entry(v.deck.clone()).or_default().push((v, path))
                }
                _ => out.set_aside.push(SetAside {
                    path,
                    why: match super::folder::classify(&name) {
                        super::folder::FileKind::SetAside(w) => w.to_string(),
                        _ => "not a deck file of factquiz's sync".into(),
                    },
                }),
            }
        }
    }
    Ok(by_deck)
}

fn read_version(path: &Path) -> Option<Version> {
    let mut first = String::new();
    std::io::BufReader::new(std::fs::File::open(path).ok()?)
        .read_line(&mut first)
        .ok()?;
    serde_json::from_str(first.trim_end().strip_prefix(MARK)?).ok()
}

/// A deck file's text without its version line.
fn read_body(path: &Path) -> Result<String, SyncError> {
    let text = std::fs::read_to_string(path)?;
    Ok(match text.strip_prefix(MARK) {
        Some(rest) => rest.split_once('\n').map_or("", |(_, b)| b).to_string(),
        None => text,
    })
}

/// Writes this device's copy of a deck to the folder when it is not the one there.
fn publish(
    layout: &Layout,
    me: &Device,
    v: &Version,
    text: Option<String>,
    local: &Path,
    out: &mut DeckOutcome,
) -> Result<(), SyncError> {
    let path = layout.decks_dir(&me.id).join(format!("{}.ron", v.deck));
    let mut mine = v.clone();
    mine.device = me.id.clone();
    mine.device_name = me.name.clone();
    if read_version(&path).is_some_and(|old| old.hash == mine.hash && old.lineage == mine.lineage) {
        return Ok(());
    }
    let body = match text {
        Some(t) => t,
        None => std::fs::read_to_string(local)?,
    };
    let line = serde_json::to_string(&mine).unwrap_or_default();
    crate::deck::save::write_atomic(&path, &format!("{MARK}{line}\n{body}"))?;
    out.sent.push(v.deck.clone());
    Ok(())
}

/// Keeps a version that lost to another as a deck of its own: its id and title say whose and
/// when; every machine names it alike, so that it is made once. Returns its file when made.
fn conflict_copy(dir: &Path, v: &Version, text: &str) -> Result<Option<PathBuf>, SyncError> {
    let Ok(mut deck) = crate::deck::load::parse_deck(text, "conflict") else {
        return Ok(None);
    };
    let when = chrono::DateTime::from_timestamp_millis(v.written_ms).unwrap_or_default();
    let slug: String = v
        .device_name
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let slug = slug.trim_matches('-');
    deck.id = format!(
        "{}-conflict-{}-{}",
        v.deck,
        slug,
        when.format("%Y%m%d-%H%M%S")
    );
    deck.title = format!(
        "{} (conflict copy from {}, {} UTC)",
        deck.title,
        v.device_name,
        when.format("%Y-%m-%d %H:%M")
    );
    let path = crate::deck::save::deck_path(dir, &deck.id);
    if path.exists() {
        return Ok(None);
    }
    crate::deck::save::write_atomic(&path, &crate::deck::load::to_ron(&deck))?;
    Ok(Some(path))
}
