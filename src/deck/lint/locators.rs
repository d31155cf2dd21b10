//! The locator rule (issue 19): every locator of a card's evidence and of a claim's values
//! whose source names a text that can be found is looked up in that text, and must be there
//! exactly once. A locator that is not there is shown with the passage most like it; one that
//! is there more than once, with each place. A source whose text cannot be found is a note.

use std::collections::HashMap;
use std::path::Path;
use std::rc::Rc;

use super::place::{Field, Spot};
use super::{Raw, Rule, Severity};
use crate::article::shelf::{Found, Shelf};
use crate::article::{Article, ArticleError, Lookup, excerpt, look_up};
use crate::deck::model::Deck;

/// What the rule looked at in one deck.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LocatorStats {
    /// Locators looked up in an article.
    pub checked: usize,
    /// The article files read, as the deck names them.
    pub articles: Vec<String>,
}

type Read = Rc<Result<Article, ArticleError>>;

pub(super) fn check(
    deck: &Deck,
    deck_dir: Option<&Path>,
    shelf: &mut Shelf,
    out: &mut Vec<Raw>,
) -> LocatorStats {
    let mut stats = LocatorStats::default();
    let mut texts: HashMap<&str, (&str, Read)> = HashMap::new();
    for s in &deck.sources {
        let Some(name) = &s.text else { continue };
        let spot = Spot::Source(s.id.clone());
        match shelf.find(name, deck_dir) {
            Found::Missing(folders) => {
                let folders: Vec<String> = folders
                    .iter()
                    .map(|f| format!("{}/", f.display()))
                    .collect();
                out.push(Raw::new(
                    Severity::Note,
                    Rule::Article,
                    spot,
                    format!(
                        "source \"{}\" names the text \"{name}\", which is in none of: {}; \
                         its locators were not checked (give its folder with --articles DIR)",
                        s.id,
                        folders.join(", ")
                    ),
                ));
            }
            Found::Article(read) => match read.as_ref() {
                Err(e) => out.push(Raw::new(
                    Severity::Error,
                    Rule::Article,
                    spot,
                    format!("source \"{}\": its text cannot be used: {e}", s.id),
                )),
                Ok(_) => {
                    stats.articles.push(name.clone());
                    texts.insert(s.id.as_str(), (name.as_str(), read));
                }
            },
        }
    }
    if texts.is_empty() {
        return stats;
    }
    let mut look = |spot: Spot, source: &str, locator: &str, out: &mut Vec<Raw>| {
        let Some((name, read)) = texts.get(source) else {
            return;
        };
        let Ok(article) = read.as_ref() else { return };
        stats.checked += 1;
        if let Some(message) = judge(article, name, source, locator) {
            out.push(Raw::new(Severity::Error, Rule::Locator, spot, message));
        }
    };
    for card in &deck.cards {
        for (nth, e) in card.evidence.iter().enumerate() {
            let spot = Spot::Card(card.id.to_string(), Some(Field::locator(nth)));
            look(spot, &e.source, &e.locator, out);
        }
    }
    for claim in &deck.claims {
        for (nth, v) in claim.values.iter().enumerate() {
            let spot = Spot::Claim(claim.id.to_string(), Some(Field::locator(nth)));
            look(spot, &v.source, &v.locator, out);
        }
    }
    stats
}

/// What is wrong with `locator` in `article` (named `name`, the text of `source`), if anything.
fn judge(article: &Article, name: &str, source: &str, locator: &str) -> Option<String> {
    let quoted = |r: &std::ops::Range<usize>| {
        format!("{}: \"{}\"", article.place(r.start), excerpt(article, r))
    };
    match look_up(article, locator) {
        Lookup::Once(_) => None,
        Lookup::Empty => Some(format!(
            "evidence from source \"{source}\" has no locator: give the opening words of its \
             passage in {name}"
        )),
        Lookup::Missing { closest: Some(r) } => Some(format!(
            "locator \"{locator}\" is not in {name} (source \"{source}\"); the closest \
             passage is at {}",
            quoted(&r)
        )),
        Lookup::Missing { closest: None } => Some(format!(
            "locator \"{locator}\" is not in {name} (source \"{source}\"), and no passage \
             there shares its words"
        )),
        Lookup::Many(places) => Some(format!(
            "locator \"{locator}\" is found {} times in {name} (source \"{source}\"): {}; \
             lengthen it so that it points to one passage",
            places.len(),
            places.iter().map(quoted).collect::<Vec<_>>().join("; ")
        )),
    }
}
