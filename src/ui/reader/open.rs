//! Opening the reading view at a source of a deck: its article found as `check` finds it
//! (beside the deck file, then in `<data dir>/articles/`), read and marked (the library's
//! names and the deck's own), each card's evidence that cites the source looked up in it (the
//! passages that back cards), and the passage asked for as the target. Without the text, the
//! message says which file to put where.

use std::ops::Range;
use std::path::{Path, PathBuf};

use super::super::evidence::source_line;
use super::super::status::Message;
use super::{Backing, Opened, Origin};
use crate::article::draft::SourceRef;
use crate::article::facts::NameBook;
use crate::article::{Article, Lookup, look_up};
use crate::deck::{Deck, DeckOrigin};
use crate::study::Collection;
use crate::study::articles::Reading;

/// The folder of a deck's file, where its articles are looked for first (none for a deck
/// built into the program).
pub fn deck_dir(origin: &DeckOrigin) -> Option<PathBuf> {
    match origin {
        DeckOrigin::BuiltIn => None,
        DeckOrigin::User(path) | DeckOrigin::Named(path) => Some(
            path.parent()
                .filter(|p| !p.as_os_str().is_empty())
                .map_or_else(|| PathBuf::from("."), Path::to_path_buf),
        ),
    }
}

/// What to say when a source's text is in none of the folders looked in.
pub fn missing_text(name: &str, folders: &[PathBuf]) -> String {
    let shown: Vec<String> = folders
        .iter()
        .map(|f| format!("{}/", f.display()))
        .collect();
    let last = shown
        .last()
        .cloned()
        .unwrap_or_else(|| "your data folder's articles/".into());
    format!(
        "To read this passage, put the article's text as {name} in {last} (looked in: {}).",
        shown.join(", ")
    )
}

/// The passages of `article` that the evidence of `deck`'s cards citing `source` points to.
pub fn backing(article: &Article, deck: &Deck, source: &str) -> Vec<Backing> {
    let mut out = Vec::new();
    for card in &deck.cards {
        for e in card.evidence.iter().filter(|e| e.source == source) {
            let ranges: Vec<Range<usize>> = match look_up(article, &e.locator) {
                Lookup::Once(r) => vec![r],
                Lookup::Many(places) => places,
                Lookup::Missing { .. } | Lookup::Empty => Vec::new(),
            };
            out.extend(ranges.into_iter().map(|range| Backing {
                range,
                card: card.id.to_string(),
            }));
        }
    }
    out.sort_by_key(|b| b.range.start);
    out
}

/// The names to mark: the library's, and the people and places of the deck being read; a
/// message when the library's cards cannot be read.
pub fn name_book(coll: &Collection, deck: &Deck) -> Result<NameBook, Message> {
    let mut book = coll
        .name_book()
        .map_err(|e| Message::error(format!("The names to mark cannot be read: {e}")))?;
    book.add_deck(deck);
    Ok(book)
}

/// The reading view of source `source_id` of `deck` (whose file is in `dir`), at `locator`.
pub fn open(
    coll: &Collection,
    origin: Origin,
    deck: &Deck,
    dir: Option<&Path>,
    source_id: &str,
    locator: Option<&str>,
) -> Result<(Opened, Option<Message>), Message> {
    let source = deck
        .source(source_id)
        .ok_or_else(|| Message::error(format!("The deck has no source \"{source_id}\".")))?;
    let name = source.text.as_deref().ok_or_else(|| {
        Message::warn(format!(
            "Source \"{source_id}\" names no article text: give its file in the source's “Article text” field, or open the article in the editor."
        ))
    })?;
    let path = coll
        .find_article(name, dir)
        .map_err(|folders| Message::warn(missing_text(name, &folders)))?;
    let reading = coll
        .read_article(&path, &name_book(coll, deck)?)
        .map_err(|e| Message::error(format!("The article cannot be read: {e}")))?;
    Ok(opened(origin, deck, source_id, name, reading, locator))
}

/// The view of a reading already made (the screenshot's sample article too).
pub fn opened(
    origin: Origin,
    deck: &Deck,
    source_id: &str,
    name: &str,
    reading: Reading,
    locator: Option<&str>,
) -> (Opened, Option<Message>) {
    let source = deck.source(source_id);
    let backing = backing(&reading.article, deck, source_id);
    let (target, note) = match locator.map(|l| (l, look_up(&reading.article, l))) {
        None | Some((_, Lookup::Empty)) => (None, None),
        Some((_, Lookup::Once(r))) => (Some(r), None),
        Some((l, Lookup::Many(places))) => (
            places.first().cloned(),
            Some(Message::warn(format!(
                "“{l}” is in the article {} times: the first is shown.",
                places.len()
            ))),
        ),
        Some((l, Lookup::Missing { closest })) => (
            closest,
            Some(Message::warn(format!(
                "“{l}” is not in the article; the passage most like it is highlighted."
            ))),
        ),
    };
    let opened = Opened {
        origin,
        source: SourceRef {
            id: source_id.to_string(),
            year: source.map(|s| s.published.year).filter(|_| {
                source.is_some_and(|s| s.date_known != crate::deck::DateKnown::Unknown)
            }),
        },
        title: source.map_or_else(|| name.to_string(), |s| s.title.clone()),
        line: source.map(source_line).unwrap_or_default(),
        file: name.to_string(),
        reading,
        backing,
        target,
    };
    (opened, note)
}
