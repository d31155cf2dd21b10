//! "Try it" in the editor: the card being edited, run through the quiz engine against a typed
//! answer, with what the quiz would say.

use egui::{RichText, Ui};

use super::super::theme;
use crate::deck::draft::DeckDraft;
use crate::deck::{Deck, Library};
use crate::quiz::check::response_from_text;
use crate::quiz::{Question, QuizIndex, check};
use crate::study::Collection;

/// "Try it": the card as the quiz would check it, against a typed answer.
pub fn try_it(
    ui: &mut Ui,
    coll: &Collection,
    deck: &Deck,
    d: &DeckDraft,
    i: usize,
    text: &mut String,
    result: &mut Option<(bool, String)>,
) {
    ui.horizontal(|ui| {
        let l = ui.label("Try an answer:");
        let r = ui
            .add(
                egui::TextEdit::singleline(text)
                    .hint_text("type it, then Enter")
                    .desired_width(320.0),
            )
            .labelled_by(l.id);
        let enter = r.lost_focus() && ui.input(|inp| inp.key_pressed(egui::Key::Enter));
        if ui.button("Try it").clicked() || enter {
            *result = Some(try_card(coll, deck, d, i, text));
        }
    });
    if let Some((ok, why)) = result {
        let color = if *ok {
            theme::right(ui)
        } else {
            theme::wrong(ui)
        };
        ui.add(egui::Label::new(RichText::new(why.as_str()).color(color)).wrap());
    }
}

fn try_card(coll: &Collection, deck: &Deck, d: &DeckDraft, i: usize, text: &str) -> (bool, String) {
    let Some(card) = d
        .cards
        .get(i)
        .and_then(|f| deck.cards.iter().find(|c| c.id == f.id))
    else {
        return (false, "Fix this card's problems first.".into());
    };
    let mut lib: Library = coll.library().clone();
    lib.decks.retain(|x| x.deck.id != deck.id);
    lib.add_text(
        &crate::deck::load::to_ron(deck),
        "draft",
        crate::deck::DeckOrigin::Named("draft".into()),
    );
    let response = match response_from_text(&card.answer, text) {
        Ok(r) => r,
        Err(e) => return (false, e),
    };
    let question = Question::typed(deck, card);
    let checked =
        QuizIndex::build(&lib).and_then(|ix| check(&lib, &ix, deck, card, &question, &response));
    let o = match checked {
        Ok(o) => o,
        Err(e) => return (false, e.to_string()),
    };
    let mut why = format!(
        "{}: {}",
        if o.correct {
            "Accepted"
        } else {
            "Not accepted"
        },
        o.reading
    );
    if let Some(n) = &o.note {
        why.push_str(&format!(". {n}"));
    }
    (o.correct, why)
}
