//! Opening an article through the collection (what the file dialog, a drop and a paste do):
//! a plain-text, a markdown and an HTML article are copied into `<data dir>/articles/` with
//! their title, outlet, author, date and link read from them; the same text opened twice is
//! kept once, another text under the same name gets a new name; files over 5 MB, binary files
//! and other formats are refused with the reason and nothing is written. Every article here
//! is made up in the test.

mod common;

use std::path::Path;

use factquiz::article::MAX_ARTICLE_BYTES;
use factquiz::deck::PartialDate;
use factquiz::study::StudyError;
use factquiz::study::articles::{AddedArticle, ArticleInput};

const TEXT: &str = "Ice closes the harbour of Velmora\n\
    By Ines Kallas, The Northern Ledger\n\
    Published: 12 March 2023\n\n\
    The harbour froze on 3 March, and 2,500 residents lost their heating.\n";

const MARKDOWN: &str = "---\n\
    title: \"Thaw reaches Kelvik\"\n\
    author: Rhona Vance\n\
    date: 2024-04-02\n\
    ---\n\n\
    # Thaw reaches Kelvik\n\n\
    *Source: The Coastal Courier*\n\n\
    The port reopened on 28 March 2024.\n";

const HTML: &str = r#"<!doctype html><html><head>
    <title>Drossholm votes to dredge | Fjord Post</title>
    <meta property="og:title" content="Drossholm votes to dredge the channel">
    <meta property="og:site_name" content="Fjord Post">
    <meta name="author" content="Edda Brun">
    <meta property="article:published_time" content="2024-05-06T08:00:00Z">
    <meta property="og:url" content="https://fjord.example/dredge">
    <style>body { font: serif }</style><script>alert("never run")</script>
    </head><body><article><h1>Drossholm votes to dredge the channel</h1>
    <p>The council voted 9 to 2 on 5 May.</p></article></body></html>"#;

fn add(dir: &Path, input: ArticleInput) -> Result<AddedArticle, StudyError> {
    let mut coll = common::collection_in(dir, 2);
    coll.add_article(&input)
}

fn file(dir: &Path, name: &str, text: &str) -> ArticleInput {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    ArticleInput::File(path)
}

fn date(s: &str) -> Option<PartialDate> {
    Some(s.parse().unwrap())
}

#[test]
fn a_text_a_markdown_and_an_html_article_give_their_source() {
    let data = tempfile::tempdir().unwrap();
    let mut coll = common::collection_in(data.path(), 2);
    let away = tempfile::tempdir().unwrap();

    // Each article: its file, and the title, author, outlet and date read from it.
    let articles = [
        (
            "Velmora ice.TXT",
            TEXT,
            "Ice closes the harbour of Velmora",
            "Ines Kallas",
            "The Northern Ledger",
            "2023-03-12",
        ),
        (
            "kelvik.md",
            MARKDOWN,
            "Thaw reaches Kelvik",
            "Rhona Vance",
            "The Coastal Courier",
            "2024-04-02",
        ),
        (
            "dredge.html",
            HTML,
            "Drossholm votes to dredge the channel",
            "Edda Brun",
            "Fjord Post",
            "2024-05-06",
        ),
    ];
    let mut added = Vec::new();
    for (name, text, title, author, outlet, published) in articles {
        let a = coll.add_article(&file(away.path(), name, text)).unwrap();
        assert_eq!(std::fs::read_to_string(&a.path).unwrap(), text);
        let m = &a.meta;
        let got = (m.title.as_str(), m.author.as_str(), m.outlet.as_str());
        assert_eq!(got, (title, author, outlet), "{name}");
        assert_eq!(m.published, date(published), "{name}");
        added.push(a);
    }
    assert_eq!(added[0].file, "Velmora-ice.txt");
    assert_eq!(added[0].path, data.path().join("articles/Velmora-ice.txt"));
    let h = &added[2];
    assert_eq!(h.meta.url, "https://fjord.example/dredge");
    // Words as a reader sees them: the heading and the paragraph, nothing of the head.
    assert_eq!(h.words, 15);

    // The source the editor offers from it, for the user to confirm.
    let s = h
        .meta
        .to_source(&h.file, &["fjord-post-2024-05-06".to_string()]);
    assert_eq!(s.id, "fjord-post-2024-05-06-2");
    assert_eq!(
        (s.published.as_str(), s.text.as_str()),
        ("2024-05-06", "dredge.html")
    );
}

#[test]
fn pasted_text_is_kept_under_its_first_line() {
    let data = tempfile::tempdir().unwrap();
    let a = add(data.path(), ArticleInput::Pasted(TEXT.into())).unwrap();
    assert_eq!(a.file, "ice-closes-the-harbour-of-velmora.txt");
    assert_eq!(a.meta.title, "Ice closes the harbour of Velmora");
    assert_eq!(std::fs::read_to_string(a.path).unwrap(), TEXT);
}

#[test]
fn the_same_text_is_kept_once_and_another_text_gets_a_new_name() {
    let data = tempfile::tempdir().unwrap();
    let away = tempfile::tempdir().unwrap();
    let first = add(data.path(), file(away.path(), "ice.txt", TEXT)).unwrap();
    let again = add(data.path(), file(away.path(), "ice.txt", TEXT)).unwrap();
    assert_eq!(first.path, again.path);
    let other = add(data.path(), file(away.path(), "ice.txt", MARKDOWN)).unwrap();
    assert_eq!(other.file, "ice-2.txt");
    assert_eq!(
        std::fs::read_dir(data.path().join("articles"))
            .unwrap()
            .count(),
        2
    );
}

#[test]
fn too_big_binary_and_foreign_files_are_refused_and_nothing_is_written() {
    let data = tempfile::tempdir().unwrap();
    let away = tempfile::tempdir().unwrap();
    let big = "word ".repeat(MAX_ARTICLE_BYTES / 5 + 1);
    let e = add(data.path(), file(away.path(), "big.txt", &big))
        .unwrap_err()
        .to_string();
    assert!(e.contains("articles are limited to 5 MB"), "{e}");
    let e = add(data.path(), ArticleInput::Pasted(big))
        .unwrap_err()
        .to_string();
    assert!(e.contains("the pasted text is"), "{e}");
    let zip = away.path().join("archive.txt");
    std::fs::write(&zip, b"PK\x03\x04\x00\x00binary").unwrap();
    let e = add(data.path(), ArticleInput::File(zip))
        .unwrap_err()
        .to_string();
    assert!(e.contains("is not text") && e.contains("NUL byte"), "{e}");
    let e = add(data.path(), file(away.path(), "paper.pdf", "%PDF-1.7"))
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("is not an article: open a .txt, .md or .html file"),
        "{e}"
    );
    let e = add(data.path(), ArticleInput::Pasted("  \n ".into()))
        .unwrap_err()
        .to_string();
    assert!(e.contains("holds no words"), "{e}");
    assert!(!data.path().join("articles").exists());
}
