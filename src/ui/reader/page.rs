//! The article's text in the reading view: its paragraphs wrapped to the column, laid out
//! once for their heights (again when the width changes), and only the paragraphs in view
//! drawn each frame, with their marks as backgrounds and underlines. So a long article
//! scrolls as fast as a short one. Positions on screen map to offsets of the text (and
//! back) through the galleys drawn, for clicks, selection and scrolling to a passage.

use std::ops::Range;
use std::sync::Arc;

use egui::text::{CCursor, LayoutJob, TextFormat};
use egui::{Color32, FontId, Galley, Pos2, Rect, Sense, Stroke, Ui, Vec2};

use crate::article::ArticleFormat;

/// Space between paragraphs.
const GAP: f32 = 10.0;
/// The reading text's size, and a markdown heading's.
const BODY: f32 = 16.0;
const HEADING: f32 = 20.0;

/// How a span of the text is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Span {
    pub range: (usize, usize),
    pub background: Color32,
    pub underline: Stroke,
}

/// What the pointer did on the text this frame, as offsets of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pointer {
    /// A drag began: where it was pressed, and where the pointer is.
    Pressed(usize, usize),
    /// Dragged to here.
    Dragged(usize),
    /// Clicked here without dragging.
    Clicked(usize),
}

/// The paragraphs and their layout.
pub struct Page {
    pub paragraphs: Vec<Range<usize>>,
    headings: Vec<bool>,
    width: f32,
    tops: Vec<f32>,
    total: f32,
    /// The paragraphs drawn in the last frame: which, where, and their galleys.
    drawn: Vec<(usize, Rect, Arc<Galley>)>,
}

impl Page {
    /// The paragraphs of an article's text: each line of an HTML page's text; the blocks of a
    /// text file between empty lines (a line of a block that starts a list item or heading
    /// stays a paragraph of its own).
    pub fn new(text: &str, format: ArticleFormat) -> Page {
        let mut paragraphs: Vec<Range<usize>> = Vec::new();
        let mut at = 0;
        let mut joinable = false;
        for line in text.split('\n') {
            let range = at..at + line.len();
            at += line.len() + 1;
            let trimmed = line.trim();
            if trimmed.is_empty() {
                joinable = false;
                continue;
            }
            let starts_block = trimmed.starts_with(['#', '-', '*', '>', '|'])
                || trimmed
                    .split_once(". ")
                    .is_some_and(|(n, _)| n.bytes().all(|b| b.is_ascii_digit()));
            match paragraphs.last_mut() {
                Some(last) if joinable && format == ArticleFormat::Text && !starts_block => {
                    last.end = range.end;
                }
                _ => paragraphs.push(range),
            }
            joinable = !trimmed.starts_with('#');
        }
        let headings = paragraphs
            .iter()
            .map(|p| text[p.clone()].trim_start().starts_with('#'))
            .collect();
        Page {
            paragraphs,
            headings,
            width: 0.0,
            tops: Vec::new(),
            total: 0.0,
            drawn: Vec::new(),
        }
    }

    /// The paragraph that holds offset `at` (or the one after it).
    pub fn paragraph_of(&self, at: usize) -> usize {
        self.paragraphs
            .partition_point(|p| p.end < at)
            .min(self.paragraphs.len().saturating_sub(1))
    }

    /// The layout job of paragraph `i`, with `spans` (text offsets; later ones drawn over
    /// earlier ones).
    fn job(&self, ui: &Ui, text: &str, i: usize, spans: &[Span]) -> LayoutJob {
        let range = self.paragraphs[i].clone();
        // A line break inside a paragraph is shown as the space it reads as (one byte too).
        let shown = text[range.clone()].replace('\n', " ");
        let size = if self.headings[i] { HEADING } else { BODY };
        let base = TextFormat {
            font_id: FontId::proportional(size),
            color: ui.visuals().text_color(),
            ..TextFormat::default()
        };
        let mut cuts = vec![0, shown.len()];
        for s in spans {
            for edge in [s.range.0, s.range.1] {
                if edge > range.start && edge < range.end {
                    cuts.push(edge - range.start);
                }
            }
        }
        cuts.sort_unstable();
        cuts.dedup();
        let mut job = LayoutJob::default();
        job.wrap.max_width = self.width;
        for pair in cuts.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            if !shown.is_char_boundary(a) || !shown.is_char_boundary(b) {
                continue;
            }
            let mut format = base.clone();
            for s in spans {
                if s.range.0 <= range.start + a && range.start + b <= s.range.1 {
                    if s.background != Color32::TRANSPARENT {
                        format.background = s.background;
                    }
                    if s.underline.width > 0.0 {
                        format.underline = s.underline;
                    }
                }
            }
            job.append(&shown[a..b], 0.0, format);
        }
        job
    }

    /// Lays every paragraph out at `width` for its height, unless that was done at this width.
    pub fn lay_out(&mut self, ui: &Ui, text: &str, width: f32) {
        if (self.width - width).abs() < 0.5 && self.tops.len() == self.paragraphs.len() {
            return;
        }
        self.width = width;
        self.tops.clear();
        let mut y = 0.0;
        for i in 0..self.paragraphs.len() {
            self.tops.push(y);
            let galley = ui.fonts_mut(|f| f.layout_job(self.job(ui, text, i, &[])));
            y += galley.size().y + GAP;
        }
        self.total = y;
    }

    /// The top of the paragraph that holds offset `at`, and of its row, in the page.
    pub fn y_of(&self, ui: &Ui, text: &str, at: usize) -> f32 {
        let i = self.paragraph_of(at);
        let Some(top) = self.tops.get(i) else {
            return 0.0;
        };
        let galley = ui.fonts_mut(|f| f.layout_job(self.job(ui, text, i, &[])));
        let chars = char_index(
            &text[self.paragraphs[i].clone()],
            at.saturating_sub(self.paragraphs[i].start),
        );
        top + galley.pos_from_cursor(CCursor::new(chars)).min.y
    }

    /// Draws the paragraphs in `viewport` (page coordinates) at `origin`, each with the spans
    /// `spans_of` gives for its range; what the pointer did on the text.
    pub fn draw(
        &mut self,
        ui: &mut Ui,
        text: &str,
        viewport: Rect,
        spans_of: &dyn Fn(Range<usize>) -> Vec<Span>,
    ) -> Option<Pointer> {
        let origin = ui.max_rect().min;
        let whole = Rect::from_min_size(origin, Vec2::new(self.width, self.total.max(1.0)));
        let response = ui.allocate_rect(whole, Sense::click_and_drag());
        response.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::accesskit::Role::Document,
                true,
                "Article text: click a marked fact, or drag over words, to make a card",
            )
        });
        self.drawn.clear();
        let first = self
            .tops
            .partition_point(|t| *t < viewport.min.y)
            .saturating_sub(1);
        for i in first..self.paragraphs.len() {
            let top = self.tops[i];
            if top > viewport.max.y {
                break;
            }
            let spans = spans_of(self.paragraphs[i].clone());
            let galley = ui.fonts_mut(|f| f.layout_job(self.job(ui, text, i, &spans)));
            let rect = Rect::from_min_size(origin + Vec2::new(0.0, top), galley.size());
            ui.painter()
                .galley(rect.min, Arc::clone(&galley), ui.visuals().text_color());
            self.drawn.push((i, rect, galley));
        }
        let pos = response.interact_pointer_pos()?;
        let at = self.offset_at(text, pos)?;
        if response.drag_started() {
            // A drag is known once the pointer has moved: it began where it was pressed.
            let origin = ui.input(|i| i.pointer.press_origin()).unwrap_or(pos);
            Some(Pointer::Pressed(self.offset_at(text, origin)?, at))
        } else if response.dragged() {
            Some(Pointer::Dragged(at))
        } else if response.clicked() {
            Some(Pointer::Clicked(at))
        } else {
            None
        }
    }

    /// The offset of the text under `pos`, among the paragraphs drawn last.
    pub fn offset_at(&self, text: &str, pos: Pos2) -> Option<usize> {
        let (i, rect, galley) = self
            .drawn
            .iter()
            .find(|(_, r, _)| pos.y < r.max.y + GAP / 2.0)
            .or(self.drawn.last())?;
        let cursor = galley.cursor_from_pos(pos - rect.min);
        let range = &self.paragraphs[*i];
        Some(range.start + byte_index(&text[range.clone()], cursor.index.0))
    }

    /// Where `range` of the text is on screen, if it was drawn last frame (its first row's
    /// part when it wraps).
    pub fn range_rect(&self, text: &str, range: Range<usize>) -> Option<Rect> {
        let (i, rect, galley) = self.drawn.iter().find(|(i, _, _)| {
            let p = &self.paragraphs[*i];
            p.start <= range.start && range.start < p.end.max(p.start + 1)
        })?;
        let p = &self.paragraphs[*i];
        let para = &text[p.clone()];
        let a = galley.pos_from_cursor(CCursor::new(char_index(para, range.start - p.start)));
        let end = range.end.min(p.end) - p.start;
        let b = galley.pos_from_cursor(CCursor::new(char_index(para, end)));
        let right = if (b.min.y - a.min.y).abs() < 1.0 {
            b.max.x
        } else {
            rect.width()
        };
        Some(Rect::from_min_max(a.min, Pos2::new(right, a.max.y)).translate(rect.min.to_vec2()))
    }

    /// The page's height.
    pub fn height(&self) -> f32 {
        self.total
    }
}

/// The character index of byte `at` of `s`.
fn char_index(s: &str, at: usize) -> usize {
    s.char_indices().take_while(|(b, _)| *b < at).count()
}

/// The byte offset of character `n` of `s`.
fn byte_index(s: &str, n: usize) -> usize {
    s.char_indices().nth(n).map_or(s.len(), |(b, _)| b)
}
