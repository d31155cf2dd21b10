//! Changing the decks: reloading the library after a deck is saved or imported, saving a deck
//! of the user's, importing one. The quiz index (rebuilt on a worker) and the card states
//! follow the new decks; progress stays in the store, keyed by ids. The deck cache is brought
//! up to date on a worker, too.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::Collection;
use super::changes::Changes;
use super::error::{StudyError, StudyResult};
use super::index_slot::IndexSlot;
use super::job::{Job, no_waker};
use crate::deck::{Deck, Library, save};

impl Collection {
    /// Replaces the library, and starts building its quiz index (the old one is dropped, so a
    /// question is never made or checked against decks that are gone); the card states follow.
    pub fn set_library(&mut self, library: Library) -> StudyResult<Changes> {
        self.library = Arc::new(library);
        self.index = IndexSlot::new(Arc::clone(&self.library));
        self.index.start();
        self.reload_states()?;
        self.send_changed_back()?;
        self.start_filling_facts();
        Ok(self.changed(Changes::LIBRARY.and(Changes::PROGRESS)))
    }

    /// Brings the deck cache (`<data dir>/cache/decks.sqlite3`) up to date on a worker: the
    /// first time it is called, and again whenever a card read from the cache was found
    /// damaged since (its deck's copy is then written again from the deck file). Nothing for
    /// a collection that cannot write, or while a pass runs. The app calls this once its
    /// first frame is on screen, and then every frame (it costs a look at each deck).
    pub fn refresh_deck_cache(&mut self) {
        let (Some(dir), None) = (&self.data_dir, &self.read_only) else {
            return;
        };
        if self.cache_refresh.as_ref().is_some_and(|j| !j.is_done()) {
            return;
        }
        let finished = self
            .cache_refresh
            .as_mut()
            .and_then(Job::try_take)
            .is_some();
        let first = self.cache_refresh.is_none();
        if let Some(pass) = crate::deck::library::cache_refresh(dir, &self.library, first) {
            let job = Job::spawn("deck cache", no_waker(), move || {
                pass.run();
                Ok(())
            });
            self.cache_refresh = Some(job);
        } else if finished && self.index.failed() {
            // The damaged copies are written again: the quiz index they stopped can be built.
            self.index.retry();
        }
    }

    /// Loads the decks again (built-in, the user's, and `extra` files).
    pub fn reload_decks(&mut self, extra: &[PathBuf]) -> StudyResult<Changes> {
        let user = self.data_dir.as_deref().map(crate::data_dir::user_decks);
        self.set_library(Library::load(user.as_deref(), extra))
    }

    /// The folder of the user's decks (none for a collection without a data directory).
    pub fn user_decks_dir(&self) -> Option<PathBuf> {
        self.data_dir.as_deref().map(crate::data_dir::user_decks)
    }

    fn writable_decks_dir(&self) -> StudyResult<PathBuf> {
        if let Some(why) = &self.read_only {
            return Err(StudyError::ReadOnly(why.clone()));
        }
        self.user_decks_dir()
            .ok_or_else(|| StudyError::Deck("there is no data folder to save decks in".into()))
    }

    /// Writes a deck of the user's atomically: to `file` (the deck's own file), or, for a new
    /// deck or a copy of a built-in one, to `<decks>/<id>.ron`, which must not be another deck
    /// of the user's. Then the library is loaded again. Returns where it was written.
    pub fn save_deck(
        &mut self,
        deck: &Deck,
        file: Option<&Path>,
        extra: &[PathBuf],
    ) -> StudyResult<(PathBuf, Changes)> {
        let decks = self.writable_decks_dir()?;
        let target = match file {
            Some(f) => f.to_path_buf(),
            None => save::deck_path(&decks, &deck.id),
        };
        if file.is_none() && target.exists() {
            return Err(StudyError::DeckExists {
                id: deck.id.clone(),
                path: target,
            });
        }
        save::write_atomic(&target, &crate::deck::load::to_ron(deck))?;
        let changes = self.reload_decks(extra)?;
        Ok((target, changes))
    }
}
