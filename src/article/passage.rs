//! Looking a locator up in an article: every place it occurs (folded, on word boundaries),
//! and when it occurs nowhere, the passage most like it: the windows of the article's words
//! that share the most words with it, compared letter by letter.

use std::collections::HashSet;
use std::ops::Range;

use super::file::Article;
use super::folded::{Folded, words_of};

/// What looking a locator up found, as ranges of the article's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    /// The locator has no letter or digit to look for.
    Empty,
    /// Not in the article; the passage most like it, when any shares a word with it.
    Missing { closest: Option<Range<usize>> },
    /// Exactly once, here.
    Once(Range<usize>),
    /// More than once, at each of these places.
    Many(Vec<Range<usize>>),
}

/// Looks `locator` up in `article`.
pub fn look_up(article: &Article, locator: &str) -> Lookup {
    let needle = Folded::new(locator).text;
    if !needle.chars().any(char::is_alphanumeric) {
        return Lookup::Empty;
    }
    let hay = &article.folded;
    let found: Vec<Range<usize>> = hay
        .text
        .match_indices(&needle)
        .map(|(at, m)| at..at + m.len())
        .filter(|r| hay.on_word_boundaries(r.start, r.end))
        .collect();
    match found.len() {
        0 => Lookup::Missing {
            closest: closest(article, &needle).map(|r| hay.original_range(r.start, r.end)),
        },
        1 => Lookup::Once(hay.original_range(found[0].start, found[0].end)),
        _ => Lookup::Many(
            found
                .iter()
                .map(|r| {
                    let matched = hay.original_range(r.start, r.end);
                    let longer = hay.original_range(r.start, extend_words(article, r.end, 6));
                    // The words after it, as far as the end of its line.
                    let line_end = article.text[matched.end..]
                        .find('\n')
                        .map_or(article.text.len(), |i| matched.end + i);
                    longer.start..longer.end.min(line_end).max(matched.end)
                })
                .collect(),
        ),
    }
}

/// The article's text in `range`, on one line, cut to about 160 characters.
pub fn excerpt(article: &Article, range: &Range<usize>) -> String {
    let text = article.text.get(range.clone()).unwrap_or("");
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= 160 {
        return one_line;
    }
    let cut: String = one_line.chars().take(160).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut} …")
}

/// The folded offset after the `n`th word that starts at or after `end` (so that two
/// occurrences of one locator can be told apart by the words that follow them).
fn extend_words(article: &Article, end: usize, n: usize) -> usize {
    let first = article.words.partition_point(|w| w.start < end);
    article
        .words
        .get(first..)
        .and_then(|rest| rest.get(n.min(rest.len()).saturating_sub(1)))
        .map_or(end, |w| w.end)
}

/// The folded range of the passage most like `needle` (already folded): windows of as many
/// words as the locator has, ranked by how many of its words they hold (a window that opens
/// with its first word ranks higher, as locators are a paragraph's opening words), then the
/// best few compared by edit distance, with a word more or less at either end.
fn closest(article: &Article, needle: &str) -> Option<Range<usize>> {
    let hay = &article.folded.text;
    let words = &article.words;
    let wanted: Vec<&str> = words_of(needle).into_iter().map(|r| &needle[r]).collect();
    let (k, n) = (wanted.len(), words.len());
    if k == 0 || n == 0 {
        return None;
    }
    let set: HashSet<&str> = wanted.iter().copied().collect();
    let mut hits = vec![0usize; n + 1];
    for (i, w) in words.iter().enumerate() {
        hits[i + 1] = hits[i] + usize::from(set.contains(&hay[w.clone()]));
    }
    let score = |start: usize| {
        let end = (start + k).min(n);
        2 * (hits[end] - hits[start]) + usize::from(hay[words[start].clone()] == *wanted[0])
    };
    let mut ranked: Vec<(usize, usize)> = (0..n).map(|s| (score(s), s)).collect();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    if ranked.first().is_none_or(|r| r.0 < 2) {
        return None;
    }
    let mut best: Option<(f64, Range<usize>)> = None;
    for &(_, s) in ranked.iter().take(8) {
        for a in s.saturating_sub(2)..=(s + 2).min(n - 1) {
            for len in k.saturating_sub(2).max(1)..=k + 2 {
                let Some(last) = words.get(a + len - 1) else {
                    break;
                };
                let range = words[a].start..last.end;
                let similarity = strsim::normalized_levenshtein(&hay[range.clone()], needle);
                if best.as_ref().is_none_or(|(b, _)| similarity > *b) {
                    best = Some((similarity, range));
                }
            }
        }
    }
    best.map(|(_, r)| r)
}

#[cfg(test)]
mod tests {
    use super::super::file::ArticleFormat;
    use super::*;

    fn article(text: &str) -> Article {
        let path = std::path::Path::new("made-up.txt");
        Article::from_bytes(path, ArticleFormat::Text, text.as_bytes().to_vec()).unwrap()
    }

    fn shown(a: &Article, r: &Range<usize>) -> String {
        excerpt(a, r)
    }

    const TEXT: &str = "The harbour of Velmora froze on 3 March.\n\n\
        Ferries stayed in port for nine days, the mayor said.\n\n\
        The mayor said the ice was the thickest in forty years.\n";

    #[test]
    fn a_locator_found_once_is_placed() {
        let a = article(TEXT);
        let Lookup::Once(r) = look_up(&a, "Ferries  stayed in PORT") else {
            panic!("not found once");
        };
        assert_eq!(&a.text[r.clone()], "Ferries stayed in port");
        assert_eq!(a.place(r.start), "line 3");
    }

    #[test]
    fn a_locator_found_twice_names_each_place() {
        let a = article(TEXT);
        let Lookup::Many(places) = look_up(&a, "the mayor said") else {
            panic!("not found twice");
        };
        let lines: Vec<String> = places.iter().map(|r| a.place(r.start)).collect();
        assert_eq!(lines, ["line 3", "line 5"]);
        assert_eq!(shown(&a, &places[0]), "the mayor said.");
        assert_eq!(
            shown(&a, &places[1]),
            "The mayor said the ice was the thickest in"
        );
    }

    #[test]
    fn a_missing_locator_gets_the_closest_passage() {
        let a = article(TEXT);
        let Lookup::Missing { closest: Some(r) } = look_up(&a, "The ferries remained in port")
        else {
            panic!("no closest passage");
        };
        assert_eq!(shown(&a, &r), "Ferries stayed in port");
        assert_eq!(
            look_up(&a, "Completely unrelated wording"),
            Lookup::Missing { closest: None }
        );
        assert_eq!(look_up(&a, " — "), Lookup::Empty);
    }

    #[test]
    fn quotes_and_dashes_fold_but_words_must_be_whole() {
        let a = article("He called it “a ‘soft’ coup” — twice.\nA hard-line view.");
        assert!(matches!(
            look_up(&a, "\"a 'soft' coup\" - twice"),
            Lookup::Once(_)
        ));
        assert!(matches!(look_up(&a, "hard–line"), Lookup::Once(_)));
        assert!(matches!(look_up(&a, "ard-line"), Lookup::Missing { .. }));
    }
}
