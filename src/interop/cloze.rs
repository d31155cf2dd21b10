//! Anki's cloze deletions: `{{c1::hidden text}}`, `{{c2::hidden::hint}}`, nested ones and
//! `{{c1,2::...}}` for several cards. One card per cloze number: the sentence with that
//! number's gaps as "[...]" (or "[hint]") is the prompt, the hidden text the answer; the other
//! numbers' text is shown as it is. Read with a small parser of our own: the syntax is Anki's
//! and no crate reads it.

use std::collections::BTreeSet;

/// A piece of a cloze field.
#[derive(Debug, Clone, PartialEq)]
enum Piece {
    Text(String),
    Gap {
        ords: Vec<u32>,
        content: Vec<Piece>,
        hint: Option<String>,
    },
}

/// A field read for its clozes.
#[derive(Debug, Clone, PartialEq)]
pub struct Cloze {
    pieces: Vec<Piece>,
}

impl Cloze {
    pub fn parse(text: &str) -> Cloze {
        // Each open gap: its numbers and what it holds so far.
        let mut stack: Vec<(Vec<u32>, Vec<Piece>)> = vec![(Vec::new(), Vec::new())];
        let mut rest = text;
        let push_text = |stack: &mut Vec<(Vec<u32>, Vec<Piece>)>, t: &str| {
            if t.is_empty() {
                return;
            }
            let top = &mut stack.last_mut().expect("the root frame").1;
            if let Some(Piece::Text(prev)) = top.last_mut() {
                prev.push_str(t);
            } else {
                top.push(Piece::Text(t.to_string()));
            }
        };
        loop {
            let open = rest.find("{{c");
            let close = (stack.len() > 1).then(|| rest.find("}}")).flatten();
            match (open, close) {
                (Some(o), c) if c.is_none_or(|c| o < c) => {
                    if let Some((ords, after)) = opening(&rest[o..]) {
                        push_text(&mut stack, &rest[..o]);
                        stack.push((ords, Vec::new()));
                        rest = after;
                    } else {
                        push_text(&mut stack, &rest[..o + 3]);
                        rest = &rest[o + 3..];
                    }
                }
                (_, Some(c)) => {
                    push_text(&mut stack, &rest[..c]);
                    rest = &rest[c + 2..];
                    let (ords, mut content) = stack.pop().expect("an open gap");
                    let hint = split_hint(&mut content);
                    stack
                        .last_mut()
                        .expect("the root frame")
                        .1
                        .push(Piece::Gap {
                            ords,
                            content,
                            hint,
                        });
                }
                _ => {
                    push_text(&mut stack, rest);
                    break;
                }
            }
        }
        // Gaps never closed are kept as the text they were.
        while stack.len() > 1 {
            let (ords, content) = stack.pop().expect("an open gap");
            let nums: Vec<String> = ords.iter().map(u32::to_string).collect();
            let mut text = format!("{{{{c{}::", nums.join(","));
            text.push_str(&render(&content, None, &mut Vec::new()));
            push_text(&mut stack, &text);
        }
        Cloze {
            pieces: stack.pop().map(|f| f.1).unwrap_or_default(),
        }
    }

    /// The cloze numbers the field has, in order.
    pub fn numbers(&self) -> BTreeSet<u32> {
        let mut out = BTreeSet::new();
        collect(&self.pieces, &mut out);
        out
    }

    /// The prompt and the answers of cloze `n` (the hidden texts, in order).
    pub fn card(&self, n: u32) -> (String, Vec<String>) {
        let mut answers = Vec::new();
        let prompt = render(&self.pieces, Some(n), &mut answers);
        (prompt, answers)
    }
}

/// `{{c1::` or `{{c1,2::`: the numbers and what follows.
fn opening(s: &str) -> Option<(Vec<u32>, &str)> {
    let body = s.strip_prefix("{{c")?;
    let end = body.find("::")?;
    let ords: Option<Vec<u32>> = body[..end]
        .split(',')
        .map(|n| n.trim().parse::<u32>().ok().filter(|n| *n > 0))
        .collect();
    Some((ords?, &body[end + 2..]))
}

/// Takes the hint off a gap's content: the text after its last "::".
fn split_hint(content: &mut [Piece]) -> Option<String> {
    let Some(Piece::Text(last)) = content.last_mut() else {
        return None;
    };
    let i = last.rfind("::")?;
    let hint = last[i + 2..].to_string();
    last.truncate(i);
    Some(hint)
}

fn collect(pieces: &[Piece], out: &mut BTreeSet<u32>) {
    for p in pieces {
        if let Piece::Gap { ords, content, .. } = p {
            out.extend(ords.iter().copied());
            collect(content, out);
        }
    }
}

/// The pieces as text, hiding the gaps of `hide` (their text goes to `answers`).
fn render(pieces: &[Piece], hide: Option<u32>, answers: &mut Vec<String>) -> String {
    let mut out = String::new();
    for p in pieces {
        match p {
            Piece::Text(t) => out.push_str(t),
            Piece::Gap {
                ords,
                content,
                hint,
            } => {
                if hide.is_some_and(|n| ords.contains(&n)) {
                    answers.push(render(content, None, &mut Vec::new()));
                    match hint {
                        Some(h) if !h.trim().is_empty() => out.push_str(&format!("[{}]", h.trim())),
                        _ => out.push_str("[...]"),
                    }
                } else {
                    out.push_str(&render(content, hide, answers));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_card_per_number_with_hints() {
        let c = Cloze::parse("{{c1::Astana}} is the capital of {{c2::Kazakhstan::country}}.");
        assert_eq!(c.numbers().into_iter().collect::<Vec<_>>(), vec![1, 2]);
        assert_eq!(
            c.card(1),
            (
                "[...] is the capital of Kazakhstan.".into(),
                vec!["Astana".into()]
            )
        );
        assert_eq!(
            c.card(2),
            (
                "Astana is the capital of [country].".into(),
                vec!["Kazakhstan".into()]
            )
        );
    }

    #[test]
    fn nested_repeated_and_shared_gaps() {
        let c = Cloze::parse("{{c1::a {{c2::b}} c}} and {{c1::d}}; {{c3,4::e}}");
        assert_eq!(
            c.card(1),
            (
                "[...] and [...]; e".into(),
                vec!["a b c".into(), "d".into()]
            )
        );
        assert_eq!(c.card(2).0, "a [...] c and d; e");
        assert_eq!(c.card(4), ("a b c and d; [...]".into(), vec!["e".into()]));
    }

    #[test]
    fn text_that_only_looks_like_a_cloze_is_kept() {
        let c = Cloze::parse("{{cat}} and {{c1::open");
        assert!(c.numbers().is_empty());
        assert_eq!(c.card(1).0, "{{cat}} and {{c1::open");
    }
}
