//! The words of an article's text for finding facts: runs of letters and digits (an apostrophe
//! inside a word joins it, "O'Brien", except a possessive "'s"), as byte ranges of the text,
//! with what lies between two words.

use std::ops::Range;

/// A text and its words.
pub struct Words<'a> {
    pub text: &'a str,
    pub ranges: Vec<Range<usize>>,
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

impl<'a> Words<'a> {
    pub fn new(text: &'a str) -> Words<'a> {
        let mut ranges = Vec::with_capacity(text.len() / 6);
        let mut start: Option<usize> = None;
        for (i, c) in text.char_indices() {
            if c.is_alphanumeric() {
                start.get_or_insert(i);
                continue;
            }
            if is_apostrophe(c) && start.is_some() {
                let after = &text[i + c.len_utf8()..];
                let mut next = after.chars();
                let possessive = matches!(next.next(), Some('s' | 'S'))
                    && next.next().is_none_or(|n| !n.is_alphanumeric());
                let joins = after.starts_with(char::is_alphanumeric);
                if joins && !possessive {
                    continue;
                }
            }
            if let Some(s) = start.take() {
                ranges.push(s..i);
            }
        }
        if let Some(s) = start {
            ranges.push(s..text.len());
        }
        Words { text, ranges }
    }

    pub fn len(&self) -> usize {
        self.ranges.len()
    }

    /// The text of word `i`.
    pub fn word(&self, i: usize) -> &'a str {
        &self.text[self.ranges[i].clone()]
    }

    /// What lies between word `i` and the next ("" after the last).
    pub fn gap_after(&self, i: usize) -> &'a str {
        match self.ranges.get(i + 1) {
            Some(next) => &self.text[self.ranges[i].end..next.start],
            None => &self.text[self.ranges[i].end..],
        }
    }

    /// What lies before word `i` since the previous word (or the text's start).
    pub fn gap_before(&self, i: usize) -> &'a str {
        let from = if i == 0 { 0 } else { self.ranges[i - 1].end };
        &self.text[from..self.ranges[i].start]
    }

    /// Whether word `i` starts with a capital letter.
    pub fn is_capital(&self, i: usize) -> bool {
        self.word(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// Whether word `i` is all digits.
    pub fn is_digits(&self, i: usize) -> bool {
        self.word(i).bytes().all(|b| b.is_ascii_digit())
    }

    /// Whether word `i` opens a sentence or a line: nothing but an opening quote or bracket
    /// since the last full stop, question or exclamation mark, colon, or line break.
    pub fn opens_sentence(&self, i: usize) -> bool {
        if i == 0 {
            return true;
        }
        let gap = self.gap_before(i);
        if gap.contains('\n') {
            return true;
        }
        let gap = gap.trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '«' | '—' | '–')
        });
        gap.ends_with(['.', '!', '?', ':'])
    }

    /// The range from the start of word `i` to the end of word `j`.
    pub fn span(&self, i: usize, j: usize) -> Range<usize> {
        self.ranges[i].start..self.ranges[j].end
    }
}
