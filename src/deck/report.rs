//! What `factquiz check` prints: per deck, its cards by kind, its topics and sources, what
//! the rules found (`deck::lint`), and each error; and the same as JSON for tooling.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use super::library::{Library, LoadedDeck};
use super::lint::{DeckLint, Finding, counts};
use super::load::DeckError;
use super::model::{CardKind, Deck};

/// A deck's counts, as `check` reports them.
#[derive(Debug, Clone, Serialize)]
pub struct DeckSummary {
    pub id: String,
    pub title: String,
    pub file: String,
    pub cards: usize,
    pub by_kind: BTreeMap<String, usize>,
    pub topics: BTreeMap<String, usize>,
    pub sources: Vec<String>,
    pub claims: usize,
}

pub fn summarize(d: &LoadedDeck) -> DeckSummary {
    let mut by_kind = BTreeMap::new();
    let mut topics = BTreeMap::new();
    for (i, c) in d.deck.cards.heads().iter().enumerate() {
        *by_kind.entry(c.kind.name().to_string()).or_insert(0) += 1;
        for t in d.deck.cards.topics(i) {
            *topics.entry(t.to_string()).or_insert(0) += 1;
        }
    }
    DeckSummary {
        id: d.deck.id.clone(),
        title: d.deck.title.clone(),
        file: d.file.clone(),
        cards: d.deck.cards.len(),
        by_kind,
        topics,
        sources: d
            .deck
            .sources
            .iter()
            .map(|s| {
                let date = match s.date_known {
                    super::model::DateKnown::Unknown => "date unknown".to_string(),
                    _ => s.published.to_string(),
                };
                format!("{} ({}, {date})", s.title, s.outlet)
            })
            .collect(),
        claims: d.deck.claims.len(),
    }
}

/// The human-readable report of a library and of what the rules found in its decks.
pub fn check_report(lib: &Library, lints: &[DeckLint]) -> String {
    let mut out = String::new();
    for d in &lib.decks {
        let s = summarize(d);
        let _ = writeln!(out, "{} ({}): {}", s.file, s.id, s.title);
        let kinds: Vec<String> = CardKind::ALL
            .iter()
            .filter_map(|k| s.by_kind.get(k.name()).map(|n| format!("{} {n}", k.name())))
            .collect();
        let _ = writeln!(
            out,
            "  {} cards ({}), {} claim(s)",
            s.cards,
            kinds.join(", "),
            s.claims
        );
        let topics: Vec<String> = s.topics.iter().map(|(t, n)| format!("{t} ({n})")).collect();
        let _ = writeln!(out, "  topics: {}", topics.join(", "));
        let _ = writeln!(out, "  sources:");
        for src in &s.sources {
            let _ = writeln!(out, "    {src}");
        }
        match lints.iter().find(|l| l.file == d.file) {
            Some(lint) => deck_findings(&mut out, lint),
            None => {
                let _ = writeln!(out, "  ok");
            }
        }
    }
    for (file, n) in lib.failed_files() {
        let _ = writeln!(out, "{file}: {n} error(s)");
        for e in lib.errors.iter().filter(|e| e.file == file) {
            let _ = writeln!(out, "  {e}");
        }
    }
    let _ = writeln!(
        out,
        "{} deck(s) valid with {} card(s); {} file(s) with errors",
        lib.decks.len(),
        lib.card_count(),
        lib.failed_files().len()
    );
    let (errors, warnings, notes) = counts(lints);
    let _ = writeln!(
        out,
        "rules: {errors} error(s), {warnings} warning(s), {notes} note(s)"
    );
    out
}

/// A deck's findings, then "ok" or their counts.
fn deck_findings(out: &mut String, lint: &DeckLint) {
    if !lint.locators.articles.is_empty() {
        let _ = writeln!(
            out,
            "  locators: {} checked in {} article(s)",
            lint.locators.checked,
            lint.locators.articles.len()
        );
    }
    for f in &lint.findings {
        let _ = writeln!(out, "  {f}");
    }
    let (errors, warnings, notes) = counts(std::slice::from_ref(lint));
    if errors + warnings == 0 {
        let _ = writeln!(out, "  ok");
    } else {
        let _ = writeln!(
            out,
            "  {errors} error(s), {warnings} warning(s), {notes} note(s)"
        );
    }
}

/// The validated decks, the errors, and what the rules found, as JSON.
pub fn check_json(lib: &Library, lints: &[DeckLint]) -> String {
    #[derive(Serialize)]
    struct Out<'a> {
        decks: Vec<Deck>,
        errors: Vec<DeckError>,
        findings: Vec<&'a Finding>,
    }
    let mut out = Out {
        decks: Vec::new(),
        errors: lib.errors.clone(),
        findings: lints.iter().flat_map(|l| &l.findings).collect(),
    };
    for d in &lib.decks {
        match d.deck.whole() {
            Ok(deck) => out.decks.push(deck),
            Err(e) => out.errors.push(DeckError {
                file: d.file.clone(),
                line: 1,
                col: 1,
                card: None,
                message: format!("cannot read the deck's cards: {e}"),
            }),
        }
    }
    serde_json::to_string_pretty(&out).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}
