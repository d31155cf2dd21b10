//! The system's file dialog, for opening an article and importing or exporting a deck: rfd
//! asks the desktop portal, and zenity where there is none. The dialog runs on a worker (a
//! study `Job`) so that the window keeps drawing; where neither exists it returns nothing,
//! exactly as if the user had cancelled, so every use keeps a typed path and drag and drop.

use std::path::PathBuf;

use crate::deck::validate::ARTICLE_EXTENSIONS;
use crate::study::Job;

/// What a file is picked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// An article to read and make cards from.
    Article,
    /// A deck to import (.ron, .csv, .tsv), or another app's export (Anki, Quizlet).
    Import,
    /// Where to export a deck.
    Export,
}

/// A file dialog that may be open.
#[derive(Default)]
pub struct Picker {
    open: Option<(Purpose, Job<Option<PathBuf>>)>,
}

impl Picker {
    /// Opens the dialog for `purpose`, unless one is open; the window is woken when it closes.
    pub fn open(&mut self, purpose: Purpose, ctx: &egui::Context) {
        if self.open.is_some() {
            return;
        }
        let ctx = ctx.clone();
        let waker = std::sync::Arc::new(move || ctx.request_repaint());
        let job = Job::spawn("file dialog", waker, move || {
            let dialog = rfd::FileDialog::new();
            Ok(match purpose {
                Purpose::Article => dialog
                    .set_title("Open an article")
                    .add_filter("Articles (text, markdown, HTML)", &ARTICLE_EXTENSIONS)
                    .pick_file(),
                Purpose::Import => dialog
                    .set_title("Import a deck")
                    .add_filter("Decks (RON, CSV, TSV)", &["ron", "csv", "tsv"])
                    .add_filter(
                        "Anki and Quizlet exports",
                        &["apkg", "colpkg", "txt", "csv", "tsv", "tab"],
                    )
                    .pick_file(),
                Purpose::Export => dialog
                    .set_title("Export the deck")
                    .add_filter("RON deck", &["ron"])
                    .add_filter("Spreadsheet (CSV)", &["csv"])
                    .add_filter("Spreadsheet (TSV)", &["tsv"])
                    .save_file(),
            })
        });
        self.open = Some((purpose, job));
    }

    /// Whether a dialog is open.
    pub fn busy(&self) -> bool {
        self.open.is_some()
    }

    /// The file picked, once the dialog has closed (nothing when it was cancelled, or no
    /// dialog could be shown).
    pub fn take(&mut self, purpose: Purpose) -> Option<PathBuf> {
        let (p, job) = self.open.as_mut()?;
        if *p != purpose {
            return None;
        }
        let picked = job.try_take()?;
        self.open = None;
        picked.ok().flatten()
    }
}
