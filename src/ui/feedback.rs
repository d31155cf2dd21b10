//! Feedback after an answer: right or wrong, how sure the learner said they were, the right
//! answer and how the given one was read, the explanation, the evidence and the claim; and the
//! grade buttons with their intervals.

use egui::{Key, Modifiers, RichText, Ui};

use super::command::Command;
use super::{confidence, evidence, review, theme, widgets};
use crate::quiz::{Grade, Match, Mode};
use crate::study::{Answered, ChangedFact, Collection};

/// Draws the feedback for an answered card; what its evidence asks for.
pub fn show(ui: &mut Ui, coll: &Collection, a: &Answered) -> Option<Command> {
    let (deck, card) = widgets::card_or_error(ui, coll, a.slot)?;
    let o = &a.outcome;
    let shown = a.question.mode == Mode::ShowAnswer;
    let (text, color) = if shown {
        ("Did you recall it? Grade yourself (1-4)", theme::muted(ui))
    } else if o.correct && o.with_typo() {
        ("Accepted with a typo", theme::warn(ui))
    } else if o.correct && o.doubt.is_some() {
        ("Accepted, not exactly", theme::warn(ui))
    } else if o.correct {
        ("Right", theme::right(ui))
    } else if o.credit > 0.0 {
        ("Partly right", theme::warn(ui))
    } else {
        ("Not right", theme::wrong(ui))
    };
    ui.label(RichText::new(text).size(24.0).strong().color(color));
    confidence::feedback_line(ui, a, card.kind);
    if let Some(changed) = &a.changed {
        changed_fact(ui, changed);
    }
    widgets::prompt(ui, &a.question.prompt);
    review::source_line(ui, &deck.deck, &card);
    ui.add_space(8.0);
    egui::Grid::new("answer-grid")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            if !shown {
                ui.label(RichText::new("Your answer").strong());
                let given = if o.reading.starts_with("chose ") || o.reading.starts_with("said ") {
                    a.given.clone()
                } else {
                    format!("{} ({})", a.given, o.reading)
                };
                ui.add(egui::Label::new(given).wrap());
                ui.end_row();
            }
            ui.label(RichText::new("The answer").strong());
            ui.add(
                egui::Label::new(RichText::new(&o.expected).strong().color(theme::right(ui)))
                    .wrap(),
            );
            ui.end_row();
            if let Some(Match::Folded(v) | Match::Typo(v, _) | Match::Surname(v)) = &o.matched {
                ui.label(RichText::new("Matched").strong());
                ui.label(v);
                ui.end_row();
            }
        });
    if let Some(note) = &o.note {
        ui.add_space(4.0);
        ui.add(
            egui::Label::new(RichText::new(format!("Note: {note}")).color(theme::warn(ui))).wrap(),
        );
    }
    if !card.explanation.is_empty() {
        ui.add_space(8.0);
        ui.add(egui::Label::new(&*card.explanation).wrap());
    }
    evidence::show_card_claim(ui, &deck.deck, &card, 10.0);
    ui.add_space(10.0);
    evidence::show_evidence(ui, coll, a.slot, &card)
}

/// "Changed since you learned it": what the card taught when last answered, what it teaches
/// now, and why.
fn changed_fact(ui: &mut Ui, c: &ChangedFact) {
    egui::Frame::group(ui.style())
        .stroke(egui::Stroke::new(1.0, theme::warn(ui)))
        .show(ui, |ui| {
            ui.label(
                RichText::new("Changed since you learned it")
                    .strong()
                    .color(theme::warn(ui)),
            );
            let was = c
                .was
                .as_deref()
                .unwrap_or("(not kept: you learned this card before factquiz noted it)");
            ui.add(egui::Label::new(format!("Was: {was}")).wrap());
            ui.add(egui::Label::new(format!("Now: {}", c.now)).wrap());
            if let Some(why) = &c.why {
                ui.add(egui::Label::new(format!("Why: {why}")).wrap());
            }
        });
    ui.add_space(4.0);
}

/// The grade buttons with the interval each gives, the suggested one highlighted. Returns a
/// grade when one is picked: by click, by 1-4, or by Space/Enter for the suggested one.
pub fn grade_bar(ui: &mut Ui, a: &Answered) -> Option<Grade> {
    let mut picked = None;
    ui.horizontal_wrapped(|ui| {
        ui.label("Grade:");
        for (i, g) in Grade::ALL.iter().enumerate() {
            let label = format!("{}  {}", g.name(), a.intervals[i]);
            let key = (i + 1).to_string();
            let r = if *g == a.grade {
                widgets::primary_button(ui, &key, &label)
            } else {
                widgets::key_button(ui, &key, &label)
            };
            if r.clicked() {
                picked = Some(*g);
            }
        }
        ui.label(RichText::new(format!("Space/Enter: {}", a.grade.name())).color(theme::muted(ui)));
    });
    if ui.ctx().egui_wants_keyboard_input() {
        return picked;
    }
    let keys = [Key::Num1, Key::Num2, Key::Num3, Key::Num4];
    for (i, k) in keys.iter().enumerate() {
        if ui.input_mut(|inp| inp.consume_key(Modifiers::NONE, *k)) {
            picked = Grade::from_number(i as u8 + 1);
        }
    }
    if ui.input_mut(|i| {
        i.consume_key(Modifiers::NONE, Key::Space) || i.consume_key(Modifiers::NONE, Key::Enter)
    }) {
        picked = picked.or(Some(a.grade));
    }
    picked
}
