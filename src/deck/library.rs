//! The deck library: built-in decks embedded in the binary, the user's decks in
//! `<data dir>/decks/`, and deck files named on the command line. A bad deck is reported and
//! skipped; the others still load.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::cache::{Reader, file_key, read_cached};
use super::cards::Cards;
use super::claims::Claims;
use super::load::{DeckError, load_deck, locate};
use super::model::Deck;
use super::validate::{Problem, Subject};

pub use super::cache::{CacheRefresh, cache_refresh, write_copies};

include!(concat!(env!("OUT_DIR"), "/builtin_decks.rs"));

/// Where a deck came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeckOrigin {
    BuiltIn,
    User(PathBuf),
    Named(PathBuf),
}

impl DeckOrigin {
    pub fn is_builtin(&self) -> bool {
        matches!(self, DeckOrigin::BuiltIn)
    }
}

/// A deck that loaded and validated (its cards: heads in memory, whole cards when asked).
#[derive(Debug, Clone)]
pub struct LoadedDeck {
    pub deck: Deck<Cards, Claims>,
    pub origin: DeckOrigin,
    /// The file as shown in messages: "decks/x.ron" for built-ins, else the path.
    pub file: String,
}

/// Every deck that loaded, and the errors of those that did not.
#[derive(Debug, Clone, Default)]
pub struct Library {
    pub decks: Vec<LoadedDeck>,
    pub errors: Vec<DeckError>,
}

impl Library {
    /// The built-in decks, the user's decks in `user_dir` (if it exists) and the named files.
    pub fn load(user_dir: Option<&Path>, named: &[PathBuf]) -> Library {
        let mut lib = Library::builtin();
        let mut files: Vec<(PathBuf, DeckOrigin)> = Vec::new();
        if let Some(dir) = user_dir {
            for path in deck_files(dir, &mut lib.errors) {
                files.push((path.clone(), DeckOrigin::User(path)));
            }
        }
        files.extend(
            named
                .iter()
                .map(|p| (p.clone(), DeckOrigin::Named(p.clone()))),
        );
        // The user's decks, parsed, may be kept beside the progress (see `cache_refresh`).
        let cache = user_dir.and_then(Reader::open);
        lib.add_files_cached(files, cache.as_ref());
        lib
    }

    /// Adds deck files, in this order (as [`Library::add_file`] one by one would); they are
    /// read, parsed and checked on every core first, since a heavy user's decks hold 100,000
    /// cards.
    pub fn add_files(&mut self, files: Vec<(PathBuf, DeckOrigin)>) {
        self.add_files_cached(files, None);
    }

    /// [`Library::add_files`], the user's decks through the deck cache (see [`read_cached`]).
    fn add_files_cached(
        &mut self,
        files: Vec<(PathBuf, DeckOrigin)>,
        cache: Option<&std::sync::Arc<Reader>>,
    ) {
        let parse = |i: usize| -> Result<Deck<Cards, Claims>, Vec<DeckError>> {
            let (path, origin) = &files[i];
            // A user's deck with a current copy: its text is hashed as it is read, never held.
            let cached = cache
                .filter(|_| matches!(origin, DeckOrigin::User(_)))
                .and_then(|reader| read_cached(reader, path, file_key(path)?));
            if let Some(deck) = cached {
                return Ok(deck);
            }
            let text = super::load::read_deck_file(path).map_err(|e| vec![e])?;
            load_deck(&text, &path.display().to_string()).map(Deck::into_loaded)
        };
        let parsed: Vec<Result<Deck<Cards, Claims>, Vec<DeckError>>> =
            crate::parallel::map_indexed(files.len(), parse);
        for ((path, origin), result) in files.into_iter().zip(parsed) {
            let file = path.display().to_string();
            self.insert(result, &file, origin, || {
                super::load::read_deck_file(&path).unwrap_or_default()
            });
        }
    }

    /// Only the decks built into the binary.
    pub fn builtin() -> Library {
        let mut lib = Library::default();
        for (name, text) in BUILTIN_DECKS {
            lib.add_text(text, &format!("decks/{name}"), DeckOrigin::BuiltIn);
        }
        lib
    }

    /// Only the named files.
    pub fn from_files(paths: &[PathBuf]) -> Library {
        let mut lib = Library::default();
        lib.add_files(
            paths
                .iter()
                .map(|p| (p.clone(), DeckOrigin::Named(p.clone())))
                .collect(),
        );
        lib
    }

    pub fn add_file(&mut self, path: &Path, origin: DeckOrigin) {
        match super::load::read_deck_file(path) {
            Ok(text) => self.add_text(&text, &path.display().to_string(), origin),
            Err(e) => self.errors.push(e),
        }
    }

    pub fn add_text(&mut self, text: &str, file: &str, origin: DeckOrigin) {
        let loaded = load_deck(text, file).map(Deck::into_loaded);
        self.insert(loaded, file, origin, || text.to_string());
    }

    /// Adds a loaded deck (or its errors); `text` gives the file's text again, to place an
    /// error about a deck id used twice.
    fn insert(
        &mut self,
        loaded: Result<Deck<Cards, Claims>, Vec<DeckError>>,
        file: &str,
        origin: DeckOrigin,
        text: impl FnOnce() -> String,
    ) {
        match loaded {
            Ok(deck) => {
                let same = self.decks.iter().position(|d| d.deck.id == deck.id);
                // A user's deck, or a file named on the command line, replaces a built-in deck
                // of the same id: "Copy to my decks" keeps the ids, and so the progress.
                if let Some(i) = same
                    && self.decks[i].origin.is_builtin()
                    && !origin.is_builtin()
                {
                    self.decks[i] = LoadedDeck {
                        deck,
                        origin,
                        file: file.to_string(),
                    };
                } else if let Some(other) = same.map(|i| &self.decks[i]) {
                    let problem = Problem {
                        subject: Subject::Deck,
                        message: format!(
                            "deck id \"{}\" is already used by {}; this deck was not loaded",
                            deck.id, other.file
                        ),
                    };
                    self.errors.extend(locate(&text(), file, &[problem]));
                } else {
                    self.decks.push(LoadedDeck {
                        deck,
                        origin,
                        file: file.to_string(),
                    });
                }
            }
            Err(errors) => self.errors.extend(errors),
        }
    }

    pub fn get(&self, deck_id: &str) -> Option<&LoadedDeck> {
        self.decks.iter().find(|d| d.deck.id == deck_id)
    }

    /// The files that failed, with how many errors each.
    pub fn failed_files(&self) -> Vec<(String, usize)> {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        let mut order = Vec::new();
        for e in &self.errors {
            let n = counts.entry(&e.file).or_insert(0);
            if *n == 0 {
                order.push(e.file.as_str());
            }
            *n += 1;
        }
        order
            .into_iter()
            .map(|f| (f.to_string(), counts[f]))
            .collect()
    }

    pub fn card_count(&self) -> usize {
        self.decks.iter().map(|d| d.deck.cards.len()).sum()
    }
}

fn whole_file(file: &str, message: String) -> DeckError {
    DeckError {
        file: file.to_string(),
        line: 1,
        col: 1,
        card: None,
        message,
    }
}

/// The `.ron` files of a folder, sorted; a folder that cannot be read is reported.
pub(super) fn deck_files(dir: &Path, errors: &mut Vec<DeckError>) -> Vec<PathBuf> {
    match std::fs::read_dir(dir) {
        Ok(rd) => {
            let mut files: Vec<PathBuf> = rd
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "ron"))
                .collect();
            files.sort();
            files
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(e) => {
            errors.push(whole_file(
                &dir.display().to_string(),
                format!("cannot read the deck folder: {e}"),
            ));
            Vec::new()
        }
    }
}
