//! Writing decks: atomically (a temporary file, synced, then renamed over the old one), as RON
//! formatted for people, into the user's decks folder; drafts of unsaved edits; exports.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::load::to_ron;
use super::model::Deck;

/// Writes `text` to `path` so that the file is either the old one or the new one, never half.
pub fn write_atomic(path: &Path, text: &str) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(text.as_bytes())?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)?;
        // The rename itself is durable once the folder is synced.
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Where a user deck with this id is saved.
pub fn deck_path(user_decks: &Path, id: &str) -> PathBuf {
    user_decks.join(format!("{id}.ron"))
}

/// Saves a deck into the user's decks folder as `<id>.ron`; returns the path.
pub fn save_user_deck(user_decks: &Path, deck: &Deck) -> std::io::Result<PathBuf> {
    let path = deck_path(user_decks, &deck.id);
    write_atomic(&path, &to_ron(deck))?;
    Ok(path)
}

/// Where the draft of a deck being edited is kept (next to the decks folder, not in it, so an
/// invalid draft never shows up as a broken deck).
pub fn draft_path(data_dir: &Path, id: &str) -> PathBuf {
    data_dir.join("drafts").join(format!(
        "{}.ron",
        if id.is_empty() { "untitled" } else { id }
    ))
}

/// Keeps a draft of unsaved edits.
pub fn save_draft(data_dir: &Path, deck: &Deck) -> std::io::Result<PathBuf> {
    let path = draft_path(data_dir, &deck.id);
    write_atomic(&path, &to_ron(deck))?;
    Ok(path)
}

/// Writes a deck to a file the user names: RON, or CSV/TSV by the extension.
pub fn export(deck: &Deck, path: &Path) -> std::io::Result<()> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let text = match ext.as_str() {
        "csv" => super::csv::write_csv(deck, false),
        "tsv" | "tab" => super::csv::write_csv(deck, true),
        _ => to_ron(deck),
    };
    write_atomic(path, &text)
}
