//! The statistics screen's calibration: for each confidence (sure, think so, guessing), how
//! often the answers were right, as a chart against the diagonal a calibrated learner would
//! follow, for all cards and for one group picked (disputed figures first; a kind; a claim
//! status), with the figures in a table and one sentence on what they say.

use egui::{RichText, Ui};
use egui_plot::{Line, LineStyle, MarkerShape, Plot, Points};

use super::theme;
use crate::quiz::Confidence;
use crate::stats::calibration::{Calibration, CalibrationFigures};

/// The group shown beside all cards.
pub const DISPUTED_FIGURES: &str = "Disputed figures";

/// The groups to pick from, with their figures: disputed figures, each kind, each claim status.
fn groups(c: &CalibrationFigures) -> Vec<(String, &Calibration)> {
    let mut out = vec![(DISPUTED_FIGURES.to_string(), &c.disputed_figures)];
    for g in &c.by_kind {
        out.push((format!("{} cards", g.name), &g.calibration));
    }
    for g in &c.by_status {
        let name = if g.name == "no claim" {
            "Cards about no claim".to_string()
        } else {
            format!("Claims {}", g.name)
        };
        out.push((name, &g.calibration));
    }
    out
}

/// "78% of 40", or "–" without answers.
fn cell(c: &Calibration, level: Confidence) -> String {
    let l = c.level(level);
    l.rate().map_or("–".into(), |r| {
        format!("{:.0}% of {}", r * 100.0, l.answers)
    })
}

/// One sentence on the answers of a group (`None`: all cards) given "sure".
fn verdict(c: &Calibration, group: Option<&str>) -> String {
    let sure = c.level(Confidence::Sure);
    let expected = Confidence::Sure.expected();
    let (none, when) = match group {
        None => (
            "No answer given as \"sure\" yet.".to_string(),
            "When sure".to_string(),
        ),
        Some(g) => (
            format!("{g}: no answer given as \"sure\" yet."),
            format!("{g}: when sure"),
        ),
    };
    match sure.rate() {
        None => none,
        Some(r) => {
            let word = if r < expected - 0.10 {
                "overconfident"
            } else if r > expected + 0.04 {
                "underconfident, if anything"
            } else {
                "well calibrated"
            };
            format!(
                "{when}, you were right {:.0}% of the time ({} answers); a calibrated learner is right about {:.0}% of the time when sure: {word}.",
                r * 100.0,
                sure.answers,
                expected * 100.0
            )
        }
    }
}

/// The points of a group: (how sure, share right) for each confidence with answers.
fn points(c: &Calibration) -> Vec<[f64; 2]> {
    let mut p: Vec<[f64; 2]> = c
        .levels
        .iter()
        .filter_map(|l| Some([f64::from(l.confidence.expected()), f64::from(l.rate()?)]))
        .collect();
    p.sort_by(|a, b| a[0].total_cmp(&b[0]));
    p
}

/// Draws the section; `picked` is the group shown beside all cards.
pub fn show(ui: &mut Ui, c: &CalibrationFigures, picked: &mut String) {
    ui.label(
        RichText::new("Calibration: how often you were right when sure, thinking so or guessing")
            .strong(),
    );
    if c.all.answers() == 0 {
        ui.label("No answer with a confidence yet: say how sure you are (keys Q, W, E) before an answer shows.");
        return;
    }
    let groups = groups(c);
    if !groups.iter().any(|(n, _)| n == picked) {
        *picked = DISPUTED_FIGURES.to_string();
    }
    ui.horizontal(|ui| {
        let l = ui.label("Beside all cards:");
        egui::ComboBox::from_id_salt("calibration-group")
            .selected_text(picked.as_str())
            .show_ui(ui, |ui| {
                for (name, _) in &groups {
                    ui.selectable_value(picked, name.clone(), name);
                }
            })
            .response
            .labelled_by(l.id);
    });
    let group = groups
        .iter()
        .find(|(n, _)| n == picked)
        .map(|(_, g)| *g)
        .unwrap_or(&c.disputed_figures);
    let (all_color, group_color) = (theme::right(ui), theme::warn(ui));
    let muted = theme::muted(ui);
    Plot::new("calibration")
        .height(230.0)
        .width(ui.available_width().min(380.0))
        .include_x(0.0)
        .include_x(1.0)
        .include_y(0.0)
        .include_y(1.0)
        .allow_scroll(false)
        .allow_zoom(false)
        .allow_drag(false)
        .x_axis_label("how sure you said you were")
        .y_axis_label("share right")
        .x_axis_formatter(|m, _| format!("{:.0}%", m.value * 100.0))
        .y_axis_formatter(|m, _| format!("{:.0}%", m.value * 100.0))
        .show_crosshair(false)
        .show(ui, |p| {
            p.line(
                Line::new("calibrated", vec![[0.0, 0.0], [1.0, 1.0]])
                    .color(muted)
                    .style(LineStyle::dashed_loose()),
            );
            for (name, cal, color, shape) in [
                ("All cards", &c.all, all_color, MarkerShape::Circle),
                (picked.as_str(), group, group_color, MarkerShape::Diamond),
            ] {
                let pts = points(cal);
                p.line(Line::new(name, pts.clone()).color(color));
                p.points(Points::new(name, pts).color(color).shape(shape).radius(5.0));
            }
        });
    ui.label(
        RichText::new(
            "Each point: the answers given sure (placed at 95%), thinking so (70%) or guessing (35%), and the share of them right; green all cards, orange the group picked. Below the dashed line: more sure than right.",
        )
        .color(muted),
    );
    egui::Grid::new("calibration-table")
        .striped(true)
        .num_columns(4)
        .spacing([14.0, 4.0])
        .show(ui, |ui| {
            ui.label("");
            for level in Confidence::ALL {
                ui.label(RichText::new(level.label()).strong());
            }
            ui.end_row();
            for (name, cal, color) in [
                ("All cards", &c.all, all_color),
                (picked.as_str(), group, group_color),
            ] {
                ui.label(RichText::new(name).color(color).strong());
                for level in Confidence::ALL {
                    ui.label(cell(cal, level));
                }
                ui.end_row();
            }
        });
    ui.add(egui::Label::new(verdict(&c.all, None)).wrap());
    ui.add(egui::Label::new(verdict(group, Some(picked.as_str()))).wrap());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_and_verdicts_read_the_figures() {
        let mut c = Calibration::default();
        assert_eq!(cell(&c, Confidence::Sure), "–");
        assert!(verdict(&c, None).starts_with("No answer"));
        assert!(verdict(&c, Some("Who cards")).starts_with("Who cards: no answer"));
        c.levels[0].answers = 40;
        c.levels[0].right = 31;
        assert_eq!(cell(&c, Confidence::Sure), "78% of 40");
        assert!(
            verdict(&c, None).ends_with("overconfident."),
            "{}",
            verdict(&c, None)
        );
        assert!(
            verdict(&c, Some("Who cards")).starts_with("Who cards: when sure, you were right 78%")
        );
        c.levels[0].right = 38;
        assert!(verdict(&c, None).ends_with("well calibrated."));
        assert_eq!(
            points(&c),
            vec![[f64::from(0.95f32), f64::from(38.0f32 / 40.0)]]
        );
    }
}
