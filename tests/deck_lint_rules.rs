//! `factquiz check`'s rules at the library level (`deck::lint`), each on good and bad decks
//! written here, with made-up articles (a harbour that froze in a town that does not exist;
//! never the seed articles): locators looked up in plain-text and HTML articles, give-aways,
//! source-said figures that differ only in wording, and claims not covered by their cards.
//! Each finding is pinned as the line a deck author sees: `file:line:col: severity: ...`.

use std::path::Path;

use factquiz::deck::lint::{DeckInput, DeckLint, Finding, Rule, Severity, Shelf, lint_deck};
use factquiz::deck::load::load_deck;
use tempfile::TempDir;

#[path = "deck_lint_rules/coverage.rs"]
mod coverage;
#[path = "deck_lint_rules/giveaways.rs"]
mod giveaways;
#[path = "deck_lint_rules/locators.rs"]
mod locators;
#[path = "deck_lint_rules/robust.rs"]
mod robust;
#[path = "deck_lint_rules/wording.rs"]
mod wording;

/// A made-up local news article, as plain text.
pub const PORT: &str = "\
Velmora Harbour Daily

The harbour of Velmora froze solid on 3 March 2023, the first time since 1987.

Ferries stayed in port for nine days, the harbour master said.

The harbour master said the ice was forty centimetres thick at the quay — “a record”.

Mayor Ilse Brandvik sent the icebreaker Tarn from Kessvik to clear the channel on 6 March.

Fishermen said the mayor had waited too long.
";

/// Another made-up article, as an HTML page with a script, a style and a head.
pub const GAZETTE: &str = r#"<!doctype html>
<html><head><title>Ice closes Velmora</title>
<style>.lede { font-weight: bold }</style>
<script>var note = "The harbour reopened on 12 March";</script></head>
<body><h1>Ice closes Velmora</h1>
<p class="lede">Gazette staff measured the ice at <b>35&nbsp;centimetres</b> on Monday.</p>
<p>The harbour reopened on 14 March, after eleven days.</p>
<noscript>Turn on scripts to read the rest.</noscript>
</body></html>
"#;

/// The deck's sources: `port` names `port.txt`, `gazette` names `gazette.html`.
pub const SOURCES: &str = r#"
        (id: "port", title: "Velmora Harbour Daily", published: "2023-03-04", text: "port.txt"),
        (id: "gazette", title: "Coast Gazette", published: "2023-03-15", text: "gazette.html"),
"#;

/// The RON text of a deck with these sources, claims and cards (each the inside of a list).
pub fn deck(sources: &str, claims: &str, cards: &str) -> String {
    format!(
        "Deck(\n    id: \"velmora\",\n    title: \"The Velmora freeze\",\n    sources: [{sources}    ],\n    claims: [{claims}    ],\n    cards: [{cards}    ],\n)\n"
    )
}

/// A deck file and its articles in a temporary folder.
pub struct Case {
    pub dir: TempDir,
    pub text: String,
}

impl Case {
    /// `text` saved as `velmora.ron`, the articles (name, contents) beside it.
    pub fn new(text: String, articles: &[(&str, &str)]) -> Case {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("velmora.ron"), &text).unwrap();
        for (name, contents) in articles {
            std::fs::write(dir.path().join(name), contents).unwrap();
        }
        Case { dir, text }
    }

    /// Every rule run over the deck, its articles looked for beside it, then in `more`.
    pub fn lint_with(&self, more: &[&Path]) -> DeckLint {
        let deck = load_deck(&self.text, "velmora.ron").expect("the test deck is valid");
        let mut shelf = Shelf::new(more.iter().map(|p| p.to_path_buf()).collect());
        let input = DeckInput {
            deck: &deck,
            file: "velmora.ron",
            text: Some(&self.text),
            dir: Some(self.dir.path()),
        };
        lint_deck(&input, &mut shelf)
    }

    pub fn lint(&self) -> DeckLint {
        self.lint_with(&[])
    }

    /// "velmora.ron:LINE:COL" of the first occurrence of `needle` in the deck's text.
    pub fn at(&self, needle: &str) -> String {
        let offset = self
            .text
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} is not in the deck"));
        let before = &self.text[..offset];
        let line = before.matches('\n').count() + 1;
        let col = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
        format!("velmora.ron:{line}:{col}")
    }
}

/// The findings of one rule, as the lines `check` prints.
pub fn lines(lint: &DeckLint, rule: Rule) -> Vec<String> {
    lint.findings
        .iter()
        .filter(|f| f.rule == rule)
        .map(Finding::to_string)
        .collect()
}

/// A card whose only evidence cites `source` at `locator`.
pub fn card(id: &str, kind: &str, topics: &str, prompt: &str, answer: &str, rest: &str) -> String {
    format!(
        "\n        (id: \"{id}\", kind: {kind}, topics: [{topics}], prompt: \"{prompt}\", \
         answer: {answer}, evidence: [(source: \"port\", locator: \"The harbour of Velmora \
         froze\", says: \"It froze.\")]{rest}),"
    )
}
