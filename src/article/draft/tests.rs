use std::path::Path;

use super::*;
use crate::article::ArticleFormat;
use crate::article::facts::{NameBook, find_facts};
use crate::article::passage::{Lookup, look_up};
use crate::text::fold::fold;

/// A made-up article.
const TEXT: &str = "Ice in Velmora\n\
    The harbour of Velmora froze on 3 March, the mayor said. Tomas Lund counted 2,500 \
    residents without power.\n\
    The mayor said the ice was the thickest in forty years. Ferries from Saarne stayed away.\n";

fn article() -> Article {
    Article::from_bytes(Path::new("made-up.txt"), ArticleFormat::Text, TEXT.into()).unwrap()
}

fn facts(a: &Article) -> Vec<Fact> {
    let mut book = NameBook::default();
    book.add(&fold("Tomas Lund"), Known::Person("Tomas Lund".into()));
    find_facts(&a.text, &book)
}

fn source() -> SourceRef {
    SourceRef {
        id: "ledger".into(),
        year: Some(2023),
    }
}

fn span_of(words: &str) -> Range<usize> {
    let at = TEXT.find(words).unwrap();
    at..at + words.len()
}

fn draft(words: &str) -> CardDraft {
    let a = article();
    draft_card(&a, &facts(&a), span_of(words), &source()).unwrap()
}

#[test]
fn a_date_becomes_a_when_card_with_the_sentence_blanked() {
    let d = draft("3 March");
    assert_eq!(d.fields.kind, "when");
    assert_eq!(d.fields.answer, "2023-03-03", "the year is the source's");
    assert_eq!(
        d.fields.prompt,
        format!("The harbour of Velmora froze on {BLANK}, the mayor said.\n{REWRITE_LINE}")
    );
    assert_eq!(d.locator, "3 March");
    assert_eq!(d.fields.evidence, "ledger :: 3 March :: ");
    assert_eq!(d.fields.id, "when-2023-03-03");
    assert_eq!(d.lengthened, None);
}

#[test]
fn a_figure_keeps_its_number_and_unit() {
    let d = draft("2,500 residents");
    assert_eq!(
        (
            d.fields.kind.as_str(),
            d.fields.answer.as_str(),
            d.fields.unit.as_str()
        ),
        ("figure", "2,500", "residents")
    );
    assert!(
        d.fields
            .prompt
            .starts_with(&format!("Tomas Lund counted {BLANK} without power."))
    );
}

#[test]
fn a_known_person_becomes_a_who_card_with_its_topic() {
    let d = draft("Tomas Lund");
    assert_eq!(
        (d.fields.kind.as_str(), d.fields.answer.as_str()),
        ("who", "Tomas Lund")
    );
    assert_eq!(d.fields.topics, "person/Tomas Lund");
}

#[test]
fn a_span_without_a_fact_is_a_what_card_and_a_cut_word_is_made_whole() {
    let a = article();
    let at = TEXT.find("hickest in forty").unwrap();
    let d = draft_card(&a, &facts(&a), at..at + "hickest in fo".len(), &source()).unwrap();
    assert_eq!(d.locator, "thickest in forty");
    assert_eq!(d.fields.kind, "what");
    assert_eq!(d.fields.answer, "thickest in forty");
}

#[test]
fn words_found_twice_take_the_words_after_them() {
    let a = article();
    let d = draft_card(&a, &facts(&a), span_of("The mayor said"), &source()).unwrap();
    assert_eq!(d.locator, "The mayor said the");
    assert!(d.lengthened.is_some());
    assert!(matches!(look_up(&a, &d.locator), Lookup::Once(_)));
    // "the mayor said." ends its line's first sentence: the words before it tell it apart.
    let d = draft_card(&a, &facts(&a), span_of("the mayor said. "), &source()).unwrap();
    assert!(
        matches!(look_up(&a, &d.locator), Lookup::Once(_)),
        "{}",
        d.locator
    );
}

#[test]
fn selections_that_cannot_be_cards_say_why() {
    let a = article();
    let f = facts(&a);
    let at = TEXT.find(", the mayor").unwrap();
    assert_eq!(
        draft_card(&a, &f, at..at + 2, &source()),
        Err(DraftError::Empty)
    );
    let sep = Article::from_bytes(
        Path::new("s.txt"),
        ArticleFormat::Text,
        b"left :: right".to_vec(),
    )
    .unwrap();
    assert_eq!(
        draft_card(&sep, &[], 0..13, &source()),
        Err(DraftError::Separator)
    );
}

#[test]
fn a_drafted_prompt_must_be_rewritten() {
    let d = draft("3 March");
    let problem = prompt_problem(&d.fields.prompt, Some(&d.sentence)).unwrap();
    assert!(
        problem.contains("rewrite it in your own words"),
        "{problem}"
    );
    let copied = "The harbour of Velmora froze on which day?";
    let problem = prompt_problem(copied, Some(&d.sentence)).unwrap();
    assert!(
        problem.contains("\"the harbour of velmora froze on\""),
        "{problem}"
    );
    assert_eq!(
        prompt_problem(
            "On what day did ice close Velmora's port?",
            Some(&d.sentence)
        ),
        None
    );
}
