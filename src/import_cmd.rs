//! `factquiz import FILE` and `factquiz export DECK FILE`.

use std::path::Path;
use std::process::ExitCode;

use factquiz::data_dir;
use factquiz::deck::import::prepare;
use factquiz::deck::{Library, save};

pub fn import(data: &Path, file: &Path, skip_bad: bool, replace: bool) -> ExitCode {
    let text = match factquiz::deck::load::read_deck_file(file) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
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
    let decks = data_dir::user_decks(data);
    let target = save::deck_path(&decks, &p.deck.id);
    if target.exists() && !replace {
        eprintln!(
            "factquiz: you already have a deck \"{}\" ({}); nothing was imported (--replace replaces it)",
            p.deck.id,
            target.display()
        );
        return ExitCode::FAILURE;
    }
    match factquiz::store::Store::open(data).and_then(|s| s.backup_before_import()) {
        Ok(b) => eprintln!(
            "factquiz: your progress was backed up first, to {}",
            b.display()
        ),
        Err(factquiz::store::StoreError::Locked(_)) => {
            eprintln!(
                "factquiz: factquiz is open on this data folder, so no backup was taken (the import does not change your progress)"
            )
        }
        Err(e) => {
            eprintln!("factquiz: the backup before the import failed: {e}; nothing was imported");
            return ExitCode::FAILURE;
        }
    }
    if target.exists() {
        // --replace: the deck it replaces is kept beside the progress backups.
        let stamp = chrono::Local::now().format("%Y-%m-%d_%H%M%S");
        let kept = data
            .join("backups")
            .join("decks")
            .join(format!("{}-{stamp}.ron", p.deck.id));
        let copied = std::fs::create_dir_all(kept.parent().unwrap_or(data))
            .and_then(|()| std::fs::copy(&target, &kept));
        match copied {
            Ok(_) => eprintln!(
                "factquiz: your deck it replaces was kept as {}",
                kept.display()
            ),
            Err(e) => {
                eprintln!(
                    "factquiz: cannot keep a copy of {} ({e}); nothing was imported",
                    target.display()
                );
                return ExitCode::FAILURE;
            }
        }
    }
    match save::save_user_deck(&decks, &p.deck) {
        Ok(path) => {
            println!(
                "imported {} card(s) as deck \"{}\" into {}",
                p.deck.cards.len(),
                p.deck.id,
                path.display()
            );
            if Library::builtin().get(&p.deck.id).is_some() {
                println!(
                    "it replaces the built-in deck with that id (progress is kept: it is keyed by the ids)"
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!(
                "factquiz: cannot write {}: {e}; nothing was imported",
                target.display()
            );
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
    match save::export(&deck, file) {
        Ok(()) => {
            println!("wrote {} card(s) to {}", d.deck.cards.len(), file.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("factquiz: cannot write {}: {e}", file.display());
            ExitCode::FAILURE
        }
    }
}
