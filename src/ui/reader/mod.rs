//! The reading view (key R from the editor, and from any card's evidence): an article's text,
//! wrapped and searchable, with its candidate facts marked (dates, figures, names) and the
//! passages that already back a card underlined. A marked fact (click it, or N and P to step
//! through them) or any words dragged over become a card draft with one key (C); clicking a
//! passage that backs a card offers to open that card (O). Opened at a card's evidence, it
//! scrolls to the passage and highlights it.

mod bar;
pub mod marks;
pub mod open;
mod page;

use std::ops::Range;

use egui::{Key, Modifiers, Ui};

use super::command::Command;
use super::screen::Screen;
use super::status::Message;
use crate::article::draft::{CardDraft, SourceRef, draft_card};
use crate::article::facts::Fact;
use crate::study::articles::Reading;
use marks::Marks;
use page::{Page, Pointer};

/// Whose cards the article's passages back, and where a drafted card goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// The deck open in the editor.
    Editor,
    /// A deck of the library (opened from a card's evidence), by its place in the library.
    Library { deck: usize, id: String },
}

/// A passage of the article that a card's evidence points to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backing {
    pub range: Range<usize>,
    pub card: String,
}

/// A card drafted in the reading view, for the editor.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftedCard {
    pub origin: Origin,
    pub draft: CardDraft,
}

/// What the reading view opens: an article read, the source it is the text of, and the
/// deck whose cards its passages back.
#[derive(Debug)]
pub struct Opened {
    pub origin: Origin,
    pub source: SourceRef,
    pub title: String,
    /// The source's outlet, author and date, as the evidence shows them.
    pub line: String,
    /// The article's file, as the source names it.
    pub file: String,
    pub reading: Reading,
    pub backing: Vec<Backing>,
    /// The passage to scroll to and highlight.
    pub target: Option<Range<usize>>,
}

struct Doc {
    opened: Opened,
    page: Page,
    backed: Vec<Range<usize>>,
}

#[derive(Default)]
pub struct ReaderScreen {
    doc: Option<Doc>,
    /// The screen the view was opened from, to go back to.
    pub(in crate::ui) back: Option<Screen>,
    search: String,
    searched: String,
    hits: Vec<Range<usize>>,
    current_hit: Option<usize>,
    /// What is selected: a fact, a dragged span or a backing passage.
    selection: Option<Range<usize>>,
    fact: Option<usize>,
    backing: Option<usize>,
    anchor: Option<usize>,
    scroll_to: Option<usize>,
    focus_search: bool,
    said: Option<Message>,
}

impl ReaderScreen {
    /// Shows an article, scrolled to its target passage (or its top).
    pub fn open(&mut self, opened: Opened, back: Screen) {
        let page = Page::new(&opened.reading.article.text, opened.reading.article.format);
        let backed = opened.backing.iter().map(|b| b.range.clone()).collect();
        let scroll_to = Some(opened.target.as_ref().map_or(0, |t| t.start));
        *self = ReaderScreen {
            back: Some(back),
            scroll_to,
            doc: Some(Doc {
                opened,
                page,
                backed,
            }),
            ..ReaderScreen::default()
        };
    }

    /// The article's text, when one is open.
    pub fn text(&self) -> Option<&str> {
        Some(&self.doc.as_ref()?.opened.reading.article.text)
    }

    /// The candidate facts marked.
    pub fn facts(&self) -> &[Fact] {
        self.doc.as_ref().map_or(&[], |d| &d.opened.reading.facts)
    }

    /// The passages that back cards.
    pub fn backing(&self) -> &[Backing] {
        self.doc.as_ref().map_or(&[], |d| &d.opened.backing)
    }

    /// The passage the view was opened at, highlighted.
    pub fn target(&self) -> Option<Range<usize>> {
        self.doc.as_ref()?.opened.target.clone()
    }

    /// What is selected, as a range of the text.
    pub fn selection(&self) -> Option<Range<usize>> {
        self.selection.clone()
    }

    /// Where a range of the text was drawn in the last frame, if it was in view.
    pub fn range_rect(&self, range: Range<usize>) -> Option<egui::Rect> {
        let d = self.doc.as_ref()?;
        d.page.range_rect(&d.opened.reading.article.text, range)
    }

    pub fn show(&mut self, ui: &mut Ui) -> Option<Command> {
        let Some(doc) = &self.doc else {
            ui.label(
                "No article is open: open one in the deck editor (“Open an article…”), or \
                 read a card's evidence after answering it.",
            );
            return None;
        };
        let mut command = bar::header(ui, &doc.opened, self.back);
        self.search_row(ui);
        command = command.or(self.action_bar(ui));
        command = command.or(self.keys(ui));
        self.draw_text(ui);
        command.or(self.said.take().map(Command::Say))
    }

    /// The text in its own scroll area, scrolled to a passage when one is asked for.
    fn draw_text(&mut self, ui: &mut Ui) {
        let Some(doc) = &mut self.doc else { return };
        let text = doc.opened.reading.article.text.as_str();
        let width = ui.available_width();
        doc.page.lay_out(ui, text, width);
        let mut area = egui::ScrollArea::vertical()
            .id_salt("article-text")
            .auto_shrink([false, false]);
        if let Some(at) = self.scroll_to.take() {
            let y = doc.page.y_of(ui, text, at);
            // The passage a third of the way down the view, with what leads to it above.
            let offset = (y - ui.available_height() / 3.0).clamp(0.0, doc.page.height());
            area = area.vertical_scroll_offset(offset);
        }
        let marks = Marks {
            palette: marks::Palette::of(ui),
            facts: &doc.opened.reading.facts,
            backed: &doc.backed,
            hits: &self.hits,
            current_hit: self.current_hit,
            target: doc.opened.target.as_ref(),
            selection: self.selection.clone(),
        };
        let pointer = area
            .show_viewport(ui, |ui, viewport| {
                doc.page.draw(ui, text, viewport, &|para| marks.spans(para))
            })
            .inner;
        match pointer {
            Some(Pointer::Pressed(from, at)) => {
                self.anchor = Some(from);
                self.fact = None;
                self.backing = None;
                self.selection = Some(from.min(at)..from.max(at)).filter(|r| !r.is_empty());
            }
            Some(Pointer::Dragged(at)) => {
                if let Some(a) = self.anchor {
                    self.selection = Some(a.min(at)..a.max(at)).filter(|r| !r.is_empty());
                }
            }
            Some(Pointer::Clicked(at)) => self.click(at),
            None => {}
        }
    }

    /// A click on the text: a fact there is selected, and a passage there that backs a card
    /// is offered to open.
    fn click(&mut self, at: usize) {
        let Some(doc) = &self.doc else { return };
        let inside = |r: &Range<usize>| r.start <= at && at < r.end;
        self.fact = doc
            .opened
            .reading
            .facts
            .iter()
            .position(|f| inside(&f.range));
        self.backing = doc.opened.backing.iter().position(|b| inside(&b.range));
        self.selection = match (self.fact, self.backing) {
            (Some(f), _) => Some(doc.opened.reading.facts[f].range.clone()),
            (None, Some(b)) => Some(doc.opened.backing[b].range.clone()),
            (None, None) => None,
        };
    }

    /// Selects the next (or previous) fact after the selection, and scrolls to it.
    fn step_fact(&mut self, forward: bool) {
        let Some(doc) = &self.doc else { return };
        let facts = &doc.opened.reading.facts;
        let from = self.selection.as_ref().map(|s| s.start);
        let next = match (forward, from) {
            (true, None) => facts.first().map(|_| 0),
            (true, Some(s)) => facts.iter().position(|f| f.range.start > s),
            (false, None) => facts.len().checked_sub(1),
            (false, Some(s)) => facts.iter().rposition(|f| f.range.start < s),
        };
        if let Some(at) = next.map(|i| facts[i].range.start) {
            self.click(at);
            self.scroll_to = Some(at);
        }
    }

    /// The keys of the view, when no text field has the focus: N and P step through the
    /// facts, C makes a card of the selection, O opens the card a passage backs, Ctrl+F
    /// searches.
    fn keys(&mut self, ui: &Ui) -> Option<Command> {
        if ui.input_mut(|i| i.consume_key(Modifiers::COMMAND, Key::F)) {
            self.focus_search = true;
        }
        if ui.ctx().egui_wants_keyboard_input() {
            return None;
        }
        let pressed = |key| ui.input_mut(|i| i.consume_key(Modifiers::NONE, key));
        if pressed(Key::N) {
            self.step_fact(true);
        }
        if pressed(Key::P) {
            self.step_fact(false);
        }
        if pressed(Key::C) {
            return self.make_card();
        }
        if pressed(Key::O) {
            return self.open_backing();
        }
        None
    }

    /// The selection as a card draft for the editor.
    fn make_card(&mut self) -> Option<Command> {
        let doc = self.doc.as_ref()?;
        let Some(span) = self.selection.clone() else {
            self.said = Some(Message::warn(
                "Select a marked fact or some words first (click a mark, press N, or drag).",
            ));
            return None;
        };
        let o = &doc.opened;
        match draft_card(&o.reading.article, &o.reading.facts, span, &o.source) {
            Ok(draft) => Some(Command::DraftCard(Box::new(DraftedCard {
                origin: o.origin.clone(),
                draft,
            }))),
            Err(e) => {
                self.said = Some(Message::error(format!("No card made: {e}.")));
                None
            }
        }
    }

    /// Selects the fact that starts with `words` (the first such), as a click on it would.
    pub fn select_fact_at_word(&mut self, words: &str) {
        let Some(doc) = &self.doc else { return };
        let text = &doc.opened.reading.article.text;
        let at = doc
            .opened
            .reading
            .facts
            .iter()
            .find(|f| text[f.range.clone()].starts_with(words));
        if let Some(at) = at.map(|f| f.range.start) {
            self.click(at);
        }
    }

    /// Opens the card that the selected passage backs.
    fn open_backing(&self) -> Option<Command> {
        let doc = self.doc.as_ref()?;
        let b = doc.opened.backing.get(self.backing?)?;
        Some(Command::OpenBackedCard {
            origin: doc.opened.origin.clone(),
            card: b.card.clone(),
        })
    }
}
