//! Decks as CSV or TSV with a header row, as a spreadsheet or Anki exports them: the columns
//! prompt and answer are required; accept, kind, topics, explanation, source, evidence, and for a
//! full round trip id, unit, min, max and claim, are optional. An export starts with comment
//! lines (`# `) holding the deck's id, title, sources and claims in RON, so that deck -> CSV ->
//! deck keeps every field; a plain spreadsheet needs none of them.

use std::collections::HashMap;

pub use super::card_fields::{CardFields, slug};

use super::card_fields::card_of;
use super::load::{DeckError, locate, parse_deck, to_ron};
use super::model::Deck;
use super::validate::{Subject, validate};

/// The columns an export writes, in order.
pub const COLUMNS: [&str; 15] = [
    "id",
    "kind",
    "prompt",
    "answer",
    "accept",
    "unit",
    "min",
    "max",
    "topics",
    "explanation",
    "source",
    "evidence",
    "claim",
    "mode",
    "changed",
];

/// What an import read: the deck and every line it could not use.
#[derive(Debug, Clone)]
pub struct CsvImport {
    pub deck: Deck,
    /// (line, why), for the lines that were left out.
    pub bad_lines: Vec<(u64, String)>,
    /// The line of each card, by card id.
    pub lines: HashMap<String, u64>,
}

/// Reads a CSV (or, with `tab`, TSV) deck. `fallback_id` names the deck when the file has no
/// factquiz header (the file's stem, say).
pub fn read_csv(
    text: &str,
    file: &str,
    fallback_id: &str,
    tab: bool,
) -> Result<CsvImport, DeckError> {
    let whole = |line: usize, message: String| DeckError {
        file: file.into(),
        line,
        col: 1,
        card: None,
        message,
    };
    // The deck header, if this is a factquiz export.
    let header: String = text
        .lines()
        .take_while(|l| l.starts_with('#'))
        .map(|l| {
            l.trim_start_matches('#')
                .strip_prefix(' ')
                .unwrap_or(l.trim_start_matches('#'))
        })
        .filter(|l| !l.starts_with("factquiz"))
        .collect::<Vec<_>>()
        .join("\n");
    let deck = if header.trim().is_empty() {
        Deck {
            id: slug(fallback_id),
            title: fallback_id.to_string(),
            description: String::new(),
            sources: Vec::new(),
            claims: Vec::new(),
            cards: Vec::new(),
        }
    } else {
        parse_deck(&header, file)
            .map_err(|e| whole(e.line, format!("the deck header: {}", e.message)))?
    };
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(if tab { b'\t' } else { b',' })
        .comment(Some(b'#'))
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = rdr
        .headers()
        .map_err(|e| whole(1, format!("cannot read the header row: {e}")))?
        .clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
    };
    let (Some(c_prompt), Some(c_answer)) = (col("prompt"), col("answer")) else {
        return Err(whole(
            1,
            "the header row must name the columns prompt and answer".into(),
        ));
    };
    let cols: HashMap<&str, Option<usize>> = COLUMNS.iter().map(|c| (*c, col(c))).collect();
    let mut out = CsvImport {
        deck: Deck {
            cards: Vec::new(),
            ..deck
        },
        bad_lines: Vec::new(),
        lines: HashMap::new(),
    };
    for (i, rec) in rdr.records().enumerate() {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(i as u64 + 2, |p| p.line());
                out.bad_lines.push((line, e.to_string()));
                continue;
            }
        };
        let line = rec.position().map_or(i as u64 + 2, |p| p.line());
        let get = |name: &str| {
            cols[name]
                .and_then(|c| rec.get(c))
                .unwrap_or("")
                .trim()
                .to_string()
        };
        let row = CardFields {
            id: get("id"),
            kind: get("kind"),
            prompt: rec.get(c_prompt).unwrap_or("").trim().to_string(),
            answer: rec.get(c_answer).unwrap_or("").trim().to_string(),
            accept: get("accept"),
            unit: get("unit"),
            min: get("min"),
            max: get("max"),
            topics: get("topics"),
            explanation: get("explanation"),
            source: get("source"),
            evidence: get("evidence"),
            claim: get("claim"),
            mode: get("mode"),
            changed: get("changed"),
        };
        let n = out.deck.cards.len();
        match card_of(&row, &mut out.deck, n) {
            Ok(card) => {
                out.lines.insert(card.id.to_string(), line);
                out.deck.cards.push(card);
            }
            Err(why) => out.bad_lines.push((line, why)),
        }
    }
    // Rules that need the whole deck (unique ids, references) are reported by line too.
    let ron = to_ron(&out.deck);
    for p in validate(&out.deck) {
        if let Subject::Card(id, _) = &p.subject {
            if let Some(&line) = out.lines.get(id) {
                out.bad_lines.push((line, p.message.clone()));
            }
        } else {
            let e = &locate(&ron, file, std::slice::from_ref(&p))[0];
            out.bad_lines.push((1, e.message.clone()));
        }
    }
    out.bad_lines.sort();
    out.bad_lines.dedup();
    Ok(out)
}

/// Writes a deck as CSV (or TSV): its header as comment lines, then one row per card.
pub fn write_csv(deck: &Deck, tab: bool) -> String {
    let head = Deck {
        cards: Vec::new(),
        ..deck.clone()
    };
    let mut out = String::from(
        "# factquiz deck: the lines starting with # hold the deck's id, title, sources and claims\n",
    );
    for l in to_ron(&head).lines() {
        out.push_str("# ");
        out.push_str(l);
        out.push('\n');
    }
    let mut w = csv::WriterBuilder::new()
        .delimiter(if tab { b'\t' } else { b',' })
        .from_writer(Vec::new());
    let _ = w.write_record(COLUMNS);
    for c in &deck.cards {
        let f = CardFields::of(c);
        let _ = w.write_record([
            &f.id,
            &f.kind,
            &f.prompt,
            &f.answer,
            &f.accept,
            &f.unit,
            &f.min,
            &f.max,
            &f.topics,
            &f.explanation,
            &f.source,
            &f.evidence,
            &f.claim,
            &f.mode,
            &f.changed,
        ]);
    }
    out.push_str(&String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default());
    out
}
