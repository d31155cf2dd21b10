//! The deck library: built-in decks embedded in the binary, the user's decks in
//! `<data dir>/decks/`, and deck files named on the command line. A bad deck is reported and
//! skipped; the others still load.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use serde::{Deserialize, Serialize};

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
    /// Changes whenever a deck is added here, for [`Library::fingerprint`].
    serial: u64,
}

/// Numbers every change to every library of the process.
static CHANGES: AtomicU64 = AtomicU64::new(1);

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
        // The user's decks, parsed, may be kept beside the progress (see `refresh_cache`).
        let cache = user_dir.and_then(cache_dir);
        lib.add_files_cached(files, cache.as_deref());
        lib
    }

    /// Adds deck files, in this order (as [`Library::add_file`] one by one would); they are
    /// read, parsed and checked on every core first, since a heavy user's decks hold 100,000
    /// cards.
    pub fn add_files(&mut self, files: Vec<(PathBuf, DeckOrigin)>) {
        self.add_files_cached(files, None);
    }

    /// [`Library::add_files`], the user's decks through the cache in `cache` (see
    /// [`load_cached`]).
    fn add_files_cached(&mut self, files: Vec<(PathBuf, DeckOrigin)>, cache: Option<&Path>) {
        let parse = |i: usize| -> Result<Deck, Vec<DeckError>> {
            let (path, origin) = &files[i];
            let text = super::load::read_deck_file(path).map_err(|e| vec![e])?;
            let cached = cache
                .filter(|_| matches!(origin, DeckOrigin::User(_)))
                .and_then(|dir| read_cached(dir, path, &text));
            match cached {
                Some(deck) => Ok(deck),
                None => load_deck(&text, &path.display().to_string()),
            }
        };
        let parsed: Vec<Result<Deck, Vec<DeckError>>> =
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
        self.insert(load_deck(text, file), file, origin, || text.to_string());
    }

    /// Adds a loaded deck (or its errors); `text` gives the file's text again, to place an
    /// error about a deck id used twice.
    fn insert(
        &mut self,
        loaded: Result<Deck, Vec<DeckError>>,
        file: &str,
        origin: DeckOrigin,
        text: impl FnOnce() -> String,
    ) {
        self.serial = CHANGES.fetch_add(1, Ordering::Relaxed);
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

    /// What tells this library from another without reading every card, for caches of what
    /// is derived from the cards: the number of its last change (every deck added is one), and
    /// the decks' ids, sizes and storage, and their first and last cards. Loading decks gives a
    /// new one.
    pub fn fingerprint(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.serial.hash(&mut h);
        self.decks.len().hash(&mut h);
        for d in &self.decks {
            d.deck.id.hash(&mut h);
            d.deck.cards.len().hash(&mut h);
            (d.deck.cards.as_ptr() as usize).hash(&mut h);
            for c in d.deck.cards.first().into_iter().chain(d.deck.cards.last()) {
                c.id.hash(&mut h);
                c.prompt.hash(&mut h);
                c.topics.hash(&mut h);
            }
        }
        h.finish()
    }
}

/// What a cached deck was made from: this build of factquiz and the file's exact text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct CacheKey {
    build: u64,
    len: u64,
    hash: u64,
}

/// This build, told apart from any other (a deck that loads with one build may not with the
/// next): the executable's size and time, and the version.
fn build_id() -> Option<u64> {
    static ID: std::sync::OnceLock<Option<u64>> = std::sync::OnceLock::new();
    *ID.get_or_init(|| {
        use std::hash::{Hash, Hasher};
        let meta = std::env::current_exe().and_then(std::fs::metadata).ok()?;
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (
            meta.len(),
            meta.modified().ok()?,
            env!("CARGO_PKG_VERSION"),
            1u32,
        )
            .hash(&mut h);
        Some(h.finish())
    })
}

/// A fast hash of a file's bytes (eight at a time), to know a cached deck is of this text.
fn content_hash(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ bytes.len() as u64;
    let mix = |h: u64, w: u64| (h ^ w).wrapping_mul(0x0100_0000_01b3_9e37).rotate_left(29);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        h = mix(h, u64::from_le_bytes(c.try_into().unwrap_or([0; 8])));
    }
    let mut last = [0u8; 8];
    last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    mix(h, u64::from_le_bytes(last))
}

/// The cache file of a deck file.
fn cache_file(dir: &Path, deck: &Path) -> PathBuf {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    deck.hash(&mut h);
    dir.join(format!("{:016x}.json", h.finish()))
}

/// Where the parsed copies of the decks in a user's deck folder are kept.
fn cache_dir(user_decks: &Path) -> Option<PathBuf> {
    user_decks.parent().map(|d| d.join("cache").join("decks"))
}

fn cache_key(text: &str) -> Option<CacheKey> {
    Some(CacheKey {
        build: build_id()?,
        len: text.len() as u64,
        hash: content_hash(text.as_bytes()),
    })
}

/// A user's deck, parsed and checked, when the cache holds this very text checked by this
/// very build (JSON reads several times faster than RON: a heavy user's 100,000 cards load in a
/// fraction of the time).
fn read_cached(dir: &Path, path: &Path, text: &str) -> Option<Deck> {
    let key = cache_key(text)?;
    let bytes = std::fs::read(cache_file(dir, path)).ok()?;
    let (head, deck) = bytes.split_at(bytes.iter().position(|&b| b == b'\n')?);
    let mut deck: Deck = (serde_json::from_slice::<CacheKey>(head).ok()? == key)
        .then(|| serde_json::from_slice(deck).ok())
        .flatten()?;
    deck.shrink_to_fit();
    Some(deck)
}

/// Whether the copy of a deck file was made from this text by this build: its first line (the
/// rest, the deck, is not read).
fn cache_is_current(file: &Path, text: &str) -> bool {
    use std::io::BufRead;
    let mut head = String::new();
    std::fs::File::open(file)
        .map(std::io::BufReader::new)
        .and_then(|mut r| r.read_line(&mut head))
        .is_ok_and(|_| serde_json::from_str::<CacheKey>(&head).ok() == cache_key(text))
}

/// A deck's copy: the key on the first line, then the deck, as JSON.
fn cache_bytes(key: CacheKey, deck: &Deck) -> Option<Vec<u8>> {
    let mut out = serde_json::to_vec(&key).ok()?;
    out.push(b'\n');
    serde_json::to_writer(&mut out, deck).ok()?;
    Some(out)
}

/// Brings the parsed copies of the user's decks up to date, once per run of the app, on a
/// worker thread: each deck file whose copy is missing or stale is loaded again and, when it is
/// sound, written (aside, then renamed: a copy is whole or absent); copies of files that are
/// gone are removed. The app calls this once it shows its decks; tools (`check`, `try`) never
/// write to the data folder, and read the copies when they are there. The copies are only a
/// cache: when they cannot be read or written, decks load from their files as always.
pub fn refresh_cache(data_dir: &Path) {
    static STARTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    if STARTED.swap(true, Ordering::Relaxed) {
        return;
    }
    let decks = crate::data_dir::user_decks(data_dir);
    std::thread::spawn(move || {
        let Some(dir) = cache_dir(&decks) else { return };
        let files = deck_files(&decks, &mut Vec::new());
        let mut keep = std::collections::HashSet::new();
        for path in &files {
            let file = cache_file(&dir, path);
            keep.insert(file.clone());
            let Ok(text) = super::load::read_deck_file(path) else {
                continue;
            };
            if cache_is_current(&file, &text) {
                continue;
            }
            let (Some(key), Ok(deck)) = (cache_key(&text), load_deck(&text, "")) else {
                continue;
            };
            let Some(json) = cache_bytes(key, &deck) else {
                continue;
            };
            let tmp = file.with_extension(format!("tmp{}", std::process::id()));
            // Never the data folder itself: when it is gone, nothing is written.
            let made = |d: &Path| match std::fs::create_dir(d) {
                Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists => Err(e),
                _ => Ok(()),
            };
            let written = dir
                .parent()
                .map_or(Ok(()), made)
                .and_then(|()| made(&dir))
                .and_then(|()| std::fs::write(&tmp, json))
                .and_then(|()| std::fs::rename(&tmp, &file));
            if written.is_err() {
                let _ = std::fs::remove_file(&tmp);
            }
        }
        if let Ok(rd) = std::fs::read_dir(&dir) {
            for e in rd.flatten() {
                if !keep.contains(&e.path()) {
                    let _ = std::fs::remove_file(e.path());
                }
            }
        }
    });
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_decks_copy_is_read_only_for_its_very_text() {
        let data = tempfile::tempdir().unwrap();
        let decks = data.path().join("decks");
        std::fs::create_dir_all(&decks).unwrap();
        let (_, text) = BUILTIN_DECKS[0];
        let text = text.replacen("id: \"", "id: \"mine-", 1);
        let path = decks.join("mine.ron");
        std::fs::write(&path, &text).unwrap();
        let dir = cache_dir(&decks).unwrap();
        std::fs::create_dir_all(&dir).unwrap();
        // A copy whose title differs shows whether the copy or the file was read.
        let mut deck = load_deck(&text, "mine.ron").unwrap();
        deck.title = "From the copy".into();
        let file = cache_file(&dir, &path);
        let bytes = cache_bytes(cache_key(&text).unwrap(), &deck).unwrap();
        std::fs::write(&file, bytes).unwrap();
        assert!(cache_is_current(&file, &text));
        let lib = Library::load(Some(&decks), &[]);
        assert!(lib.decks.iter().any(|d| d.deck.title == "From the copy"));
        // One character more in the file, and the copy is not used.
        std::fs::write(&path, format!("{text} ")).unwrap();
        assert!(!cache_is_current(&file, &format!("{text} ")));
        let lib = Library::load(Some(&decks), &[]);
        assert!(!lib.decks.iter().any(|d| d.deck.title == "From the copy"));
        assert!(lib.decks.iter().any(|d| d.deck.id.starts_with("mine-")));
    }
}
