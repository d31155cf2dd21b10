//! What a change to the collection touched, and the version counters that screens key their
//! caches on (as Anki's `OpChanges`): every write of [`super::Collection`] returns a
//! [`Changes`], and the collection moves the matching counters of its [`Versions`]. A screen
//! remembers the versions it computed its figures from and computes again when they move;
//! nothing else signals staleness.

use std::sync::atomic::{AtomicU64, Ordering};

/// What one change touched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Changes {
    /// Card states or the review log (an answer, undo, suspend, bury, a merge).
    pub progress: bool,
    /// The user's settings (retention, limits, answer mode, theme...).
    pub settings: bool,
    /// The decks (a deck saved, imported or reloaded).
    pub library: bool,
    /// The FSRS parameters (an optimisation kept, a restore).
    pub parameters: bool,
}

impl Changes {
    pub const NONE: Changes = Changes {
        progress: false,
        settings: false,
        library: false,
        parameters: false,
    };
    pub const PROGRESS: Changes = Changes {
        progress: true,
        ..Changes::NONE
    };
    pub const SETTINGS: Changes = Changes {
        settings: true,
        ..Changes::NONE
    };
    pub const LIBRARY: Changes = Changes {
        library: true,
        ..Changes::NONE
    };
    pub const PARAMETERS: Changes = Changes {
        parameters: true,
        ..Changes::NONE
    };
    pub const ALL: Changes = Changes {
        progress: true,
        settings: true,
        library: true,
        parameters: true,
    };

    /// Whether anything changed.
    pub fn any(self) -> bool {
        self != Changes::NONE
    }

    /// Both changes together.
    pub fn and(self, o: Changes) -> Changes {
        Changes {
            progress: self.progress || o.progress,
            settings: self.settings || o.settings,
            library: self.library || o.library,
            parameters: self.parameters || o.parameters,
        }
    }
}

/// The collection's version counters: one per kind of change, and the collection itself
/// (a collection opened again, after a restore, never shares versions with the one before).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Versions {
    pub collection: u64,
    pub progress: u64,
    pub settings: u64,
    pub library: u64,
    pub parameters: u64,
}

/// Numbers every collection opened by the process.
static COLLECTIONS: AtomicU64 = AtomicU64::new(1);

impl Versions {
    /// The versions of a collection just opened.
    pub fn fresh() -> Versions {
        Versions {
            collection: COLLECTIONS.fetch_add(1, Ordering::Relaxed),
            progress: 0,
            settings: 0,
            library: 0,
            parameters: 0,
        }
    }

    /// Moves the counters of what changed.
    pub fn bump(&mut self, c: Changes) {
        let up = |v: &mut u64, on: bool| *v += u64::from(on);
        up(&mut self.progress, c.progress);
        up(&mut self.settings, c.settings);
        up(&mut self.library, c.library);
        up(&mut self.parameters, c.parameters);
    }

    /// What depends on the decks only (topic lists, the browser's rows).
    pub fn of_library(self) -> (u64, u64) {
        (self.collection, self.library)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_what_changed_moves() {
        let mut v = Versions::fresh();
        let before = v;
        v.bump(Changes::PROGRESS.and(Changes::PARAMETERS));
        assert_eq!(v.progress, before.progress + 1);
        assert_eq!(v.parameters, before.parameters + 1);
        assert_eq!((v.settings, v.library), (before.settings, before.library));
        assert_ne!(v, before);
        assert_eq!(v.of_library(), before.of_library());
        assert_ne!(Versions::fresh().collection, v.collection);
        assert!(!Changes::NONE.any() && Changes::SETTINGS.any());
    }
}
