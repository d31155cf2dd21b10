//! The review screen's question: the prompt, the source line, and the answer control for the
//! mode (choices, typed field, verdict buttons, order list, source picker, "show answer"), each
//! with its keys.

use egui::{Key, Modifiers, RichText, Ui};

use super::evidence::short_outlet;
use super::{theme, widgets};
use crate::deck::{Answer, Deck, Verdict};
use crate::quiz::{Mode, Response};
use crate::study::{Collection, Current};

/// What the user is entering for the question on screen.
#[derive(Debug, Default)]
pub struct Input {
    pub text: String,
    /// Order questions: the events in the user's current order (indexes into the right order).
    pub order: Vec<usize>,
    pub selected: usize,
    /// Source-said questions: the source picked for each figure.
    pub picks: Vec<Option<usize>>,
    serial: u64,
    focus_done: bool,
}

impl Input {
    /// Resets the input when a new question is shown.
    pub fn follow(&mut self, cur: &Current) {
        if self.serial != cur.serial {
            *self = Input {
                order: cur.question.events.clone(),
                picks: vec![None; cur.question.figures.len()],
                serial: cur.serial,
                ..Input::default()
            };
        }
    }
}

const CHOICE_KEYS: [(Key, Key, &str); 4] = [
    (Key::Num1, Key::A, "1"),
    (Key::Num2, Key::B, "2"),
    (Key::Num3, Key::C, "3"),
    (Key::Num4, Key::D, "4"),
];

const NUMBER_KEYS: [Key; 9] = [
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

fn pressed(ui: &Ui, key: Key) -> bool {
    ui.input_mut(|i| i.consume_key(Modifiers::NONE, key))
}

/// The source line: which articles the card rests on.
pub fn source_line<C, L>(ui: &mut Ui, deck: &Deck<C, L>, card: &crate::deck::Card) {
    let mut seen = Vec::new();
    for e in &card.evidence {
        if let Some(s) = deck.source(&e.source)
            && !seen.contains(&s.id)
        {
            seen.push(s.id.clone());
        }
    }
    let text: Vec<String> = seen
        .iter()
        .filter_map(|id| deck.source(id))
        .map(|s| match short_outlet(s) {
            "" => format!("{} ({})", s.title, s.date_text()),
            outlet => format!("{} ({outlet}, {})", s.title, s.date_text()),
        })
        .collect();
    ui.add(
        egui::Label::new(
            RichText::new(format!("Source: {}", text.join("; "))).color(theme::muted(ui)),
        )
        .wrap(),
    );
}

/// Draws the question and returns the response once the user gives one.
pub fn show(ui: &mut Ui, coll: &Collection, cur: &Current, input: &mut Input) -> Option<Response> {
    let (deck, card) = widgets::card_or_error(ui, coll, cur.slot)?;
    ui.label(
        RichText::new(format!("{} · {}", deck.deck.title, card.kind.name()))
            .color(theme::muted(ui)),
    );
    widgets::prompt(ui, &cur.question.prompt);
    source_line(ui, &deck.deck, &card);
    ui.add_space(12.0);
    let typing = ui.ctx().egui_wants_keyboard_input();
    match cur.question.mode {
        Mode::Choice => choices(ui, &cur.question.choices, typing).map(Response::Choice),
        Mode::Verdict => choices(ui, &cur.question.choices, typing)
            .and_then(|i| Verdict::ALL.get(i).copied())
            .map(Response::Verdict),
        Mode::Typed => typed(ui, input),
        Mode::Order => match &card.answer {
            Answer::Order(events) => order(ui, events, input, typing),
            _ => None,
        },
        Mode::SourceSaid => source_said(ui, cur, input, typing),
        Mode::ShowAnswer => show_answer(ui, typing),
    }
}

/// "Show answer" mode: recall it, then Space (or Enter) shows the answer to grade yourself by.
fn show_answer(ui: &mut Ui, typing: bool) -> Option<Response> {
    ui.label(
        RichText::new("Recall the answer, then show it and grade yourself.")
            .color(theme::muted(ui)),
    );
    ui.add_space(6.0);
    let clicked = widgets::primary_button(ui, "Space", "Show answer").clicked();
    let key = !typing && (pressed(ui, Key::Space) || pressed(ui, Key::Enter));
    (clicked || key).then_some(Response::Revealed)
}

fn choices(ui: &mut Ui, choices: &[String], typing: bool) -> Option<usize> {
    let mut picked = None;
    for (i, choice) in choices.iter().enumerate() {
        let (k1, k2, label) = CHOICE_KEYS
            .get(i)
            .copied()
            .unwrap_or((Key::Num9, Key::Z, "?"));
        let letter = (b'A' + i as u8) as char;
        let button =
            egui::Button::new(RichText::new(format!("[{label}/{letter}]  {choice}")).size(18.0))
                .min_size(egui::vec2(ui.available_width(), 40.0))
                .wrap();
        if ui.add(button).clicked() {
            picked = Some(i);
        }
        ui.add_space(4.0);
        if !typing && (pressed(ui, k1) || pressed(ui, k2)) {
            picked = Some(i);
        }
    }
    picked
}

fn typed(ui: &mut Ui, input: &mut Input) -> Option<Response> {
    let edit = egui::TextEdit::singleline(&mut input.text)
        .hint_text("Type your answer, then press Enter")
        .desired_width(ui.available_width())
        .font(egui::TextStyle::Heading);
    let r = ui.add(edit);
    if !input.focus_done {
        r.request_focus();
        input.focus_done = true;
    }
    let enter = r.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
    ui.add_space(6.0);
    let clicked = widgets::primary_button(ui, "Enter", "Check my answer").clicked();
    if (enter || clicked) && !input.text.trim().is_empty() {
        return Some(Response::Text(input.text.clone()));
    }
    if enter {
        r.request_focus();
    }
    None
}

fn order(
    ui: &mut Ui,
    events: &[crate::deck::Text],
    input: &mut Input,
    typing: bool,
) -> Option<Response> {
    ui.label("Put the events in order, earliest first. Up/Down select an event, Shift+Up/Down move it, Enter checks.");
    let n = input.order.len();
    if n == 0 {
        return None;
    }
    input.selected = input.selected.min(n - 1);
    if !typing {
        if ui.input_mut(|i| i.consume_key(Modifiers::SHIFT, Key::ArrowUp)) && input.selected > 0 {
            input.order.swap(input.selected, input.selected - 1);
            input.selected -= 1;
        } else if ui.input_mut(|i| i.consume_key(Modifiers::SHIFT, Key::ArrowDown))
            && input.selected + 1 < n
        {
            input.order.swap(input.selected, input.selected + 1);
            input.selected += 1;
        } else if pressed(ui, Key::ArrowUp) {
            input.selected = input.selected.saturating_sub(1);
        } else if pressed(ui, Key::ArrowDown) {
            input.selected = (input.selected + 1).min(n - 1);
        }
    }
    let mut swap = None;
    for pos in 0..n {
        let event = events.get(input.order[pos]).map_or("", |e| e.as_str());
        ui.horizontal(|ui| {
            if ui
                .add_enabled(pos > 0, egui::Button::new("Up"))
                .on_hover_text("Move up (Shift+Up)")
                .clicked()
            {
                swap = Some((pos, pos - 1));
            }
            if ui
                .add_enabled(pos + 1 < n, egui::Button::new("Down"))
                .on_hover_text("Move down (Shift+Down)")
                .clicked()
            {
                swap = Some((pos, pos + 1));
            }
            let text = RichText::new(format!("{}. {event}", pos + 1)).size(17.0);
            if ui.selectable_label(input.selected == pos, text).clicked() {
                input.selected = pos;
            }
        });
    }
    if let Some((a, b)) = swap {
        input.order.swap(a, b);
        input.selected = b;
    }
    ui.add_space(6.0);
    let go = widgets::primary_button(ui, "Enter", "Check the order").clicked()
        || (!typing && pressed(ui, Key::Enter));
    go.then(|| Response::Order(input.order.clone()))
}

fn source_said(ui: &mut Ui, cur: &Current, input: &mut Input, typing: bool) -> Option<Response> {
    let q = &cur.question;
    ui.label("Which article gave each figure? Up/Down choose a figure, a number key picks its article, Enter checks.");
    let n = q.figures.len();
    if n == 0 {
        return None;
    }
    input.selected = input.selected.min(n - 1);
    if !typing {
        if pressed(ui, Key::ArrowUp) {
            input.selected = input.selected.saturating_sub(1);
        } else if pressed(ui, Key::ArrowDown) {
            input.selected = (input.selected + 1).min(n - 1);
        }
        for (k, key) in NUMBER_KEYS.iter().enumerate().take(q.sources.len()) {
            if pressed(ui, *key) {
                input.picks[input.selected] = Some(k);
                input.selected = (input.selected + 1).min(n - 1);
            }
        }
    }
    for (fi, figure) in q.figures.iter().enumerate() {
        let frame = egui::Frame::group(ui.style()).stroke(if input.selected == fi {
            ui.visuals().selection.stroke
        } else {
            ui.visuals().widgets.noninteractive.bg_stroke
        });
        frame.show(ui, |ui| {
            ui.set_width(ui.available_width());
            if ui
                .label(RichText::new(figure).strong().size(17.0))
                .clicked()
            {
                input.selected = fi;
            }
            for (si, (_, label)) in q.sources.iter().enumerate() {
                let on = input.picks[fi] == Some(si);
                if ui.radio(on, format!("[{}]  {label}", si + 1)).clicked() {
                    input.picks[fi] = Some(si);
                    input.selected = fi;
                }
            }
        });
    }
    let ready = input.picks.iter().all(Option::is_some);
    ui.add_space(6.0);
    let clicked = ui
        .add_enabled(
            ready,
            egui::Button::new(RichText::new("[Enter]  Check").strong()),
        )
        .on_disabled_hover_text("Pick an article for every figure first")
        .clicked();
    let go = clicked || (ready && !typing && pressed(ui, Key::Enter));
    go.then(|| {
        Response::Sources(
            input
                .picks
                .iter()
                .map(|p| {
                    p.and_then(|i| q.sources.get(i))
                        .map(|(id, _)| id.clone())
                        .unwrap_or_default()
                })
                .collect(),
        )
    })
}
