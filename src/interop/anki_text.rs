//! Anki's "Notes in Plain Text" export: `#` header lines (`#separator:tab`, `#html:true`,
//! `#guid column:1`, `#notetype column:2`, `#deck column:3`, `#tags column:6`, and the global
//! `#notetype:`, `#deck:` and `#tags:`), then one note a line, read with the csv crate as Anki
//! writes it (rslib/src/import_export/text/csv/). Columns are counted from 1, as Anki does.

use std::sync::Arc;

use super::InteropError;
use super::cloze::Cloze;
use super::note::{Note, NoteKind};

/// The header keys Anki writes; a text whose first line is one of them is an Anki export.
const KEYS: [&str; 10] = [
    "separator",
    "html",
    "tags",
    "columns",
    "notetype",
    "deck",
    "notetype column",
    "deck column",
    "tags column",
    "guid column",
];

/// Whether the text starts with Anki's header lines.
pub fn is_anki_text(text: &str) -> bool {
    let first = text
        .trim_start_matches('\u{feff}')
        .lines()
        .next()
        .unwrap_or("");
    first
        .strip_prefix('#')
        .and_then(|l| l.split_once(':'))
        .is_some_and(|(k, _)| KEYS.contains(&k.trim().to_lowercase().as_str()))
}

/// What the header lines say.
#[derive(Debug, Clone, PartialEq)]
struct Header {
    separator: u8,
    html: bool,
    tags: Vec<String>,
    notetype: String,
    deck: String,
    notetype_column: Option<usize>,
    deck_column: Option<usize>,
    tags_column: Option<usize>,
    guid_column: Option<usize>,
    /// Lines the header takes.
    lines: usize,
}

fn separator(value: &str) -> Option<u8> {
    match value.trim().to_lowercase().as_str() {
        "tab" | "\t" => Some(b'\t'),
        "comma" | "," => Some(b','),
        "semicolon" | ";" => Some(b';'),
        "space" | " " => Some(b' '),
        "pipe" | "|" => Some(b'|'),
        "colon" | ":" => Some(b':'),
        _ => None,
    }
}

fn header(text: &str, default_deck: &str) -> Result<Header, InteropError> {
    let mut h = Header {
        separator: b'\t',
        html: true,
        tags: Vec::new(),
        notetype: "Basic".into(),
        deck: default_deck.into(),
        notetype_column: None,
        deck_column: None,
        tags_column: None,
        guid_column: None,
        lines: 0,
    };
    for (i, line) in text.trim_start_matches('\u{feff}').lines().enumerate() {
        let Some((key, value)) = line.strip_prefix('#').and_then(|l| l.split_once(':')) else {
            break;
        };
        h.lines = i + 1;
        let bad = |what: &str| InteropError::Header {
            line: i + 1,
            message: format!("{what} \"{}\"", value.trim()),
        };
        let column = |v: &str| -> Result<Option<usize>, InteropError> {
            v.trim()
                .parse::<usize>()
                .ok()
                .filter(|n| *n > 0)
                .map(Some)
                .ok_or_else(|| bad("a column is a number from 1; not"))
        };
        match key.trim().to_lowercase().as_str() {
            "separator" => {
                h.separator = separator(value).ok_or_else(|| {
                    bad("the separator is tab, comma, semicolon, space, pipe or colon; not")
                })?
            }
            "html" => {
                h.html = value
                    .trim()
                    .parse()
                    .map_err(|_| bad("html is true or false; not"))?
            }
            "tags" => h.tags = value.split_whitespace().map(String::from).collect(),
            "notetype" => h.notetype = value.trim().to_string(),
            "deck" => h.deck = value.trim().to_string(),
            "notetype column" => h.notetype_column = column(value)?,
            "deck column" => h.deck_column = column(value)?,
            "tags column" => h.tags_column = column(value)?,
            "guid column" => h.guid_column = column(value)?,
            _ => {}
        }
    }
    Ok(h)
}

/// The text after the header's `lines` lines.
fn body(text: &str, lines: usize) -> &str {
    let text = text.trim_start_matches('\u{feff}');
    let mut at = 0;
    for _ in 0..lines {
        match text[at..].find('\n') {
            Some(i) => at += i + 1,
            None => return "",
        }
    }
    &text[at..]
}

/// The notes of an export, and "file:line: why" for each line that cannot be read.
pub fn read_anki_text(
    text: &str,
    file: &str,
    default_deck: &str,
) -> Result<(Vec<Note>, Vec<String>), InteropError> {
    let h = header(text, default_deck)?;
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(h.separator)
        .has_headers(false)
        .flexible(true)
        .comment(Some(b'#'))
        .from_reader(body(text, h.lines).as_bytes());
    let meta: Vec<usize> = [
        h.notetype_column,
        h.deck_column,
        h.tags_column,
        h.guid_column,
    ]
    .into_iter()
    .flatten()
    .collect();
    let mut kinds: Vec<(String, Arc<NoteKind>)> = Vec::new();
    let mut kind_of = |name: &str| {
        if let Some((_, k)) = kinds.iter().find(|(n, _)| n == name) {
            return Arc::clone(k);
        }
        let k = Arc::new(NoteKind::by_name(name));
        kinds.push((name.to_string(), Arc::clone(&k)));
        k
    };
    let mut notes = Vec::new();
    let mut problems = Vec::new();
    let body = body(text, h.lines);
    // Lines counted from the byte where each record starts (a quoted field may span lines).
    let (mut counted_to, mut line) = (0usize, h.lines as u64 + 1);
    let mut line_at = |byte: u64| {
        let byte = usize::try_from(byte).unwrap_or(usize::MAX).min(body.len());
        if byte > counted_to {
            line += body.as_bytes()[counted_to..byte]
                .iter()
                .filter(|b| **b == b'\n')
                .count() as u64;
            counted_to = byte;
        }
        line
    };
    for rec in rdr.records() {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                let at = e.position().map_or(0, |p| line_at(p.byte()));
                problems.push(format!("{file}:{at}: {e}"));
                continue;
            }
        };
        let line = rec.position().map_or(0, |p| line_at(p.byte()));
        let get = |c: Option<usize>| c.and_then(|c| rec.get(c - 1)).map(str::trim);
        let fields: Vec<String> = rec
            .iter()
            .enumerate()
            .filter(|(c, _)| !meta.contains(&(c + 1)))
            .map(|(_, f)| f.to_string())
            .collect();
        if fields.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let first = fields.first().cloned().unwrap_or_default();
        let mut tags = h.tags.clone();
        tags.extend(
            get(h.tags_column)
                .unwrap_or("")
                .split_whitespace()
                .map(String::from),
        );
        notes.push(Note {
            guid: get(h.guid_column)
                .filter(|g| !g.is_empty())
                .map_or_else(|| format!("text:{first}"), String::from),
            // Without a note type column, a note written with cloze deletions is a Cloze note.
            kind: if h.notetype_column.is_none() && !Cloze::parse(&first).numbers().is_empty() {
                kind_of("Cloze")
            } else {
                kind_of(get(h.notetype_column).unwrap_or(&h.notetype))
            },
            fields,
            html: h.html,
            tags,
            deck: get(h.deck_column)
                .filter(|d| !d.is_empty())
                .unwrap_or(&h.deck)
                .to_string(),
            at: format!("{file}:{line}"),
        });
    }
    Ok((notes, problems))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_lines_are_honoured() {
        let text = "#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n\
                    #deck column:3\n#tags column:6\n\
                    abc\tBasic (and reversed card)\tGeo::Asia\tAstana\t<b>capital</b>\tcity asia\n";
        assert!(is_anki_text(text));
        let (notes, problems) = read_anki_text(text, "x.txt", "x").unwrap();
        assert!(problems.is_empty());
        let n = &notes[0];
        assert_eq!(n.guid, "abc");
        assert_eq!(*n.kind, NoteKind::Reversed);
        assert_eq!(n.deck, "Geo::Asia");
        assert_eq!(n.fields, vec!["Astana", "<b>capital</b>"]);
        assert_eq!(n.tags, vec!["city", "asia"]);
        assert_eq!(n.at, "x.txt:7");
    }

    #[test]
    fn cloze_notes_are_found_without_a_note_type_column() {
        let text = "#separator:tab\n#html:true\n{{c1::Astana}} is the capital\t\nParis\tFrance\n";
        let (notes, _) = read_anki_text(text, "x.txt", "x").unwrap();
        assert_eq!(*notes[0].kind, NoteKind::Cloze);
        assert_eq!(*notes[1].kind, NoteKind::Basic);
    }

    #[test]
    fn a_bad_header_value_is_named() {
        let e = read_anki_text("#separator:wave\na\tb\n", "x.txt", "x").unwrap_err();
        assert_eq!(
            e.to_string(),
            "line 1 of the header: the separator is tab, comma, semicolon, space, pipe or colon; not \"wave\""
        );
        assert!(!is_anki_text("term\tdefinition\n"));
    }
}
