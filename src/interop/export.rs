//! A factquiz deck written as Anki's "Notes in Plain Text" format, so that it can be studied
//! in Anki too: the `#` header lines Anki writes (separator, html, and the guid, notetype,
//! deck and tags columns), then one Basic note a card: the prompt, the answer (with the other
//! accepted wordings), and in extra fields the explanation, the evidence and the claim. HTML
//! is off: the fields are plain text. Written with the csv crate, as Anki writes it.

use crate::deck::{Card, Deck};

/// The header lines: tab-separated plain text, guid in column 1, notetype 2, deck 3, the
/// fields 4 to 8 (Front, Back, Explanation, Evidence, Claim), tags 9.
const HEADER: &str = "#separator:tab\n#html:false\n#guid column:1\n#notetype column:2\n\
                      #deck column:3\n#tags column:9\n";

/// The deck as Anki's plain-text format.
pub fn to_anki_text(deck: &Deck) -> String {
    let mut w = csv::WriterBuilder::new()
        .delimiter(b'\t')
        .flexible(true)
        .from_writer(Vec::new());
    let deck_name = deck.title.replace(" / ", "::");
    for card in &deck.cards {
        let tags: Vec<String> = card
            .topics
            .iter()
            .map(|t| {
                t.strip_prefix("tag/")
                    .unwrap_or(t)
                    .replace(' ', "_")
                    .replace('/', "::")
            })
            .collect();
        let record = [
            format!("factquiz:{}:{}", deck.id, card.id),
            "Basic".to_string(),
            deck_name.clone(),
            card.prompt.to_string(),
            answer(deck, card),
            card.explanation.to_string(),
            evidence(deck, card),
            claim(deck, card),
            tags.join(" "),
        ];
        let _ = w.write_record(&record);
    }
    let body = String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default();
    format!("{HEADER}{body}")
}

/// The answer as shown, and the other wordings accepted.
fn answer(deck: &Deck, card: &Card) -> String {
    let shown = card.answer.display(deck);
    match &card.answer {
        crate::deck::Answer::Name(v) | crate::deck::Answer::Phrase(v) if v.len() > 1 => {
            let others: Vec<&str> = v.iter().skip(1).map(|s| s.as_str()).collect();
            format!("{shown} (also: {})", others.join(", "))
        }
        _ => shown,
    }
}

/// "Source title (outlet, date), where: what it says" for each piece of evidence.
fn evidence(deck: &Deck, card: &Card) -> String {
    card.evidence
        .iter()
        .map(|e| {
            let src = deck.source(&e.source).map_or_else(
                || e.source.to_string(),
                |s| {
                    format!(
                        "{} ({}, {})",
                        s.title,
                        crate::quiz::question::source_name(s),
                        s.date_text()
                    )
                },
            );
            let mut line = src;
            for part in [e.locator.as_str(), e.says.as_str()] {
                if !part.is_empty() {
                    line.push_str(": ");
                    line.push_str(part);
                }
            }
            line
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The claim: its statement, who made it, its status and each source's value.
fn claim(deck: &Deck, card: &Card) -> String {
    let Some(c) = card.claim.as_deref().and_then(|id| deck.claim(id)) else {
        return String::new();
    };
    format!(
        "{} (claimed by {}; {:?}). {}",
        c.statement,
        c.made_by,
        c.status,
        crate::deck::fact::values(deck, c)
    )
}
