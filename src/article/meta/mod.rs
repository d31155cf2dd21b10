//! What an article says about itself, for the source made when it is opened: its title,
//! outlet, author, date and link. From a text or markdown file: a front matter block
//! (`title: ...` lines between `---` lines), labelled lines ("Author:", "Published:"), the
//! first line (a `#` heading in markdown) as the title, a byline ("By Jane Roe, The Daily
//! Planet") and a line that holds a date, among the first lines. From an HTML page (`html`):
//! its title and meta tags, and the JSON-LD data news sites publish, read with html5ever;
//! what they leave out is looked for in the page's visible text as in a text file. Nothing
//! here is certain: the user confirms every field.

mod html;

use super::ArticleFormat;
use super::facts::{FactKind, FactValue, NameBook, find_facts};
use crate::deck::PartialDate;
use crate::deck::csv::slug;
use crate::deck::draft::SourceFields;

/// The lines at the top of an article where its byline and date are looked for.
const HEAD_LINES: usize = 12;

/// A source's fields as the article gives them; empty when it does not.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceMeta {
    pub title: String,
    pub outlet: String,
    pub author: String,
    pub published: Option<PartialDate>,
    pub url: String,
}

impl SourceMeta {
    /// Fills the fields still empty from `other`.
    fn or(mut self, other: SourceMeta) -> SourceMeta {
        let fill = |a: &mut String, b: String| {
            if a.is_empty() {
                *a = b;
            }
        };
        fill(&mut self.title, other.title);
        fill(&mut self.outlet, other.outlet);
        fill(&mut self.author, other.author);
        fill(&mut self.url, other.url);
        self.published = self.published.or(other.published);
        self
    }
}

impl SourceMeta {
    /// A deck's source for the article in `file`, its id made from the outlet (or title) and
    /// the date, and different from every id of `taken`.
    pub fn to_source(&self, file: &str, taken: &[String]) -> SourceFields {
        let name = if self.outlet.is_empty() {
            &self.title
        } else {
            &self.outlet
        };
        let short: String = name
            .split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ");
        let date = self.published.map(|d| d.to_string()).unwrap_or_default();
        let base = slug(&format!("{short} {date}"));
        let base = if short.is_empty() {
            format!("source-{date}")
        } else {
            base
        };
        let base = base.trim_end_matches('-').to_string();
        let id = (1..)
            .map(|n| {
                if n == 1 {
                    base.clone()
                } else {
                    format!("{base}-{n}")
                }
            })
            .find(|id| !taken.contains(id))
            .unwrap_or(base);
        SourceFields {
            id,
            title: self.title.clone(),
            outlet: self.outlet.clone(),
            author: self.author.clone(),
            published: self.published.map(|d| d.to_string()).unwrap_or_default(),
            inferred: String::new(),
            url: self.url.clone(),
            text: file.to_string(),
        }
    }
}

/// The metadata of an article: `raw` is its file's text, `text` what a reader sees of it.
pub fn read_meta(raw: &str, format: ArticleFormat, text: &str) -> SourceMeta {
    match format {
        ArticleFormat::Html => html::read(raw).or(from_text(text, false)),
        ArticleFormat::Text => from_text(raw, true),
    }
}

/// The metadata of a text (markdown too: `#` headings and `*emphasis*` are read through).
fn from_text(raw: &str, front_matter: bool) -> SourceMeta {
    let (front, body) = if front_matter {
        split_front_matter(raw)
    } else {
        (SourceMeta::default(), raw)
    };
    let lines: Vec<String> = body
        .lines()
        .map(plain)
        .filter(|l| !l.is_empty())
        .take(HEAD_LINES)
        .collect();
    let mut meta = SourceMeta::default();
    for (i, line) in lines.iter().enumerate() {
        if let Some((label, value)) = labelled(line) {
            apply(&mut meta, &label, value);
            continue;
        }
        if meta.title.is_empty() && i == 0 && line.chars().count() <= 300 {
            meta.title = line.clone();
            continue;
        }
        if meta.author.is_empty()
            && let Some((author, outlet)) = byline(line)
        {
            meta.author = author;
            if meta.outlet.is_empty() {
                meta.outlet = outlet;
            }
            continue;
        }
        if meta.url.is_empty() && (line.starts_with("https://") || line.starts_with("http://")) {
            meta.url = line
                .split_whitespace()
                .next()
                .unwrap_or_default()
                .to_string();
            continue;
        }
        if meta.published.is_none() && line.chars().count() <= 80 {
            meta.published = date_in(line);
        }
    }
    front.or(meta)
}

/// A line without markdown's heading and quote marks and emphasis, trimmed.
fn plain(line: &str) -> String {
    let l = line
        .trim()
        .trim_start_matches('#')
        .trim_start_matches('>')
        .trim();
    l.replace('*', "").trim_matches('_').trim().to_string()
}

/// `---` front matter at the top of a markdown file, read as `key: value` lines (quotes
/// around a value dropped), and the text after it.
fn split_front_matter(raw: &str) -> (SourceMeta, &str) {
    let raw = raw.trim_start_matches('\u{feff}');
    let Some(rest) = raw
        .strip_prefix("---\n")
        .or_else(|| raw.strip_prefix("---\r\n"))
    else {
        return (SourceMeta::default(), raw);
    };
    let Some(end) = rest.find("\n---") else {
        return (SourceMeta::default(), raw);
    };
    let mut meta = SourceMeta::default();
    for line in rest[..end].lines() {
        if let Some((key, value)) = line.split_once(':') {
            let value = value.trim().trim_matches(|c| c == '"' || c == '\'');
            apply(&mut meta, &key.trim().to_lowercase(), value);
        }
    }
    let body = rest[end + 4..].trim_start_matches(['-', '\r', '\n']);
    (meta, body)
}

/// "Author: Jane Roe", "Published: 12 January 2022", "Source: RFE/RL": the label, lowercased,
/// and the value.
fn labelled(line: &str) -> Option<(String, &str)> {
    let (label, value) = line.split_once(':')?;
    let label = label.trim().to_lowercase();
    let known = [
        "title",
        "headline",
        "author",
        "authors",
        "by",
        "byline",
        "date",
        "published",
        "published on",
        "posted",
        "posted on",
        "updated",
        "source",
        "outlet",
        "publication",
        "publisher",
        "url",
        "link",
    ];
    (known.contains(&label.as_str()) && !value.trim().is_empty()).then(|| (label, value.trim()))
}

/// Sets the field a label names, when it is still empty.
fn apply(meta: &mut SourceMeta, label: &str, value: &str) {
    let value = value.trim();
    match label {
        "title" | "headline" if meta.title.is_empty() => meta.title = value.into(),
        "author" | "authors" | "by" | "byline" if meta.author.is_empty() => {
            meta.author = byline(&format!("By {value}")).map_or(value.into(), |(a, _)| a)
        }
        "date" | "published" | "published on" | "posted" | "posted on" | "updated"
            if meta.published.is_none() =>
        {
            meta.published = date_in(value)
        }
        "source" | "outlet" | "publication" | "publisher" if meta.outlet.is_empty() => {
            meta.outlet = value.into()
        }
        "url" | "link" if meta.url.is_empty() => meta.url = value.into(),
        _ => {}
    }
}

/// "By Jane Roe", "By Jane Roe, The Daily Planet", "by Jane Roe | Planet", "By Jane Roe for
/// the Planet": the author and the outlet (perhaps empty).
fn byline(line: &str) -> Option<(String, String)> {
    let rest = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("by "))
        .or_else(|| line.strip_prefix("BY "))?
        .trim();
    let (author, outlet) = [" | ", ", ", " for ", " - ", " — ", " – "]
        .iter()
        .find_map(|sep| rest.split_once(sep))
        .unwrap_or((rest, ""));
    let author = author.trim();
    // A byline is a name or a few: not a sentence.
    let words = author.split_whitespace().count();
    if author.is_empty() || words > 8 || author.ends_with('.') && words > 4 {
        return None;
    }
    Some((
        author.to_string(),
        outlet.trim().trim_end_matches('.').to_string(),
    ))
}

/// The first date with a year in a line ("Wednesday, January 12, 2022 09:14", "2022-01-12").
pub fn date_in(line: &str) -> Option<PartialDate> {
    // An ISO date and time ("2022-01-12T09:14:00+06:00") is read from its date.
    let head: String = line.trim().chars().take(10).collect();
    if let Ok(d) = head.parse::<PartialDate>()
        && head.len() == 10
    {
        return Some(d);
    }
    find_facts(line, &NameBook::default())
        .into_iter()
        .filter(|f| f.kind == FactKind::Date)
        .find_map(|f| match f.value {
            FactValue::Date {
                year: Some(year),
                month,
                day,
            } => Some(PartialDate { year, month, day }),
            _ => None,
        })
}

#[cfg(test)]
mod tests;
