//! The card browser: every card in one table (only the rows in view are drawn), searched and
//! filtered, sortable; the selected card with its evidence, claim and review history.

use egui::{RichText, Ui};

use super::command::Command;
use super::status::Message;
use super::{evidence, theme};
use crate::deck::{CardKind, ClaimStatus};
use crate::schedule::queue::Slot;
use crate::study::browse::{Filter, Row, SortBy, StateFilter, rows, select};
use crate::study::history::HistoryJob;
use crate::study::{Collection, Versions, Waker};

#[derive(Default)]
pub struct BrowserScreen {
    rows: Vec<Row>,
    shown: Vec<u32>,
    filter: Filter,
    applied: Option<Filter>,
    /// The collection's versions the rows (and the history shown) are of.
    rows_of: Option<Versions>,
    selected: Option<Slot>,
    history: Option<HistoryJob>,
    topics: Vec<String>,
    /// The collection's library version the topics are of.
    topics_of: Option<(u64, u64)>,
}

const ROW_HEIGHT: f32 = 22.0;

impl BrowserScreen {
    /// Makes the rows and the rows shown again when what they are of moved; what could not be
    /// searched is said in the status line (no row is shown for a search that failed).
    fn refresh(&mut self, coll: &Collection) -> Option<Command> {
        let v = coll.versions();
        if self.rows_of != Some(v) {
            self.rows = rows(coll);
            self.rows_of = Some(v);
            self.applied = None;
            self.history = None;
        }
        // The topics change only with the decks.
        if self.topics_of != Some(v.of_library()) {
            self.topics_of = Some(v.of_library());
            let mut topics: Vec<&str> = coll
                .library()
                .decks
                .iter()
                .flat_map(|d| d.deck.cards.topic_names())
                .map(|s| s.as_str())
                .collect::<std::collections::HashSet<&str>>()
                .into_iter()
                .collect();
            topics.sort_unstable();
            self.topics = topics.into_iter().map(str::to_string).collect();
        }
        if self.applied.as_ref() == Some(&self.filter) {
            return None;
        }
        self.applied = Some(self.filter.clone());
        match select(coll, &self.rows, &self.filter) {
            Ok(shown) => {
                self.shown = shown;
                None
            }
            Err(e) => {
                self.shown.clear();
                Some(Command::Say(Message::error(format!(
                    "The search could not be made: {e}"
                ))))
            }
        }
    }

    /// Shows a card (from another screen).
    pub fn select(&mut self, slot: Slot) {
        self.filter = Filter::default();
        self.selected = Some(slot);
    }

    pub fn show(&mut self, ui: &mut Ui, coll: &Collection, wake: &Waker) -> Option<Command> {
        let mut action = self.refresh(coll);
        self.filters(ui, coll);
        ui.label(
            RichText::new(format!("{} of {} cards", self.shown.len(), self.rows.len()))
                .color(theme::muted(ui)),
        );
        let table_height = (ui.available_height() * 0.5).max(200.0);
        egui::ScrollArea::vertical()
            .id_salt("browser-rows")
            .max_height(table_height)
            .auto_shrink([false, false])
            .show_rows(ui, ROW_HEIGHT, self.shown.len(), |ui, range| {
                for &i in &self.shown[range] {
                    let r = &self.rows[i as usize];
                    let deck = coll.deck(r.slot()).map_or("", |d| d.deck.id.as_str());
                    // A changed fact says so before the state it sent the card back to.
                    let state = std::iter::once(&StateFilter::Changed)
                        .chain(&StateFilter::ALL)
                        .find(|s| s.matches(coll, r.slot()))
                        .map_or("", |s| s.name());
                    let recall = r
                        .recall(coll)
                        .map_or("–".into(), |v| format!("{:.0}%", v * 100.0));
                    let prompt: String = match coll.card(r.slot()) {
                        Ok(c) => c.prompt.chars().take(90).collect(),
                        Err(e) => e.to_string(),
                    };
                    let text = format!(
                        "{deck} · {} · {state} · recall {recall} · {prompt}",
                        r.kind.name()
                    );
                    let on = self.selected == Some(r.slot());
                    if ui
                        .add(egui::Button::selectable(on, text).truncate())
                        .clicked()
                    {
                        self.selected = Some(r.slot());
                    }
                }
            });
        ui.separator();
        if let Some(slot) = self.selected {
            action = self.details(ui, coll, slot, wake).or(action);
        } else {
            ui.label("Select a card to see it, its evidence and its review history.");
        }
        action
    }

    fn filters(&mut self, ui: &mut Ui, coll: &Collection) {
        let f = &mut self.filter;
        ui.horizontal_wrapped(|ui| {
            ui.add(
                egui::TextEdit::singleline(&mut f.text)
                    .hint_text("Search prompts, answers, topics")
                    .desired_width(260.0),
            );
            combo(
                ui,
                "Deck",
                &mut f.deck,
                coll.library()
                    .decks
                    .iter()
                    .enumerate()
                    .map(|(i, d)| (i, d.deck.id.clone())),
            );
            combo(
                ui,
                "Topic",
                &mut f.topic,
                self.topics.iter().map(|t| (t.clone(), t.clone())),
            );
            combo(
                ui,
                "Kind",
                &mut f.kind,
                CardKind::ALL.iter().map(|k| (*k, k.name().to_string())),
            );
            combo(
                ui,
                "State",
                &mut f.state,
                StateFilter::ALL.iter().map(|s| (*s, s.name().to_string())),
            );
            let statuses = [
                ClaimStatus::Confirmed,
                ClaimStatus::Disputed,
                ClaimStatus::Retracted,
                ClaimStatus::Unverified,
            ];
            combo(
                ui,
                "Claim",
                &mut f.claim,
                statuses
                    .iter()
                    .map(|s| (*s, evidence::status_name(*s).to_string())),
            );
            let l = ui.label("Sort");
            egui::ComboBox::from_id_salt("sort")
                .selected_text(format!("{:?}", f.sort))
                .show_ui(ui, |ui| {
                    for s in [
                        SortBy::Deck,
                        SortBy::Due,
                        SortBy::Difficulty,
                        SortBy::Recall,
                        SortBy::Lapses,
                    ] {
                        ui.selectable_value(&mut f.sort, s, format!("{s:?}"));
                    }
                })
                .response
                .labelled_by(l.id);
            ui.checkbox(&mut f.descending, "Descending");
        });
    }

    fn details(
        &mut self,
        ui: &mut Ui,
        coll: &Collection,
        slot: Slot,
        wake: &Waker,
    ) -> Option<Command> {
        let card = match coll.card(slot) {
            Ok(card) => card,
            Err(e) => {
                ui.colored_label(theme::wrong(ui), e.to_string());
                return None;
            }
        };
        let deck = coll.deck(slot)?;
        let mut action = None;
        egui::ScrollArea::vertical().id_salt("browser-card").auto_shrink([false, false]).show(ui, |ui| {
            ui.label(RichText::new(format!("{} · {} · {}", deck.deck.title, card.kind.name(), card.id)).color(theme::muted(ui)));
            ui.add(egui::Label::new(RichText::new(&*card.prompt).size(18.0).strong()).wrap());
            ui.label(format!("Answer: {}", card.answer.display(&deck.deck)));
            ui.label(format!("Topics: {}", card.topics.join(", ")));
            let state = coll.state(slot);
            ui.horizontal(|ui| {
                match state {
                    Some(s) => ui.label(format!(
                        "{} · due day {} · stability {:.1} d · difficulty {:.1} · {} reviews · {} lapses{}",
                        s.queue.name(),
                        s.due_day,
                        s.stability,
                        s.difficulty,
                        s.reps,
                        s.lapses,
                        if s.leech { " · leech" } else { "" }
                    )),
                    None => ui.label("new: never answered"),
                };
                let suspended = state.is_some_and(|s| s.suspended);
                let label = if suspended { "Unsuspend" } else { "Suspend" };
                if ui.add_enabled(coll.read_only().is_none(), egui::Button::new(label)).clicked() {
                    action = Some(Command::SetSuspended(slot, !suspended));
                }
            });
            if !card.explanation.is_empty() {
                ui.add(egui::Label::new(&*card.explanation).wrap());
            }
            evidence::show_card_claim(ui, &deck.deck, &card, 0.0);
            action = evidence::show_evidence(ui, coll, slot, &card).or(action.take());
            ui.label(RichText::new("Review history").heading());
            if self.history.as_ref().is_none_or(|h| h.slot != slot) {
                self.history = Some(HistoryJob::start(coll, slot, wake.clone()));
            }
            match self.history.as_mut().and_then(HistoryJob::poll) {
                None => {
                    ui.label("Reading the history...");
                }
                Some(Err(e)) => {
                    ui.colored_label(theme::wrong(ui), format!("The history could not be read: {e}"));
                }
                Some(Ok(history)) if history.is_empty() => {
                    ui.label("No reviews yet.");
                }
                Some(Ok(history)) => history_grid(ui, history),
            }
        });
        action
    }
}

/// A card's reviews, oldest first: when, the grade, right or wrong, and a wrong answer's words.
fn history_grid(ui: &mut Ui, history: &[crate::study::history::ReviewRow]) {
    egui::Grid::new("history")
        .striped(true)
        .num_columns(4)
        .show(ui, |ui| {
            for r in history {
                let t = chrono::DateTime::from_timestamp_millis(r.time_ms)
                    .map(|t| {
                        t.with_timezone(&chrono::Local)
                            .format("%Y-%m-%d %H:%M")
                            .to_string()
                    })
                    .unwrap_or_default();
                ui.label(t);
                ui.label(crate::quiz::Grade::from_number(r.grade).map_or("?", |g| g.name()));
                ui.label(if r.correct { "right" } else { "wrong" });
                ui.label(r.answer.as_deref().unwrap_or_default());
                ui.end_row();
            }
        });
}

/// A combo box over optional values: "any" or one of the options.
fn combo<T: Clone + PartialEq>(
    ui: &mut Ui,
    label: &str,
    value: &mut Option<T>,
    options: impl Iterator<Item = (T, String)>,
) {
    let options: Vec<(T, String)> = options.collect();
    let shown = value
        .as_ref()
        .and_then(|v| options.iter().find(|(o, _)| o == v))
        .map_or("any".to_string(), |(_, n)| n.clone());
    let l = ui.label(label);
    egui::ComboBox::from_id_salt(label)
        .selected_text(shown)
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, "any");
            for (o, name) in options {
                ui.selectable_value(value, Some(o), name);
            }
        })
        .response
        .labelled_by(l.id);
}
