//! Importing into the editor: a typed path or a file dropped on the window (file dialogs do not
//! exist on every desktop), a preview of the cards and of every line that cannot be read, and
//! then saving it as a deck of yours or opening it in the editor. A file from another app
//! (Anki, Quizlet) gets its own preview (see `foreign.rs`).

use std::path::PathBuf;

use egui::{RichText, Ui};

use super::super::command::Command;
use super::super::picker::{Picker, Purpose};
use super::super::theme;
use super::foreign::{ForeignOutcome, ForeignPreview};
use crate::deck::draft::DeckDraft;
use crate::deck::import::{Prepared, prepare};
use crate::study::Collection;

#[derive(Default)]
pub struct ImportPanel {
    pub path: String,
    preview: Option<(PathBuf, Prepared)>,
    foreign: Option<ForeignPreview>,
}

pub enum ImportOutcome {
    /// Save it as a new deck of the user's, or import another app's file: the collection
    /// does (`Command::ImportDeck`, `Command::ImportForeign`).
    Run(Command),
    Edit(Box<DeckDraft>),
}

impl ImportPanel {
    /// Reads a file for the preview (a file of another app's on a worker).
    pub fn load(&mut self, path: PathBuf, ctx: &egui::Context) {
        use crate::interop::sniff;
        self.path = path.display().to_string();
        self.preview = None;
        self.foreign = None;
        if sniff(&path, None).is_some() {
            self.foreign = Some(ForeignPreview::start(path, ctx));
            return;
        }
        self.preview = Some(match crate::deck::load::read_deck_file(&path) {
            Ok(text) if sniff(&path, Some(&text)).is_some() => {
                self.foreign = Some(ForeignPreview::start(path, ctx));
                return;
            }
            Ok(text) => {
                let p = prepare(&path, &text, true);
                (path, p)
            }
            Err(e) => (path, failed(e.to_string())),
        });
    }

    pub fn show(
        &mut self,
        ui: &mut Ui,
        coll: &Collection,
        picker: &mut Picker,
    ) -> Option<ImportOutcome> {
        let mut out = None;
        ui.horizontal(|ui| {
            // Labelled: a hint is no accessible name (the editor has other path fields).
            let l = ui.label("Import:");
            let r = ui
                .add(
                    egui::TextEdit::singleline(&mut self.path)
                        .hint_text(
                            "type a .ron, .csv, .tsv, Anki (.apkg, .txt) or Quizlet path (or drop a file on the window)",
                        )
                        .desired_width(420.0),
                )
                .labelled_by(l.id);
            let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let typed = !self.path.trim().is_empty();
            let preview = ui
                .add_enabled(typed, egui::Button::new("Preview"))
                .on_disabled_hover_text("Type the path of a file to import first");
            if (preview.clicked() || enter) && typed {
                self.load(PathBuf::from(self.path.trim()), ui.ctx());
            }
            if ui
                .add_enabled(!picker.busy(), egui::Button::new("Browse…"))
                .clicked()
            {
                picker.open(Purpose::Import, ui.ctx());
            }
        });
        if let Some(path) = picker.take(Purpose::Import) {
            self.load(path, ui.ctx());
        }
        if let Some(f) = &mut self.foreign {
            let mut out = None;
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                out = f.show(ui, coll);
            });
            return match out? {
                ForeignOutcome::Import(foreign, skip_bad) => {
                    self.foreign = None;
                    Some(ImportOutcome::Run(Command::ImportForeign(
                        foreign, skip_bad,
                    )))
                }
                ForeignOutcome::Cancel => {
                    self.foreign = None;
                    None
                }
            };
        }
        let Some((path, p)) = &self.preview else {
            return None;
        };
        let mut cancel = false;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(format!(
                    "{}: deck \"{}\", {} usable card(s)",
                    path.display(),
                    p.deck.id,
                    p.deck.cards.len()
                ))
                .strong(),
            );
            for problem in p.problems.iter().take(50) {
                ui.add(
                    egui::Label::new(RichText::new(problem).monospace().color(theme::wrong(ui)))
                        .wrap(),
                );
            }
            if p.problems.len() > 50 {
                ui.label(format!("... and {} more", p.problems.len() - 50));
            }
            ui.horizontal(|ui| {
                let usable = p.usable_without_bad_lines && !p.deck.cards.is_empty();
                let label = if p.problems.is_empty() {
                    "Save as my deck"
                } else {
                    "Save the good lines as my deck"
                };
                if ui
                    .add_enabled(
                        usable && coll.read_only().is_none(),
                        egui::Button::new(label),
                    )
                    .clicked()
                {
                    out = Some(ImportOutcome::Run(Command::ImportDeck(Box::new(
                        p.deck.clone(),
                    ))));
                }
                if ui
                    .add_enabled(
                        !p.deck.id.is_empty(),
                        egui::Button::new("Open in the editor"),
                    )
                    .clicked()
                {
                    let mut d = DeckDraft::of(&p.deck);
                    d.editing = None;
                    out = Some(ImportOutcome::Edit(Box::new(d)));
                }
                if ui.button("Cancel").clicked() {
                    cancel = true;
                }
            });
        });
        if out.is_some() || cancel {
            self.preview = None;
        }
        out
    }
}

fn failed(message: String) -> Prepared {
    Prepared {
        deck: crate::deck::Deck::default(),
        problems: vec![message],
        usable_without_bad_lines: false,
    }
}
