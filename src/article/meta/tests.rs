use super::*;
use crate::article::html_text;

fn date(s: &str) -> Option<PartialDate> {
    Some(s.parse().unwrap())
}

/// The markdown and the HTML article's title, author, outlet, date and link.
const ICE: [&str; 5] = [
    "Ice closes the harbour",
    "Ines Kallas",
    "The Northern Ledger",
    "2023-03-12",
    "https://ledger.example/ice",
];

/// Asserts what was read: title, author, outlet, date and link.
fn assert_meta(m: &SourceMeta, [title, author, outlet, published, url]: [&str; 5]) {
    let got = (&*m.title, &*m.author, &*m.outlet, &*m.url);
    assert_eq!(got, (title, author, outlet, url));
    assert_eq!(m.published, date(published));
}

#[test]
fn a_text_article_gives_its_first_line_byline_and_date() {
    let raw = "Ice closes the harbour of Velmora\n\
        By Ines Kallas, The Northern Ledger\n\
        Wednesday, 12 March 2023 09:14\n\n\
        The harbour froze on 3 March.\n";
    let m = read_meta(raw, ArticleFormat::Text, raw);
    assert_meta(
        &m,
        [
            "Ice closes the harbour of Velmora",
            "Ines Kallas",
            "The Northern Ledger",
            "2023-03-12",
            "",
        ],
    );
}

#[test]
fn a_markdown_article_gives_its_front_matter_heading_and_labels() {
    let raw = "# Ice closes the *harbour*\n\n\
        **By Ines Kallas**\n\n\
        *Published: March 12, 2023*\n\n\
        Source: The Northern Ledger\n\n\
        https://ledger.example/ice\n\n\
        The harbour froze on 3 March.\n";
    let m = read_meta(raw, ArticleFormat::Text, raw);
    assert_meta(&m, ICE);
    let front = "---\ntitle: \"Thaw in Velmora\"\nauthor: Ines Kallas\ndate: 2023-04-02\n---\n\n# Another heading\n\nText.\n";
    let m = read_meta(front, ArticleFormat::Text, front);
    assert_meta(&m, ["Thaw in Velmora", "Ines Kallas", "", "2023-04-02", ""]);
}

#[test]
fn an_html_article_gives_its_meta_tags() {
    let page = r#"<!doctype html><html><head>
        <title>Ice closes the harbour | The Northern Ledger</title>
        <meta property="og:site_name" content="The Northern Ledger">
        <meta name="author" content="Ines Kallas">
        <meta property="article:published_time" content="2023-03-12T09:14:00+01:00">
        <link rel="canonical" href="https://ledger.example/ice">
        <script>document.title = "not this"</script>
        </head><body><h1>Ice closes the harbour</h1><p>The harbour froze on 3 March.</p></body></html>"#;
    let m = read_meta(page, ArticleFormat::Html, &html_text(page));
    assert_meta(&m, ICE);
}

#[test]
fn an_html_article_without_tags_gives_its_json_ld_or_its_text() {
    let ld = r#"<html><head><script type="application/ld+json">
        {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Thaw in Velmora",
         "datePublished": "2023-04-02", "author": [{"@type": "Person", "name": "Ines Kallas"}],
         "publisher": {"@type": "Organization", "name": "The Northern Ledger"}}
        </script></head><body><p>Text.</p></body></html>"#;
    let m = read_meta(ld, ArticleFormat::Html, &html_text(ld));
    assert_meta(
        &m,
        [
            "Thaw in Velmora",
            "Ines Kallas",
            "The Northern Ledger",
            "2023-04-02",
            "",
        ],
    );
    let bare = "<html><body><h1>Thaw in Velmora</h1><p>By Ines Kallas</p><p>2 April 2023</p><p>Text.</p></body></html>";
    let m = read_meta(bare, ArticleFormat::Html, &html_text(bare));
    assert_meta(&m, ["Thaw in Velmora", "Ines Kallas", "", "2023-04-02", ""]);
}
