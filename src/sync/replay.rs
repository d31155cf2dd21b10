//! A card's state from its reviews: each review, in replay order, through the scheduler as the
//! answer was given (its time and time zone as the clock, the card's stable fuzz), so that two
//! machines that hold the same reviews compute the same state, and a machine that only adds
//! reviews after a card's last one gets what a replay of the whole history gives. A card that
//! its device had sent back to relearning before an answer, though its reviews do not put it
//! there (a deck update changed what it teaches, `study::facts`; no review records that), is
//! sent back before the answer in the replay too.

use crate::schedule::fuzz::card_fuzz;
use crate::schedule::{CardState, Clock, Queue, Scheduler};
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
    let mut from = *from;
    if sent_back(&from, r) {
        from.send_back(clock.now_ms, clock.today());
    }
    sched.answer(&from, grade, &clock, card_fuzz(deck, card, from.reps))
}

/// Whether the card had been sent back to relearning where `r` was given, where its reviews
/// alone leave it elsewhere. Only for answers of this app that carry their fact: its reviews'
/// queue before is the one its scheduler gave, where another tool's history (an import) may
/// count queues otherwise.
fn sent_back(from: &CardState, r: &HistoryReview) -> bool {
    r.fact.is_some()
        && r.queue_before == Queue::Relearning
        && !from.is_new()
        && from.queue != Queue::Relearning
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

    /// Answers `grades` live, three days apart (sending the card back before answer
    /// `back_at`, when some), and the same as a history.
    fn live_and_history(
        sched: &Scheduler,
        grades: &[u8],
        back_at: Option<usize>,
        fact: Option<u64>,
    ) -> (CardState, Vec<HistoryReview>) {
        let mut live = CardState::new_card();
        let mut history = Vec::new();
        for (i, &grade) in grades.iter().enumerate() {
            let t = 1_700_000_000_000 + i as i64 * 3 * 86_400_000;
            let clock = Clock {
                now_ms: t,
                offset_secs: 3600,
            };
            if back_at == Some(i) {
                live.send_back(t - 3_600_000, clock.today());
            }
            let queue_before = live.queue;
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
                queue_before,
                fact,
            });
        }
        (live, history)
    }

    #[test]
    fn replay_gives_what_the_answers_gave() {
        let sched = Scheduler::new(&[], 0.9).unwrap();
        let (live, history) = live_and_history(&sched, &[3, 1, 3, 4, 2], None, None);
        assert_eq!(whole(&sched, "d", "c", &history, None), live);
    }

    #[test]
    fn a_card_sent_back_for_a_changed_fact_is_replayed_sent_back() {
        let sched = Scheduler::new(&[], 0.9).unwrap();
        // The deck changed before the third answer: the card had gone back to relearning,
        // so failing it then was no new lapse.
        let (live, history) = live_and_history(&sched, &[3, 3, 1, 3], Some(2), Some(7));
        assert_eq!(live.lapses, 0);
        assert_eq!(whole(&sched, "d", "c", &history, None), live);
        // The same answers given with the card where its reviews left it: a lapse.
        let (kept, _) = live_and_history(&sched, &[3, 3, 1, 3], None, Some(7));
        assert_eq!(kept.lapses, 1);
        // A history without facts (another tool's, imported) is replayed as it is.
        let imported: Vec<_> = history
            .iter()
            .map(|r| HistoryReview {
                fact: None,
                ..r.clone()
            })
            .collect();
        assert_eq!(whole(&sched, "d", "c", &imported, None), kept);
    }
}
