//! A card's state from its reviews: each review, in replay order, through the scheduler as the
//! answer was given (its time and time zone as the clock, the card's stable fuzz), so that two
//! machines that hold the same reviews compute the same state, and a machine that only adds
//! reviews after a card's last one gets what a replay of the whole history gives.

use crate::schedule::fuzz::card_fuzz;
use crate::schedule::{CardState, Clock, Scheduler};
use crate::store::sync::HistoryReview;

/// The state after one more review.
pub fn step(
    sched: &Scheduler,
    deck: &str,
    card: &str,
    from: &CardState,
    r: &HistoryReview,
) -> CardState {
    let grade = crate::quiz::Grade::ALL[usize::from(r.grade.clamp(1, 4)) - 1];
    let clock = Clock {
        now_ms: r.time_ms,
        offset_secs: r.tz,
    };
    sched.answer(from, grade, &clock, card_fuzz(deck, card, from.reps))
}

/// The state a card's whole history gives (in replay order), with the flags (suspended,
/// buried) of `flags_from`, which no review changes.
pub fn whole(
    sched: &Scheduler,
    deck: &str,
    card: &str,
    history: &[HistoryReview],
    flags_from: Option<&CardState>,
) -> CardState {
    let mut s = CardState::new_card();
    if let Some(f) = flags_from {
        s.suspended = f.suspended;
        s.buried_until_day = f.buried_until_day;
    }
    for r in history {
        s = step(sched, deck, card, &s, r);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::sync::ReplayKey;

    #[test]
    fn replay_gives_what_the_answers_gave() {
        let sched = Scheduler::new(&[], 0.9).unwrap();
        let mut live = CardState::new_card();
        let mut history = Vec::new();
        for (i, grade) in [3u8, 1, 3, 4, 2].into_iter().enumerate() {
            let t = 1_700_000_000_000 + i as i64 * 3 * 86_400_000;
            let clock = Clock {
                now_ms: t,
                offset_secs: 3600,
            };
            let g = crate::quiz::Grade::ALL[usize::from(grade) - 1];
            live = sched.answer(&live, g, &clock, card_fuzz("d", "c", live.reps));
            history.push(HistoryReview {
                key: ReplayKey {
                    order_ms: t,
                    device: "a".into(),
                    seq: i as i64,
                },
                time_ms: t,
                tz: 3600,
                grade,
            });
        }
        assert_eq!(whole(&sched, "d", "c", &history, None), live);
    }
}
