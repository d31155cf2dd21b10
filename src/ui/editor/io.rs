//! Importing into the editor: a typed path or a file dropped on the window (file dialogs do not
//! exist on every desktop), a preview of the cards and of every line that cannot be read, and
//! then saving it as a deck of yours or opening it in the editor.

use std::path::PathBuf;

use egui::{RichText, Ui};

use super::super::picker::{Picker, Purpose};
use super::super::theme;
use crate::deck::draft::DeckDraft;
use crate::deck::import::{Prepared, prepare};
use crate::study::Collection;

#[derive(Default)]
pub struct ImportPanel {
    pub path: String,
    preview: Option<(PathBuf, Prepared)>,
}

pub enum ImportOutcome {
    /// Save it as a new deck of the user's (the collection does, see `Command::ImportDeck`).
    Save(Box<crate::deck::Deck>),
    Edit(Box<DeckDraft>),
}

impl ImportPanel {
    /// Reads a file for the preview.
    pub fn load(&mut self, path: PathBuf) {
        self.path = path.display().to_string();
        self.preview = Some(match crate::deck::load::read_deck_file(&path) {
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
            let r = ui.add(
                egui::TextEdit::singleline(&mut self.path)
                    .hint_text(
                        "Import: type a .ron, .csv or .tsv path (or drop a file on the window)",
                    )
                    .desired_width(420.0),
            );
            let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if (ui.button("Preview").clicked() || enter) && !self.path.trim().is_empty() {
                self.load(PathBuf::from(self.path.trim()));
            }
            if ui
                .add_enabled(!picker.busy(), egui::Button::new("Browse…"))
                .clicked()
            {
                picker.open(Purpose::Import, ui.ctx());
            }
        });
        if let Some(path) = picker.take(Purpose::Import) {
            self.load(path);
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
                    out = Some(ImportOutcome::Save(Box::new(p.deck.clone())));
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
