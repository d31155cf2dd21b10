//! Reloading the deck library after the user saves or imports a deck: the quiz index and the
//! card states follow the new decks; progress stays in the store, keyed by ids.

use std::path::PathBuf;

use super::Collection;
use crate::deck::Library;
use crate::quiz::QuizIndex;
use crate::store::StoreError;

impl Collection {
    /// Loads the decks again (built-in, the user's, and `extra` files).
    pub fn reload_decks(&mut self, extra: &[PathBuf]) -> Result<(), StoreError> {
        let user = self.data_dir.as_deref().map(crate::data_dir::user_decks);
        self.library = Library::load(user.as_deref(), extra);
        self.index = QuizIndex::build(&self.library);
        self.reload_states()
    }
}
