//! Reloading the deck library after the user saves or imports a deck: the quiz index (rebuilt
//! on a worker) and the card states follow the new decks; progress stays in the store, keyed by
//! ids.

use std::path::PathBuf;

use super::Collection;
use crate::deck::Library;
use crate::store::StoreError;

impl Collection {
    /// Loads the decks again (built-in, the user's, and `extra` files).
    pub fn reload_decks(&mut self, extra: &[PathBuf]) -> Result<(), StoreError> {
        let user = self.data_dir.as_deref().map(crate::data_dir::user_decks);
        self.set_library(Library::load(user.as_deref(), extra));
        self.reload_states()
    }
}
