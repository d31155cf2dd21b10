//! The give-away rule (issue 17): a card's prompt must not state another card's answer (a
//! figure with its unit, a day, a phrase) in the same deck. Names are exempt: prompts must
//! name people. To flag only what a learner would notice, two cards count only when they share
//! a topic that at most a third of the deck's cards carry and that is not the answer's own
//! topic (place/Almaty for the answer "Almaty"), and never when both are about the same claim
//! (the scheduler shows those on different days: see `schedule/queue.rs`).

use std::collections::HashMap;

use super::mentions::{Mentions, Needle};
use super::place::{Field, Spot};
use super::{Raw, Rule, Severity};
use crate::deck::model::{Answer, Card, Deck};
use crate::text::fold::fold;

pub(super) fn check(deck: &Deck, out: &mut Vec<Raw>) {
    let cards = &deck.cards;
    let mut by_topic: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, c) in cards.iter().enumerate() {
        for t in &c.topics {
            by_topic.entry(t.as_str()).or_default().push(i);
        }
    }
    // "Not carried by more than a third of the deck's cards".
    let common = |t: &str| by_topic.get(t).is_some_and(|v| v.len() * 3 > cards.len());
    let prompts: Vec<Mentions> = cards.iter().map(|c| Mentions::of(&c.prompt)).collect();
    // The last card whose sharing cards each card was counted among.
    let mut counted = vec![usize::MAX; cards.len()];
    for (b, answered) in cards.iter().enumerate() {
        let Some(needle) = Needle::of(&answered.answer) else {
            continue;
        };
        // The cards that share a telling topic with it, each with the first such topic.
        let mut sharing: Vec<(usize, &str)> = Vec::new();
        for t in &answered.topics {
            if common(t) || own_topic(answered, &needle, t) {
                continue;
            }
            for &a in by_topic.get(t.as_str()).into_iter().flatten() {
                if counted[a] != b {
                    counted[a] = b;
                    sharing.push((a, t.as_str()));
                }
            }
        }
        sharing.sort_unstable_by_key(|&(a, _)| a);
        for (a, topic) in sharing {
            let asking = &cards[a];
            let same_claim = asking.claim.is_some() && asking.claim == answered.claim;
            if a == b || same_claim {
                continue;
            }
            if prompts[a].holds(&needle) {
                out.push(Raw::new(
                    Severity::Warning,
                    Rule::GiveAway,
                    Spot::Card(asking.id.to_string(), Some(Field::own("prompt"))),
                    format!(
                        "the prompt states \"{}\", the answer of card \"{}\" (both \
                         carry the topic {topic}): reword one of them",
                        needle.shown, answered.id
                    ),
                ));
            }
        }
    }
}

/// Whether `topic` names the card's answer itself: its name states the answer, or an
/// answer's wording holds the name ("place/Nur-Sultan" for "Nur-Sultan (now Astana)").
fn own_topic(card: &Card, needle: &Needle, topic: &str) -> bool {
    let name = topic.split_once('/').map_or(topic, |(_, n)| n);
    if Mentions::of(name).holds(needle) {
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
