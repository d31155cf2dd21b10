//! A field of Anki's, which is HTML, as the plain text factquiz shows: parsed by a real HTML
//! parser (html5ever, through `scraper`), so that entities are decoded and markup of any shape
//! is read as a browser reads it; line breaks and blocks kept as lines; images and sounds,
//! which factquiz does not import, left as a marker in the text and counted.

use scraper::{ElementRef, Html, Node};

use crate::article::HTML_BLOCKS;

/// A field as text, with the media it named.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Plain {
    pub text: String,
    /// Images and sounds the field showed or played, which are not imported.
    pub media: usize,
}

impl Plain {
    /// Whether the text is nothing but media markers (an image-only side of a card).
    pub fn only_media(&self) -> bool {
        self.media > 0 && strip_markers(&self.text).trim().is_empty()
    }
}

/// An HTML field as text: `<br>` and blocks become line breaks, entities are decoded, runs of
/// spaces become one, `<img>` becomes "[image: name]", `[sound:name]` becomes "[sound: name]",
/// scripts and styles are dropped.
pub fn html_to_text(html: &str) -> Plain {
    let mut out = Plain::default();
    if !html.contains(['<', '&']) {
        out.text = html.to_string();
    } else {
        let doc = Html::parse_fragment(html);
        let mut raw = String::with_capacity(html.len());
        walk(doc.root_element(), &mut raw, &mut out.media);
        out.text = raw;
    }
    out.text = sounds(&out.text, &mut out.media);
    out.text = tidy(&out.text);
    out
}

/// Plain text (an export without HTML): only sounds are marked, spaces tidied.
pub fn plain_text(text: &str) -> Plain {
    let mut media = 0;
    let text = tidy(&sounds(text, &mut media));
    Plain { text, media }
}

fn walk(el: ElementRef<'_>, out: &mut String, media: &mut usize) {
    for child in el.children() {
        match child.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) => {
                let name = e.name();
                match name {
                    "br" => out.push('\n'),
                    "img" => {
                        *media += 1;
                        let src = e.attr("src").unwrap_or("").trim();
                        out.push_str(&format!(" [image: {src}] "));
                    }
                    "script" | "style" => {}
                    _ => {
                        let block = HTML_BLOCKS.contains(&name);
                        if block {
                            new_line(out);
                        }
                        if let Some(inner) = ElementRef::wrap(child) {
                            walk(inner, out, media);
                        }
                        if block {
                            new_line(out);
                        }
                    }
                }
            }
            _ => {}
        }
    }
}

/// Starts a new line unless the text is at the start of one (blocks in a row are one break).
fn new_line(out: &mut String) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

/// `[sound:name.mp3]` as "[sound: name.mp3]", counted.
fn sounds(text: &str, media: &mut usize) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("[sound:") {
        let Some(end) = rest[i..].find(']') else {
            break;
        };
        out.push_str(&rest[..i]);
        out.push_str(&format!("[sound: {}]", rest[i + 7..i + end].trim()));
        *media += 1;
        rest = &rest[i + end + 1..];
    }
    out.push_str(rest);
    out
}

/// Spaces within a line made one, lines trimmed, no empty lines at the ends or two in a row.
fn tidy(text: &str) -> String {
    let mut lines: Vec<String> = Vec::new();
    for line in text.lines() {
        let line = line
            .split(|c: char| c.is_whitespace())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        if line.is_empty() && lines.last().is_none_or(String::is_empty) {
            continue;
        }
        lines.push(line);
    }
    while lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    lines.join("\n")
}

/// The text without its media markers.
fn strip_markers(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find(['[']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if (tail.starts_with("[image: ") || tail.starts_with("[sound: "))
            && let Some(end) = tail.find(']')
        {
            rest = &tail[end + 1..];
        } else {
            out.push('[');
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breaks_blocks_and_entities() {
        let p = html_to_text("Capital of <b>France</b>?<br>Hint&nbsp;&amp; more<div>next</div>");
        assert_eq!(p.text, "Capital of France?\nHint & more\nnext");
        assert_eq!(p.media, 0);
        let p = html_to_text("<ul><li>one</li><li>two</li></ul>");
        assert_eq!(p.text, "one\ntwo");
        // Table cells and sections are blocks as in an article's page: never glued together.
        let p = html_to_text("<table><tr><td>Astana</td><td>capital</td></tr></table>");
        assert_eq!(p.text, "Astana\ncapital");
        let p = html_to_text("<section>front</section><section>back</section>");
        assert_eq!(p.text, "front\nback");
    }

    #[test]
    fn media_is_marked_and_counted() {
        let p = html_to_text(r#"<img src="cat.jpg"> A cat [sound:meow.mp3]"#);
        assert_eq!(p.text, "[image: cat.jpg] A cat [sound: meow.mp3]");
        assert_eq!(p.media, 2);
        assert!(!p.only_media());
        assert!(html_to_text(r#"<img src="a.png">"#).only_media());
        assert!(plain_text("[sound:x.mp3]").only_media());
    }

    #[test]
    fn scripts_and_styles_are_dropped() {
        let p = html_to_text("<style>.x{}</style>Text<script>alert(1)</script>");
        assert_eq!(p.text, "Text");
    }
}
