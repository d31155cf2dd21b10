//! The words a drafted card's locator takes: a selection grown to whole words, and lengthened
//! by the words after it (or before) until the article holds it once.

use std::ops::Range;

use super::{DraftError, MAX_LOCATOR_CHARS};
use crate::article::Article;
use crate::article::passage::{Lookup, look_up};

/// `span` grown to whole words at both ends, without spaces or punctuation at its edges
/// (an opening quote, bracket or currency sign, and a closing quote, bracket or per cent
/// sign, are kept).
pub(super) fn whole_words(text: &str, span: Range<usize>) -> Range<usize> {
    let mut start = floor(text, span.start.min(text.len()));
    let mut end = floor(text, span.end.min(text.len())).max(start);
    let word = |c: &char| c.is_alphanumeric();
    if text[start..].chars().next().is_some_and(|c| word(&c)) {
        while let Some(c) = text[..start].chars().next_back().filter(word) {
            start -= c.len_utf8();
        }
    }
    if text[..end].chars().next_back().is_some_and(|c| word(&c)) {
        while let Some(c) = text[end..].chars().next().filter(word) {
            end += c.len_utf8();
        }
    }
    let s = &text[start..end];
    let trimmed =
        s.trim_start_matches(|c: char| !c.is_alphanumeric() && !"\"'“‘$€£₸₽(".contains(c));
    start += s.len() - trimmed.len();
    let trimmed =
        text[start..end].trim_end_matches(|c: char| !c.is_alphanumeric() && !"\"'”’%)".contains(c));
    end = start + trimmed.len();
    start..end
}

fn floor(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// `span`, or a longer span around it (the words after it first, up to the end of its line,
/// then the words before it), that the article holds once; and whether it had to grow.
pub(super) fn unique_span(
    article: &Article,
    span: Range<usize>,
) -> Result<(Range<usize>, bool), DraftError> {
    let text = article.text.as_str();
    let once = |r: &Range<usize>| matches!(look_up(article, &text[r.clone()]), Lookup::Once(_));
    match look_up(article, &text[span.clone()]) {
        Lookup::Once(_) => return Ok((span, false)),
        Lookup::Empty => return Err(DraftError::Empty),
        Lookup::Missing { .. } | Lookup::Many(_) => {}
    }
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[span.end..]
        .find('\n')
        .map_or(text.len(), |i| span.end + i);
    let mut grown = span.clone();
    // Forward, a word at a time, then backward.
    for forward in [true, false] {
        loop {
            let next = if forward {
                next_word_end(text, grown.end, line_end)
            } else {
                previous_word_start(text, grown.start, line_start)
            };
            let Some(at) = next else { break };
            if forward {
                grown.end = at;
            } else {
                grown.start = at;
            }
            if grown.len() > MAX_LOCATOR_CHARS * 4 {
                return Err(DraftError::NotUnique);
            }
            if once(&grown) {
                return Ok((grown, true));
            }
        }
    }
    Err(DraftError::NotUnique)
}

/// The end of the word after offset `end`, before `limit`.
fn next_word_end(text: &str, end: usize, limit: usize) -> Option<usize> {
    let rest = &text[end..limit];
    let start = rest.find(char::is_alphanumeric)?;
    let len = rest[start..]
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(rest.len() - start);
    let mut at = end + start + len;
    // Keep a closing mark that ends the word ("said." -> "said.").
    if text[at..limit].starts_with(['.', ',', '%', '”', '"']) {
        at += text[at..].chars().next().map_or(0, char::len_utf8);
    }
    Some(at)
}

/// The start of the word before offset `start`, after `limit`.
fn previous_word_start(text: &str, start: usize, limit: usize) -> Option<usize> {
    let before = &text[limit..start];
    let end = before.rfind(char::is_alphanumeric)?;
    let word_start = before[..end]
        .rfind(|c: char| !c.is_alphanumeric())
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    Some(limit + word_start)
}
