//! The coverage rule (issue 17): a claim whose values come from two or more sources, or that
//! is disputed, is learned only when each source's value is asked by a card of its own (a card
//! of the claim, other than its source-said and verdict cards, whose evidence cites that
//! source), its source-said cards together match every source's figure to its source, and a
//! verdict card asks where the claim stands. A source-said card is asked for only when two or more sources
//! give a value: with one there is nothing to match.

use std::collections::{BTreeSet, HashMap};

use super::place::Spot;
use super::{Raw, Rule, Severity};
use crate::deck::model::{Answer, Card, CardKind, Claim, ClaimStatus, Deck};

pub(super) fn check(deck: &Deck, out: &mut Vec<Raw>) {
    let mut by_claim: HashMap<&str, Vec<&Card>> = HashMap::new();
    for card in &deck.cards {
        if let Some(claim) = &card.claim {
            by_claim.entry(claim.as_str()).or_default().push(card);
        }
    }
    for claim in &deck.claims {
        let of_claim = by_claim
            .get(claim.id.as_str())
            .map_or(&[][..], Vec::as_slice);
        let missing = missing(claim, of_claim);
        if missing.is_empty() {
            continue;
        }
        let sources: BTreeSet<&str> = claim.values.iter().map(|v| v.source.as_str()).collect();
        out.push(Raw::new(
            Severity::Warning,
            Rule::Coverage,
            Spot::Claim(claim.id.to_string(), None),
            format!(
                "this {} claim, with values from {} source(s), lacks {}",
                format!("{:?}", claim.status).to_lowercase(),
                sources.len(),
                missing.join("; ")
            ),
        ));
    }
}

/// The cards the claim lacks (given its cards), each as a phrase; empty when it needs or
/// lacks nothing.
fn missing(claim: &Claim, of_claim: &[&Card]) -> Vec<String> {
    let sources: BTreeSet<&str> = claim.values.iter().map(|v| v.source.as_str()).collect();
    if sources.len() < 2 && claim.status != ClaimStatus::Disputed {
        return Vec::new();
    }
    let mut out = Vec::new();
    for s in &sources {
        let asked = of_claim.iter().any(|c| {
            !matches!(c.kind, CardKind::SourceSaid | CardKind::Verdict)
                && c.evidence.iter().any(|e| e.source == *s)
        });
        if !asked {
            out.push(format!("a card of the claim asking source \"{s}\"'s value"));
        }
    }
    if sources.len() >= 2 {
        let said: Vec<BTreeSet<&str>> = of_claim
            .iter()
            .filter_map(|c| match &c.answer {
                Answer::SourceSaid(pairs) => {
                    Some(pairs.iter().map(|p| p.source.as_str()).collect())
                }
                _ => None,
            })
            .collect();
        // The claim's source-said cards together name every source (a claim with five
        // sources may be matched by two cards of three options, which a learner can read).
        let named: BTreeSet<&str> = said.iter().flatten().copied().collect();
        if said.is_empty() {
            out.push("a source-said card of the claim".into());
        } else if !sources.is_subset(&named) {
            let left: Vec<String> = sources
                .difference(&named)
                .map(|s| format!("\"{s}\""))
                .collect();
            out.push(format!(
                "a source-said card of the claim with source {} too",
                left.join(", ")
            ));
        }
    }
    if !of_claim
        .iter()
        .any(|c| matches!(c.answer, Answer::Verdict(_)))
    {
        out.push("a verdict card of the claim".into());
    }
    out
}
