//! How the reading view marks its text: each kind of candidate fact a tint of its own (in
//! the light and the dark theme), a passage that already backs a card underlined, the search
//! hits, the evidence passage it was opened at, and the selection, drawn over one another in
//! that order.

use std::ops::Range;

use egui::{Color32, Stroke, Ui};

use super::page::Span;
use crate::article::facts::{Fact, FactKind, within};

fn pick(ui: &Ui, light: Color32, dark: Color32) -> Color32 {
    if ui.visuals().dark_mode { dark } else { light }
}

/// The tint of a kind of fact.
pub fn fact_color(ui: &Ui, kind: FactKind) -> Color32 {
    let (light, dark) = match kind {
        FactKind::Date => ((0xcf, 0xe3, 0xff), (0x1f, 0x3d, 0x66)),
        FactKind::Figure => ((0xff, 0xdd, 0xb8), (0x66, 0x40, 0x14)),
        FactKind::Person => ((0xc9, 0xf0, 0xcf), (0x1d, 0x52, 0x2a)),
        FactKind::Place => ((0xc4, 0xee, 0xee), (0x14, 0x4f, 0x52)),
        FactKind::Name => ((0xe8, 0xdc, 0xf7), (0x44, 0x2e, 0x5e)),
    };
    pick(
        ui,
        Color32::from_rgb(light.0, light.1, light.2),
        Color32::from_rgb(dark.0, dark.1, dark.2),
    )
}

/// The underline of a passage that backs a card.
pub fn backed_stroke(ui: &Ui) -> Stroke {
    Stroke::new(2.0, super::super::theme::right(ui))
}

fn search_color(ui: &Ui, current: bool) -> Color32 {
    if current {
        pick(
            ui,
            Color32::from_rgb(0xff, 0xb3, 0x47),
            Color32::from_rgb(0xb3, 0x6b, 0x00),
        )
    } else {
        pick(
            ui,
            Color32::from_rgb(0xff, 0xee, 0x99),
            Color32::from_rgb(0x6b, 0x5a, 0x10),
        )
    }
}

/// The highlight of the evidence passage the view was opened at.
pub fn target_color(ui: &Ui) -> Color32 {
    pick(
        ui,
        Color32::from_rgb(0xff, 0xe0, 0x4d),
        Color32::from_rgb(0x80, 0x6a, 0x00),
    )
}

/// The colours of the marks, for the theme on screen.
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    facts: [Color32; 5],
    backed: Stroke,
    hit: Color32,
    current_hit: Color32,
    target: Color32,
    selection: Color32,
}

impl Palette {
    pub fn of(ui: &Ui) -> Palette {
        Palette {
            facts: FactKind::ALL.map(|k| fact_color(ui, k)),
            backed: backed_stroke(ui),
            hit: search_color(ui, false),
            current_hit: search_color(ui, true),
            target: target_color(ui),
            selection: ui.visuals().selection.bg_fill,
        }
    }

    fn fact(&self, kind: FactKind) -> Color32 {
        let i = FactKind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
        self.facts[i]
    }
}

/// What is marked in the text, to draw a paragraph's spans from.
pub struct Marks<'a> {
    pub palette: Palette,
    pub facts: &'a [Fact],
    pub backed: &'a [Range<usize>],
    pub hits: &'a [Range<usize>],
    pub current_hit: Option<usize>,
    pub target: Option<&'a Range<usize>>,
    pub selection: Option<Range<usize>>,
}

impl Marks<'_> {
    /// The spans of `para`, in drawing order.
    pub fn spans(&self, para: Range<usize>) -> Vec<Span> {
        let p = &self.palette;
        let meets = |r: &Range<usize>| r.start < para.end && r.end > para.start;
        let span = |r: &Range<usize>, background: Color32, underline: Stroke| Span {
            range: (r.start, r.end),
            background,
            underline,
        };
        let mut out: Vec<Span> = within(self.facts, para.clone())
            .iter()
            .map(|f| span(&f.range, p.fact(f.kind), Stroke::NONE))
            .collect();
        out.extend(
            self.backed
                .iter()
                .filter(|r| meets(r))
                .map(|r| span(r, Color32::TRANSPARENT, p.backed)),
        );
        let from = self.hits.partition_point(|h| h.end <= para.start);
        for (k, h) in self.hits[from..]
            .iter()
            .enumerate()
            .take_while(|(_, h)| h.start < para.end)
        {
            let color = if self.current_hit == Some(from + k) {
                p.current_hit
            } else {
                p.hit
            };
            out.push(span(h, color, Stroke::NONE));
        }
        if let Some(t) = self.target.filter(|t| meets(t)) {
            out.push(span(t, p.target, Stroke::NONE));
        }
        if let Some(s) = self.selection.as_ref().filter(|s| meets(s)) {
            out.push(span(s, p.selection, Stroke::NONE));
        }
        out
    }
}
