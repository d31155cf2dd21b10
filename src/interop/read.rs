//! Which app a file comes from, and reading it: an Anki package, an Anki plain-text export,
//! or two columns of text (Quizlet's export, a spreadsheet without a header row).

use std::path::Path;

use super::anki_text::{is_anki_text, read_anki_text};
use super::build::{Origin, Placed, build};
use super::quizlet::{Columns, Separators, detect, read_two_columns, split_rows};
use super::{Foreign, InteropError, Report, anki_package};
use crate::deck::PartialDate;

/// The formats of other apps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    AnkiPackage,
    AnkiText,
    TwoColumns,
}

/// How to read a file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Options {
    /// Which column of two-column text holds the prompt.
    pub columns: Columns,
    /// The separators of two-column text; `None` finds them.
    pub separators: Option<Separators>,
}

/// The format of another app's a file is in, from its name and (for text) its text; `None`
/// for factquiz's own formats (RON, CSV or TSV with a header row naming prompt and answer).
pub fn sniff(path: &Path, text: Option<&str>) -> Option<Format> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if matches!(ext.as_str(), "apkg" | "colpkg") {
        return Some(Format::AnkiPackage);
    }
    let text = text?;
    if is_anki_text(text) {
        return Some(Format::AnkiText);
    }
    let tabular = matches!(ext.as_str(), "txt" | "csv" | "tsv" | "tab");
    (tabular && !has_factquiz_header(text)).then_some(Format::TwoColumns)
}

/// Whether the first row that is not a comment names the columns prompt and answer.
fn has_factquiz_header(text: &str) -> bool {
    let first = text.lines().find(|l| !l.starts_with('#')).unwrap_or("");
    let names: Vec<String> = first
        .split([',', '\t', ';'])
        .map(|c| c.trim().trim_matches('"').to_lowercase())
        .collect();
    names.iter().any(|n| n == "prompt") && names.iter().any(|n| n == "answer")
}

/// When the file was written, as the export's date.
fn file_date(path: &Path) -> PartialDate {
    let when = std::fs::metadata(path)
        .and_then(|m| m.modified())
        .map(chrono::DateTime::<chrono::Utc>::from)
        .unwrap_or_else(|_| chrono::Utc::now());
    date_of_ms(when.timestamp_millis())
}

pub(super) fn date_of_ms(ms: i64) -> PartialDate {
    use chrono::Datelike;
    let d = chrono::DateTime::from_timestamp_millis(ms)
        .unwrap_or_default()
        .date_naive();
    PartialDate {
        year: d.year(),
        month: u8::try_from(d.month()).ok(),
        day: u8::try_from(d.day()).ok(),
    }
}

/// Reads a file of another app's; `progress` hears the fraction done (0 to 1).
pub fn read(path: &Path, opts: &Options, progress: &dyn Fn(f32)) -> Result<Foreign, InteropError> {
    let file = path.display().to_string();
    let file_name = path
        .file_name()
        .map_or_else(|| file.clone(), |n| n.to_string_lossy().to_string());
    let stem = path
        .file_stem()
        .map_or_else(|| file_name.clone(), |n| n.to_string_lossy().to_string());
    if sniff(path, None) == Some(Format::AnkiPackage) {
        return anki_package::read(path, &file_name, progress);
    }
    let text = crate::deck::load::read_deck_file(path)
        .map_err(|e| InteropError::Io(std::io::Error::other(e.to_string())))?;
    let origin = |app| Origin {
        app,
        file_name: file_name.clone(),
        exported: file_date(path),
    };
    let mut report = Report::default();
    let (notes, problems, origin) = if is_anki_text(&text) {
        report.format = "Anki plain-text export".into();
        let (notes, problems) = read_anki_text(&text, &file_name, &stem)?;
        (notes, problems, origin("Anki"))
    } else {
        let seps = match &opts.separators {
            Some(s) => s.clone(),
            None => detect(&text).ok_or_else(|| InteropError::NoColumns { file: file.clone() })?,
        };
        report.format = format!("two-column text ({})", seps.describe());
        report.sample = split_rows(&text, &seps)
            .0
            .into_iter()
            .take(5)
            .map(|(_, a, b)| (a, b))
            .collect();
        report.separators = Some(seps.clone());
        let (notes, problems) = read_two_columns(&text, &seps, opts.columns, &file_name, &stem);
        (notes, problems, origin("Quizlet"))
    };
    if notes.is_empty() && problems.is_empty() {
        return Err(InteropError::Empty { file });
    }
    progress(0.5);
    report.notes = notes.len();
    report.problems = problems;
    let mut placed = Vec::new();
    let mut media = 0;
    for n in &notes {
        match n.cards() {
            Ok(made) => placed.extend(made.into_iter().map(|m| {
                media += m.media;
                Placed {
                    note: n,
                    made: m,
                    deck: &n.deck,
                }
            })),
            Err(why) => report.problems.push(format!("{}: {why}", n.at)),
        }
    }
    let built = build(placed, &origin);
    report.problems.extend(built.problems);
    report.cards = built.decks.iter().map(|d| d.cards.len()).sum();
    if media > 0 {
        report.skipped.push(format!(
            "{media} image(s) and sound(s): media is not imported (cards show where they were)"
        ));
    }
    progress(1.0);
    Ok(Foreign {
        decks: built.decks,
        cards: Vec::new(),
        report,
    })
}
