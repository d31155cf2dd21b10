//! Where the editor keeps unsaved drafts: one file per draft in `<data dir>/drafts/`, named
//! by the draft's token, and the newest one to offer back after a crash.

use std::path::PathBuf;

use crate::deck::draft::DeckDraft;
use crate::deck::save;

/// The file a draft is kept in, named by its token.
pub(super) fn draft_file(dir: &std::path::Path, d: &DeckDraft) -> PathBuf {
    let token: String = d
        .token
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(32)
        .collect();
    save::draft_path(dir, if token.is_empty() { "untitled" } else { &token }).with_extension("json")
}

/// The newest kept draft, if any.
pub(super) fn latest_draft(dir: &std::path::Path) -> Option<PathBuf> {
    let rd = std::fs::read_dir(dir.join("drafts")).ok()?;
    rd.filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .max_by_key(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok())
}
