//! Small pieces the screens share: buttons that show their shortcut, badges, and a centred
//! column of readable width.

use egui::{Color32, RichText, Ui};

/// The widest a column of text gets, in points.
pub const READABLE_WIDTH: f32 = 760.0;

/// A button whose label shows its keyboard shortcut: "[1]  Again".
pub fn key_button(ui: &mut Ui, key: &str, label: &str) -> egui::Response {
    ui.button(format!("[{key}]  {label}"))
}

/// A button that stands out (the suggested or primary action), with its shortcut.
pub fn primary_button(ui: &mut Ui, key: &str, label: &str) -> egui::Response {
    let text = RichText::new(format!("[{key}]  {label}")).strong();
    ui.add(egui::Button::new(text).fill(ui.visuals().selection.bg_fill))
}

/// A coloured label in a rounded frame.
pub fn badge(ui: &mut Ui, text: &str, color: Color32) -> egui::Response {
    egui::Frame::new()
        .stroke(egui::Stroke::new(1.5, color))
        .corner_radius(6)
        .inner_margin(egui::Margin::symmetric(8, 2))
        .show(ui, |ui| ui.label(RichText::new(text).color(color).strong()))
        .inner
}

/// Runs `add` in a column of readable width, centred in the available space.
pub fn centered_column<R>(ui: &mut Ui, add: impl FnOnce(&mut Ui) -> R) -> R {
    let width = ui.available_width().min(READABLE_WIDTH);
    let margin = ((ui.available_width() - width) / 2.0).max(0.0);
    ui.horizontal_top(|ui| {
        ui.add_space(margin);
        ui.vertical(|ui| {
            ui.set_max_width(width);
            ui.set_min_width(width);
            add(ui)
        })
        .inner
    })
    .inner
}

/// A heading-sized prompt, wrapped.
pub fn prompt(ui: &mut Ui, text: &str) {
    ui.add(egui::Label::new(RichText::new(text).size(22.0).strong()).wrap());
}

/// The deck and the whole card at `slot`, or (when the card cannot be read) `None` after
/// saying why in red: a card is never left out silently.
pub fn card_or_error<'a>(
    ui: &mut Ui,
    coll: &'a crate::study::Collection,
    slot: crate::schedule::queue::Slot,
) -> Option<(
    &'a crate::deck::LoadedDeck,
    std::sync::Arc<crate::deck::Card>,
)> {
    match coll.card(slot) {
        Ok(card) => Some((coll.deck(slot)?, card)),
        Err(e) => {
            ui.colored_label(super::theme::wrong(ui), e.to_string());
            None
        }
    }
}
