//! What a card teaches, as a fingerprint and in words: its answer (the first wording, folded)
//! and, for a card about a claim, the claim's status and each source's value. The progress
//! keeps the fingerprint a learner last answered; when a deck update changes it, the card is a
//! fact that changed since it was learned (see `study::facts`).
//!
//! The fingerprint is FNV-1a over the canonical text: it is kept in the progress file across
//! releases, so it must not depend on the standard library's hasher (whose output may change
//! between Rust versions), and a dozen lines do not justify a dependency.

use super::cards::CardReadError;
use super::claims::{ClaimList, ClaimRef};
use super::model::{Answer, Card, Claim, Deck};
use crate::text::fold::normalize;

/// The fingerprint of what `card` teaches, with its `claim` (if it has one). Another accepted
/// spelling, a reworded prompt or explanation, or new evidence leave it as it is.
pub fn fingerprint(card: &Card, claim: Option<&Claim>) -> u64 {
    fnv1a(canonical(card, claim).as_bytes())
}

/// What `card` teaches, in words, as the learner would have seen it: "227 people; the claim
/// Disputed (Source A: 227; Source B: 238)".
pub fn in_words<C, L>(deck: &Deck<C, L>, card: &Card, claim: Option<&Claim>) -> String {
    let answer = card.answer.display(deck);
    match claim {
        None => answer,
        Some(c) => format!(
            "{answer}; the claim {} ({})",
            status_word(c),
            values(deck, c)
        ),
    }
}

/// The claim of `card` in its deck, if it names one that exists, or why it could not be read.
pub fn claim_of<'a, C, L: ClaimList>(
    deck: &'a Deck<C, L>,
    card: &Card,
) -> Result<Option<ClaimRef<'a>>, CardReadError> {
    card.claim
        .as_deref()
        .map_or(Ok(None), |id| deck.find_claim(id))
}

fn canonical(card: &Card, claim: Option<&Claim>) -> String {
    let answer = match &card.answer {
        Answer::Name(v) | Answer::Phrase(v) => normalize(v.first().map_or("", |s| s.as_str())),
        Answer::SourceSaid(pairs) => pairs
            .iter()
            .map(|p| format!("{}={}", p.source, normalize(&p.figure)))
            .collect::<Vec<_>>()
            .join("|"),
        Answer::Number(n) => normalize(&n.display()),
        Answer::Date(d) => d.to_string_long(),
        Answer::Verdict(v) => v.name().to_string(),
        Answer::Order(events) => events
            .iter()
            .map(|e| normalize(e))
            .collect::<Vec<_>>()
            .join("|"),
    };
    let claim = claim.map_or_else(String::new, |c| {
        let mut vals: Vec<String> = c
            .values
            .iter()
            .map(|v| format!("{}={}", v.source, normalize(&v.value)))
            .collect();
        vals.sort();
        format!("{:?}|{}", c.status, vals.join("|"))
    });
    format!("{:?}\u{1f}{answer}\u{1f}{claim}", card.kind)
}

fn status_word(c: &Claim) -> &'static str {
    match c.status {
        super::model::ClaimStatus::Confirmed => "confirmed",
        super::model::ClaimStatus::Disputed => "disputed",
        super::model::ClaimStatus::Retracted => "retracted",
        super::model::ClaimStatus::Unverified => "unverified",
    }
}

/// Each source's value of a claim, by the source's title: "title: value; title: value".
pub fn values<C, L>(deck: &Deck<C, L>, c: &Claim) -> String {
    c.values
        .iter()
        .map(|v| {
            let src = deck
                .source(&v.source)
                .map_or(v.source.as_str(), |s| s.title.as_str());
            format!("{src}: {}", v.value)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// 64-bit FNV-1a.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::model::ClaimStatus;

    fn deck() -> Deck {
        crate::deck::parse_deck(
            include_str!("../../tests/fixtures/good_deck.ron"),
            "good_deck.ron",
        )
        .expect("test deck")
    }

    #[test]
    fn the_fingerprint_follows_the_answer_and_the_claim_only() {
        let d = deck();
        let card = d.card("fig-toll").expect("card").clone();
        let claim = claim_of(&d, &card).unwrap().as_deref().cloned();
        let before = fingerprint(&card, claim.as_ref());
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c, "FNV-1a as published");

        let mut reworded = card.clone();
        reworded.prompt = "Another wording of the question?".into();
        reworded.explanation = "Another explanation.".into();
        assert_eq!(fingerprint(&reworded, claim.as_ref()), before);

        let mut other = card.clone();
        other.answer = match &card.answer {
            Answer::Number(n) => {
                let mut n = n.clone();
                n.value.value += 11.0;
                Answer::Number(n)
            }
            a => a.clone(),
        };
        assert_ne!(fingerprint(&other, claim.as_ref()), before);

        let mut disputed = claim.clone().expect("claim");
        disputed.status = ClaimStatus::Retracted;
        assert_ne!(fingerprint(&card, Some(&disputed)), before);
        assert!(in_words(&d, &card, Some(&disputed)).contains("retracted"));
    }
}
