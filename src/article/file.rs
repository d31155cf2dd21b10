//! An article's text as `factquiz check` reads it: a `.txt` or `.md` file as it is, an HTML
//! page as the text a reader sees (parsed with html5ever through `scraper`; scripts, styles
//! and the page's head never shown, one block a line). Files over 5 MB, and files that are not
//! UTF-8 text, are refused with the reason.

use std::io::Read;
use std::path::{Path, PathBuf};

use scraper::{Html, Node};

use super::folded::Folded;

/// Articles larger than this are refused before they are read.
pub const MAX_ARTICLE_BYTES: usize = 5 * 1024 * 1024;

/// Elements whose content a reader never sees (or that are not the article).
const HIDDEN: [&str; 11] = [
    "head", "script", "style", "noscript", "template", "iframe", "object", "embed", "svg",
    "canvas", "math",
];

/// How deep a page may nest its elements. html5ever's tree builder looks through the open
/// elements for each new one, so a page of a million nested `<div>`s would take hours; real
/// articles nest a few dozen deep.
pub const MAX_HTML_DEPTH: usize = 512;

/// Elements that never hold others, and elements that the next of their kind closes: neither
/// makes a page deeper.
const FLAT: [&str; 27] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option",
    "optgroup", "rb", "rt",
];

/// Elements that start a new line of the text (an Anki field's too, see `interop::html`).
pub const HTML_BLOCKS: [&str; 38] = [
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "caption",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

/// How an article's text was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArticleFormat {
    /// A `.txt` or `.md` file: places are its lines.
    Text,
    /// An HTML page: places are the paragraphs of its visible text.
    Html,
}

/// Why an article could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ArticleError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error(
        "{path} is {size} bytes; articles are limited to 5 MB ({MAX_ARTICLE_BYTES} bytes): \
         save the article's own text, not a whole site"
    )]
    TooBig { path: String, size: u64 },
    #[error("{path} is not text ({why}); save the article as UTF-8 text, markdown or HTML")]
    NotText { path: String, why: String },
}

/// An article's readable text, folded for lookups.
#[derive(Debug)]
pub struct Article {
    pub path: PathBuf,
    pub format: ArticleFormat,
    /// What a reader sees: the file itself, or an HTML page's text (one block a line).
    pub text: String,
    pub folded: Folded,
    /// The folded text's words, as byte ranges of it.
    pub words: Vec<std::ops::Range<usize>>,
}

impl Article {
    /// Reads the article at `path`; `.html` and `.htm` files are read as HTML.
    pub fn read(path: &Path) -> Result<Article, ArticleError> {
        let bytes = read_bytes(path)?;
        Article::from_bytes(path, ArticleFormat::of(path), bytes)
    }

    /// An article from its file's bytes, refusing what is not UTF-8 text.
    pub fn from_bytes(
        path: &Path,
        format: ArticleFormat,
        bytes: Vec<u8>,
    ) -> Result<Article, ArticleError> {
        let not_text = |why: String| ArticleError::NotText {
            path: path.display().to_string(),
            why,
        };
        if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
            return Err(not_text("it is UTF-16".into()));
        }
        if let Some(at) = bytes.iter().position(|&b| b == 0) {
            return Err(not_text(format!(
                "it holds a NUL byte at offset {at}, as binary files do"
            )));
        }
        let text = String::from_utf8(bytes).map_err(|e| {
            let at = e.utf8_error().valid_up_to();
            not_text(format!("it is not UTF-8: a bad byte at offset {at}"))
        })?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let text = match format {
            ArticleFormat::Text => text.to_string(),
            ArticleFormat::Html => {
                let depth = nesting_depth(text);
                if depth > MAX_HTML_DEPTH {
                    return Err(not_text(format!(
                        "its elements nest {depth} deep; pages are read up to \
                         {MAX_HTML_DEPTH} deep"
                    )));
                }
                html_text(text)
            }
        };
        let folded = Folded::new(&text);
        Ok(Article {
            path: path.to_path_buf(),
            format,
            words: folded.words(),
            folded,
            text,
        })
    }

    /// Where in the article an offset of its text is, as a reader finds it: "line 12" of a
    /// text file, "paragraph 12" of an HTML page's text.
    pub fn place(&self, offset: usize) -> String {
        let before = &self.text[..floor_char(&self.text, offset)];
        let n = before.matches('\n').count() + 1;
        match self.format {
            ArticleFormat::Text => format!("line {n}"),
            ArticleFormat::Html => format!("paragraph {n}"),
        }
    }
}

/// The bytes of the file at `path`, refused over [`MAX_ARTICLE_BYTES`] before they are read
/// (and while they are, should the file grow).
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, ArticleError> {
    let shown = path.display().to_string();
    let io = |source| ArticleError::Io {
        path: shown.clone(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    if size > MAX_ARTICLE_BYTES as u64 {
        return Err(ArticleError::TooBig { path: shown, size });
    }
    let mut bytes = Vec::new();
    file.take(MAX_ARTICLE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() > MAX_ARTICLE_BYTES {
        let size = bytes.len() as u64;
        return Err(ArticleError::TooBig { path: shown, size });
    }
    Ok(bytes)
}

impl ArticleFormat {
    /// How a file is read, by its extension: `.html` and `.htm` as HTML, others as text.
    pub fn of(path: &Path) -> ArticleFormat {
        let html = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
        if html {
            ArticleFormat::Html
        } else {
            ArticleFormat::Text
        }
    }
}

/// The largest char boundary at or before `i`.
pub(super) fn floor_char(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// About how deep a page's elements nest, counted before parsing (see [`MAX_HTML_DEPTH`]):
/// each start tag of an element that can hold others opens a level, each end tag closes one.
/// Comments, and the contents of scripts, styles and titles, are skipped. A guard only: the
/// text itself is read by html5ever.
fn nesting_depth(html: &str) -> usize {
    let b = html.as_bytes();
    let find = |from: usize, what: &[u8]| {
        b.get(from..)
            .and_then(|rest| {
                rest.windows(what.len())
                    .position(|w| w.eq_ignore_ascii_case(what))
            })
            .map_or(b.len(), |p| from + p)
    };
    let (mut i, mut depth, mut deepest) = (0, 0usize, 0);
    while let Some(p) = b.get(i..).and_then(|r| r.iter().position(|&c| c == b'<')) {
        let at = i + p;
        let close = find(at, b">");
        i = close + 1;
        if b[at..].starts_with(b"<!--") {
            i = find(at + 4, b"-->") + 3;
        } else if b.get(at + 1) == Some(&b'/') {
            depth = depth.saturating_sub(1);
        } else if b.get(at + 1).is_some_and(u8::is_ascii_alphabetic) {
            let len = b[at + 1..]
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric())
                .count();
            let name = html[at + 1..at + 1 + len].to_ascii_lowercase();
            let self_closing = close > 0 && b.get(close - 1) == Some(&b'/');
            if matches!(name.as_str(), "script" | "style" | "title" | "textarea") {
                let end = find(i, format!("</{name}").as_bytes());
                i = find(end, b">") + 1;
            } else if !self_closing && !FLAT.contains(&name.as_str()) {
                depth += 1;
                deepest = deepest.max(depth);
            }
        }
    }
    deepest
}

/// The text a reader sees on an HTML page: the body's text, without scripts, styles, hidden
/// elements or the head; each block (paragraph, heading, list item, ...) on a line of its own,
/// spaces collapsed, empty lines dropped.
pub fn html_text(html: &str) -> String {
    let doc = Html::parse_document(html);
    let mut raw = String::new();
    // Depth first, without recursion (a hostile page may nest deeply): `None` is the line
    // break after a block.
    let mut stack = vec![Some(doc.tree.root())];
    while let Some(item) = stack.pop() {
        let Some(node) = item else {
            raw.push('\n');
            continue;
        };
        match node.value() {
            Node::Text(t) => raw.push_str(t),
            Node::Element(e) => {
                if HIDDEN.contains(&e.name()) || e.attr("hidden").is_some() {
                    continue;
                }
                if HTML_BLOCKS.contains(&e.name()) {
                    raw.push('\n');
                    stack.push(None);
                }
                stack.extend(node.children().rev().map(Some));
            }
            Node::Document | Node::Fragment => stack.extend(node.children().rev().map(Some)),
            _ => {}
        }
    }
    raw.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_text_is_what_a_reader_sees() {
        let page = r#"<!doctype html><html><head><title>Headline</title>
            <style>p { color: red }</style><script>var secret = "do not show";</script></head>
            <body><h1>The  headline</h1><p>First <b>para</b>graph &amp; more.</p>
            <div hidden>hidden text</div><noscript>enable scripts</noscript>
            <ul><li>one</li><li>two</li></ul><script>alert("x")</script><p>Last<br>line</p>
            </body></html>"#;
        assert_eq!(
            html_text(page),
            "The headline\nFirst paragraph & more.\none\ntwo\nLast\nline"
        );
    }

    #[test]
    fn deep_nesting_is_refused_before_parsing_and_never_overflows() {
        let nested = |n: usize| "<div>".repeat(n) + "deep" + &"</div>".repeat(n);
        let path = Path::new("a.html");
        let read = |page: String| Article::from_bytes(path, ArticleFormat::Html, page.into());
        let err = read(nested(1_000_000)).unwrap_err().to_string();
        assert!(err.contains("its elements nest 1000000 deep"), "{err}");
        assert_eq!(read(nested(MAX_HTML_DEPTH)).unwrap().text, "deep");
        // Within the limit, the walk over the tree uses no recursion.
        assert_eq!(html_text(&nested(5_000)), "deep");
    }

    #[test]
    fn depth_counts_what_nests() {
        assert_eq!(nesting_depth("<div><p>a<p>b<br><img src=x/></div>"), 1);
        assert_eq!(
            nesting_depth("<ul><li>a<li>b</ul><div><div></div></div>"),
            2
        );
        let hidden = "<!-- <div><div> --><script>if (a<b) { x = '<div>' }</script><b>x</b>";
        assert_eq!(nesting_depth(hidden), 1);
        assert_eq!(nesting_depth("<div><style>p{}</style><div><i>x"), 3);
    }

    #[test]
    fn binary_and_non_utf8_files_are_refused() {
        let path = Path::new("a.txt");
        let err = |b: &[u8]| {
            Article::from_bytes(path, ArticleFormat::Text, b.to_vec())
                .unwrap_err()
                .to_string()
        };
        assert!(err(b"PK\x03\x04\x00\x00").contains("NUL byte at offset 4"));
        assert!(err(b"caf\xe9").contains("not UTF-8: a bad byte at offset 3"));
        assert!(err(b"\xff\xfeh\x00i\x00").contains("UTF-16"));
        let ok = Article::from_bytes(path, ArticleFormat::Text, b"\xef\xbb\xbfHi\nthere".to_vec());
        let ok = ok.unwrap();
        assert_eq!(ok.text, "Hi\nthere");
        assert_eq!(ok.place(4), "line 2");
    }
}
