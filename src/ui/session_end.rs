//! The end of a session: how many cards, how many right, the time spent, what is due tomorrow.

use egui::{RichText, Ui};

use super::widgets;
use crate::study::Summary;

/// Returns true when the user goes back home.
pub fn show(ui: &mut Ui, s: &Summary) -> bool {
    ui.label(RichText::new("Session done").size(26.0).strong());
    ui.add_space(8.0);
    egui::Grid::new("summary")
        .num_columns(2)
        .spacing([16.0, 8.0])
        .show(ui, |ui| {
            ui.label("Cards answered");
            ui.label(RichText::new(s.answered.to_string()).strong());
            ui.end_row();
            ui.label("Right");
            let pct = (100 * s.right).checked_div(s.answered).unwrap_or(0);
            ui.label(RichText::new(format!("{} ({pct}%)", s.right)).strong());
            ui.end_row();
            ui.label("Time spent");
            ui.label(
                RichText::new(format!("{} min {} s", s.seconds / 60, s.seconds % 60)).strong(),
            );
            ui.end_row();
            ui.label("Due tomorrow");
            ui.label(RichText::new(s.due_tomorrow.to_string()).strong());
            ui.end_row();
        });
    ui.add_space(12.0);
    let clicked = widgets::primary_button(ui, "Enter", "Back to decks").clicked();
    let key = !ui.ctx().egui_wants_keyboard_input()
        && ui.input_mut(|i| {
            i.consume_key(egui::Modifiers::NONE, egui::Key::Enter)
                || i.consume_key(egui::Modifiers::NONE, egui::Key::Space)
        });
    clicked || key
}
