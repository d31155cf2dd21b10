//! The deck editor: pick a deck of yours (or copy a built-in one, keeping its ids and so the
//! progress), edit its sources, claims and cards with errors shown as you type, try a card
//! through the quiz engine, save atomically, import and export. Unsaved edits are kept as a
//! draft every few seconds, and leaving asks first.

mod article;
mod cards;
mod foreign;
mod forms;
mod io;
mod kept;
mod try_it;

use std::path::PathBuf;

use egui::{RichText, Ui};

use super::command::Command;
use super::picker::{Picker, Purpose};
use super::status::Message;
use super::{theme, widgets};
use crate::deck::draft::{DeckDraft, FieldProblem, Place};
use crate::deck::save;
use crate::study::Collection;
use kept::{draft_file, latest_draft};

/// Seconds between drafts of unsaved edits.
const DRAFT_EVERY: f64 = 3.0;

#[derive(Default)]
pub struct EditorScreen {
    draft: Option<DeckDraft>,
    /// The draft as last saved (or opened), to tell unsaved changes.
    saved: Option<DeckDraft>,
    selected: Option<usize>,
    try_text: String,
    try_result: Option<(bool, String)>,
    pub(in crate::ui) import: io::ImportPanel,
    export_path: String,
    /// A message for the status line, handed to the app with the next frame's commands.
    said: Option<Message>,
    /// Set when the user tried to leave with unsaved changes.
    confirm_leave: bool,
    last_draft: f64,
    /// An export path that exists, which the next Export replaces.
    confirm_export: Option<PathBuf>,
    /// Where unsaved drafts are kept (`<data dir>/drafts`), once known.
    data_dir: Option<PathBuf>,
    pub(in crate::ui) article: article::ArticlePanel,
    /// The file dialog (open an article, import, export).
    picker: Picker,
}

impl EditorScreen {
    /// Whether there are edits that are not saved.
    pub fn dirty(&self) -> bool {
        self.draft.is_some() && self.draft != self.saved
    }

    /// Opens a deck of the library, every card read (a user's deck keeps its file); says why
    /// when its cards cannot be read.
    pub fn open_deck(&mut self, d: &crate::deck::LoadedDeck, saved: bool) -> Result<(), String> {
        let deck = d
            .deck
            .whole()
            .map_err(|e| format!("The cards of {} could not be read: {e}", d.file))?;
        let mut draft = DeckDraft::of(&deck);
        if let crate::deck::DeckOrigin::User(f) = &d.origin {
            draft.file = Some(f.clone());
        }
        self.open_draft(draft, saved);
        Ok(())
    }

    /// Selects a card of the deck being edited.
    pub fn select(&mut self, card: usize) {
        self.selected = Some(card);
    }

    /// Asks to save, discard or keep editing (the user is leaving with unsaved changes).
    pub fn ask_before_leaving(&mut self) {
        self.confirm_leave = true;
    }

    /// The deck was saved to `path` (by the collection): the draft is clean, its kept copy
    /// goes; with `leave`, the editor closes it.
    pub fn saved(&mut self, path: &std::path::Path, leave: bool) {
        if let Some(draft) = &mut self.draft {
            let (deck, _) = draft.build();
            draft.editing = Some(deck.id.clone());
            draft.file = Some(path.to_path_buf());
            if let Some(dir) = &self.data_dir {
                let _ = std::fs::remove_file(draft_file(dir, draft));
            }
            self.saved = Some(draft.clone());
        }
        if leave {
            self.draft = None;
            self.saved = None;
        }
    }

    fn say(&mut self, m: Message) {
        self.said = Some(m);
    }

    pub fn open_draft(&mut self, draft: DeckDraft, saved: bool) {
        self.saved = saved.then(|| draft.clone());
        self.selected = (!draft.cards.is_empty()).then_some(0);
        self.draft = Some(draft);
        self.try_result = None;
        self.confirm_leave = false;
    }

    pub fn show(&mut self, ui: &mut Ui, coll: &Collection) -> Option<Command> {
        self.data_dir = coll.data_dir().map(std::path::Path::to_path_buf);
        let action = self.screen(ui, coll);
        // A message waits for a frame without another command.
        match action {
            Some(a) => Some(a),
            None => self.said.take().map(Command::Say),
        }
    }

    fn screen(&mut self, ui: &mut Ui, coll: &Collection) -> Option<Command> {
        let mut action = None;
        if self.confirm_leave {
            return self.confirm(ui);
        }
        ui.label(RichText::new("Deck editor").size(24.0).strong());
        if let Some(a) = self.import.show(ui, coll, &mut self.picker) {
            match a {
                io::ImportOutcome::Run(command) => action = Some(command),
                io::ImportOutcome::Edit(draft) => self.open_draft(*draft, false),
            }
        }
        action = self.article_panel(ui, coll).or(action);
        ui.separator();
        if self.draft.is_none() {
            self.pick_deck(ui, coll);
            return action;
        }
        self.keep_draft(ui);
        let (deck, mut problems) = self
            .draft
            .as_ref()
            .map(DeckDraft::build)
            .unwrap_or_default();
        self.drafted_problems(&mut problems);
        self.toolbar(ui, coll, &deck, &problems, &mut action);
        if let Some(draft) = &mut self.draft {
            forms::deck_form(ui, draft, &problems);
            forms::sources_form(ui, draft, &problems);
            forms::claims_form(ui, draft, &problems);
            cards::cards_list(ui, draft, &mut self.selected, &problems);
            if let Some(i) = self.selected.filter(|i| *i < draft.cards.len()) {
                cards::card_form(ui, draft, i, &problems);
                try_it::try_it(
                    ui,
                    coll,
                    &deck,
                    draft,
                    i,
                    &mut self.try_text,
                    &mut self.try_result,
                );
            }
        }
        action
    }

    fn pick_deck(&mut self, ui: &mut Ui, coll: &Collection) {
        ui.horizontal(|ui| {
            if widgets::primary_button(ui, "N", "New deck").clicked()
                || (!ui.ctx().egui_wants_keyboard_input()
                    && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::N)))
            {
                self.open_draft(DeckDraft::new_deck(), false);
            }
        });
        if let Some(dir) = coll.data_dir()
            && let Some(d) = latest_draft(dir)
        {
            ui.horizontal(|ui| {
                ui.label(
                    RichText::new(format!("An unsaved draft was kept: {}", d.display()))
                        .color(theme::warn(ui)),
                );
                if ui.button("Restore it").clicked() {
                    match std::fs::read_to_string(&d)
                        .ok()
                        .and_then(|t| serde_json::from_str::<DeckDraft>(&t).ok())
                    {
                        Some(draft) => self.open_draft(draft, false),
                        None => self.say(Message::error(format!(
                            "The draft {} could not be read.",
                            d.display()
                        ))),
                    }
                }
            });
        }
        ui.add_space(6.0);
        for d in &coll.library().decks {
            ui.horizontal(|ui| {
                ui.label(RichText::new(&d.deck.title).strong());
                ui.label(RichText::new(format!("{} · {} cards", d.deck.id, d.deck.cards.len())).color(theme::muted(ui)));
                if d.origin.is_builtin() {
                    if ui.button("Copy to my decks").on_hover_text("An editable copy with the same ids, so your progress stays").clicked() {
                        let m = match self.open_deck(d, false) {
                            Ok(()) => Message::info("A copy of the built-in deck: saving it puts it in your decks, where it replaces the built-in one."),
                            Err(e) => Message::error(e),
                        };
                        self.say(m);
                    }
                } else if ui.button("Edit").clicked()
                    && let Err(e) = self.open_deck(d, true)
                {
                    self.say(Message::error(e));
                }
            });
        }
    }

    fn toolbar(
        &mut self,
        ui: &mut Ui,
        coll: &Collection,
        deck: &crate::deck::Deck,
        problems: &[FieldProblem],
        action: &mut Option<Command>,
    ) {
        ui.horizontal_wrapped(|ui| {
            let save_key = ui.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::S));
            let can = coll.read_only().is_none() && coll.data_dir().is_some();
            if ui
                .add_enabled(
                    can,
                    egui::Button::new(RichText::new("[Ctrl+S]  Save").strong()),
                )
                .clicked()
                || (save_key && can)
            {
                *action = self.save(deck, problems, false);
            }
            if ui.button("Close").clicked() {
                if self.dirty() {
                    self.confirm_leave = true;
                } else {
                    self.draft = None;
                }
            }
            let n = problems.len();
            if n > 0 {
                ui.label(
                    RichText::new(format!("{n} problem(s) to fix before saving"))
                        .color(theme::wrong(ui)),
                );
            } else {
                ui.label(RichText::new("No problems").color(theme::right(ui)));
            }
            if self.dirty() {
                ui.label(RichText::new("unsaved changes").color(theme::warn(ui)));
            }
        });
        ui.horizontal(|ui| {
            ui.add(
                egui::TextEdit::singleline(&mut self.export_path)
                    .hint_text("Export to a file path (.ron, .csv or .tsv)")
                    .desired_width(360.0),
            );
            if ui
                .add_enabled(!self.picker.busy(), egui::Button::new("Browse…"))
                .clicked()
            {
                self.picker.open(Purpose::Export, ui.ctx());
            }
            if let Some(path) = self.picker.take(Purpose::Export) {
                self.export_path = path.display().to_string();
            }
            if ui
                .add_enabled(
                    !self.export_path.trim().is_empty(),
                    egui::Button::new("Export"),
                )
                .clicked()
            {
                let path = PathBuf::from(self.export_path.trim());
                if path.exists() && self.confirm_export.as_ref() != Some(&path) {
                    self.say(Message::warn(format!(
                        "{} exists: press Export again to replace it.",
                        path.display()
                    )));
                    self.confirm_export = Some(path);
                    return;
                }
                self.confirm_export = None;
                let m = match save::export(deck, &path) {
                    Ok(()) => Message::info(format!(
                        "Exported {} card(s) to {}",
                        deck.cards.len(),
                        path.display()
                    )),
                    Err(e) => {
                        Message::error(format!("Could not export to {}: {e}", path.display()))
                    }
                };
                self.say(m);
            }
        });
        let deck_level: Vec<&FieldProblem> =
            problems.iter().filter(|p| p.place == Place::Deck).collect();
        for p in deck_level {
            ui.colored_label(theme::wrong(ui), &p.message);
        }
    }

    /// Asks the collection to save the deck into the user's decks (its own file, or a new
    /// `<id>.ron`), unless it has problems; the app tells [`EditorScreen::saved`] when it is.
    fn save(
        &mut self,
        deck: &crate::deck::Deck,
        problems: &[FieldProblem],
        leave: bool,
    ) -> Option<Command> {
        if !problems.is_empty() {
            self.say(Message::error(
                "Not saved: fix the problems shown in red first.",
            ));
            return None;
        }
        let file = self.draft.as_ref()?.file.clone();
        Some(Command::SaveDeck {
            deck: Box::new(deck.clone()),
            file,
            leave,
        })
    }

    /// Writes the draft every few seconds while there are unsaved changes.
    fn keep_draft(&mut self, ui: &Ui) {
        let now = ui.input(|i| i.time);
        if !self.dirty() || now - self.last_draft < DRAFT_EVERY {
            return;
        }
        self.last_draft = now;
        if let (Some(dir), Some(draft)) = (&self.data_dir, &self.draft) {
            let text = serde_json::to_string_pretty(draft).unwrap_or_default();
            if let Err(e) = save::write_atomic(&draft_file(dir, draft), &text) {
                self.say(Message::error(format!("The draft could not be kept: {e}")));
            }
        }
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_secs_f64(DRAFT_EVERY));
    }

    fn confirm(&mut self, ui: &mut Ui) -> Option<Command> {
        ui.label(
            RichText::new("You have unsaved changes")
                .size(22.0)
                .strong(),
        );
        ui.label("Save them, discard them, or go back to editing.");
        let mut action = None;
        ui.horizontal(|ui| {
            if widgets::primary_button(ui, "S", "Save").clicked()
                || ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::S))
            {
                let (deck, problems) = self
                    .draft
                    .as_ref()
                    .map(DeckDraft::build)
                    .unwrap_or_default();
                // Saved, the app goes to the decks; not saved, the editor stays open.
                action = self.save(&deck, &problems, true);
                self.confirm_leave = false;
            }
            if widgets::key_button(ui, "D", "Discard").clicked()
                || ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::D))
            {
                if let (Some(dir), Some(d)) = (&self.data_dir, &self.draft) {
                    let _ = std::fs::remove_file(draft_file(dir, d));
                }
                self.draft = None;
                self.saved = None;
                action = Some(Command::GoHome);
            }
            if widgets::key_button(ui, "E", "Keep editing").clicked()
                || ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::E))
            {
                self.confirm_leave = false;
            }
        });
        if action.is_some() {
            self.confirm_leave = false;
        }
        action
    }
}
