//! `factquiz check`'s rules beyond validation, one module each: locators that must be in their
//! article exactly once (`locators`), prompts that give another card's answer away
//! (`giveaway`), source-said figures that differ only in wording (`wording`), and disputed
//! claims without a card per source, a source-said card and a verdict card (`coverage`).
//! A finding is an error (a locator that does not point to one passage; an article that
//! cannot be read), a warning (the other rules) or a note (an article not found), placed at
//! its file, line and column.

mod coverage;
mod giveaway;
mod locators;
mod mentions;
mod place;
mod wording;

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Serialize;

pub use crate::article::shelf::Shelf;
pub use crate::article::{
    Article, ArticleError, ArticleFormat, Lookup, MAX_ARTICLE_BYTES, excerpt, html_text, look_up,
};
pub use locators::LocatorStats;

use super::library::{BUILTIN_DECKS, DeckOrigin, Library};
use super::model::Deck;
use place::{Places, Spot};

/// How much a finding matters: errors always fail `check`, warnings with `--strict`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Note,
}

/// The rule that found it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    /// A source's text that cannot be found or read.
    Article,
    Locator,
    GiveAway,
    Wording,
    Coverage,
    /// The deck's cards could not be read again to check them.
    Deck,
}

/// One finding, placed in its deck file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    pub rule: Rule,
    pub file: String,
    /// Where in the file, when the deck's text is at hand.
    pub line: Option<usize>,
    pub col: Option<usize>,
    pub card: Option<String>,
    pub claim: Option<String>,
    pub source: Option<String>,
    pub message: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let (Some(line), Some(col)) = (self.line, self.col) {
            write!(f, ":{line}:{col}")?;
        }
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        };
        write!(f, ": {severity}: ")?;
        if let Some(card) = &self.card {
            write!(f, "card \"{card}\": ")?;
        } else if let Some(claim) = &self.claim {
            write!(f, "claim \"{claim}\": ")?;
        }
        f.write_str(&self.message)
    }
}

/// A finding before it is placed: what it is about, in the deck.
#[derive(Debug, Clone)]
struct Raw {
    severity: Severity,
    rule: Rule,
    spot: Spot,
    message: String,
}

impl Raw {
    fn new(severity: Severity, rule: Rule, spot: Spot, message: String) -> Raw {
        Raw {
            severity,
            rule,
            spot,
            message,
        }
    }
}

/// The findings of one deck, in file order, and what the locator rule looked at.
#[derive(Debug, Clone, Default)]
pub struct DeckLint {
    pub file: String,
    pub findings: Vec<Finding>,
    pub locators: LocatorStats,
}

/// A deck to check: the deck, its file as shown, its text (to place findings) and its
/// folder (the first place its articles are looked for; none for a built-in deck).
pub struct DeckInput<'a> {
    pub deck: &'a Deck,
    pub file: &'a str,
    pub text: Option<&'a str>,
    pub dir: Option<&'a Path>,
}

/// Runs every rule over one deck.
pub fn lint_deck(input: &DeckInput<'_>, shelf: &mut Shelf) -> DeckLint {
    let mut raw = Vec::new();
    let locators = locators::check(input.deck, input.dir, shelf, &mut raw);
    giveaway::check(input.deck, &mut raw);
    wording::check(input.deck, &mut raw);
    coverage::check(input.deck, &mut raw);
    let places = input.text.map(Places::new);
    let mut findings: Vec<Finding> = raw
        .into_iter()
        .map(|r| {
            let at = places.as_ref().and_then(|p| p.line_col(&r.spot));
            let (mut card, mut claim, mut source) = (None, None, None);
            match r.spot {
                Spot::Card(id, _) => card = Some(id),
                Spot::Claim(id, _) => claim = Some(id),
                Spot::Source(id) => source = Some(id),
            }
            Finding {
                severity: r.severity,
                rule: r.rule,
                file: input.file.to_string(),
                line: at.map(|a| a.0),
                col: at.map(|a| a.1),
                card,
                claim,
                source,
                message: r.message,
            }
        })
        .collect();
    findings.sort_by_key(|f| (f.line.is_none(), f.line, f.col));
    DeckLint {
        file: input.file.to_string(),
        findings,
        locators,
    }
}

/// The findings of every deck of a library, their articles looked for beside each deck file
/// and then in `article_dirs`, in order.
pub fn lint_library(lib: &Library, article_dirs: &[PathBuf]) -> Vec<DeckLint> {
    let mut shelf = Shelf::new(article_dirs.to_vec());
    let mut out = Vec::new();
    for d in &lib.decks {
        let deck = match d.deck.whole() {
            Ok(deck) => deck,
            Err(e) => {
                out.push(DeckLint {
                    file: d.file.clone(),
                    findings: vec![Finding {
                        severity: Severity::Error,
                        rule: Rule::Deck,
                        file: d.file.clone(),
                        line: None,
                        col: None,
                        card: None,
                        claim: None,
                        source: None,
                        message: format!("cannot read the deck's cards to check them: {e}"),
                    }],
                    locators: LocatorStats::default(),
                });
                continue;
            }
        };
        let (text, dir) = match &d.origin {
            DeckOrigin::BuiltIn => (
                BUILTIN_DECKS
                    .iter()
                    .find(|(name, _)| d.file == format!("decks/{name}"))
                    .map(|(_, text)| text.to_string()),
                None,
            ),
            DeckOrigin::User(path) | DeckOrigin::Named(path) => (
                std::fs::read_to_string(path).ok(),
                Some(match path.parent() {
                    Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
                    _ => PathBuf::from("."),
                }),
            ),
        };
        let input = DeckInput {
            deck: &deck,
            file: &d.file,
            text: text.as_deref(),
            dir: dir.as_deref(),
        };
        out.push(lint_deck(&input, &mut shelf));
    }
    out
}

/// Counts of findings by severity: (errors, warnings, notes).
pub fn counts(lints: &[DeckLint]) -> (usize, usize, usize) {
    let all = lints.iter().flat_map(|l| &l.findings);
    let n = |s: Severity| all.clone().filter(|f| f.severity == s).count();
    (n(Severity::Error), n(Severity::Warning), n(Severity::Note))
}
