//! Statistics: a calendar of reviews over the last year, calibration (see `calibration.rs`),
//! reviews and time per day, the forecast of due cards, true retention per month against the
//! desired retention, cards by state and predicted recall by topic in a week; for all decks or
//! one. Every figure comes from a worker thread.

use egui::{Color32, RichText, Ui};
use egui_plot::{Bar, BarChart, HLine, Plot};

use super::calibration;
use super::command::Command;
use super::status::Message;
use super::theme;
use crate::stats::charts::{Charts, DayFigures};
use crate::stats::charts_job;
use crate::stats::topics::TopicStat;
use crate::study::{Collection, Job, Versions, Waker};

/// The deck shown and the collection's versions the figures are of.
type Key = (Option<usize>, Versions);

#[derive(Default)]
pub struct StatsScreen {
    deck: Option<usize>,
    job: Option<Job<Charts>>,
    charts: Option<Charts>,
    topics: Vec<TopicStat>,
    key: Option<Key>,
    /// The calibration group shown beside all cards.
    calibration_group: String,
}

impl StatsScreen {
    /// Starts computing when the deck or the collection's versions moved; takes in what the
    /// worker computed (it wakes the window when done). An error is said once.
    fn refresh(&mut self, coll: &Collection, wake: &Waker) -> Option<Command> {
        let key = (self.deck, coll.versions());
        if self.key != Some(key) {
            self.key = Some(key);
            self.job = Some(charts_job(coll, self.deck, wake.clone()));
        }
        match self.job.as_mut()?.try_take()? {
            Ok(mut c) => {
                self.job = None;
                self.topics = std::mem::take(&mut c.topics);
                self.charts = Some(c);
                None
            }
            Err(e) => {
                self.job = None;
                Some(Command::Say(Message::error(format!(
                    "Statistics could not be computed: {e}"
                ))))
            }
        }
    }

    pub fn show(&mut self, ui: &mut Ui, coll: &Collection, wake: &Waker) -> Option<Command> {
        let said = self.refresh(coll, wake);
        ui.horizontal(|ui| {
            ui.label(RichText::new("Statistics").size(24.0).strong());
            let shown = self
                .deck
                .and_then(|d| coll.library().decks.get(d))
                .map_or("All decks".to_string(), |d| d.deck.title.clone());
            let l = ui.label("Deck");
            egui::ComboBox::from_id_salt("stats-deck")
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.deck, None, "All decks");
                    for (i, d) in coll.library().decks.iter().enumerate() {
                        ui.selectable_value(&mut self.deck, Some(i), &d.deck.title);
                    }
                })
                .response
                .labelled_by(l.id);
        });
        let Some(c) = &self.charts else {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("Computing...");
            });
            return said;
        };
        let total: u32 = c.days.iter().map(|d| d.reviews).sum();
        ui.label(RichText::new(format!("Reviews in the last year: {total}")).heading());
        calendar(ui, &c.days);
        ui.add_space(8.0);
        calibration::show(ui, &c.calibration, &mut self.calibration_group);
        ui.add_space(8.0);
        let recent = &c.days[c.days.len().saturating_sub(60)..];
        day_bars(
            ui,
            "reviews-per-day",
            "Reviews per day (last 60 days)",
            recent,
            |d| f64::from(d.reviews),
        );
        day_bars(
            ui,
            "minutes-per-day",
            "Minutes per day (last 60 days)",
            recent,
            |d| d.seconds / 60.0,
        );
        ui.label(RichText::new("Due in the next 30 days").strong());
        let bars: Vec<Bar> = c
            .forecast
            .iter()
            .enumerate()
            .map(|(i, n)| Bar::new(i as f64, f64::from(*n)))
            .collect();
        plot(ui, "forecast", "days from today", |p| {
            p.bar_chart(BarChart::new("due", bars))
        });
        ui.label(RichText::new("True retention per month (answers to cards in review)").strong());
        if c.retention.is_empty() {
            ui.label("No reviews of cards in review yet.");
        } else {
            let months: Vec<String> = c.retention.iter().map(|m| m.month.clone()).collect();
            let bars: Vec<Bar> = c
                .retention
                .iter()
                .enumerate()
                .map(|(i, m)| {
                    Bar::new(i as f64, f64::from(m.rate()))
                        .name(format!("{} ({} answers)", m.month, m.answers))
                })
                .collect();
            let desired = f64::from(coll.settings().desired_retention);
            Plot::new("retention")
                .height(150.0)
                .include_y(0.0)
                .include_y(1.0)
                .allow_scroll(false)
                .allow_zoom(false)
                .allow_drag(false)
                .x_axis_formatter(move |m, _| {
                    months.get(m.value as usize).cloned().unwrap_or_default()
                })
                .show(ui, |p| {
                    p.bar_chart(BarChart::new("retention", bars));
                    p.hline(HLine::new("desired retention", desired));
                });
        }
        ui.label(RichText::new("Cards by state").strong());
        let s = c.states;
        ui.label(format!(
            "new {} · learning {} · review {} · suspended {} · leeches {}",
            s.new, s.learning, s.review, s.suspended, s.leech
        ));
        ui.add_space(6.0);
        ui.label(RichText::new("Predicted recall in 7 days by topic (weakest first)").strong());
        for t in self.topics.iter().filter(|t| t.recall.is_some()).take(15) {
            ui.horizontal(|ui| {
                let r = t.recall.unwrap_or(0.0);
                ui.add(
                    egui::ProgressBar::new(r)
                        .desired_width(200.0)
                        .text(format!("{:.0}%", r * 100.0)),
                );
                ui.label(&t.topic);
            });
        }
        if self.topics.iter().all(|t| t.recall.is_none()) {
            ui.label("No topic studied yet.");
        }
        said
    }
}

fn plot(ui: &mut Ui, id: &str, x_label: &str, build: impl FnOnce(&mut egui_plot::PlotUi)) {
    Plot::new(id)
        .height(140.0)
        .include_y(0.0)
        .allow_scroll(false)
        .allow_zoom(false)
        .allow_drag(false)
        .x_axis_label(x_label)
        .show(ui, build);
}

fn day_bars(
    ui: &mut Ui,
    id: &str,
    title: &str,
    days: &[DayFigures],
    value: impl Fn(&DayFigures) -> f64,
) {
    ui.label(RichText::new(title).strong());
    let n = days.len() as f64;
    let bars: Vec<Bar> = days
        .iter()
        .enumerate()
        .map(|(i, d)| Bar::new(i as f64 - n + 1.0, value(d)))
        .collect();
    plot(ui, id, "days ago", |p| {
        p.bar_chart(BarChart::new(title, bars))
    });
}

/// A year of study days as a grid of squares, one column a week, darker for more reviews.
fn calendar(ui: &mut Ui, days: &[DayFigures]) {
    let max = days.iter().map(|d| d.reviews).max().unwrap_or(0).max(1);
    let cell = 11.0;
    let gap = 2.0;
    let weeks = days.len().div_ceil(7);
    let size = egui::vec2(weeks as f32 * (cell + gap), 7.0 * (cell + gap));
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
    let painter = ui.painter_at(rect);
    let empty = ui.visuals().faint_bg_color;
    let full = theme::right(ui);
    let mut hovered = None;
    for (i, d) in days.iter().enumerate() {
        let (col, row) = (i / 7, i % 7);
        let min = rect.min + egui::vec2(col as f32 * (cell + gap), row as f32 * (cell + gap));
        let r = egui::Rect::from_min_size(min, egui::vec2(cell, cell));
        let color = if d.reviews == 0 {
            empty
        } else {
            let t = 0.25 + 0.75 * (d.reviews as f32 / max as f32);
            Color32::from_rgba_unmultiplied(full.r(), full.g(), full.b(), (t * 255.0) as u8)
        };
        painter.rect_filled(r, 2.0, color);
        if response.hover_pos().is_some_and(|p| r.contains(p)) {
            hovered = Some(d);
        }
    }
    if let Some(d) = hovered {
        let date = chrono::DateTime::from_timestamp(d.day * 86_400, 0)
            .map(|t| t.format("%Y-%m-%d").to_string())
            .unwrap_or_default();
        response.on_hover_text(format!("{date}: {} reviews, {} right", d.reviews, d.right));
    }
}
