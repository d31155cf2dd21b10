//! The editor's forms: the deck, its sources and claims, the card list and one card's fields,
//! with each problem shown under the form it is in; and "Try it", which runs the card through
//! the quiz engine.

use egui::{RichText, Ui};

use super::super::theme;
use crate::deck::csv::CardFields;
use crate::deck::draft::{ClaimFields, DeckDraft, FieldProblem, Place, SourceFields};
use crate::deck::{Deck, Library};
use crate::quiz::check::response_from_text;
use crate::quiz::{Question, QuizIndex, check};
use crate::study::Collection;

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

/// A labelled text field (the label names it for screen readers too).
fn field(ui: &mut Ui, label: &str, value: &mut String, multiline: bool, hint: &str) {
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

fn problems_at(ui: &mut Ui, problems: &[FieldProblem], place: Place) {
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
    egui::CollapsingHeader::new(format!("Sources ({})", d.sources.len()))
        .id_salt("sources")
        .show(ui, |ui| {
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

fn source_fields(ui: &mut Ui, s: &mut SourceFields) {
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
}

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
}

/// "Try it": the card as the quiz would check it, against a typed answer.
pub fn try_it(
    ui: &mut Ui,
    coll: &Collection,
    deck: &Deck,
    d: &DeckDraft,
    i: usize,
    text: &mut String,
    result: &mut Option<(bool, String)>,
) {
    ui.horizontal(|ui| {
        let l = ui.label("Try an answer:");
        let r = ui
            .add(
                egui::TextEdit::singleline(text)
                    .hint_text("type it, then Enter")
                    .desired_width(320.0),
            )
            .labelled_by(l.id);
        let enter = r.lost_focus() && ui.input(|inp| inp.key_pressed(egui::Key::Enter));
        if ui.button("Try it").clicked() || enter {
            *result = Some(try_card(coll, deck, d, i, text));
        }
    });
    if let Some((ok, why)) = result {
        let color = if *ok {
            theme::right(ui)
        } else {
            theme::wrong(ui)
        };
        ui.add(egui::Label::new(RichText::new(why.as_str()).color(color)).wrap());
    }
}

fn try_card(coll: &Collection, deck: &Deck, d: &DeckDraft, i: usize, text: &str) -> (bool, String) {
    let Some(card) = d
        .cards
        .get(i)
        .and_then(|f| deck.cards.iter().find(|c| c.id == f.id))
    else {
        return (false, "Fix this card's problems first.".into());
    };
    let mut lib: Library = Library::clone(&coll.library);
    lib.decks.retain(|x| x.deck.id != deck.id);
    lib.add_text(
        &crate::deck::load::to_ron(deck),
        "draft",
        crate::deck::DeckOrigin::Named("draft".into()),
    );
    let ix = QuizIndex::build(&lib);
    let response = match response_from_text(&card.answer, text) {
        Ok(r) => r,
        Err(e) => return (false, e),
    };
    let o = check(
        &lib,
        &ix,
        deck,
        card,
        &Question::typed(deck, card),
        &response,
    );
    let mut why = format!(
        "{}: {}",
        if o.correct {
            "Accepted"
        } else {
            "Not accepted"
        },
        o.reading
    );
    if let Some(n) = &o.note {
        why.push_str(&format!(". {n}"));
    }
    (o.correct, why)
}
