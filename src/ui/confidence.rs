//! Asking how sure the learner is before the answer shows: under the question, three buttons
//! (keys Q, W, E) that can be picked first; an answer given before one is picked waits, with
//! its words on screen, until it is (or Space/Enter goes on without saying). And the line the
//! feedback shows about it ("Sure, and wrong: ...").

use egui::{Key, Modifiers, RichText, Ui};

use super::command::Command;
use super::review::{self, Input};
use super::{theme, widgets};
use crate::deck::CardKind;
use crate::quiz::{Confidence, Grade, Mode, Question, Response};
use crate::study::{Answered, Collection, Current};

/// The confidence picked and the answer waiting for it, for the question on screen.
#[derive(Debug, Default)]
pub struct Asking {
    serial: u64,
    picked: Option<Confidence>,
    waiting: Option<Response>,
}

impl Asking {
    /// The question with the confidence buttons; the answer, with its confidence, once both
    /// are given.
    pub fn show(
        &mut self,
        ui: &mut Ui,
        coll: &Collection,
        cur: &Current,
        input: &mut Input,
    ) -> Option<Command> {
        if self.serial != cur.serial {
            *self = Asking {
                serial: cur.serial,
                ..Asking::default()
            };
        }
        if let Some(response) = self.waiting.clone() {
            return self.ask_after(ui, &cur.question, response);
        }
        let response = review::show(ui, coll, cur, input);
        ui.add_space(10.0);
        ui.horizontal_wrapped(|ui| {
            ui.label("How sure are you?");
            if let Some(c) = buttons(ui, self.picked) {
                self.picked = Some(c);
            }
        });
        let response = response?;
        match self.picked {
            Some(c) => Some(Command::Answer(response, Some(c))),
            None => {
                self.waiting = Some(response);
                ui.ctx().request_repaint();
                None
            }
        }
    }

    /// The answer given, and the question how sure it was, before the answer shows.
    fn ask_after(&self, ui: &mut Ui, q: &Question, response: Response) -> Option<Command> {
        widgets::prompt(ui, &q.prompt);
        ui.add_space(8.0);
        // A recalled answer has no words on screen: the learner says how sure they are of
        // what they recalled.
        let ask = match given(q, &response) {
            Some(words) => {
                ui.label(RichText::new(format!("Your answer: {words}")).size(18.0));
                "How sure are you? The answer shows next."
            }
            None => "How sure are you of what you recalled? The answer shows next.",
        };
        ui.add_space(8.0);
        ui.label(RichText::new(ask).strong());
        // Some(None): go on without saying.
        let mut choice: Option<Option<Confidence>> = None;
        ui.horizontal_wrapped(|ui| {
            if let Some(c) = buttons(ui, None) {
                choice = Some(Some(c));
            }
            if widgets::key_button(ui, "Space", "Don't say").clicked() {
                choice = choice.or(Some(None));
            }
        });
        let skip = !ui.ctx().egui_wants_keyboard_input()
            && ui.input_mut(|i| {
                i.consume_key(Modifiers::NONE, Key::Space)
                    || i.consume_key(Modifiers::NONE, Key::Enter)
            });
        if skip {
            choice = choice.or(Some(None));
        }
        choice.map(|c| Command::Answer(response, c))
    }
}

/// The three buttons, the one picked highlighted, with their keys (taken when no text field
/// has the keyboard); the one clicked or keyed.
fn buttons(ui: &mut Ui, picked: Option<Confidence>) -> Option<Confidence> {
    let mut out = None;
    for c in Confidence::ALL {
        let label = format!("[{}]  {}", c.key(), c.label());
        if ui.selectable_label(picked == Some(c), label).clicked() {
            out = Some(c);
        }
    }
    if !ui.ctx().egui_wants_keyboard_input() {
        for (c, key) in Confidence::ALL.into_iter().zip([Key::Q, Key::W, Key::E]) {
            if ui.input_mut(|i| i.consume_key(Modifiers::NONE, key)) {
                out = Some(c);
            }
        }
    }
    out
}

/// An answer as words, while it waits for its confidence (`None`: recalled, not given).
fn given(q: &Question, r: &Response) -> Option<String> {
    Some(match r {
        Response::Text(t) => t.clone(),
        Response::Choice(i) => q.choices.get(*i).cloned().unwrap_or_default(),
        Response::Verdict(v) => v.name().to_string(),
        Response::Order(_) => "the events in your order".into(),
        Response::Sources(_) => "an article for each figure".into(),
        Response::Revealed => return None,
    })
}

/// What a card of a kind is about, in "this is a figure you were confident about".
fn what(kind: CardKind) -> &'static str {
    match kind {
        CardKind::Who => "a person",
        CardKind::When => "a date",
        CardKind::Figure => "a figure",
        CardKind::Where => "a place",
        CardKind::What => "a fact",
        CardKind::Verdict => "a claim's status",
        CardKind::Order => "an order of events",
        CardKind::SourceSaid => "who reported which figure",
    }
}

/// The feedback's line about the confidence given, if one was: how it went, and what it did
/// to the suggested grade.
pub fn feedback_line(ui: &mut Ui, a: &Answered, kind: CardKind) {
    let Some(c) = a.confidence else { return };
    if a.question.mode == Mode::ShowAnswer {
        // Right or not is the learner's own grade, still to come.
        let text = format!(
            "You said \"{}\" before seeing it: grade what you recalled, not how sure you were.",
            c.label()
        );
        ui.add(egui::Label::new(RichText::new(text).color(theme::muted(ui))).wrap());
        return;
    }
    let right = a.outcome.correct;
    let (text, color) = match (c, right) {
        (Confidence::Sure, false) => (
            format!(
                "Sure, and wrong: this is {} you were confident about. Check it against the evidence below.",
                what(kind)
            ),
            theme::wrong(ui),
        ),
        (Confidence::Sure, true) if a.grade == Grade::Easy => (
            "Sure, and right, and fast: Easy is suggested.".to_string(),
            theme::right(ui),
        ),
        (Confidence::Sure, true) => ("Sure, and right.".to_string(), theme::right(ui)),
        (Confidence::Think, true) => (
            "You thought so, and you were right.".to_string(),
            theme::right(ui),
        ),
        (Confidence::Think, false) => (
            "You thought so, and it was not right.".to_string(),
            theme::warn(ui),
        ),
        (Confidence::Guess, true) => (
            "A guess, and right: Hard is suggested, so that it comes back soon.".to_string(),
            theme::warn(ui),
        ),
        (Confidence::Guess, false) => ("A guess, and not right.".to_string(), theme::muted(ui)),
    };
    ui.add(egui::Label::new(RichText::new(text).strong().color(color)).wrap());
}
