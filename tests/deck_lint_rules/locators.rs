//! The locator rule: every locator of a source with a text is in that text exactly once.

use super::*;

/// A card citing `source` at `locator`.
fn citing(id: &str, source: &str, locator: &str) -> String {
    format!(
        "\n        (id: \"{id}\", kind: What, prompt: \"Question {id}?\", \
         answer: Phrase([\"answer {id}\"]), \
         evidence: [(source: \"{source}\", locator: \"{locator}\", says: \"Paraphrase.\")]),"
    )
}

fn both_articles() -> [(&'static str, &'static str); 2] {
    [("port.txt", PORT), ("gazette.html", GAZETTE)]
}

#[test]
fn a_locator_found_once_passes_whatever_its_case_quotes_dashes_and_spaces() {
    let cards = [
        citing("once", "port", "Ferries stayed in port"),
        citing("folded", "port", "FERRIES  stayed\\nin   port"),
        citing("html", "gazette", "reopened on 14 March, after eleven"),
        citing("dash", "port", "thick at the quay - 'a record'"),
    ];
    let case = Case::new(deck(SOURCES, "", &cards.concat()), &both_articles());
    let lint = case.lint();
    assert_eq!(lines(&lint, Rule::Locator), Vec::<String>::new());
    assert_eq!(lint.locators.checked, 4);
    assert_eq!(lint.locators.articles, ["port.txt", "gazette.html"]);
}

#[test]
fn a_locator_found_twice_names_each_place() {
    let cards = citing("twice", "port", "the harbour master said");
    let case = Case::new(deck(SOURCES, "", &cards), &both_articles());
    assert_eq!(
        lines(&case.lint(), Rule::Locator),
        [format!(
            "{}: error: card \"twice\": locator \"the harbour master said\" is found 2 times \
             in port.txt (source \"port\"): line 5: \"the harbour master said.\"; line 7: \"The \
             harbour master said the ice was forty centimetres thick\"; lengthen it so that it \
             points to one passage",
            case.at("locator: \"the harbour master said\"")
        )]
    );
}

#[test]
fn a_locator_not_found_is_shown_with_the_closest_passage() {
    let cards = citing("missing", "port", "Ferries remained in port for nine days");
    let claim = r#"
        (id: "ice-depth", statement: "The ice was 40 cm thick.", made_by: "the harbour master",
         status: Confirmed, values: [(source: "port", value: "40 cm",
         locator: "The ice measured forty centimetres", says: "He gave 40 cm.")]),
"#;
    let case = Case::new(deck(SOURCES, claim, &cards), &both_articles());
    assert_eq!(
        lines(&case.lint(), Rule::Locator),
        [
            format!(
                "{}: error: claim \"ice-depth\": locator \"The ice measured forty centimetres\" \
                 is not in port.txt (source \"port\"); the closest passage is at line 7: \"the \
                 ice was forty centimetres\"",
                case.at("locator: \"The ice measured")
            ),
            format!(
                "{}: error: card \"missing\": locator \"Ferries remained in port for nine days\" \
                 is not in port.txt (source \"port\"); the closest passage is at line 5: \
                 \"Ferries stayed in port for nine days\"",
                case.at("locator: \"Ferries remained")
            ),
        ]
    );
}

#[test]
fn html_articles_are_read_as_their_visible_text() {
    let cards = [
        citing("body", "gazette", "The harbour reopened on 14 March"),
        citing("entity", "gazette", "the ice at 35 centimetres on Monday"),
        citing("heading", "gazette", "Ice closes Velmora"),
        citing("script", "gazette", "The harbour reopened on 12 March"),
        citing("style", "gazette", "font-weight: bold"),
        citing("noscript", "gazette", "Turn on scripts to read the rest"),
    ];
    let case = Case::new(deck(SOURCES, "", &cards.concat()), &both_articles());
    let found = lines(&case.lint(), Rule::Locator);
    assert_eq!(found.len(), 3, "{found:#?}");
    assert_eq!(
        found[0],
        format!(
            "{}: error: card \"script\": locator \"The harbour reopened on 12 March\" is not in \
             gazette.html (source \"gazette\"); the closest passage is at paragraph 3: \"The \
             harbour reopened on 14 March\"",
            case.at("locator: \"The harbour reopened on 12")
        )
    );
    assert!(found[1].contains("card \"style\": locator \"font-weight: bold\" is not in"));
    assert!(found[2].contains("card \"noscript\": locator \"Turn on scripts to read the rest\""));
}

#[test]
fn an_empty_locator_is_an_error_when_the_text_is_there() {
    let cards = citing("empty", "port", "");
    let case = Case::new(deck(SOURCES, "", &cards), &both_articles());
    assert_eq!(
        lines(&case.lint(), Rule::Locator),
        [format!(
            "{}: error: card \"empty\": evidence from source \"port\" has no locator: give the \
             opening words of its passage in port.txt",
            case.at("locator: \"\"")
        )]
    );
}

#[test]
fn a_text_found_nowhere_is_a_note_and_its_locators_are_not_checked() {
    let cards = citing("unchecked", "port", "Words that are in no article");
    let case = Case::new(deck(SOURCES, "", &cards), &[("gazette.html", GAZETTE)]);
    let elsewhere = tempfile::tempdir().unwrap();
    let lint = case.lint_with(&[elsewhere.path()]);
    assert_eq!(lines(&lint, Rule::Locator), Vec::<String>::new());
    assert_eq!(
        lines(&lint, Rule::Article),
        [format!(
            "{}: note: source \"port\" names the text \"port.txt\", which is in none of: {}/, \
             {}/; its locators were not checked (give its folder with --articles DIR)",
            case.at("id: \"port\""),
            case.dir.path().display(),
            elsewhere.path().display()
        )]
    );
    assert_eq!(lint.locators.checked, 0);
    assert!(!lint.findings.iter().any(|f| f.severity == Severity::Error));
}

#[test]
fn the_deck_folder_comes_first_then_each_folder_in_order() {
    let cards = citing("where", "port", "Ferries stayed in port");
    let other = PORT.replace("Ferries stayed in port", "Boats stayed in port");
    let (first, second) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    std::fs::write(first.path().join("port.txt"), &other).unwrap();
    std::fs::write(second.path().join("port.txt"), PORT).unwrap();
    let errors = |lint: &DeckLint| lines(lint, Rule::Locator).len();

    // Beside the deck: the right text, whatever the other folders hold.
    let beside = Case::new(deck(SOURCES, "", &cards), &both_articles());
    assert_eq!(errors(&beside.lint_with(&[first.path(), second.path()])), 0);

    // Not beside it: the first folder that has the file, and only it.
    let away = Case::new(deck(SOURCES, "", &cards), &[("gazette.html", GAZETTE)]);
    assert_eq!(errors(&away.lint_with(&[second.path(), first.path()])), 0);
    assert_eq!(errors(&away.lint_with(&[first.path(), second.path()])), 1);
}

#[test]
fn articles_too_big_or_not_text_are_refused_with_the_reason() {
    let cards = citing("any", "port", "Ferries stayed in port");
    let big = "word ".repeat(5 * 1024 * 1024 / 5) + "!";
    let case = Case::new(
        deck(SOURCES, "", &cards),
        &[("port.txt", &big), ("gazette.html", "<p>\0binary</p>")],
    );
    let found = lines(&case.lint(), Rule::Article);
    let dir = case.dir.path().display();
    assert_eq!(
        found,
        [
            format!(
                "{}: error: source \"port\": its text cannot be used: {dir}/port.txt is 5242881 \
                 bytes; articles are limited to 5 MB (5242880 bytes): save the article's own \
                 text, not a whole site",
                case.at("id: \"port\"")
            ),
            format!(
                "{}: error: source \"gazette\": its text cannot be used: {dir}/gazette.html is \
                 not text (it holds a NUL byte at offset 3, as binary files do); save the \
                 article as UTF-8 text, markdown or HTML",
                case.at("id: \"gazette\"")
            ),
        ]
    );
}
