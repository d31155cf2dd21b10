use super::*;
use crate::article::html_text;

fn date(s: &str) -> Option<PartialDate> {
    Some(s.parse().unwrap())
}

#[test]
fn a_text_article_gives_its_first_line_byline_and_date() {
    let raw = "Ice closes the harbour of Velmora\n\
        By Ines Kallas, The Northern Ledger\n\
        Wednesday, 12 March 2023 09:14\n\n\
        The harbour froze on 3 March.\n";
    let m = read_meta(raw, ArticleFormat::Text, raw);
    assert_eq!(m.title, "Ice closes the harbour of Velmora");
    assert_eq!(m.author, "Ines Kallas");
    assert_eq!(m.outlet, "The Northern Ledger");
    assert_eq!(m.published, date("2023-03-12"));
    assert_eq!(m.url, "");
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
    assert_eq!(m.title, "Ice closes the harbour");
    assert_eq!(m.author, "Ines Kallas");
    assert_eq!(m.outlet, "The Northern Ledger");
    assert_eq!(m.published, date("2023-03-12"));
    assert_eq!(m.url, "https://ledger.example/ice");
    let front = "---\ntitle: \"Thaw in Velmora\"\nauthor: Ines Kallas\ndate: 2023-04-02\n---\n\n# Another heading\n\nText.\n";
    let m = read_meta(front, ArticleFormat::Text, front);
    assert_eq!(m.title, "Thaw in Velmora");
    assert_eq!(m.author, "Ines Kallas");
    assert_eq!(m.published, date("2023-04-02"));
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
    assert_eq!(m.title, "Ice closes the harbour");
    assert_eq!(m.outlet, "The Northern Ledger");
    assert_eq!(m.author, "Ines Kallas");
    assert_eq!(m.published, date("2023-03-12"));
    assert_eq!(m.url, "https://ledger.example/ice");
}

#[test]
fn an_html_article_without_tags_gives_its_json_ld_or_its_text() {
    let ld = r#"<html><head><script type="application/ld+json">
        {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Thaw in Velmora",
         "datePublished": "2023-04-02", "author": [{"@type": "Person", "name": "Ines Kallas"}],
         "publisher": {"@type": "Organization", "name": "The Northern Ledger"}}
        </script></head><body><p>Text.</p></body></html>"#;
    let m = read_meta(ld, ArticleFormat::Html, &html_text(ld));
    assert_eq!(
        (m.title.as_str(), m.author.as_str(), m.outlet.as_str()),
        ("Thaw in Velmora", "Ines Kallas", "The Northern Ledger")
    );
    assert_eq!(m.published, date("2023-04-02"));
    let bare = "<html><body><h1>Thaw in Velmora</h1><p>By Ines Kallas</p><p>2 April 2023</p><p>Text.</p></body></html>";
    let m = read_meta(bare, ArticleFormat::Html, &html_text(bare));
    assert_eq!(
        (m.title.as_str(), m.author.as_str()),
        ("Thaw in Velmora", "Ines Kallas")
    );
    assert_eq!(m.published, date("2023-04-02"));
}
