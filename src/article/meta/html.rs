//! An HTML page's metadata, read with html5ever (through `scraper`): the Open Graph and
//! article meta tags (`og:title`, `og:site_name`, `article:published_time`, `author`...),
//! the JSON-LD data of news sites (`headline`, `datePublished`, `author`, `publisher`: read
//! as data with serde_json, never run), `<time datetime>`, the canonical link, and the
//! `<title>` (less a " | Outlet" ending) or the first `<h1>`.

use scraper::{Html, Selector};
use serde_json::Value;

use super::{SourceMeta, date_in};

/// The metadata the page's head and data give.
pub(super) fn read(html: &str) -> SourceMeta {
    let doc = Html::parse_document(html);
    let meta = |names: &[&str]| -> String {
        names
            .iter()
            .find_map(|n| {
                let sel = Selector::parse(&format!(
                    "meta[property=\"{n}\"], meta[name=\"{n}\"], meta[itemprop=\"{n}\"]"
                ))
                .ok()?;
                doc.select(&sel)
                    .filter_map(|e| e.value().attr("content"))
                    .map(|c| c.split_whitespace().collect::<Vec<_>>().join(" "))
                    .find(|c| !c.is_empty())
            })
            .unwrap_or_default()
    };
    let first_text = |css: &str| -> String {
        Selector::parse(css)
            .ok()
            .and_then(|sel| {
                doc.select(&sel)
                    .map(|e| {
                        e.text()
                            .collect::<String>()
                            .split_whitespace()
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
                    .find(|t| !t.is_empty())
            })
            .unwrap_or_default()
    };
    let first_attr = |css: &str, attr: &str| -> String {
        Selector::parse(css)
            .ok()
            .and_then(|sel| {
                doc.select(&sel)
                    .find_map(|e| e.value().attr(attr).map(str::to_string))
            })
            .unwrap_or_default()
    };
    let mut m = SourceMeta {
        title: meta(&["og:title", "twitter:title", "headline"]),
        outlet: meta(&["og:site_name", "application-name", "publisher"]),
        author: meta(&[
            "author",
            "article:author",
            "byl",
            "parsely-author",
            "sailthru.author",
        ]),
        published: date_in(&meta(&[
            "article:published_time",
            "datePublished",
            "date",
            "pubdate",
            "publish-date",
            "dc.date",
            "DC.date.issued",
            "parsely-pub-date",
        ])),
        url: meta(&["og:url"]),
    };
    let ld = Selector::parse("script[type=\"application/ld+json\"]").ok();
    for script in ld.iter().flat_map(|sel| doc.select(sel)) {
        let text: String = script.text().collect();
        if let Ok(data) = serde_json::from_str::<Value>(&text) {
            m = m.or(from_json_ld(&data));
        }
    }
    // An author given as a link to their page is no name.
    if m.author.starts_with("http") {
        m.author.clear();
    }
    if m.author.to_lowercase().starts_with("by ") {
        m.author = m.author[3..].trim().to_string();
    }
    if m.published.is_none() {
        m.published = date_in(&first_attr("time[datetime]", "datetime"));
    }
    if m.url.is_empty() {
        m.url = first_attr("link[rel=\"canonical\"]", "href");
    }
    if m.title.is_empty() {
        m.title = without_outlet(&first_text("title"), &m.outlet);
    }
    if m.title.is_empty() {
        m.title = first_text("h1");
    }
    if !m.url.starts_with("http") {
        m.url.clear();
    }
    m
}

/// A `<title>` without the outlet's name after it ("Headline | Outlet", "Headline - Outlet").
fn without_outlet(title: &str, outlet: &str) -> String {
    for sep in [" | ", " - ", " — ", " – ", " :: "] {
        if let Some((head, tail)) = title.rsplit_once(sep)
            && (outlet.is_empty() || tail.trim().eq_ignore_ascii_case(outlet.trim()))
            && !head.trim().is_empty()
        {
            return head.trim().to_string();
        }
    }
    title.to_string()
}

/// The fields of a JSON-LD object (or the first article of a list or `@graph`).
fn from_json_ld(v: &Value) -> SourceMeta {
    match v {
        Value::Array(items) => items
            .iter()
            .map(from_json_ld)
            .fold(SourceMeta::default(), SourceMeta::or),
        Value::Object(o) => {
            if let Some(graph) = o.get("@graph") {
                return from_json_ld(graph);
            }
            let text = |key: &str| o.get(key).map(name_of).unwrap_or_default();
            SourceMeta {
                title: text("headline"),
                outlet: text("publisher"),
                author: text("author"),
                published: date_in(&text("datePublished")),
                url: text("url"),
            }
        }
        _ => SourceMeta::default(),
    }
}

/// A JSON-LD value as text: a string, an object's `name`, or the names of a list joined.
fn name_of(v: &Value) -> String {
    match v {
        Value::String(s) => s.trim().to_string(),
        Value::Object(o) => o.get("name").map(name_of).unwrap_or_default(),
        Value::Array(items) => items
            .iter()
            .map(name_of)
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", "),
        _ => String::new(),
    }
}
