//! `factquiz import FILE` and `factquiz export DECK FILE`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use factquiz::deck::import::prepare;
use factquiz::deck::{Library, save};
use factquiz::interop::{Columns, Format, sniff};

pub fn import(
    data: &Path,
    extra: &[PathBuf],
    file: &Path,
    skip_bad: bool,
    replace: bool,
    columns: Columns,
) -> ExitCode {
    if sniff(file, None) == Some(Format::AnkiPackage) {
        return crate::import_foreign_cmd::import(data, extra, file, skip_bad, columns);
    }
    let text = match factquiz::deck::load::read_deck_file(file) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    if sniff(file, Some(&text)).is_some() {
        return crate::import_foreign_cmd::import(data, extra, file, skip_bad, columns);
    }
    let p = prepare(file, &text, skip_bad);
    for problem in &p.problems {
        eprintln!("{problem}");
    }
    if !p.problems.is_empty() && !skip_bad {
        eprintln!(
            "factquiz: {} line(s) could not be read; nothing was imported (--skip-bad imports the good lines)",
            p.problems.len()
        );
        return ExitCode::FAILURE;
    }
    if !p.usable_without_bad_lines || p.deck.cards.is_empty() {
        eprintln!(
            "factquiz: no usable deck is left in {}; nothing was imported",
            file.display()
        );
        return ExitCode::FAILURE;
    }
    match factquiz::study::import::import_deck(data, &p.deck, replace) {
        Ok(done) => {
            match &done.backup {
                Some(b) => eprintln!(
                    "factquiz: your progress was backed up first, to {}",
                    b.display()
                ),
                None => eprintln!(
                    "factquiz: factquiz is open on this data folder, so no backup was taken (the import does not change your progress)"
                ),
            }
            if let Some(kept) = &done.replaced_kept {
                eprintln!(
                    "factquiz: your deck it replaces was kept as {}",
                    kept.display()
                );
            }
            outln!(
                "imported {} card(s) as deck \"{}\" into {}",
                p.deck.cards.len(),
                p.deck.id,
                done.path.display()
            );
            if done.replaces_builtin {
                outln!(
                    "it replaces the built-in deck with that id (progress is kept: it is keyed by the ids)"
                );
            }
            ExitCode::SUCCESS
        }
        Err(e @ factquiz::study::StudyError::DeckExists { .. }) => {
            eprintln!("factquiz: {e}; nothing was imported (--replace replaces it)");
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("factquiz: {e}");
            ExitCode::FAILURE
        }
    }
}

pub fn export(lib: &Library, deck_id: &str, file: &Path) -> ExitCode {
    let Some(d) = lib.get(deck_id) else {
        let ids: Vec<&str> = lib.decks.iter().map(|d| d.deck.id.as_str()).collect();
        eprintln!(
            "factquiz: no deck \"{deck_id}\"; the decks are: {}",
            ids.join(", ")
        );
        return ExitCode::from(2);
    };
    let deck = match d.deck.whole() {
        Ok(deck) => deck,
        Err(e) => {
            eprintln!("factquiz: cannot read the cards of {}: {e}", d.file);
            return ExitCode::FAILURE;
        }
    };
    let anki = file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("txt"));
    let written = if anki {
        save::write_atomic(file, &factquiz::interop::export::to_anki_text(&deck))
    } else {
        save::export(&deck, file)
    };
    match written {
        Ok(()) => {
            outln!("wrote {} card(s) to {}", d.deck.cards.len(), file.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("factquiz: cannot write {}: {e}", file.display());
            ExitCode::FAILURE
        }
    }
}
