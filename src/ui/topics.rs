//! The weak-topics screen: every topic weakest first with a bar for its predicted recall in a
//! week (or when its cards come due: the column says which), a session over the topics picked
//! (default: the five weakest), the overconfident topics (see `overconfident.rs`), and the
//! leeches with the wrong answers that were given.

use std::collections::BTreeSet;

use egui::{RichText, Ui};

use super::command::Command;
use super::status::Message;
use super::{overconfident, theme, when, widgets};
use crate::schedule::queue::Slot;
use crate::stats::calibration::{Overconfident, overconfident_topics};
use crate::stats::topics::{
    AHEAD_DAYS, Leech, RecallAt, TopicStat, leeches, topic_stats, weak_topic_queue,
};
use crate::study::{Collection, Versions};

/// The collection's versions and the measure a figure was computed from.
type Key = (Versions, RecallAt);

/// Cards in one weak-topic session at most.
pub const SESSION_CARDS: usize = 40;

#[derive(Default)]
pub struct TopicsScreen {
    stats: Option<Vec<TopicStat>>,
    leeches: Vec<Leech>,
    overconfident: Vec<Overconfident>,
    /// When the recall shown is predicted for.
    at: RecallAt,
    picked: BTreeSet<String>,
    computed: Option<Key>,
    queue: Vec<Slot>,
    queue_key: Option<(Key, BTreeSet<String>)>,
}

fn pct(v: Option<f32>) -> String {
    v.map_or("–".into(), |v| format!("{:.0}%", v * 100.0))
}

impl TopicsScreen {
    /// Computes the figures again when the collection's progress, settings, decks or
    /// parameters changed since they were computed; an error is said once.
    fn refresh(&mut self, coll: &Collection) -> Option<Command> {
        let key = (coll.versions(), self.at);
        if self.computed == Some(key) {
            return None;
        }
        self.computed = Some(key);
        let figures = topic_stats(coll, self.at)
            .and_then(|s| Ok((s, leeches(coll)?, overconfident_topics(coll)?)));
        match figures {
            Ok((stats, leeches, overconfident)) => {
                self.overconfident = overconfident;
                if self.picked.is_empty() {
                    self.picked = stats
                        .iter()
                        .filter(|t| t.score().is_some())
                        .take(5)
                        .map(|t| t.topic.clone())
                        .collect();
                }
                self.stats = Some(stats);
                self.leeches = leeches;
                None
            }
            Err(e) => Some(Command::Say(Message::error(format!(
                "The weak topics could not be computed: {e}"
            )))),
        }
    }

    pub fn show(&mut self, ui: &mut Ui, coll: &Collection) -> Option<Command> {
        let mut action = self.refresh(coll);
        ui.label(RichText::new("Weak topics").size(24.0).strong());
        let (Some(stats), Some(computed)) = (&self.stats, self.computed) else {
            return action;
        };
        // The session's cards: computed again only when the picks or the progress change.
        let key = (computed, self.picked.clone());
        if self.queue_key.as_ref() != Some(&key) {
            let picked: Vec<String> = self.picked.iter().cloned().collect();
            self.queue = weak_topic_queue(coll, &picked, SESSION_CARDS)
                .into_iter()
                .collect();
            self.queue_key = Some(key);
        }
        let picked_cards = &self.queue;
        ui.horizontal(|ui| {
            let label = format!(
                "[Enter]  Study the {} picked topics ({} cards)",
                self.picked.len(),
                picked_cards.len()
            );
            let go = ui
                .add_enabled(
                    !picked_cards.is_empty() && coll.read_only().is_none(),
                    egui::Button::new(RichText::new(label).strong()),
                )
                .on_hover_text("Cards not yet due are included; answers count as real reviews.");
            let key = !ui.ctx().egui_wants_keyboard_input()
                && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Enter));
            if (go.clicked() || key) && !picked_cards.is_empty() && coll.read_only().is_none() {
                action = Some(Command::StudyCards(picked_cards.to_vec()));
            }
            if ui.button("Pick the five weakest").clicked() {
                self.picked = stats
                    .iter()
                    .filter(|t| t.score().is_some())
                    .take(5)
                    .map(|t| t.topic.clone())
                    .collect();
            }
        });
        ui.horizontal(|ui| {
            ui.label("Predicted recall");
            for at in RecallAt::ALL {
                ui.selectable_value(&mut self.at, at, at.heading());
            }
        });
        ui.add(
            egui::Label::new(RichText::new(explanation(self.at)).color(theme::muted(ui))).wrap(),
        );
        ui.add_space(6.0);
        if let Some(c) = overconfident::show(ui, coll, &self.overconfident, SESSION_CARDS) {
            action = Some(c);
        }
        ui.add_space(10.0);
        let clock = coll.clock();
        egui::Grid::new("topics")
            .striped(true)
            .num_columns(4)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                ui.label(RichText::new("Topic").strong());
                ui.label(RichText::new(self.at.heading()).strong());
                ui.label(RichText::new("Cards").strong());
                ui.label(RichText::new("Answers (30 days) · lapses (ever)").strong());
                ui.end_row();
                for t in stats {
                    let mut on = self.picked.contains(&t.topic);
                    if ui.checkbox(&mut on, &t.topic).changed() {
                        if on {
                            self.picked.insert(t.topic.clone());
                        } else {
                            self.picked.remove(&t.topic);
                        }
                    }
                    let mut text = pct(t.recall);
                    if let (RecallAt::NextDue, Some(due)) = (self.at, t.next_due_ms) {
                        text.push_str(&format!(", due {}", when::day(due, &clock)));
                    }
                    let bar = egui::ProgressBar::new(t.recall.unwrap_or(0.0))
                        .desired_width(160.0)
                        .text(text);
                    ui.add(bar);
                    ui.label(format!("{} studied, {} unseen", t.studied, t.unseen));
                    let mut last =
                        format!("{} answers, {} right", t.recent_answers, pct(t.accuracy));
                    if t.lapses > 0 {
                        last.push_str(&format!(" · {} lapses", t.lapses));
                    }
                    if t.leeches > 0 {
                        last.push_str(&format!(", {} leech(es)", t.leeches));
                    }
                    ui.label(last);
                    ui.end_row();
                }
            });
        ui.add_space(12.0);
        ui.label(RichText::new("Leeches").heading());
        if self.leeches.is_empty() {
            ui.label("No leeches: no card has been failed 8 times.");
        }
        for l in &self.leeches {
            let Some((deck, card)) = widgets::card_or_error(ui, coll, l.slot) else {
                continue;
            };
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(RichText::new(&*card.prompt).strong());
                ui.label(format!(
                    "Answer: {} · {} lapses",
                    card.answer.display(&deck.deck),
                    l.lapses
                ));
                if !l.wrong_answers.is_empty() {
                    ui.add(
                        egui::Label::new(format!(
                            "Wrong answers given: {}",
                            l.wrong_answers.join("; ")
                        ))
                        .wrap(),
                    );
                }
                ui.horizontal(|ui| {
                    let suspended = coll.state(l.slot).is_some_and(|s| s.suspended);
                    if ui
                        .add_enabled(
                            !suspended && coll.read_only().is_none(),
                            egui::Button::new("Suspend"),
                        )
                        .clicked()
                    {
                        action = Some(Command::SetSuspended(l.slot, true));
                    }
                    if widgets::key_button(ui, "B", "Show in the browser").clicked() {
                        action = Some(Command::ShowInBrowser(l.slot));
                    }
                    if ui.button("Edit in the deck editor").clicked() {
                        action = Some(Command::EditCard(l.slot));
                    }
                });
            });
        }
        action
    }
}

/// The screen's one line on what the measure is.
fn explanation(at: RecallAt) -> String {
    match at {
        RecallAt::InAWeek => format!(
            "Weakest first: the recall FSRS predicts in {AHEAD_DAYS} days (recall now is near 100% after any review), with 30-day accuracy and lapses."
        ),
        RecallAt::NextDue => "Weakest first: the recall FSRS predicts when each card next comes due, with 30-day accuracy and lapses.".into(),
    }
}
