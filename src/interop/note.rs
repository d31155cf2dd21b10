//! A note of Anki's and the cards it makes: Basic notes one (front -> back), "Basic (and
//! reversed card)" two, "Basic (optional reversed card)" a second when its third field is
//! filled, Cloze notes one per cloze number, and other note types one per card template (the
//! fields the template's front shows as the prompt, those only its back shows as the answer).
//! Card numbers (`ord`) are Anki's, so that a card keeps its id from export to export.

use std::sync::Arc;

use super::cloze::Cloze;
use super::html::{Plain, html_to_text, plain_text};

/// What kind of note type a note has.
#[derive(Debug, Clone, PartialEq)]
pub enum NoteKind {
    Basic,
    Reversed,
    OptionalReversed,
    Cloze,
    /// A note type of the user's: its card templates, as the fields each shows.
    Custom(Vec<Template>),
}

/// One card template: the fields its front shows, and those only its back shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Template {
    pub front: Vec<usize>,
    pub back: Vec<usize>,
}

impl NoteKind {
    /// The kind of one of Anki's stock note types, by the name a text export gives
    /// (anything else reads as Basic: the first field asks, the second answers).
    pub fn by_name(name: &str) -> NoteKind {
        let n = name.trim().to_lowercase();
        if n.starts_with("cloze") {
            NoteKind::Cloze
        } else if n.contains("optional reversed") {
            NoteKind::OptionalReversed
        } else if n.contains("and reversed") {
            NoteKind::Reversed
        } else {
            NoteKind::Basic
        }
    }
}

impl Template {
    /// A template from its front and back formats (`{{Front}}`, `{{FrontSide}}<hr
    /// id=answer>{{Back}}`), given the note type's field names.
    pub fn from_formats(front: &str, back: &str, fields: &[String]) -> Template {
        // `{{type:Back}}` on the front is a box to type into, not a field shown; on the back it
        // shows the answer.
        let on_front = field_refs(front, fields, false);
        let back = field_refs(back, fields, true)
            .into_iter()
            .filter(|f| !on_front.contains(f))
            .collect();
        Template {
            front: on_front,
            back,
        }
    }
}

/// The fields a template format shows, in order, once each: `{{Name}}`, `{{text:Name}}`, and
/// with `typed` `{{type:Name}}`; sections (`{{#Name}}`, `{{/Name}}`) and `{{FrontSide}}` are
/// not shown fields.
fn field_refs(format: &str, fields: &[String], typed: bool) -> Vec<usize> {
    let mut out = Vec::new();
    let mut rest = format;
    while let Some(i) = rest.find("{{") {
        let Some(end) = rest[i..].find("}}") else {
            break;
        };
        let tag = rest[i + 2..i + end].trim();
        rest = &rest[i + end + 2..];
        if tag.starts_with(['#', '^', '/', '!']) || (!typed && tag.starts_with("type:")) {
            continue;
        }
        let name = tag.rsplit(':').next().unwrap_or(tag).trim();
        if let Some(f) = fields.iter().position(|n| n.eq_ignore_ascii_case(name))
            && !out.contains(&f)
        {
            out.push(f);
        }
    }
    out
}

/// A note, as an export or a package gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    /// Anki's id for the note, the same in every export.
    pub guid: String,
    pub kind: Arc<NoteKind>,
    /// The fields, HTML when `html`.
    pub fields: Vec<String>,
    pub html: bool,
    pub tags: Vec<String>,
    /// The deck, with Anki's "::" between a parent and its child.
    pub deck: String,
    /// Where it is, for messages: "file.txt:12" or "note 1651234567890".
    pub at: String,
}

/// A card a note makes, as text.
#[derive(Debug, Clone, PartialEq)]
pub struct MadeCard {
    /// Anki's card number: the template's, or the cloze number less one.
    pub ord: u32,
    pub prompt: String,
    pub answer: String,
    /// The note's other fields, shown after the answer.
    pub extra: String,
    /// Images and sounds it had, which are not imported.
    pub media: usize,
}

impl Note {
    fn field(&self, i: usize) -> Plain {
        self.as_text(self.fields.get(i).map_or("", String::as_str))
    }

    /// Text of the note's (HTML or plain) as the text shown.
    fn as_text(&self, raw: &str) -> Plain {
        if self.html {
            html_to_text(raw)
        } else {
            plain_text(raw)
        }
    }

    fn join(&self, fields: impl IntoIterator<Item = usize>) -> Plain {
        let mut out = Plain::default();
        for f in fields {
            let p = self.field(f);
            if !p.text.is_empty() {
                if !out.text.is_empty() {
                    out.text.push('\n');
                }
                out.text.push_str(&p.text);
            }
            out.media += p.media;
        }
        out
    }

    /// The card numbers the note makes, as Anki would: Basic one, reversed two, optional
    /// reversed a second when its third field is filled, Cloze one per cloze number, other
    /// note types one per template whose front shows something.
    pub fn ords(&self) -> Vec<u32> {
        match &*self.kind {
            NoteKind::Basic => vec![0],
            NoteKind::Reversed => vec![0, 1],
            NoteKind::OptionalReversed if self.field(2).text.is_empty() => vec![0],
            NoteKind::OptionalReversed => vec![0, 1],
            NoteKind::Cloze => {
                let text = self.fields.first().map_or("", String::as_str);
                Cloze::parse(text)
                    .numbers()
                    .into_iter()
                    .map(|n| n - 1)
                    .collect()
            }
            NoteKind::Custom(templates) => (0..templates.len())
                .filter(|&t| {
                    !self
                        .join(templates[t].front.iter().copied())
                        .text
                        .is_empty()
                })
                .filter_map(|t| u32::try_from(t).ok())
                .collect(),
        }
    }

    /// The cards the note makes; an error says why one of them cannot be asked.
    pub fn cards(&self) -> Result<Vec<MadeCard>, String> {
        let ords = self.ords();
        if ords.is_empty() {
            return Err(match &*self.kind {
                NoteKind::Cloze => {
                    "a Cloze note with no cloze deletion ({{c1::...}}) in its text".into()
                }
                _ => "its front is empty".into(),
            });
        }
        ords.into_iter().map(|o| self.card(o)).collect()
    }

    /// Card number `ord` of the note (Anki's template number, or cloze number less one).
    pub fn card(&self, ord: u32) -> Result<MadeCard, String> {
        let n = self.fields.len();
        let o = ord as usize;
        match &*self.kind {
            NoteKind::Cloze => self.cloze_card(ord + 1),
            NoteKind::Basic | NoteKind::Reversed | NoteKind::OptionalReversed => {
                let extra_from = if *self.kind == NoteKind::OptionalReversed {
                    3
                } else {
                    2
                };
                let (front, back) = if ord == 0 { (0, 1) } else { (1, 0) };
                self.made(ord, [front], [back], extra_from..n)
            }
            NoteKind::Custom(templates) => {
                let t = templates
                    .get(o)
                    .ok_or_else(|| format!("its note type has no card template {}", o + 1))?;
                let used: Vec<usize> = t.front.iter().chain(&t.back).copied().collect();
                let extra = (0..n).filter(|f| !used.contains(f));
                self.made(ord, t.front.clone(), t.back.clone(), extra)
            }
        }
    }

    fn made(
        &self,
        ord: u32,
        front: impl IntoIterator<Item = usize>,
        back: impl IntoIterator<Item = usize>,
        extra: impl IntoIterator<Item = usize>,
    ) -> Result<MadeCard, String> {
        let prompt = self.join(front);
        let answer = self.join(back);
        let extra = self.join(extra);
        check_sides(&prompt, &answer)?;
        Ok(MadeCard {
            ord,
            media: prompt.media + answer.media + extra.media,
            prompt: prompt.text,
            answer: answer.text,
            extra: extra.text,
        })
    }

    fn cloze_card(&self, n: u32) -> Result<MadeCard, String> {
        let text = self.fields.first().map_or("", String::as_str);
        let cloze = Cloze::parse(text);
        if !cloze.numbers().contains(&n) {
            return Err(format!("its text has no cloze {n} ({{{{c{n}::...}}}})"));
        }
        let (prompt, answers) = cloze.card(n);
        let prompt = self.as_text(&prompt);
        let mut answer = Plain::default();
        for a in answers.iter().map(|a| self.as_text(a)) {
            if !answer.text.is_empty() {
                answer.text.push_str(", ");
            }
            answer.text.push_str(&a.text);
            answer.media += a.media;
        }
        check_sides(&prompt, &answer).map_err(|e| format!("cloze {n}: {e}"))?;
        let extra = self.join(1..self.fields.len());
        Ok(MadeCard {
            ord: n - 1,
            media: prompt.media + answer.media + extra.media,
            prompt: prompt.text,
            answer: answer.text,
            extra: extra.text,
        })
    }
}

fn check_sides(prompt: &Plain, answer: &Plain) -> Result<(), String> {
    for (side, p) in [("front", prompt), ("back", answer)] {
        if p.text.is_empty() {
            return Err(format!("its {side} is empty"));
        }
        if p.only_media() {
            return Err(format!(
                "its {side} is only an image or a sound, which factquiz does not import"
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn note(kind: NoteKind, fields: &[&str]) -> Note {
        Note {
            guid: "g".into(),
            kind: Arc::new(kind),
            fields: fields.iter().map(|f| f.to_string()).collect(),
            html: true,
            tags: Vec::new(),
            deck: "Default".into(),
            at: "test".into(),
        }
    }

    #[test]
    fn stock_note_types_make_their_cards() {
        let cards = note(NoteKind::Reversed, &["Astana", "capital"])
            .cards()
            .unwrap();
        assert_eq!(cards.len(), 2);
        assert_eq!(
            (cards[1].prompt.as_str(), cards[1].answer.as_str()),
            ("capital", "Astana")
        );
        let one = note(NoteKind::OptionalReversed, &["a", "b", ""])
            .cards()
            .unwrap();
        assert_eq!(one.len(), 1);
        let two = note(NoteKind::OptionalReversed, &["a", "b", "y"])
            .cards()
            .unwrap();
        assert_eq!(two.len(), 2);
        let c = note(NoteKind::Cloze, &["{{c1::A}} and {{c2::B}}", "extra"])
            .cards()
            .unwrap();
        assert_eq!((c[1].ord, c[1].prompt.as_str()), (1, "A and [...]"));
        assert_eq!(c[1].extra, "extra");
    }

    #[test]
    fn notes_that_make_no_card_say_why() {
        let e = note(NoteKind::Basic, &["front", ""]).cards().unwrap_err();
        assert_eq!(e, "its back is empty");
        let e = note(NoteKind::Basic, &[r#"<img src="x.png">"#, "b"])
            .cards()
            .unwrap_err();
        assert!(e.contains("only an image"), "{e}");
        let e = note(NoteKind::Cloze, &["no gaps"]).cards().unwrap_err();
        assert!(e.contains("no cloze deletion"), "{e}");
    }

    #[test]
    fn templates_show_their_fields() {
        let names = [
            "Word".to_string(),
            "Meaning".to_string(),
            "Note".to_string(),
        ];
        let t = Template::from_formats(
            "{{Word}}{{#Note}}{{hint:Note}}{{/Note}}",
            "{{FrontSide}}<hr id=answer>{{Meaning}}",
            &names,
        );
        assert_eq!(
            t,
            Template {
                front: vec![0, 2],
                back: vec![1]
            }
        );
        let typed = Template::from_formats(
            "{{Word}}\n\n{{type:Meaning}}",
            "{{Word}}<hr id=answer>{{type:Meaning}}",
            &names,
        );
        assert_eq!(typed.front, vec![0]);
        assert_eq!(typed.back, vec![1]);
    }
}
