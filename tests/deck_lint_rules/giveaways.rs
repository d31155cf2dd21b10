//! The give-away rule: a prompt that states another card's figure, day or phrase, when the two
//! share a telling topic; never for a name, a topic most cards carry, the answer's own topic,
//! or two cards of one claim.

use super::*;

const CLAIM: &str = r#"
        (id: "ice-depth", statement: "The ice was 40 cm thick.", made_by: "the harbour master",
         status: Confirmed, values: [(source: "port", value: "forty centimetres",
         locator: "the ice was forty centimetres thick", says: "He gave 40 cm.")]),
"#;

/// The card that asks the day of the freeze.
fn when_freeze(topics: &str) -> String {
    let prompt = "On what day did the Velmora harbour freeze solid?";
    card(
        "when-freeze",
        "When",
        topics,
        prompt,
        r#"Date("2023-03-03")"#,
        "",
    )
}

/// A card whose prompt states the day of the freeze.
fn ferry_days(topics: &str) -> String {
    let prompt = "For how many days did ferries stay in port after the freeze of March 3rd, 2023?";
    let answer = r#"Number(value: 9, unit: "days")"#;
    card("figure-ferry-days", "Figure", topics, prompt, answer, "")
}

/// Nine cards; place/Velmora is on five of them (more than a third: too common to tell).
fn cards() -> String {
    [
        card(
            "figure-ice",
            "Figure",
            r#""place/Velmora", "figure/Ice depth""#,
            "How thick was the ice at the Velmora quay, by the harbour master's measure?",
            r#"Number(value: 40, unit: "centimetres")"#,
            r#", claim: "ice-depth""#,
        ),
        // States the figure in words: a give-away (they share figure/Ice depth).
        card(
            "who-measured",
            "Who",
            r#""person/Lind", "figure/Ice depth""#,
            "Which harbour master put the ice at the quay at forty centimetres?",
            r#"Name(["Oskar Lind", "Lind"])"#,
            "",
        ),
        // States the figure too, but is about the same claim: shown on another day.
        card(
            "verdict-ice",
            "Verdict",
            r#""figure/Ice depth""#,
            "Is the harbour master's figure of 40 cm of ice at the quay confirmed?",
            "Verdict(Confirmed)",
            r#", claim: "ice-depth""#,
        ),
        when_freeze(r#""place/Velmora", "event/Freeze""#),
        // States that day, but shares only place/Velmora, which most cards carry.
        ferry_days(r#""place/Velmora", "event/Ferries""#),
        // Names the mayor, who is another card's answer: names are exempt.
        card(
            "what-icebreaker",
            "What",
            r#""event/Icebreaker", "person/Brandvik""#,
            "Which icebreaker did Mayor Ilse Brandvik send to clear the channel?",
            r#"Phrase(["the Tarn", "Tarn"])"#,
            "",
        ),
        // States the icebreaker's name: a give-away.
        card(
            "who-mayor",
            "Who",
            r#""person/Brandvik", "event/Icebreaker", "place/Velmora""#,
            "Which mayor sent the Tarn to break the ice?",
            r#"Name(["Ilse Brandvik", "Brandvik"])"#,
            "",
        ),
        card(
            "where-icebreaker-base",
            "Where",
            r#""place/Kessvik", "event/Icebreaker""#,
            "From which port did the icebreaker sail?",
            r#"Phrase(["Kessvik"])"#,
            "",
        ),
        // States "Kessvik", sharing only place/Kessvik: the answer's own topic.
        card(
            "when-tarn-sailed",
            "When",
            r#""place/Kessvik", "place/Velmora""#,
            "On what day did the icebreaker leave Kessvik for Velmora?",
            r#"Date("2023-03-06")"#,
            "",
        ),
    ]
    .concat()
}

#[test]
fn a_prompt_that_states_another_cards_answer_is_flagged_and_nothing_else() {
    let case = Case::new(deck(SOURCES, CLAIM, &cards()), &[("port.txt", PORT)]);
    let lint = case.lint();
    assert_eq!(
        lines(&lint, Rule::GiveAway),
        [
            format!(
                "{}: warning: card \"who-measured\": the prompt states \"40 centimetres\", the \
                 answer of card \"figure-ice\" (both carry the topic figure/Ice depth): reword \
                 one of them",
                case.at("prompt: \"Which harbour master")
            ),
            format!(
                "{}: warning: card \"who-mayor\": the prompt states \"the Tarn\", the answer of \
                 card \"what-icebreaker\" (both carry the topic event/Icebreaker): reword one \
                 of them",
                case.at("prompt: \"Which mayor")
            ),
        ]
    );
    assert!(lint.findings.iter().all(|f| f.severity != Severity::Error));
}

#[test]
fn a_topic_on_more_than_a_third_of_the_cards_ties_nothing() {
    // Two cards share place/Velmora, and one's prompt states the other's day; `fillers`
    // other cards carry other topics.
    let with_fillers = |fillers: usize| {
        let mut cards = when_freeze(r#""place/Velmora""#) + &ferry_days(r#""place/Velmora""#);
        for i in 0..fillers {
            let prompt = format!("Filler question {i}?");
            let answer = format!("Phrase([\"filler {i}\"])");
            cards += &card(
                &format!("filler-{i}"),
                "What",
                r#""event/Other""#,
                &prompt,
                &answer,
                "",
            );
        }
        let case = Case::new(deck(SOURCES, "", &cards), &[("port.txt", PORT)]);
        lines(&case.lint(), Rule::GiveAway)
    };
    // 2 of 5 cards: more than a third.
    assert_eq!(with_fillers(3), Vec::<String>::new());
    // 2 of 6 cards: a third exactly, so it counts.
    let found = with_fillers(4);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].contains(
            "card \"figure-ferry-days\": the prompt states \"3 March 2023\", the answer of card \
             \"when-freeze\" (both carry the topic place/Velmora)"
        ),
        "{found:#?}"
    );
}
