//! The home screen: every deck with its counts.

use crate::deck::Library;

pub fn show(ui: &mut egui::Ui, library: &Library) {
    ui.heading("factquiz");
    for d in &library.decks {
        ui.label(format!("{} — {} cards", d.deck.title, d.deck.cards.len()));
    }
    for e in &library.errors {
        ui.colored_label(egui::Color32::RED, e.to_string());
    }
}
