//! The reading view's bars above the text: the article's title and source with the marks'
//! legend and counts; the search field (case, quotes, dashes and spacing folded, as locators
//! are looked up); and what can be done with the selection.

use egui::{Key, RichText, Ui};

use super::super::command::Command;
use super::super::screen::Screen;
use super::super::{theme, widgets};
use super::marks::fact_color;
use super::{Opened, ReaderScreen};
use crate::article::facts::FactKind;
use crate::article::folded::Folded;

/// Most search hits marked.
const MAX_HITS: usize = 10_000;

/// The title, the source and the legend; the button back.
pub(super) fn header(ui: &mut Ui, o: &Opened, back: Option<Screen>) -> Option<Command> {
    let mut command = None;
    ui.horizontal(|ui| {
        let label = match back {
            Some(Screen::Editor) => "Back to the editor",
            Some(Screen::Review) => "Back to the card",
            Some(Screen::Browser) => "Back to the browser",
            _ => "Back",
        };
        if ui.button(label).clicked() {
            command = Some(Command::CloseReader);
        }
        ui.label(RichText::new(&o.title).size(20.0).strong());
    });
    let words = o.reading.article.words.len();
    ui.label(
        RichText::new(format!("{} · {} · {words} words", o.line, o.file)).color(theme::muted(ui)),
    );
    ui.horizontal_wrapped(|ui| {
        ui.label("Marked:");
        for kind in FactKind::ALL {
            let n = o.reading.facts.iter().filter(|f| f.kind == kind).count();
            let text = RichText::new(format!(
                " {n} {}{} ",
                kind.label(),
                if n == 1 { "" } else { "s" }
            ))
            .background_color(fact_color(ui, kind))
            .color(ui.visuals().strong_text_color());
            ui.label(text);
        }
        let backed = RichText::new(format!("{} passage(s) backing cards", o.backing.len()))
            .underline()
            .color(theme::right(ui));
        ui.label(backed);
    });
    command
}

impl ReaderScreen {
    /// The search field, with the number of hits and keys to step through them.
    pub(super) fn search_row(&mut self, ui: &mut Ui) {
        let Some(doc) = &self.doc else { return };
        ui.horizontal(|ui| {
            // Labelled, so that the field keeps its name once the hint gives way to words.
            let l = ui.label("Search:");
            let r = ui
                .add(
                    egui::TextEdit::singleline(&mut self.search)
                        .hint_text("words in the article (Ctrl+F)")
                        .desired_width(280.0),
                )
                .labelled_by(l.id);
            if std::mem::take(&mut self.focus_search) {
                r.request_focus();
            }
            if self.search != self.searched {
                self.searched = self.search.clone();
                let needle = Folded::new(&self.search).text;
                let hay = &doc.opened.reading.article.folded;
                self.hits = if needle.trim().is_empty() {
                    Vec::new()
                } else {
                    hay.text
                        .match_indices(&needle)
                        .take(MAX_HITS)
                        .map(|(at, m)| hay.original_range(at, at + m.len()))
                        .collect()
                };
                self.current_hit = None;
            }
            let enter = r.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            let next = ui
                .add_enabled(!self.hits.is_empty(), egui::Button::new("Next"))
                .clicked();
            if (enter || next) && !self.hits.is_empty() {
                let n = self.current_hit.map_or(0, |c| (c + 1) % self.hits.len());
                self.current_hit = Some(n);
                self.scroll_to = Some(self.hits[n].start);
                if enter {
                    r.request_focus();
                }
            }
            if !self.search.trim().is_empty() {
                let shown = match self.current_hit {
                    Some(c) => format!("{} of {}", c + 1, self.hits.len()),
                    None => format!("{} found", self.hits.len()),
                };
                ui.label(RichText::new(shown).color(theme::muted(ui)));
            }
        });
    }

    /// What the selection is and what can be done with it.
    pub(super) fn action_bar(&mut self, ui: &mut Ui) -> Option<Command> {
        let doc = self.doc.as_ref()?;
        let text = &doc.opened.reading.article.text;
        let quoted = self.selection.clone().map(|sel| {
            let q: String = text[sel].split_whitespace().collect::<Vec<_>>().join(" ");
            if q.chars().count() > 90 {
                q.chars().take(90).collect::<String>() + "…"
            } else {
                q
            }
        });
        let what = self
            .fact
            .and_then(|f| doc.opened.reading.facts.get(f))
            .map_or("selected words", |f| f.kind.label());
        let backs = self
            .backing
            .and_then(|b| doc.opened.backing.get(b))
            .map(|b| format!("Open card {}", b.card));
        let (mut make, mut open, mut clear) = (false, false, false);
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            let Some(quoted) = &quoted else {
                ui.label(
                    "Click a marked fact ([N] next, [P] previous) or drag over words, then \
                     press [C] to make a card of it.",
                );
                return;
            };
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(format!("“{quoted}”")).strong());
                ui.label(RichText::new(format!("({what})")).color(theme::muted(ui)));
                make = widgets::primary_button(ui, "C", "Make a card").clicked();
                if let Some(label) = &backs {
                    open = widgets::key_button(ui, "O", label)
                        .on_hover_text("This passage is the evidence of that card")
                        .clicked();
                }
                clear = ui.button("Clear").clicked();
            });
        });
        if clear {
            self.selection = None;
            self.fact = None;
            self.backing = None;
        }
        if make {
            return self.make_card();
        }
        if open {
            return self.open_backing();
        }
        None
    }
}
