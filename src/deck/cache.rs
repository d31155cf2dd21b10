//! The parsed-deck cache: a copy of each of the user's decks, parsed and checked, kept in
//! `<data dir>/cache/decks/` and keyed by this build and the deck file's exact text, so that
//! a heavy user's decks load in a fraction of the time and their cards need not be held in
//! memory. A copy is: the key (a JSON line); the deck's title, sources, claims and card heads
//! with where each card ends (a JSON line); every card as JSON; every card's search text.
//! Loading reads the two lines only; the library reads a whole card from the file when a
//! screen needs it (see `deck/cards.rs`). Only a cache: when a copy cannot be read or
//! written, the deck loads from its file as always.

use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;

use serde::{Deserialize, Serialize};

use super::cards::{Cards, FileBodies, Heads, search_text};
use super::library::deck_files;
use super::load::load_deck;
use super::model::Deck;

/// What a cached deck was made from: this build of factquiz and the file's exact text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct CacheKey {
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
            2u32,
        )
            .hash(&mut h);
        Some(h.finish())
    })
}

/// A fast hash of a file's bytes (eight at a time), to know a cached deck is of this text.
fn content_hash(bytes: &[u8]) -> u64 {
    let words = bytes.len() / 8 * 8;
    let h = hash_words(hash_start(bytes.len() as u64), &bytes[..words]);
    hash_end(h, &bytes[words..])
}

fn hash_start(len: u64) -> u64 {
    0xcbf2_9ce4_8422_2325 ^ len
}

fn mix(h: u64, w: u64) -> u64 {
    (h ^ w).wrapping_mul(0x0100_0000_01b3_9e37).rotate_left(29)
}

/// Hashes on with bytes whose length is a multiple of eight.
fn hash_words(mut h: u64, bytes: &[u8]) -> u64 {
    for c in bytes.chunks_exact(8) {
        h = mix(h, u64::from_le_bytes(c.try_into().unwrap_or([0; 8])));
    }
    h
}

/// The hash, with the last (fewer than eight) bytes.
fn hash_end(h: u64, rest: &[u8]) -> u64 {
    let mut last = [0u8; 8];
    last[..rest.len()].copy_from_slice(rest);
    mix(h, u64::from_le_bytes(last))
}

/// [`cache_key`] of a deck file, read 64 KB at a time (a heavy user's deck files are 4 MB
/// each, and the app opens with the copies, never the texts); `None` when it cannot be read.
pub(super) fn file_cache_key(path: &Path) -> Option<CacheKey> {
    use std::io::Read;
    let mut file = std::fs::File::open(path).ok()?;
    let len = file.metadata().ok()?.len();
    let mut h = hash_start(len);
    let mut buf = vec![0u8; 64 * 1024];
    let mut total = 0u64;
    loop {
        // Fill the buffer (a read may return less), so that only the last piece is partial.
        let mut filled = 0;
        while filled < buf.len() {
            match file.read(&mut buf[filled..]) {
                Ok(0) => break,
                Ok(n) => filled += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(_) => return None,
            }
        }
        total += filled as u64;
        if filled < buf.len() {
            let words = filled / 8 * 8;
            h = hash_end(hash_words(h, &buf[..words]), &buf[words..filled]);
            break;
        }
        h = hash_words(h, &buf);
    }
    // A file that changed while it was read is not known.
    (total == len).then_some(CacheKey {
        build: build_id()?,
        len,
        hash: h,
    })
}

/// The cache file of a deck file.
fn cache_file(dir: &Path, deck: &Path) -> PathBuf {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    deck.hash(&mut h);
    dir.join(format!("{:016x}.json", h.finish()))
}

/// Where the parsed copies of the decks in a user's deck folder are kept.
pub(super) fn cache_dir(user_decks: &Path) -> Option<PathBuf> {
    user_decks.parent().map(|d| d.join("cache").join("decks"))
}

fn cache_key(text: &str) -> Option<CacheKey> {
    Some(CacheKey {
        build: build_id()?,
        len: text.len() as u64,
        hash: content_hash(text.as_bytes()),
    })
}

/// The second line of a copy: all of the deck but its whole cards, and where each card and
/// each search text ends (from the start of its part).
#[derive(Serialize, Deserialize)]
struct Header {
    deck: Deck<()>,
    heads: Heads,
    card_ends: Vec<u32>,
    search_ends: Vec<u32>,
}

/// A user's deck, parsed and checked, when the cache holds this very text checked by this
/// very build; its cards stay in the copy, read when shown.
pub(super) fn read_cached(dir: &Path, path: &Path, key: CacheKey) -> Option<Deck<Cards>> {
    use std::io::BufRead;
    let mut r = std::io::BufReader::new(std::fs::File::open(cache_file(dir, path)).ok()?);
    let mut line = Vec::new();
    r.read_until(b'\n', &mut line).ok()?;
    if serde_json::from_slice::<CacheKey>(&line).ok()? != key {
        return None;
    }
    let mut at = line.len() as u64;
    line.clear();
    r.read_until(b'\n', &mut line).ok()?;
    at += line.len() as u64;
    let mut h: Header = serde_json::from_slice(&line).ok()?;
    drop(line);
    // Lists read from JSON grow by doubling; a heavy user's decks keep no room to spare.
    h.heads.shrink_to_fit();
    h.card_ends.shrink_to_fit();
    h.search_ends.shrink_to_fit();
    h.deck.shrink_sources_and_claims();
    let n = h.heads.heads.len();
    let cards_len = u64::from(h.card_ends.last().copied().unwrap_or(0));
    let search_len = u64::from(h.search_ends.last().copied().unwrap_or(0));
    let file = r.into_inner();
    // A copy cut short (or with something after) is not used.
    let whole = file.metadata().ok()?.len() == at + cards_len + search_len;
    if !whole || h.card_ends.len() != n || h.search_ends.len() != n {
        return None;
    }
    let bodies = FileBodies {
        file,
        cards_at: at,
        card_ends: h.card_ends,
        search_at: at + cards_len,
        search_ends: h.search_ends,
        recent: Default::default(),
    };
    let d = h.deck;
    Some(Deck {
        id: d.id,
        title: d.title,
        description: d.description,
        sources: d.sources,
        claims: d.claims,
        cards: Cards::in_file(h.heads, bodies),
    })
}

/// The key a copy was made with: its first line (the rest is not read).
fn copy_key(file: &Path) -> Option<CacheKey> {
    use std::io::BufRead;
    let mut head = String::new();
    std::fs::File::open(file)
        .map(std::io::BufReader::new)
        .and_then(|mut r| r.read_line(&mut head))
        .ok()?;
    serde_json::from_str(&head).ok()
}

/// Whether the copy of a deck file was made from this text by this build.
#[cfg(test)]
fn cache_is_current(file: &Path, text: &str) -> bool {
    copy_key(file).is_some_and(|k| Some(k) == cache_key(text))
}

/// A deck's copy (see the top of this file).
fn cache_bytes(key: CacheKey, deck: &Deck) -> Option<Vec<u8>> {
    let mut cards = Vec::new();
    let mut card_ends = Vec::with_capacity(deck.cards.len());
    let mut search = String::new();
    let mut search_ends = Vec::with_capacity(deck.cards.len());
    for card in &deck.cards {
        serde_json::to_writer(&mut cards, card).ok()?;
        card_ends.push(u32::try_from(cards.len()).ok()?);
        search.push_str(&search_text(deck, card));
        search_ends.push(u32::try_from(search.len()).ok()?);
    }
    let header = Header {
        deck: deck.with_cards(()),
        heads: Heads::of(&deck.cards, &deck.claims),
        card_ends,
        search_ends,
    };
    let mut out = serde_json::to_vec(&key).ok()?;
    out.push(b'\n');
    serde_json::to_writer(&mut out, &header).ok()?;
    out.push(b'\n');
    out.extend_from_slice(&cards);
    out.extend_from_slice(search.as_bytes());
    Some(out)
}

/// Brings the parsed copies of the user's decks up to date, once per run of the app, on a
/// worker thread: each deck file whose copy is missing or stale is loaded again and, when it is
/// sound, written (aside, then renamed: a copy is whole or absent); copies of files that are
/// gone are removed. The app calls this once it shows its decks; tools (`check`, `try`) never
/// write to the data folder, and read the copies when they are there. The copies are only a
/// cache: when they cannot be read or written, decks load from their files as always.
pub fn refresh_cache(data_dir: &Path, lib: &super::library::Library) {
    static STARTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    if STARTED.swap(true, Ordering::Relaxed) {
        return;
    }
    // The decks this run read from their copies have current copies: their files are not
    // read and hashed a second time.
    let current: std::collections::HashSet<PathBuf> = lib
        .decks
        .iter()
        .filter(|d| d.deck.cards.in_a_file())
        .filter_map(|d| match &d.origin {
            super::library::DeckOrigin::User(p) => Some(p.clone()),
            _ => None,
        })
        .collect();
    let data_dir = data_dir.to_path_buf();
    std::thread::spawn(move || write_copies_but(&data_dir, &current));
}

/// Brings the parsed copies of the user's decks up to date now, on this thread (see
/// [`refresh_cache`]); benchmarks call it to measure the decks as the app reads them.
pub fn write_copies(data_dir: &Path) {
    write_copies_but(data_dir, &Default::default());
}

/// [`write_copies`], but for the deck files in `current`, whose copies are known current.
fn write_copies_but(data_dir: &Path, current: &std::collections::HashSet<PathBuf>) {
    let decks = crate::data_dir::user_decks(data_dir);
    {
        let Some(dir) = cache_dir(&decks) else { return };
        let files = deck_files(&decks, &mut Vec::new());
        let mut keep = std::collections::HashSet::new();
        for path in &files {
            let file = cache_file(&dir, path);
            keep.insert(file.clone());
            if current.contains(path) {
                continue;
            }
            let key = file_cache_key(path);
            if key.is_some() && copy_key(&file) == key {
                continue;
            }
            let Ok(text) = super::load::read_deck_file(path) else {
                continue;
            };
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
    }
}

#[cfg(test)]
#[path = "cache_tests.rs"]
mod tests;
