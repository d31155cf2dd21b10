//! A source's `text:` field (the file holding its article): read from RON, refused when it
//! could reach outside the articles' folders (with file, line and column), and kept through
//! every way a deck is written back: RON, a CSV or TSV export and import, and the editor.

use factquiz::deck::csv::{read_csv, write_csv};
use factquiz::deck::draft::DeckDraft;
use factquiz::deck::load::{load_deck, to_ron};
use factquiz::deck::save::export;

fn deck(text_field: &str) -> String {
    format!(
        r#"Deck(
    id: "orla",
    title: "Orla Island",
    sources: [
        (id: "notes", title: "Ferry notes", published: "2024-05-20"{text_field}),
        (id: "plain", title: "No text", published: "2024"),
    ],
    cards: [
        (
            id: "who-operator",
            kind: Who,
            prompt: "Which company ran the ferry?",
            answer: Name(["Orla Lines"]),
            evidence: [(source: "notes", locator: "Repairs took eleven days", says: "Said.")],
        ),
    ],
)
"#
    )
}

#[test]
fn the_text_field_is_read_and_written_back_only_where_given() {
    let d = load_deck(&deck(r#", text: "ferries/dunmere.md""#), "orla.ron").unwrap();
    assert_eq!(d.sources[0].text.as_deref(), Some("ferries/dunmere.md"));
    assert_eq!(d.sources[1].text, None);
    let ron = to_ron(&d);
    assert_eq!(
        ron.matches("text: \"ferries/dunmere.md\"").count(),
        1,
        "{ron}"
    );
    assert_eq!(ron.matches("text:").count(), 1, "no `text: None`:\n{ron}");
    assert_eq!(load_deck(&ron, "again.ron").unwrap(), d);
}

#[test]
fn a_text_that_could_reach_outside_the_articles_is_refused_at_its_source() {
    for (name, why) in [
        (
            "../secret.txt",
            "goes up a folder (..): give a path inside the articles' folder",
        ),
        (
            "/etc/hosts.txt",
            "is an absolute path: give a file name or a path relative to the deck",
        ),
        ("notes.pdf", "must end in .txt, .md, .html or .htm"),
    ] {
        let errors = load_deck(&deck(&format!(r#", text: "{name}""#)), "orla.ron").unwrap_err();
        let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [format!(
                "orla.ron:5:10: the source's text file \"{name}\" {why}"
            )]
        );
    }
}

#[test]
fn exports_imports_and_the_editor_keep_the_text() {
    let d = load_deck(&deck(r#", text: "dunmere.html""#), "orla.ron").unwrap();
    for tab in [false, true] {
        let back = read_csv(&write_csv(&d, tab), "orla.csv", "orla", tab).unwrap();
        assert_eq!(back.bad_lines, Vec::<(u64, String)>::new());
        assert_eq!(back.deck, d, "tab: {tab}");
    }
    let (built, problems) = DeckDraft::of(&d).build();
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(built, d);

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("orla-export.ron");
    export(&d, &file).unwrap();
    let text = std::fs::read_to_string(&file).unwrap();
    assert_eq!(load_deck(&text, "orla-export.ron").unwrap(), d);
}
