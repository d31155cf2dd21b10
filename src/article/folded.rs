//! Text folded for looking a locator up in an article: lowercase, every quote mark (straight
//! or curly, single or double) one `'`, every dash one `-` with no space around it, every run
//! of whitespace one space, an ellipsis three dots, soft hyphens and zero-width characters
//! gone. Each folded byte remembers where it came from, so a match is shown as the article
//! writes it.

/// A folded text and, for each of its bytes, the offset of the character it came from.
#[derive(Debug, Clone, Default)]
pub struct Folded {
    pub text: String,
    origin: Vec<u32>,
    /// The offset just past the original text, for matches that end at its end.
    end: u32,
}

/// What one character folds to.
enum Fold {
    Space,
    Dash,
    Drop,
    Chars(char),
    Ellipsis,
}

fn fold_char(c: char) -> Fold {
    match c {
        '\'' | '"' | '`' | '\u{b4}' | '\u{2018}'..='\u{201f}' | '\u{2032}' | '\u{2033}' => {
            Fold::Chars('\'')
        }
        '\u{ab}' | '\u{bb}' | '\u{2039}' | '\u{203a}' => Fold::Chars('\''),
        '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{2043}' | '\u{fe58}' | '\u{fe63}' => {
            Fold::Dash
        }
        '\u{ad}' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' => Fold::Drop,
        '\u{2026}' => Fold::Ellipsis,
        c if c.is_whitespace() => Fold::Space,
        c => Fold::Chars(c),
    }
}

impl Folded {
    pub fn new(original: &str) -> Folded {
        let mut out = Folded {
            text: String::with_capacity(original.len()),
            origin: Vec::with_capacity(original.len()),
            end: u32::try_from(original.len()).unwrap_or(u32::MAX),
        };
        let mut space_at: Option<u32> = None;
        for (at, c) in original.char_indices() {
            let at = u32::try_from(at).unwrap_or(u32::MAX);
            match fold_char(c) {
                Fold::Drop => {}
                Fold::Space => {
                    if space_at.is_none() && !out.text.is_empty() && !out.text.ends_with('-') {
                        space_at = Some(at);
                    }
                }
                Fold::Dash => {
                    space_at = None;
                    out.push('-', at);
                }
                Fold::Ellipsis => {
                    out.flush_space(&mut space_at);
                    for _ in 0..3 {
                        out.push('.', at);
                    }
                }
                Fold::Chars(c) => {
                    out.flush_space(&mut space_at);
                    for l in c.to_lowercase() {
                        out.push(l, at);
                    }
                }
            }
        }
        out
    }

    fn flush_space(&mut self, space_at: &mut Option<u32>) {
        if let Some(at) = space_at.take() {
            self.push(' ', at);
        }
    }

    fn push(&mut self, c: char, at: u32) {
        self.text.push(c);
        self.origin.extend(std::iter::repeat_n(at, c.len_utf8()));
    }

    /// The original offset of folded byte `i` (the original's end for the folded end).
    pub fn origin(&self, i: usize) -> usize {
        self.origin.get(i).copied().unwrap_or(self.end) as usize
    }

    /// The original range of the folded range `start..end`.
    pub fn original_range(&self, start: usize, end: usize) -> std::ops::Range<usize> {
        let from = self.origin(start);
        // The end: where the character after the range starts (the text's end after the last).
        let to = if end >= self.origin.len() {
            self.end as usize
        } else {
            self.origin(end)
        };
        from..to.max(from)
    }

    /// Whether `start..end` of the folded text begins and ends on word boundaries: a letter
    /// or digit at either edge of the match has no letter or digit beside it.
    pub fn on_word_boundaries(&self, start: usize, end: usize) -> bool {
        let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let t = &self.text;
        let first = t[start..].chars().next();
        let last = t[..end].chars().next_back();
        let before = t[..start].chars().next_back();
        let after = t[end..].chars().next();
        let cuts_a_word = (word(first) && word(before)) || (word(last) && word(after));
        !cuts_a_word
    }

    /// The words of the folded text (runs of letters and digits, apostrophes inside), as
    /// byte ranges.
    pub fn words(&self) -> Vec<std::ops::Range<usize>> {
        words_of(&self.text)
    }
}

/// The words of a text (runs of letters and digits, with an apostrophe inside a word kept),
/// as byte ranges.
pub fn words_of(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let inner_apostrophe =
            c == '\'' && start.is_some() && chars.peek().is_some_and(|(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || inner_apostrophe {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push(s..i);
        }
    }
    if let Some(s) = start {
        out.push(s..text.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_quotes_dashes_and_spaces() {
        let f = Folded::new("The  “Shal ket” chant —\u{a0}Nazarbaev’s   legacy…");
        assert_eq!(f.text, "the 'shal ket' chant-nazarbaev's legacy...");
        assert_eq!(Folded::new("2,000 - 3,000").text, "2,000-3,000");
        assert_eq!(Folded::new("soft\u{ad}ware").text, "software");
        assert_eq!(Folded::new("  lead and trail  ").text, "lead and trail");
    }

    #[test]
    fn folded_ranges_map_back_to_the_original() {
        let original = "Say “Hello  World” now";
        let f = Folded::new(original);
        let at = f.text.find("'hello world'").unwrap();
        let r = f.original_range(at, at + "'hello world'".len());
        assert_eq!(&original[r], "“Hello  World”");
        let r = f.original_range(f.text.len() - 3, f.text.len());
        assert_eq!(&original[r], "now");
    }

    #[test]
    fn word_boundaries() {
        let f = Folded::new("upon 7 January, on 7 January");
        let first = f.text.find("on 7 january").unwrap();
        assert!(!f.on_word_boundaries(first, first + 12), "inside 'upon'");
        let second = f.text.rfind("on 7 january").unwrap();
        assert!(f.on_word_boundaries(second, second + 12));
        assert_eq!(words_of("it's a 20,000-strong crowd").len(), 6);
    }
}
