//! Importing a deck into the user's decks, for the window and `factquiz import` alike: the
//! progress is backed up first (when no copy of the app holds it), a deck of the user's that
//! the import replaces is kept beside the backups, and the deck is written atomically.

use std::path::{Path, PathBuf};

use super::Collection;
use super::changes::Changes;
use super::error::{StudyError, StudyResult};
use crate::deck::{Deck, Library, save};
use crate::store::{Store, StoreError};

/// What an import did, for the user.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// Where the deck was written.
    pub path: PathBuf,
    /// The backup of the progress taken first; `None` when a copy of the app holds the
    /// progress (the import does not change it, so none is needed).
    pub backup: Option<PathBuf>,
    /// The user's deck it replaced, kept here.
    pub replaced_kept: Option<PathBuf>,
    /// Whether it replaces a built-in deck (progress is kept: it is keyed by the ids).
    pub replaces_builtin: bool,
}

/// Imports `deck` into the user's decks of `data_dir`; with `replace`, over a deck of theirs
/// with the same id (which is kept first). Nothing is written when a step fails.
pub fn import_deck(data_dir: &Path, deck: &Deck, replace: bool) -> StudyResult<Imported> {
    import_with(data_dir, deck, replace, || {
        match Store::open(data_dir).and_then(|s| s.backup_before_import()) {
            Ok(b) => Ok(Some(b)),
            Err(StoreError::Locked(_)) => Ok(None),
            Err(e) => Err(e),
        }
    })
}

/// The import, with `backup` taking the backup of the progress first.
pub(super) fn import_with(
    data_dir: &Path,
    deck: &Deck,
    replace: bool,
    backup: impl FnOnce() -> Result<Option<PathBuf>, StoreError>,
) -> StudyResult<Imported> {
    let decks = crate::data_dir::user_decks(data_dir);
    let target = save::deck_path(&decks, &deck.id);
    if target.exists() && !replace {
        return Err(StudyError::DeckExists {
            id: deck.id.clone(),
            path: target,
        });
    }
    let backup = backup().map_err(|e| {
        StudyError::Deck(format!(
            "the backup before the import failed: {e}; nothing was imported"
        ))
    })?;
    let replaced_kept = if target.exists() {
        Some(keep_replaced(data_dir, &deck.id, &target)?)
    } else {
        None
    };
    let path = save::save_user_deck(&decks, deck)?;
    Ok(Imported {
        path,
        backup,
        replaced_kept,
        replaces_builtin: Library::builtin().get(&deck.id).is_some(),
    })
}

/// Copies the user's deck an import replaces to `<data dir>/backups/decks/<id>-<time>.ron`.
fn keep_replaced(data_dir: &Path, id: &str, target: &Path) -> StudyResult<PathBuf> {
    let stamp = chrono::Local::now().format("%Y-%m-%d_%H%M%S");
    let kept = data_dir
        .join("backups")
        .join("decks")
        .join(format!("{id}-{stamp}.ron"));
    std::fs::create_dir_all(kept.parent().unwrap_or(data_dir))
        .and_then(|()| std::fs::copy(target, &kept))
        .map_err(|e| {
            StudyError::Deck(format!(
                "cannot keep a copy of {} ({e}); nothing was imported",
                target.display()
            ))
        })?;
    Ok(kept)
}

impl Collection {
    /// Imports a deck as a new deck of the user's (never over one of theirs), then loads the
    /// library again.
    pub fn import_deck(
        &mut self,
        deck: &Deck,
        extra: &[PathBuf],
    ) -> StudyResult<(Imported, Changes)> {
        self.writable()?;
        let dir = self
            .data_dir
            .clone()
            .ok_or_else(|| StudyError::Deck("there is no data folder to import into".into()))?;
        // This copy holds the lock: the backup goes through its own store.
        let store = &self.store;
        let imported = import_with(&dir, deck, false, || store.backup_before_import().map(Some))?;
        let changes = self.reload_decks(extra)?;
        Ok((imported, changes))
    }
}
