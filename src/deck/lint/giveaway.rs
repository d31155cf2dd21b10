//! The give-away rule (issue 17): a card's prompt must not state another card's answer (a
//! figure with its unit, a day, a phrase) in the same deck. Names are exempt: prompts must
//! name people. To flag only what a learner would notice, two cards count only when they share
//! a topic that at most a third of the deck's cards carry and that is not the answer's own
//! topic (place/Almaty for the answer "Almaty"), and never when both are about the same claim
//! (the scheduler shows those on different days: see `schedule/queue.rs`).

use std::collections::{BTreeMap, HashMap};

use super::mentions::Mentions;
use super::place::{Field, Spot};
use super::{Raw, Rule, Severity};
use crate::deck::model::{Answer, Card, Deck};
use crate::text::fold::fold;

pub(super) fn check(deck: &Deck, out: &mut Vec<Raw>) {
    let cards = &deck.cards;
    let mut carried: HashMap<&str, usize> = HashMap::new();
    let mut by_topic: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, c) in cards.iter().enumerate() {
        for t in &c.topics {
            *carried.entry(t.as_str()).or_insert(0) += 1;
            by_topic.entry(t.as_str()).or_default().push(i);
        }
    }
    // "Not carried by more than a third of the deck's cards".
    let common = |t: &str| carried.get(t).is_some_and(|&n| n * 3 > cards.len());
    let prompts: Vec<Mentions> = cards.iter().map(|c| Mentions::of(&c.prompt)).collect();
    for (b, answered) in cards.iter().enumerate() {
        if !matches!(
            answered.answer,
            Answer::Number(_) | Answer::Date(_) | Answer::Phrase(_)
        ) {
            continue;
        }
        // The cards that share a telling topic with it, each with the first such topic.
        let mut sharing: BTreeMap<usize, &str> = BTreeMap::new();
        for t in &answered.topics {
            if common(t) || own_topic(answered, t) {
                continue;
            }
            for &a in by_topic.get(t.as_str()).into_iter().flatten() {
                sharing.entry(a).or_insert(t.as_str());
            }
        }
        for (a, topic) in sharing {
            let asking = &cards[a];
            let same_claim = asking.claim.is_some() && asking.claim == answered.claim;
            if a == b || same_claim {
                continue;
            }
            if let Some(stated) = prompts[a].states(&answered.answer) {
                out.push(Raw::new(
                    Severity::Warning,
                    Rule::GiveAway,
                    Spot::Card(asking.id.to_string(), Some(Field::own("prompt"))),
                    format!(
                        "the prompt states \"{stated}\", the answer of card \"{}\" (both \
                         carry the topic {topic}): reword one of them",
                        answered.id
                    ),
                ));
            }
        }
    }
}

/// Whether `topic` names the card's answer itself: its name states the answer, or an
/// answer's wording holds the name ("place/Nur-Sultan" for "Nur-Sultan (now Astana)").
fn own_topic(card: &Card, topic: &str) -> bool {
    let name = topic.split_once('/').map_or(topic, |(_, n)| n);
    if Mentions::of(name).states(&card.answer).is_some() {
        return true;
    }
    let folded = fold(name);
    let Answer::Phrase(wordings) = &card.answer else {
        return false;
    };
    !folded.is_empty()
        && wordings
            .iter()
            .any(|w| format!(" {} ", fold(w)).contains(&format!(" {folded} ")))
}
