//! Where a finding is in its deck file: the line and column of a card's or claim's field (its
//! prompt, its answer, the locator of its third piece of evidence), found from the keys of the
//! deck's text as the loader places its own errors.

use super::super::keys::{Key, keys};
use super::super::load::line_col;

/// What a finding is about, and which of its fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Spot {
    Source(String),
    Claim(String, Option<Field>),
    Card(String, Option<Field>),
}

/// A field of a card or claim: its key, how deep it is (3 for a card's own fields, 5 for a
/// field of one of its evidence or a claim's values), and which occurrence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    pub key: &'static str,
    pub depth: usize,
    pub nth: usize,
}

impl Field {
    /// A field of the card or claim itself (`prompt`, `answer`).
    pub fn own(key: &'static str) -> Field {
        Field {
            key,
            depth: 3,
            nth: 0,
        }
    }

    /// The locator of a card's `nth` evidence or a claim's `nth` value.
    pub fn locator(nth: usize) -> Field {
        Field {
            key: "locator",
            depth: 5,
            nth,
        }
    }
}

/// A deck's text and its keys, to place findings.
pub struct Places<'a> {
    text: &'a str,
    keys: Vec<Key<'a>>,
}

impl<'a> Places<'a> {
    pub fn new(text: &'a str) -> Places<'a> {
        Places {
            text,
            keys: keys(text),
        }
    }

    /// The line and column of `spot`: its field when the text has it, else its id.
    pub fn line_col(&self, spot: &Spot) -> Option<(usize, usize)> {
        let (section, id, field) = match spot {
            Spot::Source(id) => ("sources", id, None),
            Spot::Claim(id, f) => ("claims", id, *f),
            Spot::Card(id, f) => ("cards", id, *f),
        };
        let item = self.item(section, id)?;
        let id_at = item.first()?.at;
        let at = field
            .and_then(|f| {
                item.iter()
                    .filter(|k| k.depth == f.depth && k.name == f.key)
                    .nth(f.nth)
            })
            .map_or(id_at, |k| k.at);
        Some(line_col(self.text, at))
    }

    /// The keys of the item of `section` whose id is `id`, from its id to the next item's.
    fn item(&self, section: &str, id: &str) -> Option<&[Key<'a>]> {
        let start = self
            .keys
            .iter()
            .position(|k| k.depth == 1 && k.name == section)?;
        let inside = &self.keys[start + 1..];
        let len = inside
            .iter()
            .position(|k| k.depth <= 1)
            .unwrap_or(inside.len());
        let inside = &inside[..len];
        let is_id = |k: &Key<'_>| k.depth == 3 && k.name == "id";
        let first = inside
            .iter()
            .position(|k| is_id(k) && k.value.as_deref() == Some(id))?;
        let rest = &inside[first..];
        let end = rest[1..]
            .iter()
            .position(is_id)
            .map_or(rest.len(), |i| i + 1);
        Some(&rest[..end])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DECK: &str = r#"Deck(
    id: "d",
    claims: [
        (id: "c1", values: [
            (source: "s", locator: "first"),
            (source: "s", locator: "second"),
        ]),
    ],
    cards: [
        (
            id: "one",
            prompt: "id: \"two\"",
            evidence: [(source: "s", locator: "a"), (source: "s", locator: "b")],
        ),
        (id: "two", prompt: "p", answer: SourceSaid([(figure: "f", source: "s")])),
    ],
)"#;

    #[test]
    fn fields_are_placed_within_their_item() {
        let p = Places::new(DECK);
        let card = |id: &str, f| p.line_col(&Spot::Card(id.into(), f));
        assert_eq!(card("one", None), Some((11, 13)));
        assert_eq!(card("one", Some(Field::own("prompt"))), Some((12, 13)));
        assert_eq!(card("one", Some(Field::locator(1))), Some((13, 67)));
        assert_eq!(card("two", Some(Field::own("answer"))), Some((15, 34)));
        // A field the card does not have: its id.
        assert_eq!(card("two", Some(Field::locator(0))), Some((15, 10)));
        let claim = p.line_col(&Spot::Claim("c1".into(), Some(Field::locator(1))));
        assert_eq!(claim, Some((6, 27)));
        assert_eq!(card("three", None), None);
    }
}
