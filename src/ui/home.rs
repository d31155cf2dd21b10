//! The home screen: every deck (built-in and the user's) with its new, due and total counts,
//! "Study" per deck and "Study now (20 new, 12 due)" for all of them (or "Nothing to study
//! until ..." with the time the next card comes), decks that failed to load, and a first-run
//! hint.

use egui::{RichText, Ui};

use super::command::Command;
use super::screen::{NAV, Screen};
use super::status::Message;
use super::{theme, when, widgets};
use crate::schedule::queue::DeckCounts;
use crate::study::{Collection, Versions};

/// The home screen's figures: every deck's counts and when the next card comes (when none is
/// to study now), for the collection's versions and the day they were counted on.
#[derive(Default)]
pub struct HomeScreen {
    counts: Vec<DeckCounts>,
    next_due_ms: Option<i64>,
    counted: Option<(Versions, i64)>,
}

impl HomeScreen {
    /// Draws the decks; what the user asks for.
    pub fn show(&mut self, ui: &mut Ui, coll: &Collection) -> Option<Command> {
        let clock = coll.clock();
        let key = (coll.versions(), clock.today());
        // A card in learning coming due is counted again at its time.
        let came_due = self.next_due_ms.is_some_and(|t| t <= clock.now_ms);
        let mut said = None;
        if self.counted != Some(key) || came_due {
            self.counted = Some(key);
            match coll.deck_counts() {
                Ok(c) => {
                    self.next_due_ms = c
                        .iter()
                        .all(|c| c.new + c.due == 0)
                        .then(|| coll.next_due_ms(&(0..c.len()).collect::<Vec<_>>()))
                        .flatten();
                    self.counts = c;
                }
                Err(e) => {
                    said = Some(Command::Say(Message::error(format!(
                        "The due counts could not be read: {e}"
                    ))))
                }
            }
        }
        if let Some(t) = self.next_due_ms {
            let wait = u64::try_from(t - clock.now_ms).unwrap_or(0);
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(wait));
        }
        show(ui, coll, &self.counts, self.next_due_ms).or(said)
    }
}

/// What the button that studies every deck says.
fn study_label(counts: &[DeckCounts], next_due_ms: Option<i64>, coll: &Collection) -> String {
    let new: usize = counts.iter().map(|c| c.new).sum();
    let due: usize = counts.iter().map(|c| c.due).sum();
    if new + due > 0 {
        return format!("[Enter]  Study now ({new} new, {due} due)");
    }
    match next_due_ms {
        Some(t) => format!("Nothing to study until {}", when::moment(t, &coll.clock())),
        None => "Nothing to study".into(),
    }
}

fn show(
    ui: &mut Ui,
    coll: &Collection,
    counts: &[DeckCounts],
    next_due_ms: Option<i64>,
) -> Option<Command> {
    let mut action = None;
    let first_run = coll.states().iter().flatten().all(Option::is_none);
    if first_run {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new("Welcome to factquiz").heading());
            ui.add(
                egui::Label::new(
                    "Learn who did what, when, and which figures are disputed, from real news \
                     articles. Every card shows its evidence, and every disputed figure shows what \
                     each source said. Pick a deck and press Study (or Enter to study everything \
                     due). Answer with the keys shown on the buttons; after each answer, grade how \
                     well you knew it and factquiz schedules the card with FSRS.",
                )
                .wrap(),
            );
        });
        ui.add_space(8.0);
    }
    if let Some(why) = coll.read_only() {
        ui.colored_label(theme::wrong(ui), format!("Read-only: {why}"));
    }
    let total_due: usize = counts.iter().map(|c| c.due + c.new).sum();
    ui.horizontal(|ui| {
        ui.label(RichText::new("Decks").heading());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if widgets::key_button(ui, "S", "Settings").clicked() {
                action = Some(Command::Open(Screen::Settings));
            }
            let all = ui.add_enabled(
                total_due > 0 && coll.read_only().is_none(),
                egui::Button::new(RichText::new(study_label(counts, next_due_ms, coll)).strong()),
            );
            if all.clicked() {
                action = Some(Command::Study((0..coll.library().decks.len()).collect()));
            }
        });
    });
    ui.add_space(6.0);
    egui::Grid::new("decks")
        .striped(true)
        .num_columns(5)
        .spacing([16.0, 10.0])
        .min_col_width(50.0)
        .show(ui, |ui| {
            ui.label(RichText::new("Deck").strong());
            ui.label(RichText::new("New").strong());
            ui.label(RichText::new("Due").strong());
            ui.label(RichText::new("Cards").strong());
            ui.label("");
            ui.end_row();
            for (i, d) in coll.library().decks.iter().enumerate() {
                let c = counts.get(i).copied().unwrap_or_default();
                ui.vertical(|ui| {
                    ui.set_min_width(360.0);
                    ui.label(RichText::new(&d.deck.title).strong());
                    let origin = if d.origin.is_builtin() {
                        "built-in"
                    } else {
                        "your deck"
                    };
                    ui.label(
                        RichText::new(format!("{} · {origin}", d.deck.id))
                            .small()
                            .color(theme::muted(ui)),
                    );
                });
                ui.label(RichText::new(c.new.to_string()).color(theme::right(ui)));
                ui.label(RichText::new(c.due.to_string()).color(theme::warn(ui)));
                ui.label(c.total.to_string());
                let can = c.new + c.due > 0 && coll.read_only().is_none();
                let label = if i < 9 {
                    format!("[{}]  Study", i + 1)
                } else {
                    "Study".to_string()
                };
                if ui.add_enabled(can, egui::Button::new(label)).clicked() {
                    action = Some(Command::Study(vec![i]));
                }
                ui.end_row();
            }
        });
    if coll.library().decks.is_empty() {
        ui.label("No deck loaded. Put .ron deck files in your decks folder (see the README).");
    }
    if !coll.library().errors.is_empty() {
        ui.add_space(10.0);
        ui.label(
            RichText::new("Decks that could not be loaded")
                .strong()
                .color(theme::wrong(ui)),
        );
        for e in &coll.library().errors {
            ui.add(egui::Label::new(RichText::new(e.to_string()).monospace()).wrap());
        }
    }
    if let Some(dir) = coll.data_dir() {
        ui.add_space(10.0);
        ui.label(
            RichText::new(format!(
                "Your decks: {}",
                crate::data_dir::user_decks(dir).display()
            ))
            .small()
            .color(theme::muted(ui)),
        );
    }
    let writable = coll.read_only().is_none();
    // A deck's number key studies it only when it has something to study, like its button.
    let studyable: Vec<bool> = counts
        .iter()
        .map(|c| writable && c.new + c.due > 0)
        .collect();
    let keys = home_keys(ui, &studyable, total_due > 0 && writable);
    action.or(keys)
}

fn home_keys(ui: &Ui, studyable: &[bool], any_due: bool) -> Option<Command> {
    let decks = studyable.len();
    use egui::{Key, Modifiers};
    if ui.ctx().egui_wants_keyboard_input() {
        return None;
    }
    let consume = |k| ui.input_mut(|i| i.consume_key(Modifiers::NONE, k));
    if any_due && consume(Key::Enter) {
        return Some(Command::Study((0..decks).collect()));
    }
    if consume(Key::S) {
        return Some(Command::Open(Screen::Settings));
    }
    for (screen, key, _) in NAV {
        if Key::from_name(key).is_some_and(consume) {
            return Some(Command::Open(screen));
        }
    }
    let keys = [
        Key::Num1,
        Key::Num2,
        Key::Num3,
        Key::Num4,
        Key::Num5,
        Key::Num6,
        Key::Num7,
        Key::Num8,
        Key::Num9,
    ];
    keys.iter()
        .take(decks)
        .position(|k| consume(*k))
        .filter(|i| studyable[*i])
        .map(|i| Command::Study(vec![i]))
}
