//! The factquiz decks that notes from another app make: one deck per deck of theirs (Anki's
//! "Parent::Child" as "Parent / Child"), one source for the file (its name, the app, the
//! export's date) that every card cites, tags as topics, and card ids made from Anki's note
//! guid and card number, so that importing a newer export updates the same cards.

use std::collections::BTreeMap;

use super::note::{MadeCard, Note};
use crate::deck::csv::slug;
use crate::deck::validate::{MAX_LIST, card_problems};
use crate::deck::{Answer, Card, CardKind, DateKnown, Deck, Evidence, PartialDate, Source, Text};

/// The id of the one source of an imported deck.
pub const SOURCE_ID: &str = "imported-file";

/// Where the notes come from.
#[derive(Debug, Clone, PartialEq)]
pub struct Origin {
    /// "Anki" or "Quizlet".
    pub app: &'static str,
    /// The file's name, without its folder.
    pub file_name: String,
    /// When the file was exported (or last written).
    pub exported: PartialDate,
}

impl Origin {
    /// The deck id for a deck of the other app: "anki-spanish-verbs".
    pub fn deck_id(&self, name: &str) -> String {
        let prefix = self.app.to_lowercase();
        format!("{prefix}-{}", slug(&name.replace("::", " ")))
    }

    fn source(&self) -> Source {
        Source {
            id: SOURCE_ID.into(),
            title: self.file_name.clone(),
            outlet: format!("imported from {}", self.app),
            author: String::new(),
            published: self.exported,
            date_known: DateKnown::Inferred(format!("the day the {} export was written", self.app)),
            url: None,
            // The article is not known; the deck's description invites adding it.
            text: None,
        }
    }

    fn shell(&self, name: &str) -> Deck {
        Deck {
            id: self.deck_id(name),
            title: name.replace("::", " / "),
            description: format!(
                "Imported from {} ({}, {}). {} keeps no sources: add the article these cards \
                 come from in the editor, so that each card shows its evidence.",
                self.app,
                self.file_name,
                self.exported.to_string_long(),
                self.app
            ),
            sources: vec![self.source()],
            claims: Vec::new(),
            cards: Vec::new(),
        }
    }
}

/// A stable card id from a note's guid and Anki's card number: "n" and the guid's 64-bit
/// FNV-1a hash (guids hold characters an id cannot), then the card's number from 1.
pub fn card_id(guid: &str, ord: u32) -> String {
    // FNV-1a: a fixed, documented hash whose value never changes between builds (std's
    // hasher makes no such promise), which ids kept in progress files need.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in guid.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("n{h:016x}-{}", u64::from(ord) + 1)
}

/// A card of a note, placed in a deck of the other app.
#[derive(Debug, Clone)]
pub struct Placed<'a> {
    pub note: &'a Note,
    pub made: MadeCard,
    /// The deck, as the other app names it.
    pub deck: &'a str,
}

/// The decks built, and every card that could not be made a card of factquiz.
#[derive(Debug, Clone, Default)]
pub struct Built {
    pub decks: Vec<Deck>,
    /// "where: why" for each card left out.
    pub problems: Vec<String>,
}

/// Builds the decks; a card breaking a rule of the deck format is left out and reported.
pub fn build(placed: Vec<Placed<'_>>, origin: &Origin) -> Built {
    let mut decks: BTreeMap<String, Deck> = BTreeMap::new();
    let mut seen = std::collections::HashSet::new();
    let mut problems = Vec::new();
    for p in placed {
        let deck = decks
            .entry(origin.deck_id(p.deck))
            .or_insert_with(|| origin.shell(p.deck));
        let id = card_id(&p.note.guid, p.made.ord);
        if !seen.insert(id.clone()) {
            problems.push(format!(
                "{}: the same note is in the file twice (its first copy is imported)",
                p.note.at
            ));
            continue;
        }
        let card = card(p.note, p.made, id);
        match card_problems(deck, &card).first() {
            Some(why) => problems.push(format!("{}: {why}", p.note.at)),
            None => deck.cards.push(card),
        }
    }
    Built {
        decks: decks
            .into_values()
            .filter(|d| !d.cards.is_empty())
            .collect(),
        problems,
    }
}

fn card(note: &Note, made: MadeCard, id: String) -> Card {
    let mut topics: Vec<Text> = Vec::new();
    for t in &note.tags {
        let topic = Text::from(format!("tag/{}", t.replace("::", "/")));
        if !topics.contains(&topic) && topics.len() < MAX_LIST {
            topics.push(topic);
        }
    }
    Card {
        id: id.into(),
        kind: CardKind::What,
        topics,
        prompt: made.prompt.into(),
        answer: Answer::Phrase(vec![made.answer.into()]),
        explanation: made.extra.into(),
        evidence: vec![Evidence {
            source: SOURCE_ID.into(),
            locator: note.at.as_str().into(),
            says: Text::default(),
        }],
        claim: None,
        mode: None,
        changed: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn card_ids_are_stable_and_valid() {
        assert_eq!(card_id("Ol=^c!5B+z", 0), card_id("Ol=^c!5B+z", 0));
        assert_ne!(card_id("Ol=^c!5B+z", 0), card_id("Ol=^c!5B+z", 1));
        assert_ne!(card_id("a", 0), card_id("b", 0));
        let id = card_id("Ol=^c!5B+z", 2);
        assert!(id.ends_with("-3") && id.len() == 19, "{id}");
    }
}
