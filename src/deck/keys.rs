//! Where the keys of a RON deck text are (`id:`, `cards:`, ...), so that errors found after
//! parsing can be given a line and column. Strings and comments are skipped: a description that
//! says "cards:" or a comment that says `id: "x"` is not a key. Tolerant of broken text: it
//! never fails, it finds fewer keys.

/// One key of the text: an identifier followed by `:`, outside strings and comments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key<'a> {
    /// The byte offset of the key's first character.
    pub at: usize,
    pub name: &'a str,
    /// How many brackets enclose it: the deck's own fields are at 1, a card's at 3.
    pub depth: usize,
    /// The value of an `id` key, unescaped, when it is a string (only ids are looked up).
    pub value: Option<String>,
}

/// Every key of the text, in order.
pub fn keys(text: &str) -> Vec<Key<'_>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut pos = 0;
    while pos < b.len() {
        match b[pos] {
            b'"' => pos = string_end(b, pos),
            b'/' if b.get(pos + 1) == Some(&b'/') => {
                pos = b[pos..]
                    .iter()
                    .position(|&c| c == b'\n')
                    .map_or(b.len(), |i| pos + i);
            }
            b'/' if b.get(pos + 1) == Some(&b'*') => pos = block_comment_end(b, pos),
            b'\'' => pos = char_end(text, pos),
            b'(' | b'[' | b'{' => {
                depth += 1;
                pos += 1;
            }
            b')' | b']' | b'}' => {
                depth = depth.saturating_sub(1);
                pos += 1;
            }
            c if c.is_ascii_digit() => {
                while pos < b.len() && (b[pos].is_ascii_alphanumeric() || b[pos] == b'_') {
                    pos += 1;
                }
            }
            c if c.is_ascii_alphabetic() || c == b'_' => {
                if let Some(end) = raw_string_end(b, pos) {
                    pos = end;
                    continue;
                }
                let at = pos;
                let start = if b[pos..].starts_with(b"r#") {
                    pos + 2
                } else {
                    pos
                };
                pos = start;
                while pos < b.len() && (b[pos].is_ascii_alphanumeric() || b[pos] == b'_') {
                    pos += 1;
                }
                let name = &text[start..pos];
                let colon = skip_spaces(b, pos);
                if b.get(colon) == Some(&b':') {
                    pos = colon + 1;
                    out.push(Key {
                        at,
                        name,
                        depth,
                        value: (name == "id")
                            .then(|| string_at(text, skip_spaces(b, pos)))
                            .flatten(),
                    });
                }
            }
            _ => pos += 1,
        }
    }
    out
}

fn skip_spaces(b: &[u8], mut pos: usize) -> usize {
    while pos < b.len() && b[pos].is_ascii_whitespace() {
        pos += 1;
    }
    pos
}

/// The end of the string that starts at `pos` (on its `"`), or of the text if it is unclosed.
fn string_end(b: &[u8], pos: usize) -> usize {
    let mut i = pos + 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    b.len()
}

/// The end of a raw string (`r"…"`, `r#"…"#`, `br"…"`) that starts at `pos`, if one does.
fn raw_string_end(b: &[u8], pos: usize) -> Option<usize> {
    let mut i = pos + usize::from(b[pos] == b'b');
    if b.get(i) != Some(&b'r') {
        return None;
    }
    i += 1;
    let hashes = b[i..].iter().take_while(|&&c| c == b'#').count();
    i += hashes;
    if b.get(i) != Some(&b'"') {
        return None;
    }
    i += 1;
    while i < b.len() {
        if b[i] == b'"'
            && b[i + 1..]
                .iter()
                .take(hashes)
                .filter(|&&c| c == b'#')
                .count()
                == hashes
        {
            return Some(i + 1 + hashes);
        }
        i += 1;
    }
    Some(b.len())
}

/// The end of a nested block comment that starts at `pos` (on its `/*`).
fn block_comment_end(b: &[u8], pos: usize) -> usize {
    let (mut i, mut level) = (pos + 2, 1);
    while i < b.len() {
        if b[i..].starts_with(b"/*") {
            level += 1;
            i += 2;
        } else if b[i..].starts_with(b"*/") {
            level -= 1;
            i += 2;
            if level == 0 {
                return i;
            }
        } else {
            i += 1;
        }
    }
    b.len()
}

/// The end of a character literal (`'a'`, `'\''`, `'"'`) that starts at `pos`.
fn char_end(text: &str, pos: usize) -> usize {
    let b = text.as_bytes();
    let mut i = pos + 1;
    if b.get(i) == Some(&b'\\') {
        i += 2;
        while i < b.len() && b[i] != b'\'' && b[i] != b'\n' {
            i += 1;
        }
    } else if let Some(c) = text.get(i..).and_then(|r| r.chars().next()) {
        i += c.len_utf8();
    }
    if b.get(i) == Some(&b'\'') {
        i + 1
    } else {
        pos + 1
    }
}

/// The string literal at `pos`, unescaped, if there is one.
fn string_at(text: &str, pos: usize) -> Option<String> {
    let b = text.as_bytes();
    let end = match b.get(pos)? {
        b'"' => string_end(b, pos),
        b'r' => raw_string_end(b, pos)?,
        _ => return None,
    };
    ron::from_str::<String>(text.get(pos..end)?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(&str, usize, Option<String>)> {
        keys(text)
            .into_iter()
            .map(|k| (k.name, k.depth, k.value))
            .collect()
    }

    #[test]
    fn skips_strings_comments_and_chars() {
        let t = r##"Deck(id: "a\"b", /* cards: /* id: "x" */ */ title: "say: id: \"y\"", // id: "z"
            c: '"', r: r#"id: "w""#, cards: [(id: r"q"), (id: r#"p"#)])"##;
        assert_eq!(
            names(t),
            [
                ("id", 1, Some("a\"b".into())),
                ("title", 1, None),
                ("c", 1, None),
                ("r", 1, None),
                ("cards", 1, None),
                ("id", 3, Some("q".into())),
                ("id", 3, Some("p".into())),
            ]
        );
    }

    #[test]
    fn tolerates_broken_text() {
        assert_eq!(names("(id: \"open"), [("id", 1, None)]);
        assert_eq!(names("/* never closed id: \"x\""), []);
        assert_eq!(names("'"), []);
        assert_eq!(names("r#\"x"), []);
        assert_eq!(names("))) id: \"x\""), [("id", 0, Some("x".into()))]);
    }
}
