//! Reading a deck file: RON parsing, then validation, with every error located by file, line,
//! column and card so that a deck author can go straight to it.

use std::fmt;

use ron::extensions::Extensions;
use serde::Serialize;

use super::keys::{Key, keys};
use super::model::Deck;
use super::validate::{Problem, Subject, validate};

/// Deck files larger than this are refused before parsing (a deck of 10,000 cards is ~5 MB);
/// this is what bounds the memory a deck file can take. The number of cards is checked once
/// the deck is read (`validate::MAX_CARDS`).
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

/// Reads a deck file for [`load_deck`], refusing one past [`MAX_DECK_BYTES`] before reading
/// it (so a huge file never fills memory) and naming the place of a byte that is not UTF-8.
pub fn read_deck_file(path: &std::path::Path) -> Result<String, DeckError> {
    use std::io::Read;
    let file = path.display().to_string();
    let fail = |line, col, message| DeckError {
        file: file.clone(),
        line,
        col,
        card: None,
        message,
    };
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_DECK_BYTES as u64 + 1).read_to_end(&mut bytes))
        .map_err(|e| fail(1, 1, format!("cannot read the file: {e}")))?;
    if bytes.len() > MAX_DECK_BYTES {
        let mb = MAX_DECK_BYTES / (1024 * 1024);
        return Err(fail(
            1,
            1,
            format!("the file is over {mb} MB; decks are limited to {mb} MB"),
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let valid = &e.as_bytes()[..at];
        let (line, col) = line_col(std::str::from_utf8(valid).unwrap_or(""), valid.len());
        fail(
            line,
            col,
            format!("the file is not UTF-8 text (bad byte at offset {at})"),
        )
    })
}

/// Parses and validates a deck; every problem found is returned, each located.
pub fn load_deck(text: &str, file: &str) -> Result<Deck, Vec<DeckError>> {
    let mut deck = parse_deck(text, file).map_err(|e| vec![e])?;
    let problems = validate(&deck);
    if problems.is_empty() {
        deck.shrink_to_fit();
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
        .separate_tuple_members(false)
        .escape_strings(false);
    ron_options()
        .to_string_pretty(deck, config)
        .unwrap_or_else(|e| format!("// could not write the deck: {e}"))
}

/// Gives validation problems their place in the file.
pub fn locate(text: &str, file: &str, problems: &[Problem]) -> Vec<DeckError> {
    let keys = keys(text);
    problems
        .iter()
        .map(|p| {
            let offset = match &p.subject {
                Subject::Deck => deck_id(&keys),
                Subject::Source(id, nth) => find_in_section(&keys, "sources", id, *nth),
                Subject::Claim(id, nth) => find_in_section(&keys, "claims", id, *nth),
                Subject::Card(id, nth) => find_in_section(&keys, "cards", id, *nth),
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

pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
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

/// The offset of the deck's own `id` key.
fn deck_id(keys: &[Key<'_>]) -> Option<usize> {
    keys.iter()
        .find(|k| k.depth == 1 && k.name == "id")
        .map(|k| k.at)
}

/// The keys inside a section of the deck (`sources`, `claims`, `cards`).
fn section<'k, 'a>(keys: &'k [Key<'a>], name: &str) -> &'k [Key<'a>] {
    let Some(start) = keys.iter().position(|k| k.depth == 1 && k.name == name) else {
        return &[];
    };
    let len = keys[start + 1..]
        .iter()
        .position(|k| k.depth <= 1)
        .unwrap_or(keys.len() - start - 1);
    &keys[start + 1..start + 1 + len]
}

/// The offset of the `id` of the `nth` item of a section whose id is `id`.
fn find_in_section(keys: &[Key<'_>], name: &str, id: &str, nth: usize) -> Option<usize> {
    section(keys, name)
        .iter()
        .filter(|k| k.depth == 3 && k.name == "id" && k.value.as_deref() == Some(id))
        .nth(nth)
        .map(|k| k.at)
}

/// The id of the card whose text contains `offset`, when the offset is in the cards section.
fn card_around(text: &str, offset: usize) -> Option<String> {
    let keys = keys(text);
    let cards = keys
        .iter()
        .position(|k| k.depth == 1 && k.name == "cards")?;
    if offset < keys[cards].at {
        return None;
    }
    let mut last = None;
    for k in keys[cards + 1..].iter().take_while(|k| k.at < offset) {
        if k.depth <= 1 {
            // A field of the deck after its cards: the offset is past the cards.
            return None;
        }
        if k.depth == 3 && k.name == "id" {
            last = k.value.clone();
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
