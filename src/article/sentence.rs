//! The sentence around a span of an article's text: from the end of the sentence before to
//! the end of the last one the span touches, never past a line (a paragraph). A full stop
//! ends a sentence when a space and a capital letter, digit or quote follow it, and the word
//! before it is not an abbreviation ("Mr.", "Jan.", "U.S.") or an initial ("N.").

use std::ops::Range;

/// Words whose full stop does not end a sentence, lowercased without the stop.
const ABBREVIATIONS: [&str; 30] = [
    "mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "gov", "sen", "rep", "prof", "no",
    "vs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "e.g", "i.e", "u.s",
];

/// Whether a sentence ends at byte `i` of `text` (which holds '.', '!' or '?').
fn ends_at(text: &str, i: usize) -> bool {
    let after = &text[i + 1..];
    let after = after.trim_start_matches(['"', '\'', '”', '’', ')']);
    let mut next = after.chars();
    match next.next() {
        None | Some('\n') => return true,
        Some(c) if c.is_whitespace() => {}
        _ => return false,
    }
    let following = after.trim_start_matches(|c: char| c.is_whitespace() && c != '\n');
    let opens = following
        .chars()
        .next()
        .is_none_or(|c| c.is_uppercase() || c.is_ascii_digit() || "\"'“‘(«".contains(c));
    if !opens {
        return false;
    }
    if text.as_bytes()[i] != b'.' {
        return true;
    }
    let word: String = text[..i]
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '.')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let lower = word.to_lowercase();
    let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    !(initial || ABBREVIATIONS.contains(&lower.as_str()))
}

/// The sentence (or sentences) of `text` around `span`, as a byte range without the spaces
/// around it.
pub fn around(text: &str, span: Range<usize>) -> Range<usize> {
    let span = span.start.min(text.len())..span.end.min(text.len());
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[span.end..]
        .find('\n')
        .map_or(text.len(), |i| span.end + i);
    let mut start = line_start;
    for (i, c) in text[line_start..span.start].char_indices() {
        let at = line_start + i;
        if matches!(c, '.' | '!' | '?') && ends_at(text, at) {
            start = at + 1;
        }
    }
    let mut end = line_end;
    let from = span.end.max(start);
    for (i, c) in text[from..line_end].char_indices() {
        let at = from + i;
        if matches!(c, '.' | '!' | '?') && ends_at(text, at) {
            end = at + 1;
            // A closing quote or bracket belongs to the sentence it closes.
            let tail = &text[end..line_end];
            let closing = tail.len() - tail.trim_start_matches(['"', '\'', '”', '’', ')']).len();
            end += closing;
            break;
        }
    }
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    start + lead..end - trail
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence_of(text: &str, word: &str) -> String {
        let at = text.find(word).unwrap();
        text[around(text, at..at + word.len())].to_string()
    }

    #[test]
    fn sentences_end_at_stops_not_at_abbreviations_or_initials() {
        let text = "The ferry left at dawn. Mr. K. Lunde said the ice held on Jan. 5 until noon. \
                    “Nobody moved,” he said! Then it thawed.\nA new line starts here.";
        assert_eq!(sentence_of(text, "ferry"), "The ferry left at dawn.");
        assert_eq!(
            sentence_of(text, "ice"),
            "Mr. K. Lunde said the ice held on Jan. 5 until noon."
        );
        assert_eq!(sentence_of(text, "Nobody"), "“Nobody moved,” he said!");
        assert_eq!(sentence_of(text, "thawed"), "Then it thawed.");
        assert_eq!(sentence_of(text, "new line"), "A new line starts here.");
    }

    #[test]
    fn a_span_over_two_sentences_takes_both() {
        let text = "One two. Three four. Five six.";
        let at = text.find("two").unwrap();
        let end = text.find("Three").unwrap() + 5;
        assert_eq!(&text[around(text, at..end)], "One two. Three four.");
        let text = "2.5 million people voted. The 3.1% rise held.";
        assert_eq!(sentence_of(text, "3.1%"), "The 3.1% rise held.");
    }
}
