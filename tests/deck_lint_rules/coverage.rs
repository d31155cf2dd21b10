//! The coverage rule: a claim with values from two or more sources, or disputed, has a card
//! per source that asks its value, a source-said card and a verdict card.

use super::*;

/// A claim with values from `sources`.
fn claim(id: &str, status: &str, sources: &[&str]) -> String {
    let values: Vec<String> = sources
        .iter()
        .map(|s| {
            let locator = if *s == "port" { "Ferries stayed in port" } else { "The harbour reopened" };
            format!("(source: \"{s}\", value: \"some value\", locator: \"{locator}\", says: \"It says so.\")")
        })
        .collect();
    format!(
        "\n        (id: \"{id}\", statement: \"A claim.\", made_by: \"the mayor\", status: {status}, \
         values: [{}]),",
        values.join(", ")
    )
}

/// A card of `claim` citing `sources`, with this kind and answer.
fn of_claim(id: &str, claim: &str, kind: &str, answer: &str, sources: &[&str]) -> String {
    let evidence: Vec<String> = sources
        .iter()
        .map(|s| format!("(source: \"{s}\", locator: \"Velmora\", says: \"Said.\")"))
        .collect();
    format!(
        "\n        (id: \"{id}\", kind: {kind}, prompt: \"Question {id}?\", answer: {answer}, \
         evidence: [{}], claim: \"{claim}\"),",
        evidence.join(", ")
    )
}

const DAYS: &str = r#"Number(value: 9, unit: "days")"#;
const SAID: &str =
    r#"SourceSaid([(figure: "9 days", source: "port"), (figure: "11 days", source: "gazette")])"#;
const SAID_PORT: &str = r#"SourceSaid([(figure: "9 days", source: "port")])"#;

#[test]
fn a_claim_covered_whole_passes_and_each_gap_is_named() {
    let both = ["port", "gazette"];
    let claims = [
        claim("covered", "Disputed", &both),
        claim("gaps", "Unverified", &both),
        claim("one-sided", "Disputed", &["port"]),
        claim("settled", "Confirmed", &["port"]),
        claim("partial-said", "Confirmed", &both),
    ];
    let cards = [
        of_claim("covered-port", "covered", "Figure", DAYS, &["port"]),
        of_claim("covered-gazette", "covered", "Figure", DAYS, &["gazette"]),
        of_claim("covered-said", "covered", "SourceSaid", SAID, &both),
        of_claim(
            "covered-verdict",
            "covered",
            "Verdict",
            "Verdict(Disputed)",
            &both,
        ),
        // Only the port's value is asked; the source-said and verdict cards cite both, but do
        // not ask a value of their own.
        of_claim("gaps-port", "gaps", "Figure", DAYS, &["port"]),
        of_claim(
            "gaps-verdict-said",
            "gaps",
            "Verdict",
            "Verdict(Unverified)",
            &both,
        ),
        of_claim("one-sided-port", "one-sided", "Figure", DAYS, &["port"]),
        of_claim("partial-port", "partial-said", "Figure", DAYS, &["port"]),
        of_claim(
            "partial-gazette",
            "partial-said",
            "Figure",
            DAYS,
            &["gazette"],
        ),
        of_claim(
            "partial-said",
            "partial-said",
            "SourceSaid",
            SAID_PORT,
            &["port"],
        ),
        of_claim(
            "partial-verdict",
            "partial-said",
            "Verdict",
            "Verdict(Confirmed)",
            &both,
        ),
    ];
    let case = Case::new(
        deck(SOURCES, &claims.concat(), &cards.concat()),
        &[("port.txt", PORT), ("gazette.html", GAZETTE)],
    );
    let at = |id: &str| case.at(&format!("id: \"{id}\", statement"));
    assert_eq!(
        lines(&case.lint(), Rule::Coverage),
        [
            format!(
                "{}: warning: claim \"gaps\": this unverified claim, with values from 2 \
                 source(s), lacks a card of the claim asking source \"gazette\"'s value; a \
                 source-said card of the claim",
                at("gaps")
            ),
            format!(
                "{}: warning: claim \"one-sided\": this disputed claim, with values from 1 \
                 source(s), lacks a verdict card of the claim",
                at("one-sided")
            ),
            format!(
                "{}: warning: claim \"partial-said\": this confirmed claim, with values from 2 \
                 source(s), lacks a source-said card of the claim with source \"gazette\" too",
                at("partial-said")
            ),
        ]
    );
}
