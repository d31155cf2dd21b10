//! The editor's forms for the deck itself, its sources and its claims, with each problem shown
//! under the form it is in; and the labelled field and problem lines that every form (a card's
//! too) is made of.

use egui::{RichText, Ui};

use super::super::theme;
use crate::deck::draft::{ClaimFields, DeckDraft, FieldProblem, Place, SourceFields};

/// A labelled text field (the label names it for screen readers too).
pub(super) fn field(ui: &mut Ui, label: &str, value: &mut String, multiline: bool, hint: &str) {
    let l = ui.label(label);
    let edit = if multiline {
        egui::TextEdit::multiline(value).desired_rows(2)
    } else {
        egui::TextEdit::singleline(value)
    };
    ui.add(edit.hint_text(hint).desired_width(f32::INFINITY))
        .labelled_by(l.id);
    ui.end_row();
}

pub(super) fn problems_at(ui: &mut Ui, problems: &[FieldProblem], place: Place) {
    for p in problems.iter().filter(|p| p.place == place) {
        ui.add(egui::Label::new(RichText::new(&p.message).color(theme::wrong(ui))).wrap());
    }
}

pub fn deck_form(ui: &mut Ui, d: &mut DeckDraft, _problems: &[FieldProblem]) {
    egui::Grid::new("deck-form")
        .num_columns(2)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            field(
                ui,
                "Deck id",
                &mut d.id,
                false,
                "lowercase-with-hyphens; never change it once studied",
            );
            field(ui, "Title", &mut d.title, false, "The deck's title");
            field(
                ui,
                "Description",
                &mut d.description,
                true,
                "What the deck covers",
            );
        });
}

pub fn sources_form(ui: &mut Ui, d: &mut DeckDraft, problems: &[FieldProblem]) {
    // A deck imported from Anki or Quizlet cites only the file it came in.
    let imported = d
        .sources
        .iter()
        .any(|s| s.outlet.starts_with("imported from "));
    egui::CollapsingHeader::new(format!("Sources ({})", d.sources.len()))
        .id_salt("sources")
        .default_open(imported)
        .show(ui, |ui| {
            if imported {
                ui.add(
                    egui::Label::new(
                        RichText::new(
                            "These cards came from another app and cite only the file they came \
                             in: add the article they come from, and name it in each card's \
                             evidence, so that every card shows where its fact is written.",
                        )
                        .color(theme::warn(ui)),
                    )
                    .wrap(),
                );
            }
            let mut remove = None;
            for (i, s) in d.sources.iter_mut().enumerate() {
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    egui::Grid::new(("source", i))
                        .num_columns(2)
                        .spacing([10.0, 4.0])
                        .show(ui, |ui| {
                            source_fields(ui, s);
                        });
                    problems_at(ui, problems, Place::Source(i));
                    if ui.small_button("Remove this source").clicked() {
                        remove = Some(i);
                    }
                });
            }
            if let Some(i) = remove {
                d.sources.remove(i);
            }
            if ui.button("Add a source").clicked() {
                d.sources.push(SourceFields {
                    id: format!("source-{}", d.sources.len() + 1),
                    ..SourceFields::default()
                });
            }
        });
}

pub(super) fn source_fields(ui: &mut Ui, s: &mut SourceFields) {
    field(ui, "Id", &mut s.id, false, "how cards cite it");
    field(ui, "Title", &mut s.title, false, "the article's headline");
    field(ui, "Outlet", &mut s.outlet, false, "where it was published");
    field(ui, "Author", &mut s.author, false, "who wrote it");
    field(
        ui,
        "Published",
        &mut s.published,
        false,
        "YYYY-MM-DD, YYYY-MM or YYYY",
    );
    field(
        ui,
        "Date inferred from",
        &mut s.inferred,
        false,
        "empty when the date is printed",
    );
    field(ui, "Link", &mut s.url, false, "https://...");
    field(
        ui,
        "Article text",
        &mut s.text,
        false,
        "its file (.txt, .md or .html), beside the deck or in the data folder's articles/",
    );
}

pub fn claims_form(ui: &mut Ui, d: &mut DeckDraft, problems: &[FieldProblem]) {
    egui::CollapsingHeader::new(format!("Claims ({})", d.claims.len()))
        .id_salt("claims")
        .show(ui, |ui| {
            let mut remove = None;
            for (i, c) in d.claims.iter_mut().enumerate() {
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    egui::Grid::new(("claim", i))
                        .num_columns(2)
                        .spacing([10.0, 4.0])
                        .show(ui, |ui| {
                            claim_fields(ui, c);
                        });
                    problems_at(ui, problems, Place::Claim(i));
                    if ui.small_button("Remove this claim").clicked() {
                        remove = Some(i);
                    }
                });
            }
            if let Some(i) = remove {
                d.claims.remove(i);
            }
            if ui.button("Add a claim").clicked() {
                d.claims.push(ClaimFields {
                    id: format!("claim-{}", d.claims.len() + 1),
                    status: "disputed".into(),
                    ..ClaimFields::default()
                });
            }
        });
}

fn claim_fields(ui: &mut Ui, c: &mut ClaimFields) {
    field(ui, "Id", &mut c.id, false, "how cards refer to it");
    field(
        ui,
        "Statement",
        &mut c.statement,
        true,
        "the claim in one line",
    );
    field(ui, "Made by", &mut c.made_by, false, "who made it");
    field(
        ui,
        "Made on",
        &mut c.made_on,
        false,
        "YYYY-MM-DD (optional)",
    );
    field(
        ui,
        "Status",
        &mut c.status,
        false,
        "confirmed, disputed, retracted or unverified",
    );
    field(
        ui,
        "Contested by",
        &mut c.contested_by,
        true,
        "who or what contests it",
    );
    field(
        ui,
        "Each source's value",
        &mut c.values,
        true,
        "one per line: source :: value :: where :: what it says",
    );
    field(
        ui,
        "Why it changed",
        &mut c.changed,
        false,
        "when you change the status or a value: why (optional)",
    );
}
