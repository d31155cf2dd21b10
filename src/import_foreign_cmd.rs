//! `factquiz import` of a file from another app (an Anki package or plain-text export, a
//! Quizlet export or two-column text): what it holds and what is left out, then the import
//! through the collection, which backs up the progress first.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use factquiz::interop::{Columns, Options, read};
use factquiz::study::Collection;

pub fn import(
    data: &Path,
    extra: &[PathBuf],
    file: &Path,
    skip_bad: bool,
    columns: Columns,
) -> ExitCode {
    let opts = Options {
        columns,
        separators: None,
    };
    let foreign = match read(file, &opts, &|_| {}) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("factquiz: {e}; nothing was imported");
            return ExitCode::FAILURE;
        }
    };
    let r = &foreign.report;
    for problem in &r.problems {
        eprintln!("{problem}");
    }
    eprintln!(
        "factquiz: {}: {} note(s), {} card(s), {} review(s){}{}",
        r.format,
        r.notes,
        r.cards,
        r.reviews,
        if r.suspended > 0 {
            format!(", {} suspended", r.suspended)
        } else {
            String::new()
        },
        if r.buried > 0 {
            format!(", {} buried", r.buried)
        } else {
            String::new()
        },
    );
    for s in &r.skipped {
        eprintln!("factquiz: left out: {s}");
    }
    if !r.problems.is_empty() && !skip_bad {
        eprintln!(
            "factquiz: {} note(s) or line(s) could not be read; nothing was imported (--skip-bad imports the rest)",
            r.problems.len()
        );
        return ExitCode::FAILURE;
    }
    let mut coll = match Collection::open(data, extra) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("factquiz: {e}; nothing was imported");
            return ExitCode::FAILURE;
        }
    };
    match coll.import_foreign(&foreign, skip_bad, extra) {
        Ok((done, _)) => {
            if let Some(b) = &done.backup {
                eprintln!(
                    "factquiz: your progress was backed up first, to {}",
                    b.display()
                );
            }
            for kept in &done.replaced_kept {
                eprintln!(
                    "factquiz: the deck it replaces was kept as {}",
                    kept.display()
                );
            }
            for (deck, path) in foreign.decks.iter().zip(&done.decks) {
                outln!(
                    "imported {} card(s) as deck \"{}\" into {}",
                    deck.cards.len(),
                    deck.id,
                    path.display()
                );
            }
            let h = done.history;
            if h.reviews + h.already > 0 {
                outln!(
                    "imported {} review(s){}; {} card(s) scheduled from their history",
                    h.reviews,
                    if h.already > 0 {
                        format!(" ({} already in your history)", h.already)
                    } else {
                        String::new()
                    },
                    h.states
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("factquiz: {e}");
            ExitCode::FAILURE
        }
    }
}
