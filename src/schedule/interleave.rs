//! Interleaving the day's queue (desirable difficulty): no two cards about the same claim back
//! to back, and no more than two cards of one kind in a row while cards of other kinds wait.
//! The queue's own order (learning, then reviews oldest first, then new cards) decides
//! otherwise: each step takes the earliest card that keeps both rules; when none does, the
//! earliest that keeps the claim rule, then the earliest that keeps the kind rule, then the
//! earliest. Cards wait in one line per kind, and only the first [`LOOK_AHEAD`] of a line are
//! looked at for a card of another claim, so a step costs a few dozen comparisons whatever
//! the size of the queue.

use std::collections::VecDeque;

use super::queue::Slot;
use crate::deck::CardKind;

/// How far into one kind's line a step looks for a card whose claim differs from the last
/// card's (more than any claim of the built-in decks has cards).
pub const LOOK_AHEAD: usize = 16;

/// A claim, as (deck index, the claim's index in its deck).
pub type ClaimKey = (usize, u32);

/// A card to place, with what the rules look at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item {
    pub slot: Slot,
    pub kind: CardKind,
    pub claim: Option<ClaimKey>,
}

/// What the last cards placed were: the rules of the next step.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Context {
    last_claim: Option<ClaimKey>,
    run_kind: Option<CardKind>,
    run_len: usize,
}

impl Context {
    fn place(&mut self, item: &Item) {
        if self.run_kind == Some(item.kind) {
            self.run_len += 1;
        } else {
            self.run_kind = Some(item.kind);
            self.run_len = 1;
        }
        self.last_claim = item.claim;
    }

    fn kind_ok(&self, kind: CardKind) -> bool {
        !(self.run_kind == Some(kind) && self.run_len >= 2)
    }

    fn claim_ok(&self, claim: Option<ClaimKey>) -> bool {
        claim.is_none() || claim != self.last_claim
    }
}

/// Puts `items` (in the queue's order) in interleaved order, after the cards `ctx` describes;
/// `ctx` then describes the last cards placed, so that a second run can follow the first.
pub fn interleave(items: Vec<Item>, ctx: &mut Context) -> Vec<Item> {
    let kinds = CardKind::ALL;
    // One line per kind, each holding the items' places in the queue's order.
    let mut lines: Vec<VecDeque<usize>> = vec![VecDeque::new(); kinds.len()];
    for (i, item) in items.iter().enumerate() {
        lines[kind_index(item.kind)].push_back(i);
    }
    let mut out = Vec::with_capacity(items.len());
    for _ in 0..items.len() {
        // Per tier, the best (earliest) pick so far: (place in the queue, line, place in line).
        let mut best: [Option<(usize, usize, usize)>; 4] = [None; 4];
        for (k, line) in lines.iter().enumerate() {
            if line.is_empty() {
                continue;
            }
            let kind_ok = ctx.kind_ok(kinds[k]);
            let claim_ok = line
                .iter()
                .take(LOOK_AHEAD)
                .position(|&i| ctx.claim_ok(items[i].claim));
            let mut offer = |tier: usize, at: usize| {
                let q = line[at];
                if best[tier].is_none_or(|(b, ..)| q < b) {
                    best[tier] = Some((q, k, at));
                }
            };
            if let Some(at) = claim_ok {
                if kind_ok {
                    offer(0, at);
                }
                offer(1, at);
            }
            if kind_ok {
                offer(2, 0);
            }
            offer(3, 0);
        }
        let Some((q, k, at)) = best.into_iter().flatten().next() else {
            break;
        };
        lines[k].remove(at);
        ctx.place(&items[q]);
        out.push(items[q]);
    }
    out
}

fn kind_index(kind: CardKind) -> usize {
    CardKind::ALL.iter().position(|k| *k == kind).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use CardKind::*;

    fn items(spec: &[(CardKind, Option<u32>)]) -> Vec<Item> {
        spec.iter()
            .enumerate()
            .map(|(i, (kind, claim))| Item {
                slot: Slot { deck: 0, card: i },
                kind: *kind,
                claim: claim.map(|c| (0, c)),
            })
            .collect()
    }

    fn order(v: &[Item]) -> Vec<usize> {
        v.iter().map(|i| i.slot.card).collect()
    }

    #[test]
    fn a_run_of_one_kind_takes_the_next_other_kind_after_two() {
        let v = items(&[
            (Figure, None),
            (Figure, None),
            (Figure, None),
            (Figure, None),
            (Verdict, None),
            (Verdict, None),
        ]);
        let out = interleave(v, &mut Context::default());
        assert_eq!(order(&out), [0, 1, 4, 2, 3, 5]);
    }

    #[test]
    fn the_same_claim_never_comes_twice_in_a_row_while_another_waits() {
        let v = items(&[
            (Figure, Some(1)),
            (Verdict, Some(1)),
            (SourceSaid, Some(1)),
            (Figure, Some(2)),
        ]);
        let out = interleave(v, &mut Context::default());
        assert_eq!(order(&out), [0, 3, 1, 2]);
        // Nothing else left: the claim's cards follow one another.
        let v = items(&[(Figure, Some(1)), (Verdict, Some(1))]);
        assert_eq!(order(&interleave(v, &mut Context::default())), [0, 1]);
    }

    #[test]
    fn the_claim_rule_comes_before_the_kind_rule_and_a_second_run_follows_the_first() {
        // After two figures, only a figure of another claim and a verdict of the same claim
        // are left: the figure (three in a row) beats the claim repeated.
        let v = items(&[
            (Figure, None),
            (Figure, Some(1)),
            (Verdict, Some(1)),
            (Figure, Some(2)),
        ]);
        assert_eq!(order(&interleave(v, &mut Context::default())), [0, 1, 3, 2]);
        let mut ctx = Context::default();
        let first = interleave(items(&[(Who, None), (Who, None)]), &mut ctx);
        assert_eq!(first.len(), 2);
        let second = interleave(items(&[(Who, None), (When, None)]), &mut ctx);
        assert_eq!(second[0].kind, When);
    }
}
