//! The wording rule: two figures of a source-said card that mean the same thing.

use super::*;

fn source_said(id: &str, first: &str, second: &str, second_source: &str) -> String {
    format!(
        "\n        (id: \"{id}\", kind: SourceSaid, prompt: \"Match each wording to its article.\", \
         answer: SourceSaid([(figure: \"{first}\", source: \"port\"), \
         (figure: \"{second}\", source: \"{second_source}\")]), \
         evidence: [(source: \"port\", locator: \"Ferries stayed in port\", says: \"One.\"), \
         (source: \"gazette\", locator: \"The harbour reopened\", says: \"Other.\")]),"
    )
}

#[test]
fn figures_that_differ_only_in_wording_are_flagged() {
    let cards = [
        source_said(
            "sourcesaid-lind-post",
            "deputy chairman of the harbour board",
            "the harbour board's vice-chair",
            "gazette",
        ),
        source_said(
            "sourcesaid-board-name",
            "head of the HBV (Harbour Board of Velmora)",
            "chief of the Velmora Harbour Board",
            "gazette",
        ),
        source_said("sourcesaid-ice", "40 cm of ice", "35 cm of ice", "gazette"),
        source_said("sourcesaid-days", "nine days", "9 days", "gazette"),
        source_said(
            "sourcesaid-posts",
            "head of the harbour board",
            "first deputy head of the harbour board",
            "gazette",
        ),
        // The same wording twice from one source: nothing to tell apart.
        source_said("sourcesaid-one-source", "nine days", "9 days", "port"),
    ];
    let case = Case::new(
        deck(SOURCES, "", &cards.concat()),
        &[("port.txt", PORT), ("gazette.html", GAZETTE)],
    );
    // Each finding is at the card's answer.
    let answer = |first: &str| case.at(&format!("answer: SourceSaid([(figure: \"{first}"));
    assert_eq!(
        lines(&case.lint(), Rule::Wording),
        [
            format!(
                "{}: warning: card \"sourcesaid-lind-post\": the figures \"deputy chairman of the \
                 harbour board\" (port) and \"the harbour board's vice-chair\" (gazette) differ \
                 only in wording (board, deputy, harbour, head): a learner cannot tell them \
                 apart by meaning; give each its own fact",
                answer("deputy chairman")
            ),
            format!(
                "{}: warning: card \"sourcesaid-board-name\": the figures \"head of the HBV \
                 (Harbour Board of Velmora)\" (port) and \"chief of the Velmora Harbour Board\" \
                 (gazette) differ only in wording (board, harbour, head, velmora): a learner \
                 cannot tell them apart by meaning; give each its own fact",
                answer("head of the HBV")
            ),
            format!(
                "{}: warning: card \"sourcesaid-days\": the figures \"nine days\" (port) and \"9 \
                 days\" (gazette) differ only in wording (9, day): a learner cannot tell them \
                 apart by meaning; give each its own fact",
                answer("nine days")
            ),
        ]
    );
}
