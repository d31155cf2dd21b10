//! What a deck's cached copy is keyed by: its file's length and a fast hash of its bytes (eight
//! at a time), computed from the text in memory or from the file as it is read.

use std::path::Path;

use crate::store::deck_cache::DeckKey;

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

/// The key of a deck file's text.
pub(super) fn text_key(text: &str) -> DeckKey {
    let bytes = text.as_bytes();
    let words = bytes.len() / 8 * 8;
    let h = hash_words(hash_start(bytes.len() as u64), &bytes[..words]);
    DeckKey {
        len: bytes.len() as u64,
        hash: hash_end(h, &bytes[words..]),
    }
}

/// The key of a deck file, read 64 KB at a time (a heavy user's deck files are 4 MB each, and
/// the app opens with the cached copies, never the texts); `None` when it cannot be read or
/// changes while it is read.
pub(in crate::deck) fn file_key(path: &Path) -> Option<DeckKey> {
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
    (total == len).then_some(DeckKey { len, hash: h })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_hashed_as_it_is_read_has_the_key_of_its_text() {
        let dir = tempfile::tempdir().unwrap();
        let (_, deck) = crate::deck::library::BUILTIN_DECKS[0];
        let long: String = deck.repeat(3);
        let sizes = [
            0,
            1,
            7,
            8,
            9,
            64 * 1024 - 1,
            64 * 1024,
            64 * 1024 + 5,
            long.len(),
        ];
        for n in sizes {
            let text = &long[..n];
            let path = dir.path().join(format!("{n}.ron"));
            std::fs::write(&path, text).unwrap();
            assert_eq!(file_key(&path), Some(text_key(text)), "{n} bytes");
        }
        assert_eq!(file_key(&dir.path().join("none.ron")), None);
        // One byte changed, anywhere, and the key differs.
        let at = 70_000
            + long[70_000..]
                .find(|c: char| c.is_ascii_lowercase())
                .unwrap();
        let mut other = long.clone();
        other.replace_range(at..at + 1, &long[at..at + 1].to_ascii_uppercase());
        assert_ne!(text_key(&long), text_key(&other));
    }
}
