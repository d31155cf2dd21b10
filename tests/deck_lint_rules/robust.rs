//! Any text a user or a file supplies goes through the rules without a panic: arbitrary
//! articles and locators, HTML, and prompts, figures and answers of any shape.

use std::path::Path;

use factquiz::deck::lint::{Article, ArticleFormat, excerpt, html_text, look_up};
use proptest::prelude::*;

use super::*;

/// Text with the characters the rules treat specially: quotes, dashes, spaces, digits,
/// case-changing letters, brackets and tags.
fn tricky() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("“".to_string()),
            Just("—".to_string()),
            Just("\u{a0}".to_string()),
            Just("İ".to_string()),
            Just("ẞ".to_string()),
            Just("…".to_string()),
            Just("(KNB)".to_string()),
            Just("<div>".to_string()),
            Just("</p>".to_string()),
            Just("20,000".to_string()),
            Just("5 January".to_string()),
            Just("\n".to_string()),
            "[a-zA-Z0-9 ,.'-]{0,6}",
            any::<char>().prop_map(String::from),
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn looking_up_any_locator_in_any_article_never_panics(text in tricky(), locator in tricky()) {
        // NUL bytes make a file binary, and it is refused (tested in article.rs).
        let bytes = text.replace('\0', " ").into_bytes();
        let article = Article::from_bytes(Path::new("a.txt"), ArticleFormat::Text, bytes).unwrap();
        match look_up(&article, &locator) {
            factquiz::deck::lint::Lookup::Once(r) => {
                let _ = (excerpt(&article, &r), article.place(r.start));
            }
            factquiz::deck::lint::Lookup::Many(places) => {
                prop_assert!(places.len() > 1);
                for r in places {
                    let _ = (excerpt(&article, &r), article.place(r.end));
                }
            }
            factquiz::deck::lint::Lookup::Missing { closest: Some(r) } => {
                let _ = excerpt(&article, &r);
            }
            _ => {}
        }
    }

    #[test]
    fn any_html_is_read_without_a_panic(page in tricky()) {
        let text = html_text(&page);
        prop_assert!(!text.contains("\n\n"));
    }

    #[test]
    fn any_prompt_figure_and_answer_go_through_the_rules(
        prompt in tricky(),
        phrase in tricky(),
        first in tricky(),
        second in tricky(),
    ) {
        let quote = |s: &str| ron::to_string(s).unwrap();
        let cards = format!(
            "\n        (id: \"a\", kind: What, topics: [\"event/X\"], prompt: {}, \
             answer: Phrase([{}]), evidence: [(source: \"port\", locator: {}, says: \"s\")]),\
             \n        (id: \"b\", kind: SourceSaid, topics: [\"event/X\"], prompt: {}, \
             answer: SourceSaid([(figure: {}, source: \"port\"), (figure: {}, source: \"gazette\")]), \
             evidence: [(source: \"port\", locator: {}, says: \"s\")]),",
            quote(&format!("{prompt}?")),
            quote(&format!("x{phrase}")),
            quote(&first),
            quote(&second),
            quote(&format!("f{first}")),
            quote(&format!("f{second}")),
            quote(&prompt),
        );
        let case = Case::new(deck(SOURCES, "", &cards), &[("port.txt", PORT), ("gazette.html", GAZETTE)]);
        if factquiz::deck::load::load_deck(&case.text, "velmora.ron").is_ok() {
            let lint = case.lint();
            prop_assert!(lint.findings.iter().all(|f| f.line.is_some()));
        }
    }
}
