//! The deck format at the library level: parsing, validation and the deck library.
//!
//! Every rule has a failing example written as a small RON text, and the test pins the exact
//! error a deck author sees, `file:line:col: card "id": message`, so that a location that drifts
//! or a message that loses what was expected fails here.

use std::path::{Path, PathBuf};

use factquiz::data_dir;
use factquiz::deck::load::{load_deck, to_ron};
use factquiz::deck::{Answer, CardKind, DateKnown, DeckOrigin, Library, PartialDate, parse_deck};
use proptest::prelude::*;

/// A valid deck: two sources, one claim, five cards of five kinds. The line numbers in the
/// expected errors below refer to this text (line 1 is `Deck(`).
const GOOD: &str = r#"Deck(
    id: "mini",
    title: "A small deck",
    description: "Two sources, one claim, five cards.",
    sources: [
        (id: "src-a", title: "Article A", outlet: "Outlet A", author: "Author A", published: "2022-01-12"),
        (id: "src-b", title: "Article B", outlet: "Outlet B", author: "Author B", published: "2024", date_known: Inferred("from the events it reports")),
    ],
    claims: [
        (
            id: "toll",
            statement: "227 people died.",
            made_by: "the authorities",
            made_on: "2022-01-15",
            status: Disputed,
            values: [(source: "src-a", value: "227 dead", locator: "The official toll", says: "The toll was 227.")],
        ),
    ],
    cards: [
        (
            id: "who-one",
            kind: Who,
            topics: ["person/Toqaev"],
            prompt: "Who gave the order?",
            answer: Name(["Kassym-Jomart Toqaev", "Tokayev"]),
            evidence: [(source: "src-a", locator: "On 7 January", says: "Toqaev gave the order.")],
        ),
        (
            id: "when-one",
            kind: When,
            topics: ["event/State of emergency"],
            prompt: "When was the state of emergency declared?",
            answer: Date("2022-01-05"),
            evidence: [(source: "src-a", locator: "A state of emergency", says: "Declared on 5 January.")],
        ),
        (
            id: "figure-one",
            kind: Figure,
            topics: ["figure/Death toll"],
            prompt: "How many people died, officially?",
            answer: Number(value: 227, unit: "people", min: "two hundred", max: 230),
            evidence: [(source: "src-a", locator: "The official toll", says: "227 people died.")],
            claim: "toll",
        ),
        (
            id: "order-one",
            kind: Order,
            topics: ["event/Fuel protests"],
            prompt: "Put these in order.",
            answer: Order(["Fuel prices rise", "Protests in Zhanaozen", "State of emergency"]),
            evidence: [(source: "src-b", locator: "It began", says: "Prices rose, protests followed.")],
        ),
        (
            id: "said-one",
            kind: SourceSaid,
            topics: ["figure/Death toll"],
            prompt: "Which source gave which figure?",
            answer: SourceSaid([(figure: "227", source: "src-a"), (figure: "about 230", source: "src-b")]),
            evidence: [(source: "src-a", locator: "The official toll", says: "227 people died.")],
        ),
    ],
)
"#;

const FILE: &str = "decks/mini.ron";

/// GOOD with `from` (which must occur exactly once) replaced by `to`.
fn edit(from: &str, to: &str) -> String {
    edit_in(GOOD, from, to)
}

fn edit_in(text: &str, from: &str, to: &str) -> String {
    assert_eq!(
        text.matches(from).count(),
        1,
        "the test's edit must match exactly once: {from:?}"
    );
    text.replacen(from, to, 1)
}

/// The errors of a deck that must fail, as the lines an author sees.
fn errors(text: &str) -> Vec<String> {
    match load_deck(text, FILE) {
        Ok(deck) => panic!("the deck {:?} loaded but should have failed", deck.id),
        Err(errors) => errors.iter().map(ToString::to_string).collect(),
    }
}

/// The single error of a deck that must fail with exactly one.
fn error(text: &str) -> String {
    let mut all = errors(text);
    assert_eq!(all.len(), 1, "expected exactly one error, got {all:#?}");
    all.remove(0)
}

// ------------------------------------------------------------------------------ a good deck

#[test]
fn the_good_deck_loads_with_every_field_read() {
    let deck = load_deck(GOOD, FILE).expect("the good deck loads");
    assert_eq!(deck.id, "mini");
    assert_eq!(deck.sources.len(), 2);
    assert_eq!(
        deck.sources[0].published,
        PartialDate::day(2022, 1, 12).unwrap()
    );
    assert_eq!(deck.sources[0].date_known, DateKnown::Printed);
    assert_eq!(
        deck.sources[1].date_known,
        DateKnown::Inferred("from the events it reports".into())
    );
    assert_eq!(deck.sources[1].published.to_string(), "2024");
    assert_eq!(
        deck.claims[0].made_on.map(|d| d.to_string()).as_deref(),
        Some("2022-01-15")
    );
    let kinds: Vec<CardKind> = deck.cards.iter().map(|c| c.kind).collect();
    assert_eq!(
        kinds,
        [
            CardKind::Who,
            CardKind::When,
            CardKind::Figure,
            CardKind::Order,
            CardKind::SourceSaid
        ]
    );
    let Answer::Number(n) = &deck.card("figure-one").unwrap().answer else {
        panic!("figure-one has a number answer");
    };
    assert_eq!(n.value.value, 227.0);
    // A number written as text is read, and its text kept.
    let min = n.min.as_ref().unwrap();
    assert_eq!(
        (min.value, min.text.as_deref()),
        (200.0, Some("two hundred"))
    );
    assert_eq!(n.max.as_ref().unwrap().value, 230.0);
    assert_eq!(
        deck.card("figure-one").unwrap().claim.as_deref(),
        Some("toll")
    );
}

#[test]
fn a_deck_written_back_reads_the_same() {
    let deck = load_deck(GOOD, FILE).unwrap();
    let again = load_deck(&to_ron(&deck), FILE).expect("the written deck loads");
    assert_eq!(again, deck);
}

#[test]
fn a_minimal_deck_needs_no_optional_field() {
    let text = r#"Deck(id: "tiny", title: "Tiny", sources: [(id: "s", title: "S", published: "2022")], cards: [(id: "c", kind: What, prompt: "What?", answer: Phrase(["a thing"]), evidence: [(source: "s", locator: "Top", says: "A thing.")])])"#;
    let deck = load_deck(text, FILE).expect("the minimal deck loads");
    assert_eq!(deck.description, "");
    assert!(deck.claims.is_empty());
    assert!(deck.cards[0].topics.is_empty());
}

// ---------------------------------------------------------------------- parse errors (RON)

#[test]
fn an_unknown_card_kind_names_the_kinds_expected() {
    assert_eq!(
        error(&edit("kind: When,", "kind: Whenn,")),
        "decks/mini.ron:30:19: card \"when-one\": unknown variant `Whenn`: expected one of \
         Who, When, Figure, Where, What, Verdict, Order, SourceSaid"
    );
}

#[test]
fn an_unknown_answer_type_names_the_types_expected() {
    assert_eq!(
        error(&edit("answer: Name([", "answer: Nom([")),
        "decks/mini.ron:25:21: card \"who-one\": unknown variant `Nom`: expected one of \
         Name, Phrase, Number, Date, Verdict, Order, SourceSaid"
    );
}

#[test]
fn an_unknown_field_names_the_fields_expected() {
    assert_eq!(
        error(&edit("prompt: \"Put these", "promt: \"Put these")),
        "decks/mini.ron:49:13: card \"order-one\": unknown field `promt`: expected one of \
         id, kind, topics, prompt, answer, explanation, evidence, claim, mode, changed"
    );
}

#[test]
fn a_missing_field_is_named_at_the_end_of_its_card() {
    // The card's closing parenthesis (line 27, column 9) is where RON finds it missing.
    assert_eq!(
        error(&edit("            prompt: \"Who gave the order?\",\n", "")),
        "decks/mini.ron:26:9: card \"who-one\": Card is missing the field `prompt`"
    );
}

#[test]
fn a_field_given_twice_is_named() {
    assert_eq!(
        error(&edit("kind: Figure,", "kind: Figure, kind: Who,")),
        "decks/mini.ron:38:27: card \"figure-one\": the field `kind` is given twice"
    );
}

#[test]
fn a_missing_comma_is_reported_where_the_next_field_starts() {
    assert_eq!(
        error(&edit(
            "answer: Date(\"2022-01-05\"),",
            "answer: Date(\"2022-01-05\")"
        )),
        "decks/mini.ron:34:13: card \"when-one\": Expected comma"
    );
}

#[test]
fn an_error_outside_the_cards_names_no_card() {
    assert_eq!(
        error(&edit("status: Disputed,", "status: Doubtful,")),
        "decks/mini.ron:15:21: unknown variant `Doubtful`: expected one of \
         Confirmed, Disputed, Retracted, Unverified"
    );
    assert_eq!(
        error(&edit("(id: \"src-a\", title", "(id: \"src-a\", titel")),
        "decks/mini.ron:6:23: unknown field `titel`: expected one of \
         id, title, outlet, author, published, date_known, url, text"
    );
}

#[test]
fn words_inside_strings_and_comments_do_not_confuse_the_card_named() {
    // "cards:" in the description and in a comment, and "id:" in a comment, are not keys: an
    // error in a source still names no card, and one in a card names that card.
    let text = edit(
        "description: \"Two sources, one claim, five cards.\",",
        "description: \"Five cards: who, when, figure, order, source-said.\", // cards: id: \"x\"",
    );
    let text = edit_in(&text, "status: Disputed,", "status: Doubtful,");
    assert_eq!(
        error(&text),
        "decks/mini.ron:15:21: unknown variant `Doubtful`: expected one of \
         Confirmed, Disputed, Retracted, Unverified"
    );
    let text = edit(
        "            kind: Order,\n",
        "            // id: \"not-a-card\"\n            kind: Oder,\n",
    );
    assert_eq!(
        error(&text),
        "decks/mini.ron:48:19: card \"order-one\": unknown variant `Oder`: expected one of \
         Who, When, Figure, Where, What, Verdict, Order, SourceSaid"
    );
}

#[test]
fn a_file_that_is_no_deck_is_refused_at_its_start() {
    assert_eq!(
        parse_deck("", "empty.ron").unwrap_err().to_string(),
        "empty.ron:1:1: Expected opening `(` for struct `Deck`"
    );
    assert_eq!(
        parse_deck("Card(id: \"x\")", "card.ron")
            .unwrap_err()
            .to_string(),
        "card.ron:1:1: Expected struct `Deck` but found `Card`"
    );
}

// ------------------------------------------------------------------------ dates are real

#[test]
fn an_answer_date_that_does_not_exist_is_refused() {
    assert_eq!(
        error(&edit("Date(\"2022-01-05\")", "Date(\"2022-02-30\")")),
        "decks/mini.ron:33:27: card \"when-one\": \"2022-02-30\": February has no day 30 in 2022"
    );
    assert_eq!(
        error(&edit("Date(\"2022-01-05\")", "Date(\"2023-02-29\")")),
        "decks/mini.ron:33:27: card \"when-one\": \"2023-02-29\": February has no day 29 in 2023"
    );
    // 2024 is a leap year.
    load_deck(&edit("Date(\"2022-01-05\")", "Date(\"2024-02-29\")"), FILE).unwrap();
}

#[test]
fn a_date_written_another_way_says_how_to_write_it() {
    assert_eq!(
        error(&edit("Date(\"2022-01-05\")", "Date(\"5 January 2022\")")),
        "decks/mini.ron:33:27: card \"when-one\": \"5 January 2022\" is not a date: \
         write YYYY-MM-DD, YYYY-MM or YYYY"
    );
    assert_eq!(
        error(&edit("Date(\"2022-01-05\")", "Date(\"22-01-05\")")),
        "decks/mini.ron:33:27: card \"when-one\": \"22-01-05\" is not a date: \
         write YYYY-MM-DD, YYYY-MM or YYYY"
    );
}

#[test]
fn a_source_or_claim_date_that_does_not_exist_is_refused() {
    assert_eq!(
        error(&edit("published: \"2022-01-12\"", "published: \"2022-13\"")),
        "decks/mini.ron:6:95: \"2022-13\": month 13 is not 1 to 12"
    );
    assert_eq!(
        error(&edit("made_on: \"2022-01-15\"", "made_on: \"2022-04-31\"")),
        "decks/mini.ron:14:23: \"2022-04-31\": April has no day 31 in 2022"
    );
}

// ------------------------------------------------------------------------- numbers parse

#[test]
fn a_number_that_does_not_parse_is_refused() {
    assert_eq!(
        error(&edit("value: 227,", "value: \"lots\",")),
        "decks/mini.ron:41:36: card \"figure-one\": \"lots\" is not a number"
    );
    assert_eq!(
        error(&edit("min: \"two hundred\"", "min: \"a few\"")),
        "decks/mini.ron:41:62: card \"figure-one\": \"a few\" is not a number"
    );
}

#[test]
fn a_range_given_as_the_value_says_to_use_min_and_max() {
    assert_eq!(
        error(&edit("value: 227,", "value: \"200-230\",")),
        "decks/mini.ron:41:36: card \"figure-one\": \"200-230\" is a range: \
         give the value, and the range with min and max"
    );
}

#[test]
fn a_number_must_be_finite() {
    assert_eq!(
        error(&edit("max: 230)", "max: inf)")),
        "decks/mini.ron:41:81: card \"figure-one\": a number must be finite"
    );
}

#[test]
fn numbers_written_as_articles_write_them_are_read() {
    for (text, value) in [
        ("\"20,000\"", 20_000.0),
        ("\"five hundred\"", 500.0),
        ("227.5", 227.5),
    ] {
        let deck = load_deck(
            &edit(
                "value: 227, unit: \"people\", min: \"two hundred\", max: 230",
                &format!("value: {text}"),
            ),
            FILE,
        )
        .unwrap();
        let Answer::Number(n) = &deck.card("figure-one").unwrap().answer else {
            panic!("a number answer");
        };
        assert_eq!(n.value.value, value, "{text}");
    }
}

#[test]
fn a_number_range_must_hold_its_value() {
    assert_eq!(
        error(&edit("max: 230)", "max: 150)")),
        "decks/mini.ron:37:13: card \"figure-one\": the number's min is above its max"
    );
    assert_eq!(
        error(&edit("max: 230)", "max: 220)")),
        "decks/mini.ron:37:13: card \"figure-one\": the number's value lies outside its min and max"
    );
}

// --------------------------------------------------------------------------- unique ids

#[test]
fn a_card_id_used_twice_is_reported_at_the_second_card() {
    assert_eq!(
        error(&edit("id: \"said-one\"", "id: \"who-one\"")),
        "decks/mini.ron:54:13: card \"who-one\": card id \"who-one\" is used twice"
    );
}

#[test]
fn a_source_id_used_twice_is_reported_at_the_second_source() {
    let text = edit("(id: \"src-b\"", "(id: \"src-a\"");
    // Evidence citing src-b now cites a source the deck does not list, too.
    assert_eq!(
        errors(&text),
        [
            "decks/mini.ron:7:10: source id \"src-a\" is used twice",
            "decks/mini.ron:46:13: card \"order-one\": evidence names source \"src-b\", \
             which the deck does not list",
            "decks/mini.ron:54:13: card \"said-one\": the answer names source \"src-b\", \
             which the deck does not list",
        ]
    );
}

#[test]
fn a_claim_id_used_twice_is_reported_at_the_second_claim() {
    let text = edit(
        "    ],\n    cards: [",
        "        (id: \"toll\", statement: \"Again.\", made_by: \"someone\", status: Confirmed, \
         values: [(source: \"src-b\", value: \"230\", locator: \"Top\", says: \"230.\")]),\n    \
         ],\n    cards: [",
    );
    assert_eq!(
        error(&text),
        "decks/mini.ron:18:10: claim id \"toll\" is used twice"
    );
}

#[test]
fn a_deck_id_must_be_lowercase_letters_digits_dashes_or_underscores() {
    assert_eq!(
        error(&edit("id: \"mini\"", "id: \"Mini Deck\"")),
        "decks/mini.ron:2:5: the deck id \"Mini Deck\" must be lowercase letters, digits, '-' or '_'"
    );
    assert_eq!(
        error(&edit("id: \"mini\"", "id: \"\"")),
        "decks/mini.ron:2:5: the deck id \"\" must be lowercase letters, digits, '-' or '_'"
    );
}

#[test]
fn a_card_id_must_be_lowercase_letters_digits_dashes_or_underscores() {
    assert_eq!(
        error(&edit("id: \"when-one\"", "id: \"When One\"")),
        "decks/mini.ron:29:13: card \"When One\": \
         the card id must be lowercase letters, digits, '-' or '_'"
    );
}

#[test]
fn problems_are_located_whatever_order_the_fields_are_in() {
    // The deck's id after its sources, and a card sharing its id with a source: each error
    // points at the right `id`, not at the first one in the file.
    let text = r#"Deck(
    sources: [(id: "s", title: "S", published: "2022")],
    title: "Fields in another order",
    id: "Not Valid",
    cards: [
        (id: "s", kind: What, prompt: "What?", answer: Phrase(["x"]), evidence: [(source: "s", locator: "Top", says: "X.")]),
        (id: "s", kind: What, prompt: "What?", answer: Phrase(["x"]), evidence: [(source: "s", locator: "Top", says: "X.")]),
    ],
)"#;
    assert_eq!(
        errors(text),
        [
            "decks/mini.ron:4:5: the deck id \"Not Valid\" must be lowercase letters, digits, '-' or '_'",
            "decks/mini.ron:7:10: card \"s\": card id \"s\" is used twice",
        ]
    );
}

#[test]
fn a_deck_needs_a_title_and_its_sources_too() {
    assert_eq!(
        error(&edit("title: \"A small deck\"", "title: \"  \"")),
        "decks/mini.ron:2:5: the deck has no title"
    );
    assert_eq!(
        error(&edit("title: \"Article B\"", "title: \"\"")),
        "decks/mini.ron:7:10: source \"src-b\" has no title"
    );
}

// ---------------------------------------------------------- references name deck sources

#[test]
fn evidence_must_cite_a_source_of_the_deck() {
    assert_eq!(
        error(&edit(
            "(source: \"src-a\", locator: \"On 7 January\"",
            "(source: \"src-z\", locator: \"On 7 January\""
        )),
        "decks/mini.ron:21:13: card \"who-one\": evidence names source \"src-z\", \
         which the deck does not list"
    );
}

#[test]
fn a_claim_value_must_cite_a_source_of_the_deck() {
    assert_eq!(
        error(&edit(
            "values: [(source: \"src-a\"",
            "values: [(source: \"fergana\""
        )),
        "decks/mini.ron:11:13: claim \"toll\" names source \"fergana\", which the deck does not list"
    );
}

#[test]
fn a_claim_must_give_a_source_value() {
    let text = edit(
        "values: [(source: \"src-a\", value: \"227 dead\", locator: \"The official toll\", says: \"The toll was 227.\")],",
        "values: [],",
    );
    assert_eq!(
        error(&text),
        "decks/mini.ron:11:13: claim \"toll\" gives no source's value"
    );
}

#[test]
fn a_card_must_refer_to_a_claim_of_the_deck() {
    assert_eq!(
        error(&edit("claim: \"toll\"", "claim: \"tol\"")),
        "decks/mini.ron:37:13: card \"figure-one\": the card refers to claim \"tol\", \
         which the deck does not have"
    );
}

#[test]
fn a_source_said_answer_must_name_sources_of_the_deck() {
    assert_eq!(
        error(&edit(
            "(figure: \"227\", source: \"src-a\")",
            "(figure: \"227\", source: \"rferl\")"
        )),
        "decks/mini.ron:54:13: card \"said-one\": the answer names source \"rferl\", \
         which the deck does not list"
    );
}

// ------------------------------------------------------ evidence and a non-empty answer

#[test]
fn a_card_needs_evidence() {
    let text = edit(
        "evidence: [(source: \"src-a\", locator: \"A state of emergency\", says: \"Declared on 5 January.\")],",
        "evidence: [],",
    );
    assert_eq!(
        error(&text),
        "decks/mini.ron:29:13: card \"when-one\": the card has no evidence: cite at least one source"
    );
}

#[test]
fn a_card_without_the_evidence_field_is_refused_while_parsing() {
    let text = edit(
        "            evidence: [(source: \"src-a\", locator: \"A state of emergency\", says: \"Declared on 5 January.\")],\n",
        "",
    );
    assert_eq!(
        error(&text),
        "decks/mini.ron:34:9: card \"when-one\": Card is missing the field `evidence`"
    );
}

#[test]
fn an_answer_must_not_be_empty() {
    assert_eq!(
        error(&edit(
            "Name([\"Kassym-Jomart Toqaev\", \"Tokayev\"])",
            "Name([])"
        )),
        "decks/mini.ron:21:13: card \"who-one\": the answer is empty: give at least one accepted wording"
    );
    assert_eq!(
        error(&edit(
            "Name([\"Kassym-Jomart Toqaev\", \"Tokayev\"])",
            "Name([\" \"])"
        )),
        "decks/mini.ron:21:13: card \"who-one\": the answer is empty: give at least one accepted wording"
    );
    assert_eq!(
        error(&edit(
            "Name([\"Kassym-Jomart Toqaev\", \"Tokayev\"])",
            "Name([\"Toqaev\", \"\"])"
        )),
        "decks/mini.ron:21:13: card \"who-one\": an accepted wording is empty"
    );
    let text = edit(
        "SourceSaid([(figure: \"227\", source: \"src-a\"), (figure: \"about 230\", source: \"src-b\")])",
        "SourceSaid([])",
    );
    assert_eq!(
        error(&text),
        "decks/mini.ron:54:13: card \"said-one\": the answer is empty: give at least one figure and its source"
    );
    assert_eq!(
        error(&edit("(figure: \"about 230\"", "(figure: \"\"")),
        "decks/mini.ron:54:13: card \"said-one\": a figure of the answer is empty"
    );
}

#[test]
fn a_prompt_must_not_be_empty() {
    assert_eq!(
        error(&edit("prompt: \"Who gave the order?\"", "prompt: \"\"")),
        "decks/mini.ron:21:13: card \"who-one\": the prompt is empty"
    );
}

#[test]
fn an_answer_must_fit_the_card_kind() {
    assert_eq!(
        error(&edit("kind: Who,", "kind: When,")),
        "decks/mini.ron:21:13: card \"who-one\": a When card needs a Date(\"YYYY-MM-DD\") answer"
    );
    assert_eq!(
        error(&edit("kind: Figure,", "kind: Verdict,")),
        "decks/mini.ron:37:13: card \"figure-one\": a Verdict card needs a \
         Verdict(Confirmed | False | Disputed | Unverified) answer"
    );
}

// ------------------------------------------------------------------------ order cards

#[test]
fn an_order_card_needs_at_least_three_events() {
    assert_eq!(
        error(&edit(
            "Order([\"Fuel prices rise\", \"Protests in Zhanaozen\", \"State of emergency\"])",
            "Order([\"Fuel prices rise\", \"Protests in Zhanaozen\"])"
        )),
        "decks/mini.ron:46:13: card \"order-one\": an order card needs 3 to 6 events; it has 2"
    );
    assert_eq!(
        error(&edit(
            "Order([\"Fuel prices rise\", \"Protests in Zhanaozen\", \"State of emergency\"])",
            "Order([])"
        )),
        "decks/mini.ron:46:13: card \"order-one\": an order card needs 3 to 6 events; it has 0"
    );
}

#[test]
fn an_order_card_has_at_most_six_distinct_events() {
    assert_eq!(
        error(&edit(
            "\"State of emergency\"])",
            "\"State of emergency\", \"d\", \"e\", \"f\", \"g\"])"
        )),
        "decks/mini.ron:46:13: card \"order-one\": an order card needs 3 to 6 events; it has 7"
    );
    assert_eq!(
        error(&edit("\"State of emergency\"])", "\"Fuel prices rise\"])")),
        "decks/mini.ron:46:13: card \"order-one\": an event of the order is given twice"
    );
    assert_eq!(
        error(&edit(
            "\"State of emergency\"])",
            "\"State of emergency\", \" \"])"
        )),
        "decks/mini.ron:46:13: card \"order-one\": an event of the order is empty"
    );
}

// -------------------------------------------------------------------- every problem at once

#[test]
fn every_problem_of_a_deck_is_reported_in_file_order() {
    let text = edit("title: \"Article B\"", "title: \"\"");
    let text = edit_in(&text, "kind: Who,", "kind: Verdict,");
    let text = edit_in(&text, "claim: \"toll\"", "claim: \"nope\"");
    let text = edit_in(&text, "(figure: \"about 230\"", "(figure: \"\"");
    assert_eq!(
        errors(&text),
        [
            "decks/mini.ron:7:10: source \"src-b\" has no title",
            "decks/mini.ron:21:13: card \"who-one\": a Verdict card needs a \
             Verdict(Confirmed | False | Disputed | Unverified) answer",
            "decks/mini.ron:37:13: card \"figure-one\": the card refers to claim \"nope\", \
             which the deck does not have",
            "decks/mini.ron:54:13: card \"said-one\": a figure of the answer is empty",
        ]
    );
}

// ------------------------------------------------------------------------------- library

/// Writes `text` to `dir/name` and returns the path.
fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn deck_with_id(id: &str) -> String {
    edit("id: \"mini\"", &format!("id: \"{id}\""))
}

#[test]
fn the_built_in_decks_load_without_errors() {
    let lib = Library::builtin();
    assert_eq!(lib.errors, []);
    assert!(lib.decks.len() >= 4, "{} built-in decks", lib.decks.len());
    assert!(lib.decks.iter().all(|d| d.origin == DeckOrigin::BuiltIn));
    assert!(lib.decks.iter().all(|d| d.file.starts_with("decks/")));
}

#[test]
fn one_bad_deck_never_stops_the_others_from_loading() {
    let data = tempfile::tempdir().unwrap();
    let decks = data.path().join("decks");
    std::fs::create_dir(&decks).unwrap();
    let good = write(&decks, "a-good.ron", GOOD);
    write(
        &decks,
        "b-bad.ron",
        &deck_with_id("bad").replace("kind: When,", "kind: Whenn,"),
    );
    write(
        &decks,
        "c-invalid.ron",
        &deck_with_id("invalid").replace("claim: \"toll\"", "claim: \"tol\""),
    );
    write(&decks, "d-also-good.ron", &deck_with_id("also-good"));
    write(&decks, "notes.txt", "not a deck, and not read");
    std::fs::create_dir(decks.join("sub.ron")).unwrap();

    let lib = Library::load(Some(&decks), &[]);
    let builtin = Library::builtin().decks.len();
    let ids: Vec<&str> = lib.decks.iter().map(|d| d.deck.id.as_str()).collect();
    assert_eq!(ids.len(), builtin + 2, "{ids:?}");
    assert_eq!(ids[builtin..], ["mini", "also-good"]);
    assert_eq!(
        lib.get("mini").unwrap().origin,
        DeckOrigin::User(good.clone())
    );
    assert_eq!(lib.get("mini").unwrap().file, good.display().to_string());

    let bad = decks.join("b-bad.ron").display().to_string();
    let invalid = decks.join("c-invalid.ron").display().to_string();
    let shown: Vec<String> = lib.errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            format!(
                "{bad}:30:19: card \"when-one\": unknown variant `Whenn`: expected one of \
                 Who, When, Figure, Where, What, Verdict, Order, SourceSaid"
            ),
            format!(
                "{invalid}:37:13: card \"figure-one\": the card refers to claim \"tol\", \
                 which the deck does not have"
            ),
        ]
    );
    assert_eq!(lib.failed_files(), [(bad, 1), (invalid, 1)]);
    assert_eq!(lib.errors[0].card.as_deref(), Some("when-one"));
    assert_eq!((lib.errors[0].line, lib.errors[0].col), (30, 19));
}

#[test]
fn a_deck_id_used_twice_in_the_library_keeps_the_first() {
    let data = tempfile::tempdir().unwrap();
    let first = write(data.path(), "a.ron", GOOD);
    let second = write(data.path(), "b.ron", GOOD);
    let lib = Library::from_files(&[first.clone(), second.clone()]);
    assert_eq!(lib.decks.len(), 1);
    assert_eq!(lib.decks[0].origin, DeckOrigin::Named(first.clone()));
    let shown: Vec<String> = lib.errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [format!(
            "{}:2:5: deck id \"mini\" is already used by {}; this deck was not loaded",
            second.display(),
            first.display()
        )]
    );
}

#[test]
fn a_user_deck_or_a_named_file_replaces_the_built_in_deck_with_its_id() {
    let builtin = Library::builtin();
    let taken = &builtin.decks[0];
    let data = tempfile::tempdir().unwrap();
    let decks = data.path().join("decks");
    std::fs::create_dir(&decks).unwrap();
    // "Copy to my decks" keeps the deck id (and so the progress): the copy replaces the built-in.
    let user = write(&decks, "copy.ron", &deck_with_id(&taken.deck.id));
    let lib = Library::load(Some(&decks), &[]);
    assert_eq!(lib.errors, []);
    assert_eq!(lib.decks.len(), builtin.decks.len());
    assert_eq!(
        lib.get(&taken.deck.id).unwrap().origin,
        DeckOrigin::User(user.clone())
    );
    // Two user decks with one id: the second is refused.
    let second = write(&decks, "copy2.ron", &deck_with_id(&taken.deck.id));
    let lib = Library::load(Some(&decks), &[]);
    assert_eq!(
        lib.errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        [format!(
            "{}:2:5: deck id \"{}\" is already used by {}; this deck was not loaded",
            second.display(),
            taken.deck.id,
            user.display()
        )]
    );

    // An author trying an edited copy names it on the command line: it replaces the built-in.
    let named = write(data.path(), "edited.ron", &deck_with_id(&taken.deck.id));
    let lib = Library::load(None, std::slice::from_ref(&named));
    assert_eq!(lib.errors, []);
    assert_eq!(lib.decks.len(), builtin.decks.len());
    let replaced = lib.get(&taken.deck.id).unwrap();
    assert_eq!(replaced.origin, DeckOrigin::Named(named.clone()));
    assert_eq!(replaced.deck.title, "A small deck");
}

#[test]
fn named_files_alone_load_no_built_in_deck() {
    let data = tempfile::tempdir().unwrap();
    let path = write(data.path(), "mini.ron", GOOD);
    let lib = Library::from_files(&[path]);
    assert_eq!(lib.errors, []);
    assert_eq!(lib.decks.len(), 1);
    assert_eq!(lib.card_count(), 5);
}

#[test]
fn a_missing_user_deck_folder_is_no_error() {
    let data = tempfile::tempdir().unwrap();
    let lib = Library::load(Some(&data.path().join("decks")), &[]);
    assert_eq!(lib.errors, []);
    assert_eq!(lib.decks.len(), Library::builtin().decks.len());
}

#[test]
fn a_deck_folder_that_cannot_be_read_is_reported() {
    let data = tempfile::tempdir().unwrap();
    let not_a_dir = write(data.path(), "decks", "a file, not a folder");
    let lib = Library::load(Some(&not_a_dir), &[]);
    assert_eq!(lib.decks.len(), Library::builtin().decks.len());
    assert_eq!(lib.errors.len(), 1);
    let shown = lib.errors[0].to_string();
    let prefix = format!("{}:1:1: cannot read the deck folder: ", not_a_dir.display());
    assert!(shown.starts_with(&prefix), "{shown}");
}

#[test]
fn a_missing_file_is_reported_and_the_rest_still_load() {
    let data = tempfile::tempdir().unwrap();
    let missing = data.path().join("missing.ron");
    let good = write(data.path(), "good.ron", GOOD);
    let lib = Library::from_files(&[missing.clone(), good]);
    assert_eq!(lib.decks.len(), 1);
    assert_eq!(lib.errors.len(), 1);
    let shown = lib.errors[0].to_string();
    let prefix = format!("{}:1:1: cannot read the file: ", missing.display());
    assert!(shown.starts_with(&prefix), "{shown}");
}

#[test]
fn a_file_that_is_not_utf8_is_reported_where_the_bad_byte_is() {
    let data = tempfile::tempdir().unwrap();
    let path = data.path().join("latin1.ron");
    // "Pr\xe9cis" in Latin-1, on line 3, at column 21 (after `    title: "A small `).
    let mut bytes = GOOD.replace("A small deck", "A small Pr").into_bytes();
    let at = GOOD.find("A small deck").unwrap() + "A small Pr".len();
    bytes.splice(at..at, *b"\xe9cis");
    std::fs::write(&path, &bytes).unwrap();
    let lib = Library::from_files(std::slice::from_ref(&path));
    assert_eq!(lib.decks.len(), 0);
    assert_eq!(
        lib.errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        [format!(
            "{}:3:23: the file is not UTF-8 text (bad byte at offset {at})",
            path.display()
        )]
    );
}

// ---------------------------------------------------------------------------- data dir

#[test]
fn the_data_dir_flag_wins_and_user_decks_live_in_it() {
    let dir = PathBuf::from("/some/where/factquiz-data");
    assert_eq!(data_dir::resolve(Some(dir.clone())), Ok(dir.clone()));
    assert_eq!(data_dir::user_decks(&dir), dir.join("decks"));
    assert_eq!(data_dir::ENV_VAR, "FACTQUIZ_DATA_DIR");
}

// ------------------------------------------------------------------------------ properties

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Whatever a deck file holds, loading it never panics, and every error points at a
    /// place inside the file and names only a card id that the file contains.
    #[test]
    fn loading_any_edit_of_a_deck_never_panics_and_locates_inside_the_file(
        at in 0usize..GOOD.len(),
        cut in 0usize..40,
        insert in "[\"(),:\\[\\]a-z0-9 \\n/*é]{0,6}",
    ) {
        let mut start = at;
        while !GOOD.is_char_boundary(start) { start -= 1; }
        let mut end = (start + cut).min(GOOD.len());
        while !GOOD.is_char_boundary(end) { end -= 1; }
        let text = format!("{}{}{}", &GOOD[..start], insert, &GOOD[end..]);
        if let Err(errors) = load_deck(&text, FILE) {
            prop_assert!(!errors.is_empty());
            let lines: Vec<&str> = text.split('\n').collect();
            for e in &errors {
                prop_assert_eq!(&e.file, FILE);
                prop_assert!(e.line >= 1 && e.line <= lines.len(), "{} in {:?}", e, text);
                let width = lines[e.line - 1].chars().count();
                prop_assert!(e.col >= 1 && e.col <= width + 1, "{} in {:?}", e, text);
                if let Some(card) = &e.card {
                    let quoted = format!("\"{card}\"");
                    prop_assert!(text.contains(&quoted), "{} in {:?}", e, text);
                }
            }
        }
    }
}
