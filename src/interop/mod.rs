//! Decks and review history from other apps, and decks written back for them: Anki's "Notes
//! in Plain Text" exports and packages (`.apkg`, with their review log), Quizlet's exports
//! and any two-column text without a header, read into factquiz decks (one per deck of
//! theirs, with a source for the file, tags as topics, and ids that a newer export keeps); and
//! a deck written as Anki's plain-text format. SQL against Anki's collection lives in
//! `store::anki`; writing what is read goes through `study` (`Collection::import_foreign`).

mod anki_package;
pub mod anki_proto;
pub mod anki_text;
mod apkg;
pub mod build;
mod cloze;
pub mod export;
mod html;
pub mod note;
pub mod quizlet;
mod read;

pub use quizlet::{Columns, Separators};
pub use read::{Format, Options, read, sniff};

use crate::deck::Deck;
use crate::quiz::Grade;

/// Why a file from another app cannot be imported at all.
#[derive(Debug, thiserror::Error)]
pub enum InteropError {
    #[error("line {line} of the header: {message}")]
    Header { line: usize, message: String },
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("{file} is not an Anki package: {why}")]
    NotAPackage { file: String, why: String },
    #[error(
        "{file} was made by a newer Anki ({what}): in Anki, export it again with \"Support older Anki versions\" ticked"
    )]
    TooNew { file: String, what: String },
    #[error("cannot read the Anki collection in {file}: {why}")]
    Collection { file: String, why: String },
    #[error("{file} has no notes to import")]
    Empty { file: String },
    #[error(
        "{file}: no separator splits every row into a term and a definition (a tab, comma, semicolon or \" - \" between them, one row a line or rows separated by semicolons)"
    )]
    NoColumns { file: String },
}

/// One review from the other app.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ForeignReview {
    pub time_ms: i64,
    pub grade: Grade,
    pub taken_ms: i64,
}

/// A card's history and standing in the other app.
#[derive(Debug, Clone, PartialEq)]
pub struct ForeignCard {
    pub deck_id: String,
    pub card_id: String,
    /// Its reviews, in time order.
    pub reviews: Vec<ForeignReview>,
    pub suspended: bool,
    pub buried: bool,
}

/// What a file holds and what an import of it would leave out, for the preview and the
/// command line.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    /// What the file is: "Anki package (collection.anki21b)".
    pub format: String,
    pub notes: usize,
    pub cards: usize,
    pub reviews: usize,
    pub suspended: usize,
    pub buried: usize,
    /// What is left out on purpose, and why ("3 images and sounds: media is not imported").
    pub skipped: Vec<String>,
    /// "where: why" for each note or line that cannot be read.
    pub problems: Vec<String>,
    /// Two-column text: the separators found and the first rows (first column, second).
    pub separators: Option<Separators>,
    pub sample: Vec<(String, String)>,
}

/// What a file from another app makes: the decks, the cards' histories, and the report.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Foreign {
    pub decks: Vec<Deck>,
    /// The cards with reviews, or suspended or buried in the other app.
    pub cards: Vec<ForeignCard>,
    pub report: Report,
}

impl Foreign {
    /// Whether it may be imported: it has cards, and no note was unreadable unless the user
    /// chose to leave those out.
    pub fn importable(&self, skip_bad: bool) -> bool {
        !self.decks.is_empty() && (skip_bad || self.report.problems.is_empty())
    }
}
