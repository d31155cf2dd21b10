//! The import preview of a file from another app (an Anki package or export, a Quizlet
//! export): read on a worker with a progress bar, then what it holds (notes, cards, reviews,
//! the decks it makes), what is left out and why, the notes that cannot be read, and for
//! two-column text its first rows and which column is the prompt.

use std::path::PathBuf;

use egui::{RichText, Ui};

use super::super::theme;
use crate::interop::{Columns, Foreign, Options};
use crate::study::read_job::ReadJob;
use crate::study::{Collection, StudyError};

pub struct ForeignPreview {
    path: PathBuf,
    columns: Columns,
    job: Option<ReadJob>,
    read: Option<Result<Foreign, String>>,
    /// Leave out the notes that cannot be read.
    skip_bad: bool,
}

/// What the user chose.
pub enum ForeignOutcome {
    Import(Box<Foreign>, bool),
    Cancel,
}

impl ForeignPreview {
    pub fn start(path: PathBuf, ctx: &egui::Context) -> ForeignPreview {
        let mut p = ForeignPreview {
            path,
            columns: Columns::PromptAnswer,
            job: None,
            read: None,
            skip_bad: false,
        };
        p.read_again(ctx);
        p
    }

    fn read_again(&mut self, ctx: &egui::Context) {
        let ctx = ctx.clone();
        let opts = Options {
            columns: self.columns,
            separators: None,
        };
        self.read = None;
        self.job = Some(ReadJob::start(
            self.path.clone(),
            opts,
            std::sync::Arc::new(move || ctx.request_repaint()),
        ));
    }

    pub fn show(&mut self, ui: &mut Ui, coll: &Collection) -> Option<ForeignOutcome> {
        if let Some(job) = &mut self.job {
            match job.take() {
                Some(r) => {
                    self.read = Some(r.map_err(|e: StudyError| e.to_string()));
                    self.job = None;
                }
                None => {
                    ui.label(format!("Reading {}...", self.path.display()));
                    ui.add(egui::ProgressBar::new(job.fraction()).show_percentage());
                    ui.ctx()
                        .request_repaint_after(std::time::Duration::from_millis(100));
                    return None;
                }
            }
        }
        let mut out = None;
        let read = self.read.take();
        match &read {
            Some(Err(e)) => {
                ui.add(egui::Label::new(RichText::new(e).color(theme::wrong(ui))).wrap());
                if ui.button("Close").clicked() {
                    out = Some(ForeignOutcome::Cancel);
                }
            }
            Some(Ok(f)) => out = self.report(ui, f, coll),
            None => {}
        }
        // A change of columns started reading again: what was read is stale.
        if self.job.is_none() {
            self.read = read;
        }
        out
    }

    fn report(&mut self, ui: &mut Ui, f: &Foreign, coll: &Collection) -> Option<ForeignOutcome> {
        let r = &f.report;
        ui.label(RichText::new(format!("{}: {}", self.path.display(), r.format)).strong());
        let mut counts = format!(
            "{} notes, {} cards, {} reviews",
            r.notes, r.cards, r.reviews
        );
        if r.suspended + r.buried > 0 {
            counts.push_str(&format!(
                " ({} suspended, {} buried: they stay so)",
                r.suspended, r.buried
            ));
        }
        ui.label(counts);
        for d in &f.decks {
            ui.label(format!(
                "Deck \"{}\" ({}): {} card(s)",
                d.title,
                d.id,
                d.cards.len()
            ));
        }
        if !r.sample.is_empty() {
            let before = self.columns;
            egui::Grid::new("two-column-sample")
                .striped(true)
                .show(ui, |ui| {
                    for (a, b) in &r.sample {
                        ui.label(a);
                        ui.label(b);
                        ui.end_row();
                    }
                });
            ui.horizontal(|ui| {
                ui.label("The prompt is");
                ui.radio_value(&mut self.columns, Columns::PromptAnswer, "the first column");
                ui.radio_value(
                    &mut self.columns,
                    Columns::AnswerPrompt,
                    "the second column",
                );
            });
            if self.columns != before {
                self.read_again(ui.ctx());
                return None;
            }
        }
        for s in &r.skipped {
            ui.add(
                egui::Label::new(RichText::new(format!("Left out: {s}")).color(theme::muted(ui)))
                    .wrap(),
            );
        }
        for p in r.problems.iter().take(50) {
            ui.add(egui::Label::new(RichText::new(p).monospace().color(theme::wrong(ui))).wrap());
        }
        if r.problems.len() > 50 {
            ui.label(format!("... and {} more", r.problems.len() - 50));
        }
        if !r.problems.is_empty() {
            ui.checkbox(
                &mut self.skip_bad,
                "Leave out the notes that cannot be read",
            );
        }
        let mut out = None;
        ui.horizontal(|ui| {
            let can = f.importable(self.skip_bad) && coll.read_only().is_none();
            if ui.add_enabled(can, egui::Button::new("Import")).clicked() {
                out = Some(ForeignOutcome::Import(Box::new(f.clone()), self.skip_bad));
            }
            if ui.button("Cancel").clicked() {
                out = Some(ForeignOutcome::Cancel);
            }
        });
        out
    }
}
