//! The weak-topics screen's list of overconfident topics: those answered "sure" and wrong more
//! often than sure allows, most first, each with how often, and a Study button for a session
//! on its cards (the ones answered sure and wrong first).

use egui::{RichText, Ui};

use super::command::Command;
use super::theme;
use crate::schedule::queue::Slot;
use crate::stats::calibration::{OVERCONFIDENT_DAYS, Overconfident};
use crate::stats::topics::weak_topic_queue;
use crate::study::Collection;

/// Topics listed at most.
const SHOWN: usize = 5;

/// The cards of a session on an overconfident topic: those answered sure and wrong (most
/// often first), then its other cards as a weak-topic session takes them; at most `limit`.
pub fn session_cards(coll: &Collection, o: &Overconfident, limit: usize) -> Vec<Slot> {
    let mut cards: Vec<Slot> = o
        .cards
        .iter()
        .copied()
        .filter(|s| coll.state(*s).is_none_or(|s| !s.suspended))
        .collect();
    for s in weak_topic_queue(coll, std::slice::from_ref(&o.topic), limit) {
        if !cards.contains(&s) {
            cards.push(s);
        }
    }
    cards.truncate(limit);
    cards
}

/// Draws the list; a Study button asks for its topic's session.
pub fn show(
    ui: &mut Ui,
    coll: &Collection,
    list: &[Overconfident],
    limit: usize,
) -> Option<Command> {
    ui.label(RichText::new("Overconfident topics").heading());
    ui.label(
        RichText::new(format!(
            "Answered \"sure\" and wrong more often than 1 time in 20, most first (last {OVERCONFIDENT_DAYS} days): certainty worth checking against the evidence."
        ))
        .color(theme::muted(ui)),
    );
    if list.is_empty() {
        ui.label("None: your \"sure\" answers were right as often as sure means.");
        return None;
    }
    let mut action = None;
    egui::Grid::new("overconfident")
        .striped(true)
        .num_columns(3)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            for o in list.iter().take(SHOWN) {
                ui.label(RichText::new(&o.topic).strong());
                ui.label(
                    RichText::new(format!(
                        "sure {} times, wrong {} ({:.0}%)",
                        o.sure,
                        o.sure_wrong,
                        o.wrong_rate() * 100.0
                    ))
                    .color(theme::wrong(ui)),
                );
                let study = ui.add_enabled(
                    coll.read_only().is_none(),
                    egui::Button::new(format!("Study {}", o.topic)),
                );
                if study.clicked() {
                    action = Some(Command::StudyCards(session_cards(coll, o, limit)));
                }
                ui.end_row();
            }
        });
    action
}
