//! Reading a deck file: RON parsing, then validation, with every error located by file, line,
//! column and card so that a deck author can go straight to it.

use std::fmt;

use ron::extensions::Extensions;
use serde::Serialize;

use super::model::Deck;
use super::validate::{Problem, Subject, validate};

/// Deck files larger than this are refused before parsing (a deck of 10,000 cards is ~5 MB).
pub const MAX_DECK_BYTES: usize = 64 * 1024 * 1024;

/// One thing wrong with a deck file, where it is, and what was expected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeckError {
    pub file: String,
    pub line: usize,
    pub col: usize,
    /// The card the error is in, when it is in one.
    pub card: Option<String>,
    pub message: String,
}

impl fmt::Display for DeckError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: ", self.file, self.line, self.col)?;
        if let Some(card) = &self.card {
            write!(f, "card \"{card}\": ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for DeckError {}

fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME | Extensions::UNWRAP_VARIANT_NEWTYPES)
        .with_recursion_limit(64)
}

/// Parses a deck without validating it.
pub fn parse_deck(text: &str, file: &str) -> Result<Deck, DeckError> {
    if text.len() > MAX_DECK_BYTES {
        return Err(DeckError {
            file: file.to_string(),
            line: 1,
            col: 1,
            card: None,
            message: format!(
                "the file is {} MB; decks are limited to {} MB",
                text.len() / (1024 * 1024),
                MAX_DECK_BYTES / (1024 * 1024)
            ),
        });
    }
    ron_options().from_str::<Deck>(text).map_err(|e| {
        let (line, col) = (e.span.start.line.max(1), e.span.start.col.max(1));
        let offset = offset_of(text, line, col);
        DeckError {
            file: file.to_string(),
            line,
            col,
            card: card_around(text, offset),
            message: explain(&e.code),
        }
    })
}

/// Parses and validates a deck; every problem found is returned, each located.
pub fn load_deck(text: &str, file: &str) -> Result<Deck, Vec<DeckError>> {
    let deck = parse_deck(text, file).map_err(|e| vec![e])?;
    let problems = validate(&deck);
    if problems.is_empty() {
        Ok(deck)
    } else {
        Err(locate(text, file, &problems))
    }
}

/// Writes a deck as RON formatted for people to read and diff.
pub fn to_ron(deck: &Deck) -> String {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ".to_string())
        .struct_names(false)
        .separate_tuple_members(false);
    ron_options()
        .to_string_pretty(deck, config)
        .unwrap_or_else(|e| format!("// could not write the deck: {e}"))
}

/// Gives validation problems their place in the file.
pub fn locate(text: &str, file: &str, problems: &[Problem]) -> Vec<DeckError> {
    problems
        .iter()
        .map(|p| {
            let offset = match &p.subject {
                Subject::Deck => find_key_value(text, 0, "id", None, 0),
                Subject::Source(id, nth) => find_in_section(text, "sources", id, *nth),
                Subject::Claim(id, nth) => find_in_section(text, "claims", id, *nth),
                Subject::Card(id, nth) => find_in_section(text, "cards", id, *nth),
            }
            .unwrap_or(0);
            let (line, col) = line_col(text, offset);
            DeckError {
                file: file.to_string(),
                line,
                col,
                card: match &p.subject {
                    Subject::Card(id, _) => Some(id.clone()),
                    _ => None,
                },
                message: p.message.clone(),
            }
        })
        .collect()
}

fn explain(code: &ron::Error) -> String {
    use ron::Error as E;
    match code {
        E::NoSuchEnumVariant {
            expected, found, ..
        } => format!(
            "unknown variant `{found}`: expected one of {}",
            expected.join(", ")
        ),
        E::MissingStructField { field, outer } => match outer {
            Some(o) => format!("{o} is missing the field `{field}`"),
            None => format!("missing the field `{field}`"),
        },
        E::NoSuchStructField {
            expected, found, ..
        } => format!(
            "unknown field `{found}`: expected one of {}",
            expected.join(", ")
        ),
        E::DuplicateStructField { field, .. } => format!("the field `{field}` is given twice"),
        other => other.to_string(),
    }
}

/// The byte offset of a 1-based line and column (columns count characters).
fn offset_of(text: &str, line: usize, col: usize) -> usize {
    let start = text
        .split_inclusive('\n')
        .take(line - 1)
        .map(str::len)
        .sum::<usize>();
    let rest = &text[start.min(text.len())..];
    start
        + rest
            .char_indices()
            .nth(col - 1)
            .map_or(rest.len(), |(i, _)| i)
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before
        .rfind('\n')
        .map_or(before, |i| &before[i + 1..])
        .chars()
        .count()
        + 1;
    (line, col)
}

/// The offset of the `key` whose value is `"value"` (any value when `None`), the `nth` such
/// from `from`.
fn find_key_value(
    text: &str,
    from: usize,
    key: &str,
    value: Option<&str>,
    nth: usize,
) -> Option<usize> {
    let mut seen = 0;
    let mut pos = from;
    while let Some(found) = text[pos..].find(key) {
        let at = pos + found;
        pos = at + key.len();
        let word_start = at == 0 || !text.as_bytes()[at - 1].is_ascii_alphanumeric();
        let rest = text[pos..].trim_start();
        let Some(rest) = rest.strip_prefix(':') else {
            continue;
        };
        let rest = rest.trim_start();
        let matches = match value {
            None => true,
            Some(v) => rest
                .strip_prefix('"')
                .and_then(|r| r.strip_prefix(v))
                .is_some_and(|r| r.starts_with('"')),
        };
        if word_start && matches {
            if seen == nth {
                return Some(at);
            }
            seen += 1;
        }
    }
    None
}

fn find_in_section(text: &str, section: &str, id: &str, nth: usize) -> Option<usize> {
    let start = find_key_value(text, 0, section, None, 0).unwrap_or(0);
    find_key_value(text, start, "id", Some(id), nth)
}

/// The id of the card whose text contains `offset`, when the offset is in the cards section.
fn card_around(text: &str, offset: usize) -> Option<String> {
    let cards = find_key_value(text, 0, "cards", None, 0)?;
    if offset < cards {
        return None;
    }
    let before = &text[cards..offset.min(text.len())];
    let mut last = None;
    let mut pos = 0;
    while let Some(at) = find_key_value(before, pos, "id", None, 0) {
        pos = at + 2;
        let rest = before[at + 2..]
            .trim_start()
            .trim_start_matches(':')
            .trim_start();
        if let Some(r) = rest.strip_prefix('"')
            && let Some(end) = r.find('"')
        {
            last = Some(r[..end].to_string());
        }
    }
    last
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_round_trip() {
        let t = "ab\ncdé\nf";
        assert_eq!(line_col(t, offset_of(t, 2, 3)), (2, 3));
        assert_eq!(line_col(t, offset_of(t, 3, 1)), (3, 1));
    }

    #[test]
    fn finds_the_card_around_an_error() {
        let t = "Deck(id: \"d\", cards: [(id: \"one\", kind: Who), (id: \"two\", kind: Oops)])";
        let at = t.find("Oops").unwrap();
        assert_eq!(card_around(t, at).as_deref(), Some("two"));
        assert_eq!(card_around(t, 3), None);
    }
}
