//! A card's evidence (source, outlet, date, locator, what it says) and its claim (status badge,
//! who made it and when, each source's value), as the feedback screen shows them.

use egui::{RichText, Ui};

use super::{theme, widgets};
use crate::deck::{Card, Claim, ClaimStatus, DateKnown, Deck, Source};

pub fn status_name(s: ClaimStatus) -> &'static str {
    match s {
        ClaimStatus::Confirmed => "Confirmed",
        ClaimStatus::Disputed => "Disputed",
        ClaimStatus::Retracted => "Retracted",
        ClaimStatus::Unverified => "Unverified",
    }
}

/// "RFE/RL, blog Qishloq Ovozi · Bruce Pannier · 12 January 2022 (date inferred)".
pub fn source_line(s: &Source) -> String {
    let mut parts = Vec::new();
    if !s.outlet.is_empty() && s.outlet != "not named" {
        parts.push(s.outlet.clone());
    }
    if !s.author.is_empty() {
        parts.push(s.author.clone());
    }
    let mut date = s.date_text();
    if matches!(s.date_known, DateKnown::Inferred(_)) {
        date.push_str(" (date inferred)");
    }
    parts.push(date);
    parts.join(" · ")
}

fn source_block(ui: &mut Ui, s: &Source) {
    ui.label(RichText::new(&s.title).strong());
    let r = ui.label(RichText::new(source_line(s)).color(theme::muted(ui)));
    if let DateKnown::Inferred(how) = &s.date_known {
        r.on_hover_text(format!("How the date is known: {how}"));
    }
    if let Some(url) = s
        .url
        .as_deref()
        .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
    {
        ui.hyperlink_to("Open the article", url);
    }
}

/// The evidence of a card, one frame per source passage.
pub fn show_evidence<C>(ui: &mut Ui, deck: &Deck<C>, card: &Card) {
    ui.label(RichText::new("Evidence").heading());
    for e in &card.evidence {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            match deck.source(&e.source) {
                Some(s) => source_block(ui, s),
                None => {
                    ui.label(&*e.source);
                }
            }
            ui.label(format!("Where: “{}”", e.locator));
            ui.add(egui::Label::new(format!("It says: {}", e.says)).wrap());
        });
    }
}

/// A claim: its status badge, statement, who made it and when, and each source's value.
pub fn show_claim<C>(ui: &mut Ui, deck: &Deck<C>, claim: &Claim) {
    ui.horizontal(|ui| {
        ui.label(RichText::new("Claim").heading());
        widgets::badge(
            ui,
            status_name(claim.status),
            theme::status(ui, claim.status),
        );
    });
    ui.add(egui::Label::new(RichText::new(claim.statement.as_str()).italics()).wrap());
    let when = claim
        .made_on
        .map(|d| format!(", {}", d.to_string_long()))
        .unwrap_or_default();
    ui.label(format!("Made by {}{when}", claim.made_by));
    ui.label(RichText::new("What each source gives").strong());
    for v in &claim.values {
        let name = deck.source(&v.source).map_or(v.source.to_string(), |s| {
            format!("{} ({})", short_outlet(s), s.date_text())
        });
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_top(|ui| {
                ui.add_sized(
                    [220.0, 18.0],
                    egui::Label::new(RichText::new(name).color(theme::muted(ui))).truncate(),
                );
                ui.vertical(|ui| {
                    ui.add(egui::Label::new(RichText::new(v.value.as_str()).strong()).wrap());
                    ui.add(egui::Label::new(format!("{} (at “{}”)", v.says, v.locator)).wrap());
                });
            });
        });
    }
    if let Some(c) = &claim.contested_by {
        ui.add(egui::Label::new(format!("Contested: {c}")).wrap());
    }
}

/// The outlet, or the author where the outlet is not named.
pub fn short_outlet(s: &Source) -> &str {
    if s.outlet.is_empty() || s.outlet == "not named" {
        &s.author
    } else {
        s.outlet
            .split([',', '('])
            .next()
            .map_or(s.outlet.as_str(), str::trim)
    }
}
