//! Writing the deck cache: once the app shows its decks, a worker brings the copies of the
//! user's decks up to date (a deck file that is new or changed, or whose copy was found
//! damaged, is loaded again and, when it is sound, written in one transaction; copies of files
//! that are gone are dropped). Tools (`check`, `try`) and a second copy of the app never write.
//! The study layer runs the pass as one of its jobs (see [`cache_refresh`]).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use super::hash::{file_key, text_key};
use super::{Damage, FORMAT, Head, Reader, SEARCH_RUN, cache_file, parse_head};
use crate::deck::cards::{Heads, search_text};
use crate::deck::claims::ClaimHead;
use crate::deck::library::{DeckOrigin, Library, deck_files};
use crate::deck::load::{load_deck, read_deck_file};
use crate::deck::model::Deck;
use crate::store::StoreError;
use crate::store::deck_cache::{DeckCache, DeckKey};

/// A pass that brings the copies of the user's decks up to date, to run on a worker.
pub struct CacheRefresh {
    data_dir: PathBuf,
    known: Known,
}

impl CacheRefresh {
    /// Writes what needs writing (one writer at a time: a second pass waits for the first).
    pub fn run(self) {
        write_copies_but(&self.data_dir, self.known);
    }
}

/// The pass the app makes: the first time it asks (`first`), and again whenever a deck read
/// from the cache was found damaged since; `None` when there is nothing to do. The app asks
/// once it shows its decks (never a second copy of the app, which only reads).
pub fn cache_refresh(data_dir: &Path, lib: &Library, first: bool) -> Option<CacheRefresh> {
    // Asked every frame: a look at each deck's cache, and nothing more, when all is well.
    let damaged = || {
        lib.decks.iter().any(|d| {
            d.deck
                .cards
                .cached()
                .is_some_and(|b| b.origin().2.has_damage())
        })
    };
    if !first && !damaged() {
        return None;
    }
    Some(CacheRefresh {
        data_dir: data_dir.to_path_buf(),
        known: read_from_cache(lib),
    })
}

/// Brings the copies of the user's decks up to date now, on this thread (see
/// [`cache_refresh`]); benchmarks call it to measure the decks as the app reads them.
pub fn write_copies(data_dir: &Path) {
    write_copies_but(data_dir, Known::default());
}

/// What a library knows of the cache from the decks it read from it.
#[derive(Default)]
pub(super) struct Known {
    /// The deck files read from the cache, with their keys (less those found damaged since).
    pub(super) current: HashMap<PathBuf, DeckKey>,
    /// What was found damaged since.
    pub(super) damage: Damage,
    /// The cache as the library reads it.
    pub(super) reader: Option<Arc<Reader>>,
}

/// What `lib` knows of the cache; the damage it found is taken (the pass that gets it writes
/// those copies again).
pub(super) fn read_from_cache(lib: &Library) -> Known {
    let mut known = Known::default();
    for d in &lib.decks {
        let (DeckOrigin::User(path), Some(bodies)) = (&d.origin, d.deck.cards.cached()) else {
            continue;
        };
        let (_, key, reader) = bodies.origin();
        known.current.insert(path.clone(), key);
        if !known
            .reader
            .as_ref()
            .is_some_and(|r| Arc::ptr_eq(r, reader))
        {
            let found = reader.take_damage();
            known.damage.decks.extend(found.decks);
            known.damage.file |= found.file;
            known.reader = Some(Arc::clone(reader));
        }
    }
    let damaged = &known.damage.decks;
    known.current.retain(|_, k| !damaged.contains(k));
    known
}

/// [`write_copies`], knowing what a library read (its current copies are not read again, and
/// when every deck was read from the cache whole, nothing is opened to write). One writer at a
/// time.
pub(super) fn write_copies_but(data_dir: &Path, known: Known) {
    static WRITING: Mutex<()> = Mutex::new(());
    let _one = WRITING.lock().unwrap_or_else(|e| e.into_inner());
    let decks = crate::data_dir::user_decks(data_dir);
    let Some(file) = cache_file(&decks) else {
        return;
    };
    // Never the data folder itself: when it is gone, nothing is written.
    if !data_dir.is_dir() {
        return;
    }
    remove_old_copies(&decks);
    let files = deck_files(&decks, &mut Vec::new());
    if nothing_to_write(&files, &known) {
        return;
    }
    let mut start_over = known.damage.file;
    // A file SQLite finds damaged while it is written is started again, once.
    for _ in 0..2 {
        let Ok(mut db) = DeckCache::open_for_writing(&file, FORMAT, start_over) else {
            return;
        };
        match write_all(&mut db, &files, &known.current, &known.damage.decks) {
            Err(StoreError::Corrupt { .. }) => start_over = true,
            _ => return,
        }
    }
}

/// Whether every deck file was read from the cache, nothing was found damaged, and the cache
/// holds no other deck: the usual start, which then opens nothing to write.
fn nothing_to_write(files: &[PathBuf], known: &Known) -> bool {
    let Some(reader) = &known.reader else {
        return false;
    };
    let keys = reader.with_db(|db| db.deck_keys());
    known.damage.is_empty()
        && files.iter().all(|f| known.current.contains_key(f))
        && keys.is_ok_and(|keys| keys.iter().all(|k| known.current.values().any(|c| c == k)))
}

/// Writes the copy of every deck file that needs one, then drops the copies of the others.
fn write_all(
    db: &mut DeckCache,
    files: &[PathBuf],
    current: &HashMap<PathBuf, DeckKey>,
    damaged: &HashSet<DeckKey>,
) -> Result<(), StoreError> {
    let mut keep = HashSet::new();
    for path in files {
        let known = current.get(path).copied().or_else(|| file_key(path));
        if let Some(key) = known
            && !damaged.contains(&key)
            && (current.contains_key(path) || db.deck(key)?.and_then(parse_head).is_some())
        {
            keep.insert(key);
            continue;
        }
        let Ok(text) = read_deck_file(path) else {
            continue;
        };
        let key = text_key(&text);
        let Ok(deck) = load_deck(&text, "") else {
            continue;
        };
        drop(text);
        put(db, key, &deck)?;
        keep.insert(key);
    }
    db.keep_only(&keep)
}

/// Writes one deck's copy (see the top of `cache/mod.rs`).
pub(super) fn put(db: &mut DeckCache, key: DeckKey, deck: &Deck) -> Result<(), StoreError> {
    let head = Head {
        deck: Deck {
            id: deck.id.clone(),
            title: deck.title.clone(),
            description: deck.description.clone(),
            sources: deck.sources.clone(),
            claims: ClaimHead::all(&deck.claims),
            cards: (),
        },
        heads: Heads::of(&deck.cards, &deck.claims),
    };
    let Ok(head) = serde_json::to_vec(&head) else {
        return Ok(());
    };
    let (Some(bodies), Some(claims)) = (JsonRows::of(&deck.cards), JsonRows::of(&deck.claims))
    else {
        return Ok(());
    };
    let runs: Vec<String> = deck
        .cards
        .chunks(SEARCH_RUN)
        .map(|run| {
            let texts: Vec<String> = run.iter().map(|c| search_text(deck, c)).collect();
            texts.join("\n")
        })
        .collect();
    let firsts = (0u32..).step_by(SEARCH_RUN);
    db.put_deck(
        key,
        &head,
        bodies.rows(),
        claims.rows(),
        firsts.zip(runs.iter().map(String::as_str)),
    )?;
    Ok(())
}

/// A list's items written as JSON, one after another, and where each ends.
struct JsonRows {
    bytes: Vec<u8>,
    ends: Vec<usize>,
}

impl JsonRows {
    fn of<T: serde::Serialize>(items: &[T]) -> Option<JsonRows> {
        let mut out = JsonRows {
            bytes: Vec::new(),
            ends: Vec::with_capacity(items.len()),
        };
        for item in items {
            serde_json::to_writer(&mut out.bytes, item).ok()?;
            out.ends.push(out.bytes.len());
        }
        Some(out)
    }

    /// Each item's JSON.
    fn rows(&self) -> impl Iterator<Item = &[u8]> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts
            .zip(&self.ends)
            .map(|(from, &to)| &self.bytes[from..to])
    }
}

/// Removes the parsed copies that factquiz kept before the cache was one SQLite file (a JSON
/// file per deck in `<data dir>/cache/decks/`).
fn remove_old_copies(user_decks: &Path) {
    let Some(dir) = user_decks.parent().map(|d| d.join("cache").join("decks")) else {
        return;
    };
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        if name.ends_with(".json") || name.contains(".tmp") {
            let _ = std::fs::remove_file(e.path());
        }
    }
    let _ = std::fs::remove_dir(&dir);
}
