//! Appearance: light, dark or the system's theme, the text size, and the colours that mean
//! right, wrong and each claim status in both themes.

use egui::{Color32, ThemePreference};

use crate::deck::ClaimStatus;
use crate::settings::{Settings, Theme};

/// Applies the theme and text size of the settings.
pub fn apply(ctx: &egui::Context, settings: &Settings) {
    ctx.set_theme(match settings.theme {
        Theme::System => ThemePreference::System,
        Theme::Light => ThemePreference::Light,
        Theme::Dark => ThemePreference::Dark,
    });
    if (ctx.zoom_factor() - settings.text_scale).abs() > 0.001 {
        ctx.set_zoom_factor(settings.text_scale);
    }
}

fn pick(ui: &egui::Ui, light: Color32, dark: Color32) -> Color32 {
    if ui.visuals().dark_mode { dark } else { light }
}

pub fn right(ui: &egui::Ui) -> Color32 {
    pick(
        ui,
        Color32::from_rgb(0x1b, 0x7a, 0x2f),
        Color32::from_rgb(0x6c, 0xd6, 0x7f),
    )
}

pub fn wrong(ui: &egui::Ui) -> Color32 {
    pick(
        ui,
        Color32::from_rgb(0xb3, 0x26, 0x1e),
        Color32::from_rgb(0xff, 0x7b, 0x72),
    )
}

pub fn warn(ui: &egui::Ui) -> Color32 {
    pick(
        ui,
        Color32::from_rgb(0x9a, 0x5b, 0x00),
        Color32::from_rgb(0xf2, 0xb4, 0x4c),
    )
}

pub fn muted(ui: &egui::Ui) -> Color32 {
    ui.visuals().weak_text_color()
}

/// The colour of a claim status badge.
pub fn status(ui: &egui::Ui, s: ClaimStatus) -> Color32 {
    match s {
        ClaimStatus::Confirmed => right(ui),
        ClaimStatus::Disputed => warn(ui),
        ClaimStatus::Retracted => wrong(ui),
        ClaimStatus::Unverified => pick(
            ui,
            Color32::from_rgb(0x55, 0x5f, 0x6d),
            Color32::from_rgb(0xa8, 0xb3, 0xc1),
        ),
    }
}
