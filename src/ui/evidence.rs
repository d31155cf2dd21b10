//! A card's evidence (source, outlet, date, locator, what it says, and the way to read it in
//! its article) and its claim (status badge, who made it and when, each source's value), as
//! the feedback screen and the browser show them.

use egui::{RichText, Ui};

use super::command::Command;
use super::reader::open::{deck_dir, missing_text};
use super::{theme, widgets};
use crate::deck::fact::claim_of;
use crate::deck::{Card, Claim, ClaimList, ClaimStatus, DateKnown, Deck, Source};
use crate::schedule::queue::Slot;
use crate::study::Collection;

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

/// The evidence of the card at `slot`, one frame per source passage; a passage whose
/// article is at hand opens the reading view there (R opens the first), and one whose
/// article is missing says which file to put where.
pub fn show_evidence(ui: &mut Ui, coll: &Collection, slot: Slot, card: &Card) -> Option<Command> {
    let d = coll.deck(slot)?;
    let dir = deck_dir(&d.origin);
    let mut command = None;
    let mut first_readable = None;
    ui.label(RichText::new("Evidence").heading());
    for (nth, e) in card.evidence.iter().enumerate() {
        let source = d.deck.source(&e.source);
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            match source {
                Some(s) => source_block(ui, s),
                None => {
                    ui.label(&*e.source);
                }
            }
            ui.label(format!("Where: “{}”", e.locator));
            ui.add(egui::Label::new(format!("It says: {}", e.says)).wrap());
            let Some(name) = source.and_then(|s| s.text.as_deref()) else {
                return;
            };
            match coll.find_article(name, dir.as_deref()) {
                Ok(_) => {
                    first_readable.get_or_insert(nth);
                    let key = if first_readable == Some(nth) { "R" } else { "" };
                    let label = "Read it in the article";
                    let r = if key.is_empty() {
                        ui.button(label)
                    } else {
                        widgets::key_button(ui, key, label)
                    };
                    if r.clicked() {
                        command = Some(Command::ReadEvidence(slot, nth));
                    }
                }
                Err(folders) => {
                    let m = RichText::new(missing_text(name, &folders)).color(theme::muted(ui));
                    ui.add(egui::Label::new(m).wrap());
                }
            }
        });
    }
    let typing = ui.ctx().egui_wants_keyboard_input();
    if let Some(nth) = first_readable
        && !typing
        && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::R))
    {
        command = Some(Command::ReadEvidence(slot, nth));
    }
    command
}

/// The claim of `card`, if it has one (see [`show_claim`]); when it cannot be read from the
/// deck cache, says so and why.
pub fn show_card_claim<C, L: ClaimList>(ui: &mut Ui, deck: &Deck<C, L>, card: &Card, space: f32) {
    match claim_of(deck, card) {
        Ok(None) => {}
        Ok(Some(claim)) => {
            ui.add_space(space);
            show_claim(ui, deck, &claim);
        }
        Err(e) => {
            ui.add_space(space);
            let text = format!("The card's claim could not be read: {e}");
            ui.add(egui::Label::new(RichText::new(text).color(theme::warn(ui))).wrap());
        }
    }
}

/// A claim: its status badge, statement, who made it and when, and each source's value.
pub fn show_claim<C, L>(ui: &mut Ui, deck: &Deck<C, L>, claim: &Claim) {
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
