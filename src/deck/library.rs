//! The deck library: built-in decks embedded in the binary, the user's decks in
//! `<data dir>/decks/`, and deck files named on the command line. A bad deck is reported and
//! skipped; the others still load.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::load::{DeckError, load_deck, locate};
use super::model::Deck;
use super::validate::{Problem, Subject};

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

/// A deck that loaded and validated.
#[derive(Debug, Clone)]
pub struct LoadedDeck {
    pub deck: Deck,
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
        if let Some(dir) = user_dir {
            for path in deck_files(dir, &mut lib.errors) {
                lib.add_file(&path, DeckOrigin::User(path.clone()));
            }
        }
        for path in named {
            lib.add_file(path, DeckOrigin::Named(path.clone()));
        }
        lib
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
        for p in paths {
            lib.add_file(p, DeckOrigin::Named(p.clone()));
        }
        lib
    }

    pub fn add_file(&mut self, path: &Path, origin: DeckOrigin) {
        match super::load::read_deck_file(path) {
            Ok(text) => self.add_text(&text, &path.display().to_string(), origin),
            Err(e) => self.errors.push(e),
        }
    }

    pub fn add_text(&mut self, text: &str, file: &str, origin: DeckOrigin) {
        match load_deck(text, file) {
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
                    self.errors.extend(locate(text, file, &[problem]));
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
fn deck_files(dir: &Path, errors: &mut Vec<DeckError>) -> Vec<PathBuf> {
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
