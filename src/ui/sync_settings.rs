//! Settings → Sync: the shared folder (typed, as the sync tool places it: the same on every
//! machine), this machine's name, turning sync on or off, "Merge now", and what the last merge
//! did (devices seen, files set aside). The choices go to the collection as commands.

use std::path::PathBuf;

use egui::{RichText, Ui};

use super::command::Command;
use super::theme;
use super::when::moment;
use crate::study::Collection;

/// What the form holds while it is edited.
#[derive(Debug, Default)]
pub struct SyncForm {
    /// (folder, name) as typed; `None` until the form is first shown.
    draft: Option<(String, String)>,
}

impl SyncForm {
    /// Drops what was typed (the form shows the settings in force next time).
    pub fn forget(&mut self) {
        self.draft = None;
    }

    pub fn show(&mut self, ui: &mut Ui, coll: &Collection) -> Option<Command> {
        let status = coll.sync_status();
        let (folder, name) = self.draft.get_or_insert_with(|| {
            (
                status
                    .folder
                    .as_ref()
                    .map(|f| f.display().to_string())
                    .unwrap_or_default(),
                status
                    .device
                    .as_ref()
                    .map(|d| d.name.clone())
                    .unwrap_or_else(crate::sync::config::host_name),
            )
        });
        let mut action = None;
        ui.label(RichText::new("Sync").heading());
        ui.add(egui::Label::new("Study on every machine you own: choose a folder that Syncthing, Nextcloud, Dropbox, OneDrive or a network share keeps in step, the same on each machine. Each machine writes its own journal of answers there; factquiz merges the others' on start, when the window comes to the front, every minute and after each session. Nothing is ever lost: a file it cannot use is set aside and named here.").wrap());
        egui::Grid::new("sync")
            .num_columns(2)
            .spacing([16.0, 8.0])
            .show(ui, |ui| {
                let l = ui.label("Shared folder");
                ui.add(
                    egui::TextEdit::singleline(folder)
                        .hint_text("/home/you/Sync/factquiz")
                        .desired_width(420.0),
                )
                .labelled_by(l.id);
                ui.end_row();
                let l = ui.label("This machine's name");
                ui.add(egui::TextEdit::singleline(name).desired_width(240.0))
                    .labelled_by(l.id);
                ui.end_row();
            });
        let writable = coll.read_only().is_none();
        ui.horizontal(|ui| {
            let typed = folder.trim();
            let label = if status.folder.is_some() {
                "Save and merge"
            } else {
                "Turn sync on"
            };
            if ui
                .add_enabled(writable && !typed.is_empty(), egui::Button::new(label))
                .clicked()
            {
                action = Some(Command::SetSync {
                    folder: Some(PathBuf::from(typed)),
                    name: name.trim().to_string(),
                });
            }
            if status.folder.is_some() {
                if ui
                    .add_enabled(writable && !coll.syncing(), egui::Button::new("Merge now"))
                    .clicked()
                {
                    action = Some(Command::SyncNow);
                }
                if ui
                    .add_enabled(writable, egui::Button::new("Turn sync off"))
                    .on_hover_text(
                        "Your progress stays on this machine; the folder is left as it is",
                    )
                    .clicked()
                {
                    action = Some(Command::SetSync {
                        folder: None,
                        name: name.trim().to_string(),
                    });
                }
            }
        });
        details(ui, coll);
        action
    }
}

/// What the last merge did, in words.
fn details(ui: &mut Ui, coll: &Collection) {
    let status = coll.sync_status();
    let muted = theme::muted(ui);
    if status.folder.is_none() {
        ui.label(RichText::new("Sync is off: your progress stays on this machine.").color(muted));
        return;
    }
    if let Some(d) = &status.device {
        ui.label(RichText::new(format!("This machine: {} ({})", d.name, d.id)).color(muted));
    }
    if status.running {
        ui.label(RichText::new("Merging…").color(muted));
    }
    if let Some(e) = &status.error {
        ui.add(egui::Label::new(RichText::new(e).color(theme::warn(ui))).wrap());
    }
    let Some(last) = &status.last else {
        return;
    };
    if let Some(at) = status.last_merge_ms {
        ui.label(
            RichText::new(format!(
                "Last merge {}: {} review(s) in, {} event(s) out.",
                moment(at, &coll.clock()),
                last.reviews_added,
                last.written
            ))
            .color(muted),
        );
    }
    let names: Vec<&str> = last.devices.iter().map(|(_, n)| n.as_str()).collect();
    ui.label(
        RichText::new(if names.is_empty() {
            "No other machine has written to the folder yet.".to_string()
        } else {
            format!("Other machines: {}.", names.join(", "))
        })
        .color(muted),
    );
    for (deck, copy) in &last.decks.conflicts {
        ui.add(
            egui::Label::new(
                RichText::new(format!(
                    "Deck {deck} was edited on two machines: the other version is kept as {}.",
                    copy.display()
                ))
                .color(theme::warn(ui)),
            )
            .wrap(),
        );
    }
    for s in &last.set_aside {
        ui.add(
            egui::Label::new(
                RichText::new(format!("Set aside: {} ({}).", s.path.display(), s.why))
                    .color(theme::warn(ui)),
            )
            .wrap(),
        );
    }
}
