//! Settings: desired retention, daily limits, answer mode, when to ask how sure you are,
//! new-card order, theme, text size, and "Optimise my parameters" with progress and the
//! before/after figures.

use egui::{RichText, Ui};

use super::command::Command;
use super::status::Message;
use super::{theme, widgets};
use crate::quiz::{AnswerMode, AskConfidence};
use crate::settings::{NewOrder, Settings, Theme};
use crate::study::backups::BackupInfo;
use crate::study::optimize_job::OptimizeJob;
use crate::study::{Collection, Waker};

/// The settings being edited and the optimiser's state.
#[derive(Default)]
pub struct SettingsScreen {
    draft: Option<Settings>,
    backups: Option<Vec<BackupInfo>>,
    job: Option<OptimizeJob>,
    result: Option<String>,
}

impl SettingsScreen {
    /// Drops the edits not saved (the form shows the settings in force next time).
    pub fn forget_draft(&mut self) {
        self.draft = None;
    }

    pub fn show(&mut self, ui: &mut Ui, coll: &Collection, wake: &Waker) -> Option<Command> {
        let draft = self.draft.get_or_insert_with(|| coll.settings().clone());
        let mut action = None;
        ui.label(RichText::new("Settings").size(24.0).strong());
        ui.add_space(8.0);
        egui::Grid::new("settings").num_columns(2).spacing([16.0, 12.0]).show(ui, |ui| {
            let l = ui.label("Desired retention");
            ui.add(egui::Slider::new(&mut draft.desired_retention, 0.70..=0.97).fixed_decimals(2))
                .labelled_by(l.id)
                .on_hover_text("The share of cards you want to remember when they come back. Higher means more reviews.");
            ui.end_row();
            let l = ui.label("New cards per day (per deck)");
            ui.add(egui::DragValue::new(&mut draft.new_per_day).range(0..=9999)).labelled_by(l.id);
            ui.end_row();
            let l = ui.label("Reviews per day (per deck)");
            ui.add(egui::DragValue::new(&mut draft.reviews_per_day).range(0..=99_999)).labelled_by(l.id);
            ui.end_row();
            ui.label("Answer mode");
            ui.horizontal(|ui| {
                ui.radio_value(&mut draft.answer_mode, AnswerMode::Adaptive, "Adaptive")
                    .on_hover_text("Choices until you know a card, then typed recall; an answer too long to type is shown for you to grade");
                ui.radio_value(&mut draft.answer_mode, AnswerMode::Choices, "Always choices");
                ui.radio_value(&mut draft.answer_mode, AnswerMode::Typed, "Always typed");
                ui.radio_value(&mut draft.answer_mode, AnswerMode::ShowAnswer, "Always show answer")
                    .on_hover_text("Recall, press Space to see the answer, grade yourself 1-4");
            });
            ui.end_row();
            ui.label("Ask how sure I am");
            ui.horizontal_wrapped(|ui| {
                ui.radio_value(&mut draft.ask_confidence, AskConfidence::NotTypedLearned, "Except typed answers of learned cards")
                    .on_hover_text("Before every answer (keys Q W E), but not when you type the answer to a card you have learned");
                ui.radio_value(&mut draft.ask_confidence, AskConfidence::Always, "Always");
                ui.radio_value(&mut draft.ask_confidence, AskConfidence::Never, "Never");
            });
            ui.end_row();
            ui.label("New cards come");
            ui.horizontal(|ui| {
                ui.radio_value(&mut draft.new_order, NewOrder::DeckOrder, "In deck order");
                ui.radio_value(&mut draft.new_order, NewOrder::Random, "In random order");
            });
            ui.end_row();
            ui.label("Theme");
            ui.horizontal(|ui| {
                ui.radio_value(&mut draft.theme, Theme::System, "Follow the system");
                ui.radio_value(&mut draft.theme, Theme::Light, "Light");
                ui.radio_value(&mut draft.theme, Theme::Dark, "Dark");
            });
            ui.end_row();
            let l = ui.label("Text size");
            ui.add(egui::Slider::new(&mut draft.text_scale, 1.0..=2.0).fixed_decimals(2)).labelled_by(l.id);
            ui.end_row();
        });
        ui.add_space(12.0);
        ui.horizontal(|ui| {
            let can_save = coll.read_only().is_none();
            if ui
                .add_enabled(
                    can_save,
                    egui::Button::new(RichText::new("[Ctrl+S]  Save").strong()),
                )
                .clicked()
                || (can_save
                    && ui.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::S)))
            {
                action = Some(Command::SaveSettings(Box::new(draft.clone())));
            }
            if widgets::key_button(ui, "Esc", "Cancel").clicked() {
                action = Some(Command::GoHome);
            }
        });
        ui.add_space(16.0);
        ui.separator();
        let action = action.or_else(|| self.optimiser(ui, coll, wake));
        ui.add_space(16.0);
        ui.separator();
        action.or_else(|| self.backups(ui, coll))
    }

    fn backups(&mut self, ui: &mut Ui, coll: &Collection) -> Option<Command> {
        ui.label(RichText::new("Backups").heading());
        ui.label("A backup of your progress is taken the first time factquiz starts each day, before an upgrade changes the file, and before an import; the last 7 daily, 4 weekly and 6 monthly are kept.");
        coll.data_dir()?;
        let mut action = None;
        if ui.button("Show backups").clicked()
            || self.backups.is_none() && ui.ctx().cumulative_pass_nr() == 0
        {
            // Names and sizes only; a backup is checked when it is restored.
            match coll.backups() {
                Ok(list) => self.backups = Some(list),
                Err(e) => {
                    action = Some(Command::Say(Message::error(format!(
                        "The backups could not be listed: {e}"
                    ))))
                }
            }
        }
        if let Some(list) = &self.backups {
            if list.is_empty() {
                ui.label("No backup yet.");
            }
            egui::Grid::new("backups")
                .striped(true)
                .num_columns(4)
                .show(ui, |ui| {
                    for b in list {
                        ui.label(b.taken.format("%Y-%m-%d %H:%M").to_string());
                        ui.label(b.reason.describe());
                        ui.label(format!("{} KB", b.size / 1024));
                        match &b.problem {
                            None => {
                                if ui
                                    .add_enabled(
                                        coll.read_only().is_none(),
                                        egui::Button::new("Restore"),
                                    )
                                    .on_hover_text("Your current progress is backed up first")
                                    .clicked()
                                {
                                    action = Some(Command::RestoreBackup(b.path.clone()));
                                }
                            }
                            Some(p) => {
                                ui.colored_label(theme::wrong(ui), p);
                            }
                        }
                        ui.end_row();
                    }
                });
        }
        action
    }

    fn optimiser(&mut self, ui: &mut Ui, coll: &Collection, wake: &Waker) -> Option<Command> {
        ui.label(RichText::new("Scheduling parameters").heading());
        let params = if coll.settings().fsrs_parameters.is_empty() {
            "FSRS-6 defaults".to_string()
        } else {
            "optimised for your reviews".to_string()
        };
        ui.label(format!("Now: {params}."));
        let mut action = None;
        match &mut self.job {
            Some(job) => {
                ui.horizontal(|ui| {
                    ui.add(
                        egui::ProgressBar::new(job.fraction())
                            .show_percentage()
                            .desired_width(300.0),
                    );
                    if ui.button("Stop").clicked() {
                        job.cancel();
                    }
                });
                // The progress bar moves while the worker trains (the worker wakes the window
                // when it is done).
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_millis(100));
                if let Some(done) = job.take() {
                    self.job = None;
                    self.result = Some(match done {
                        Ok(r) => {
                            let verdict = if r.better {
                                action = Some(Command::KeepParameters(r.parameters.clone()));
                                "The new parameters predict your reviews better: kept."
                            } else {
                                "The new parameters do not predict better: your current ones stay."
                            };
                            format!(
                                "{} reviews ({} training items). Log loss {:.4} before, {:.4} after; RMSE {:.4} before, {:.4} after. {verdict}",
                                r.reviews,
                                r.items,
                                r.before.log_loss,
                                r.after.log_loss,
                                r.before.rmse,
                                r.after.rmse
                            )
                        }
                        Err(e) => format!("Could not optimise: {e}"),
                    });
                }
            }
            None => {
                let can = coll.data_dir().is_some() && coll.read_only().is_none();
                let r = ui.add_enabled(can, egui::Button::new("Optimise my parameters"));
                if r.clicked() {
                    self.result = None;
                    match OptimizeJob::start(coll, wake.clone()) {
                        Ok(job) => self.job = Some(job),
                        Err(e) => self.result = Some(format!("Could not optimise: {e}")),
                    }
                }
            }
        }
        if let Some(r) = &self.result {
            ui.add(egui::Label::new(RichText::new(r).color(theme::muted(ui))).wrap());
        }
        action
    }
}
