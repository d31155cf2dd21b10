//! The editor's cards: the list to pick, add, duplicate and delete them, and the form of the
//! selected card, whose fields and hints follow its kind.

use egui::{RichText, Ui};

use super::super::theme;
use super::forms::{field, problems_at};
use crate::deck::csv::CardFields;
use crate::deck::draft::{DeckDraft, FieldProblem, Place};

const KINDS: [&str; 8] = [
    "who",
    "when",
    "figure",
    "where",
    "what",
    "verdict",
    "order",
    "source-said",
];

pub fn cards_list(
    ui: &mut Ui,
    d: &mut DeckDraft,
    selected: &mut Option<usize>,
    problems: &[FieldProblem],
) {
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        ui.label(RichText::new(format!("Cards ({})", d.cards.len())).heading());
        let l = ui.label("Add a card:");
        egui::ComboBox::from_id_salt("add-card")
            .selected_text("kind...")
            .show_ui(ui, |ui| {
                for k in KINDS {
                    if ui.selectable_label(false, format!("{k} card")).clicked() {
                        *selected = Some(d.add_card(k));
                    }
                }
            })
            .response
            .labelled_by(l.id);
        if let Some(i) = *selected {
            if ui.button("Duplicate").clicked() {
                *selected = d.duplicate_card(i);
            }
            if ui.button("Delete").clicked() && i < d.cards.len() {
                d.cards.remove(i);
                *selected = (!d.cards.is_empty()).then(|| i.min(d.cards.len() - 1));
            }
        }
    });
    egui::ScrollArea::vertical()
        .id_salt("editor-cards")
        .max_height(180.0)
        .show(ui, |ui| {
            for (i, c) in d.cards.iter().enumerate() {
                let bad = problems.iter().any(|p| p.place == Place::Card(i));
                let mut text = RichText::new(format!(
                    "{} · {} · {}",
                    c.id,
                    c.kind,
                    c.prompt.chars().take(80).collect::<String>()
                ));
                if bad {
                    text = text.color(theme::wrong(ui));
                }
                if ui.selectable_label(*selected == Some(i), text).clicked() {
                    *selected = Some(i);
                }
            }
        });
}

fn answer_hint(kind: &str) -> &'static str {
    match kind {
        "who" => "the person's name as the articles give it",
        "when" => "YYYY-MM-DD, or YYYY-MM when only the month is known",
        "figure" => "the number: 227, 20,000, five hundred",
        "verdict" => "confirmed, false, disputed or unverified",
        "order" => "the events in the right order, separated by |",
        "source-said" => "figure => source id, separated by |",
        _ => "the answer",
    }
}

pub fn card_form(ui: &mut Ui, d: &mut DeckDraft, i: usize, problems: &[FieldProblem]) {
    let source_ids: Vec<String> = d.sources.iter().map(|s| s.id.clone()).collect();
    let claim_ids: Vec<String> = d.claims.iter().map(|c| c.id.clone()).collect();
    let Some(c) = d.cards.get_mut(i) else { return };
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        egui::Grid::new(("card-form", i))
            .num_columns(2)
            .spacing([10.0, 6.0])
            .show(ui, |ui| {
                let l = ui.label("Kind");
                egui::ComboBox::from_id_salt(("kind", i))
                    .selected_text(c.kind.clone())
                    .show_ui(ui, |ui| {
                        for k in KINDS {
                            ui.selectable_value(&mut c.kind, k.to_string(), k);
                        }
                    })
                    .response
                    .labelled_by(l.id);
                ui.end_row();
                card_fields(ui, c);
            });
        ui.label(
            RichText::new(format!(
                "Sources: {}    Claims: {}",
                source_ids.join(", "),
                if claim_ids.is_empty() {
                    "none".into()
                } else {
                    claim_ids.join(", ")
                }
            ))
            .color(theme::muted(ui)),
        );
        problems_at(ui, problems, Place::Card(i));
    });
}

fn card_fields(ui: &mut Ui, c: &mut CardFields) {
    let hint = answer_hint(&c.kind);
    field(
        ui,
        "Card id",
        &mut c.id,
        false,
        "never change it once studied",
    );
    field(
        ui,
        "Prompt",
        &mut c.prompt,
        true,
        "the question, in your own words",
    );
    field(ui, "Answer", &mut c.answer, false, hint);
    if matches!(c.kind.as_str(), "who" | "where" | "what") {
        field(
            ui,
            "Also accept",
            &mut c.accept,
            false,
            "other spellings, separated by |",
        );
    }
    if c.kind == "figure" {
        field(ui, "Unit", &mut c.unit, false, "deaths, troops, tenge...");
        field(
            ui,
            "At least",
            &mut c.min,
            false,
            "lowest accepted (optional)",
        );
        field(
            ui,
            "At most",
            &mut c.max,
            false,
            "highest accepted (optional)",
        );
    }
    field(
        ui,
        "Topics",
        &mut c.topics,
        false,
        "person/Name | place/Name | event/Name, separated by |",
    );
    field(
        ui,
        "Explanation",
        &mut c.explanation,
        true,
        "why, and which sources say what",
    );
    field(
        ui,
        "Evidence",
        &mut c.evidence,
        true,
        "one per line: source id :: where in the article :: what it says",
    );
    field(
        ui,
        "Claim",
        &mut c.claim,
        false,
        "the id of a claim of the deck (optional)",
    );
    field(
        ui,
        "Why it changed",
        &mut c.changed,
        false,
        "when you change the answer: why, for those who learned the old one (optional)",
    );
}
