//! The editor's articles: open one (the file dialog, a typed path, a file dropped on the
//! window) or paste its text, confirm the source read from it, and read it (R) in the reading
//! view, at the selected card's evidence when that source has a text. Cards drafted in the
//! reading view arrive here; their prompts are refused until rewritten in the author's words.

use std::collections::HashMap;
use std::path::PathBuf;

use egui::{Key, Modifiers, RichText, Ui};

use super::super::command::Command;
use super::super::picker::Purpose;
use super::super::status::Message;
use super::super::{theme, widgets};
use super::EditorScreen;
use super::forms::source_fields;
use crate::article::draft::{CardDraft, prompt_problem};
use crate::deck::draft::{DeckDraft, FieldProblem, Place, SourceFields, new_token};
use crate::study::Collection;
use crate::study::articles::{AddedArticle, ArticleInput};

/// The editor's article panel.
#[derive(Default)]
pub struct ArticlePanel {
    path: String,
    pasting: Option<String>,
    /// A source read from an article just opened, for the user to confirm.
    pending: Option<(SourceFields, usize)>,
    /// The article sentence each drafted card's prompt came from, by card id.
    drafted: HashMap<String, String>,
}

impl EditorScreen {
    /// The articles row: open, paste, confirm a new source, read (R).
    pub(super) fn article_panel(&mut self, ui: &mut Ui, coll: &Collection) -> Option<Command> {
        let mut command = None;
        let can = coll.read_only().is_none() && coll.data_dir().is_some();
        ui.horizontal_wrapped(|ui| {
            let heading = ui.label(RichText::new("Articles").strong());
            if ui
                .add_enabled(
                    can && !self.picker.busy(),
                    egui::Button::new("Open an article…"),
                )
                .on_hover_text("A .txt, .md or .html file: it is copied into your data folder")
                .clicked()
            {
                self.picker.open(Purpose::Article, ui.ctx());
            }
            let r = ui
                .add(
                    egui::TextEdit::singleline(&mut self.article.path)
                        .hint_text("or type an article's path")
                        .desired_width(240.0),
                )
                .labelled_by(heading.id);
            let enter = r.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            let typed = self.article.path.trim();
            if (ui
                .add_enabled(can && !typed.is_empty(), egui::Button::new("Open"))
                .clicked()
                || enter)
                && !typed.is_empty()
            {
                command = Some(Command::AddArticle(ArticleInput::File(PathBuf::from(
                    typed,
                ))));
            }
            if ui
                .add_enabled(can, egui::Button::new("Paste an article"))
                .clicked()
            {
                self.article.pasting = Some(self.article.pasting.take().unwrap_or_default());
            }
            if self.draft.is_some() && widgets::key_button(ui, "R", "Read the article").clicked() {
                command = self.read_selected();
            }
        });
        if let Some(path) = self.picker.take(Purpose::Article) {
            command = Some(Command::AddArticle(ArticleInput::File(path)));
        }
        command = command.or(self.paste_box(ui));
        command = command.or(self.confirm_source(ui));
        let typing = ui.ctx().egui_wants_keyboard_input();
        if !typing
            && self.draft.is_some()
            && ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::R))
        {
            command = command.or(self.read_selected());
        }
        command
    }

    /// The box to paste an article's text into.
    fn paste_box(&mut self, ui: &mut Ui) -> Option<Command> {
        let text = self.article.pasting.as_mut()?;
        let mut command = None;
        let mut close = false;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.add(
                egui::TextEdit::multiline(text)
                    .hint_text("Paste the article's text here: its headline on the first line, then the byline and date if it has them")
                    .desired_rows(6)
                    .desired_width(f32::INFINITY),
            );
            ui.horizontal(|ui| {
                if ui.add_enabled(!text.trim().is_empty(), egui::Button::new("Add this article")).clicked() {
                    command = Some(Command::AddArticle(ArticleInput::Pasted(text.clone())));
                    close = true;
                }
                close |= ui.button("Cancel").clicked();
            });
        });
        if close {
            self.article.pasting = None;
        }
        command
    }

    /// An article was copied into the data folder: its source is offered for the user to
    /// confirm (a new deck is started when none is open).
    pub fn offer_source(&mut self, added: &AddedArticle) {
        if self.draft.is_none() {
            let title = if added.meta.title.is_empty() {
                "Articles".to_string()
            } else {
                added.meta.title.clone()
            };
            let id: String = crate::deck::csv::slug(&title).chars().take(40).collect();
            let draft = DeckDraft {
                id: id.trim_end_matches('-').to_string(),
                title,
                token: new_token(),
                ..DeckDraft::default()
            };
            self.open_draft(draft, false);
        }
        let taken: Vec<String> = self
            .draft
            .iter()
            .flat_map(|d| d.sources.iter().map(|s| s.id.clone()))
            .collect();
        self.article.pending = Some((added.meta.to_source(&added.file, &taken), added.words));
        self.article.path.clear();
    }

    /// The source read from an article, to confirm (each field editable) before it is added.
    fn confirm_source(&mut self, ui: &mut Ui) -> Option<Command> {
        let (source, words) = self.article.pending.as_mut()?;
        let mut command = None;
        let mut done = false;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(format!(
                    "A new source for {} ({words} words): these fields were read from the article; check each one",
                    source.text
                ))
                .color(theme::warn(ui)),
            );
            egui::Grid::new("new-source").num_columns(2).spacing([10.0, 4.0]).show(ui, |ui| {
                source_fields(ui, source);
            });
            ui.horizontal(|ui| {
                let label = "Add this source and read the article";
                let ctx = ui.ctx().clone();
                let typing = ctx.egui_wants_keyboard_input();
                let enter = |m| ctx.input_mut(|i| i.consume_key(m, Key::Enter));
                if widgets::primary_button(ui, "Enter", label).clicked()
                    || (!typing && enter(Modifiers::NONE))
                    || enter(Modifiers::COMMAND)
                {
                    command = Some(Command::ReadDraftSource {
                        source: source.id.trim().to_string(),
                        locator: None,
                    });
                    done = true;
                }
                done |= ui.button("Not now").clicked();
            });
        });
        if done
            && let Some((source, _)) = self.article.pending.take()
            && command.is_some()
            && let Some(d) = &mut self.draft
        {
            d.sources.push(source);
        }
        command
    }

    /// The reading view for the selected card's first evidence whose source has a text, at
    /// its locator; else for the first source with a text.
    fn read_selected(&mut self) -> Option<Command> {
        let d = self.draft.as_ref()?;
        // The card as the deck reads it (a line without a source cites the card's own, a
        // source may be named by its title), not the evidence lines split again here.
        let (deck, _) = d.build();
        let card = self
            .selected
            .and_then(|i| d.cards.get(i))
            .and_then(|c| deck.card(c.id.trim()));
        let evidence = card.into_iter().flat_map(|c| &c.evidence).find_map(|e| {
            deck.source(&e.source)
                .is_some_and(|s| s.text.is_some())
                .then(|| (e.source.to_string(), e.locator.to_string()))
        });
        if let Some((source, locator)) = evidence {
            let locator = Some(locator).filter(|l| !l.is_empty());
            return Some(Command::ReadDraftSource { source, locator });
        }
        match d.sources.iter().find(|s| !s.text.trim().is_empty()) {
            Some(s) => Some(Command::ReadDraftSource {
                source: s.id.trim().to_string(),
                locator: None,
            }),
            None => {
                self.say(Message::warn(
                    "No source of this deck names its article: open one with “Open an article…”.",
                ));
                None
            }
        }
    }

    /// A card drafted in the reading view joins the deck, selected.
    pub fn add_drafted(&mut self, draft: &CardDraft) {
        let Some(d) = &mut self.draft else {
            let m = "The deck is no longer open in the editor: open it, then make the card again.";
            return self.say(Message::warn(m));
        };
        let i = d.push_card(draft.fields.clone());
        self.article
            .drafted
            .insert(d.cards[i].id.clone(), draft.sentence.clone());
        self.selected = Some(i);
        let mut text = format!(
            "Card {} drafted from the article: rewrite its prompt in your own words, say what the passage says, then save.",
            d.cards[i].id
        );
        if let Some(note) = &draft.lengthened {
            text = format!("{text} Note: {note}.");
        }
        self.say(Message::info(text));
    }

    /// The problems of drafted prompts not yet rewritten, at their cards.
    pub(super) fn drafted_problems(&self, out: &mut Vec<FieldProblem>) {
        let Some(d) = &self.draft else { return };
        for (i, c) in d.cards.iter().enumerate() {
            let sentence = self.article.drafted.get(&c.id).map(String::as_str);
            if let Some(message) = prompt_problem(&c.prompt, sentence) {
                out.push(FieldProblem {
                    place: Place::Card(i),
                    message,
                });
            }
        }
    }

    /// Selects the card with this id, if the deck has it.
    pub fn select_id(&mut self, id: &str) -> bool {
        let found = self
            .draft
            .as_ref()
            .and_then(|d| d.cards.iter().position(|c| c.id == id));
        if found.is_some() {
            self.selected = found;
        }
        found.is_some()
    }

    /// The deck being edited, as fields.
    pub fn draft(&self) -> Option<&DeckDraft> {
        self.draft.as_ref()
    }
}
