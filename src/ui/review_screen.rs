//! The review screen: the study session it runs and what the user is entering, the question
//! (see `review.rs`; with how sure the learner is, see `confidence.rs`), the feedback after an
//! answer (see `feedback.rs`) with the grade panel, and the summary at the end. It draws and
//! returns commands; the app runs them through [`ReviewScreen::run`], which calls the session
//! (and so the collection).

use egui::Ui;

use super::command::Command;
use super::confidence::Asking;
use super::review::{self, Input};
use super::{feedback, session_end, widgets};
use crate::study::{Changes, Collection, StudyResult, StudySession};

#[derive(Default)]
pub struct ReviewScreen {
    session: Option<StudySession>,
    /// Sessions started so far (tells one finished session from the next).
    started: usize,
    input: Input,
    asking: Asking,
}

impl ReviewScreen {
    /// Shows a new session.
    pub fn start(&mut self, session: StudySession) {
        self.session = Some(session);
        self.started += 1;
        self.input = Input::default();
        self.asking = Asking::default();
    }

    /// Ends the session on screen (its answers are saved already).
    pub fn close(&mut self) {
        self.session = None;
    }

    /// The number of the session on screen once it is finished (a merge follows it).
    pub fn finished(&self) -> Option<usize> {
        self.session
            .as_ref()
            .filter(|s| s.is_finished())
            .map(|_| self.started)
    }

    pub fn session(&self) -> Option<&StudySession> {
        self.session.as_ref()
    }

    pub(super) fn session_mut(&mut self) -> Option<&mut StudySession> {
        self.session.as_mut()
    }

    /// What the user has entered for the question on screen.
    pub fn input(&self) -> &Input {
        &self.input
    }

    /// Whether the answer field is empty (Ctrl+Z then undoes even while it has the focus).
    pub fn nothing_typed(&self) -> bool {
        self.input.text.is_empty()
    }

    /// The question, the feedback after an answer, or the summary at the end.
    pub fn show(&mut self, ui: &mut Ui, coll: &Collection) -> Option<Command> {
        let Some(session) = &self.session else {
            return Some(Command::GoHome);
        };
        if let Some(cur) = &session.current {
            self.input.follow(cur);
            if cur.ask_confidence {
                return self.asking.show(ui, coll, cur, &mut self.input);
            }
            review::show(ui, coll, cur, &mut self.input).map(|r| Command::Answer(r, None))
        } else if let Some(a) = &session.answered {
            feedback::show(ui, coll, a)
        } else {
            let summary = session.summary(coll);
            session_end::show(ui, &summary).then_some(Command::GoHome)
        }
    }

    /// The grade buttons and "Suspend card" / "Bury until tomorrow" under the feedback.
    pub fn grade_panel(&self, ui: &mut Ui) -> Option<Command> {
        let a = self.session.as_ref()?.answered.as_ref()?;
        let mut command = None;
        egui::Panel::bottom("grades").show(ui, |ui| {
            ui.add_space(6.0);
            widgets::centered_column(ui, |ui| {
                if let Some(g) = feedback::grade_bar(ui, a) {
                    command = Some(Command::Grade(g));
                }
                ui.horizontal(|ui| {
                    if ui
                        .small_button("Suspend card")
                        .on_hover_text("Never show this card again (until unsuspended)")
                        .clicked()
                    {
                        command = Some(Command::SuspendCurrent);
                    }
                    if ui.small_button("Bury until tomorrow").clicked() {
                        command = Some(Command::BuryCurrent);
                    }
                });
            });
            ui.add_space(6.0);
        });
        command
    }

    /// The session's cards left and its undo button, for the top bar.
    pub fn top_bar(&self, ui: &mut Ui) -> Option<Command> {
        let s = self.session.as_ref()?;
        ui.label(format!("{} left", s.remaining()));
        ui.add_enabled(s.can_undo(), egui::Button::new("[Ctrl+Z]  Undo"))
            .clicked()
            .then_some(Command::Undo)
    }

    /// The error of the session's last write or read, once (the app shows it in the status
    /// line).
    pub fn take_error(&mut self) -> Option<String> {
        self.session.as_mut()?.error.take()
    }

    /// Runs a command of this screen's on the session; `None` when it is not one.
    pub fn run(
        &mut self,
        coll: &mut Collection,
        command: &Command,
    ) -> Option<StudyResult<Changes>> {
        let s = self.session.as_mut()?;
        Some(match command {
            Command::Answer(response, confidence) => {
                s.answer_with_confidence(coll, response.clone(), *confidence);
                Ok(Changes::NONE)
            }
            Command::Grade(g) => s.grade(coll, *g),
            Command::Undo => s.undo(coll),
            Command::SuspendCurrent => s.suspend(coll),
            Command::BuryCurrent => s.bury(coll),
            _ => return None,
        })
    }
}
