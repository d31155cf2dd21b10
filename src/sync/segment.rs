//! A journal segment: one file of a device's events, JSON lines. The first line is the header
//! (format version, device id and name, the range of sequence numbers, the count of events,
//! when it was written), then one event a line, then a footer with the count again and the
//! CRC-32 of every byte before it, so that a file cut short, damaged, or from a newer format is
//! told apart from a whole one. A segment is written to a temporary name, synced and renamed
//! (`deck::save::write_atomic`), so that a sync tool never ships half of one; it is never
//! written again.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::event::Entry;

/// The format this build writes and reads.
pub const FORMAT: u32 = 1;

/// The first line of a segment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Header {
    pub factquiz_journal: u32,
    pub device: String,
    pub name: String,
    pub first: i64,
    pub last: i64,
    pub count: usize,
    pub written_ms: i64,
}

/// The last line of a segment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Footer {
    end: usize,
    crc32: u32,
}

/// Why a segment was set aside (left where it is, not merged, named in the sync status).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SetAsideWhy {
    /// Cut short: no footer (still arriving, or a copy interrupted).
    Partial,
    Damaged(String),
    /// From a newer factquiz (its format version).
    Newer(u32),
    /// A sync tool's conflict copy (which tool, as far as the name tells).
    ConflictCopy(&'static str),
    /// A file that is no segment of ours.
    Unknown,
}

impl std::fmt::Display for SetAsideWhy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SetAsideWhy::Partial => {
                f.write_str("cut short (still arriving, or a copy that stopped)")
            }
            SetAsideWhy::Damaged(why) => write!(f, "damaged: {why}"),
            SetAsideWhy::Newer(v) => write!(
                f,
                "written by a newer factquiz (journal format {v}; this one reads {FORMAT}): update factquiz"
            ),
            SetAsideWhy::ConflictCopy(tool) => write!(f, "a conflict copy made by {tool}"),
            SetAsideWhy::Unknown => f.write_str("not a journal segment of factquiz"),
        }
    }
}

/// A segment's file name, from its range of sequence numbers.
pub fn file_name(first: i64, last: i64) -> String {
    format!("seg-{first:016}-{last:016}.jsonl")
}

/// The range of a segment's file name, when it is one.
pub fn parse_name(name: &str) -> Option<(i64, i64)> {
    let core = name.strip_prefix("seg-")?.strip_suffix(".jsonl")?;
    let (a, b) = core.split_once('-')?;
    if a.len() != 16 || b.len() != 16 || !(a.bytes().chain(b.bytes()).all(|c| c.is_ascii_digit())) {
        return None;
    }
    Some((a.parse().ok()?, b.parse().ok()?))
}

/// The segment's text.
pub fn render(header: &Header, entries: &[Entry]) -> String {
    let mut text = String::with_capacity(entries.len() * 200 + 256);
    let line = |v: &dyn erased::Line, text: &mut String| {
        text.push_str(&v.json());
        text.push('\n');
    };
    line(header, &mut text);
    for e in entries {
        line(e, &mut text);
    }
    let footer = Footer {
        end: entries.len(),
        crc32: crc32fast::hash(text.as_bytes()),
    };
    line(&footer, &mut text);
    text
}

mod erased {
    /// Anything written as one JSON line.
    pub trait Line {
        fn json(&self) -> String;
    }

    impl<T: serde::Serialize> Line for T {
        fn json(&self) -> String {
            serde_json::to_string(self).unwrap_or_default()
        }
    }
}

/// Writes a segment of `entries` (sorted by sequence number, not empty) into `dir`, through a
/// temporary file that is synced and renamed; returns its path.
pub fn write(
    dir: &Path,
    device: &str,
    name: &str,
    entries: &[Entry],
    written_ms: i64,
) -> std::io::Result<PathBuf> {
    let (first, last) = match (entries.first(), entries.last()) {
        (Some(a), Some(b)) => (a.seq, b.seq),
        _ => return Err(std::io::Error::other("an empty segment")),
    };
    let header = Header {
        factquiz_journal: FORMAT,
        device: device.to_string(),
        name: name.to_string(),
        first,
        last,
        count: entries.len(),
        written_ms,
    };
    let path = dir.join(file_name(first, last));
    crate::deck::save::write_atomic(&path, &render(&header, entries))?;
    Ok(path)
}

/// Reads a segment's text: its header and events, or why it is set aside. `device` is the id
/// of the folder it was found in.
pub fn parse(text: &[u8], device: &str) -> Result<(Header, Vec<Entry>), SetAsideWhy> {
    let damaged = |why: &str| SetAsideWhy::Damaged(why.to_string());
    let first_end = text
        .iter()
        .position(|&b| b == b'\n')
        .ok_or(SetAsideWhy::Partial)?;
    let header: Header = match serde_json::from_slice(&text[..first_end]) {
        Ok(h) => h,
        Err(_) => {
            // A newer format may have other fields: its version is still read.
            #[derive(Deserialize)]
            struct Version {
                factquiz_journal: u32,
            }
            return match serde_json::from_slice::<Version>(&text[..first_end]) {
                Ok(v) if v.factquiz_journal > FORMAT => Err(SetAsideWhy::Newer(v.factquiz_journal)),
                _ => Err(damaged("its first line is not a journal header")),
            };
        }
    };
    if header.factquiz_journal > FORMAT {
        return Err(SetAsideWhy::Newer(header.factquiz_journal));
    }
    if header.device != device {
        return Err(damaged("its header names another device"));
    }
    // The footer is the last whole line; a file that does not end with one is cut short.
    if !text.ends_with(b"\n") {
        return Err(SetAsideWhy::Partial);
    }
    let body = &text[..text.len() - 1];
    let footer_start = body.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let footer: Footer = match serde_json::from_slice(&body[footer_start..]) {
        Ok(f) => f,
        Err(_) => return Err(SetAsideWhy::Partial),
    };
    if footer_start <= first_end || crc32fast::hash(&text[..footer_start]) != footer.crc32 {
        return Err(damaged(
            "its check sum does not match (the file was changed or cut)",
        ));
    }
    let mut entries = Vec::with_capacity(header.count);
    for line in text[first_end + 1..footer_start].split(|&b| b == b'\n') {
        if line.is_empty() {
            continue;
        }
        let e: Entry = serde_json::from_slice(line)
            .map_err(|e| damaged(&format!("a line does not read: {e}")))?;
        entries.push(e);
    }
    let ordered = entries.windows(2).all(|w| w[0].seq < w[1].seq);
    let in_range = entries
        .iter()
        .all(|e| (header.first..=header.last).contains(&e.seq));
    if entries.len() != header.count || footer.end != header.count || !ordered || !in_range {
        return Err(damaged("its events do not match its header"));
    }
    Ok((header, entries))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::event::Event;

    fn entries() -> Vec<Entry> {
        (1..=3)
            .map(|seq| Entry {
                seq,
                event: Event::Undo {
                    review: seq,
                    time_ms: 10,
                },
            })
            .collect()
    }

    fn text() -> String {
        let e = entries();
        let h = Header {
            factquiz_journal: FORMAT,
            device: "dev".into(),
            name: "laptop".into(),
            first: 1,
            last: 3,
            count: 3,
            written_ms: 0,
        };
        render(&h, &e)
    }

    #[test]
    fn a_whole_segment_reads_back_and_a_cut_one_is_partial() {
        let t = text();
        let (h, e) = parse(t.as_bytes(), "dev").unwrap();
        assert_eq!((h.first, h.last, e), (1, 3, entries()));
        for cut in [t.len() - 1, t.len() - 10, t.len() / 2, 5] {
            assert!(parse(&t.as_bytes()[..cut], "dev").is_err(), "cut at {cut}");
        }
        assert_eq!(
            parse(&t.as_bytes()[..t.len() - 1], "dev"),
            Err(SetAsideWhy::Partial)
        );
        assert!(matches!(
            parse(t.as_bytes(), "other"),
            Err(SetAsideWhy::Damaged(_))
        ));
        let flipped = t.replacen("\"review\":2", "\"review\":9", 1);
        assert!(matches!(
            parse(flipped.as_bytes(), "dev"),
            Err(SetAsideWhy::Damaged(_))
        ));
        let newer = t.replacen("\"factquiz_journal\":1", "\"factquiz_journal\":2", 1);
        assert_eq!(parse(newer.as_bytes(), "dev"), Err(SetAsideWhy::Newer(2)));
    }

    #[test]
    fn names_carry_their_range() {
        let n = file_name(1, 42);
        assert_eq!(parse_name(&n), Some((1, 42)));
        assert_eq!(parse_name("seg-1-2.jsonl"), None);
        assert_eq!(
            parse_name(&n.replace(".jsonl", ".sync-conflict-20240101-000000-ABC.jsonl")),
            None
        );
    }
}
