//! A card's state from a history of reviews made elsewhere (Anki's review log): the FSRS
//! memory after each review from the `fsrs` crate's historical memory states (the days
//! between reviews as FSRS counts them), and the queue, counters and due time as factquiz's
//! own answers would have left them.

use fsrs::{FSRSItem, FSRSReview, MemoryState};

use super::day::{Clock, study_day};
use super::scheduler::{Scheduler, after_answer};
use super::state::CardState;
use crate::quiz::Grade;

/// One past review: when, and the grade.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Past {
    pub time_ms: i64,
    pub grade: Grade,
}

impl Scheduler {
    /// The card's state after each review of `history` (in time order), for a time zone
    /// `offset_secs` east of UTC. The interval after the last review is not fuzzed.
    pub fn replay(&self, history: &[Past], offset_secs: i32) -> Vec<CardState> {
        let mut reviews = Vec::with_capacity(history.len());
        let mut last_day: Option<i64> = None;
        for p in history {
            let day = study_day(p.time_ms, offset_secs);
            reviews.push(FSRSReview {
                rating: p.grade as u32,
                delta_t: last_day.map_or(0, |d| u32::try_from(day - d).unwrap_or(0)),
            });
            last_day = Some(day);
        }
        let memories = self
            .fsrs
            .historical_memory_states(FSRSItem { reviews }, None)
            .unwrap_or_default();
        let mut state = CardState::new_card();
        let mut out = Vec::with_capacity(history.len());
        for (i, p) in history.iter().enumerate() {
            let memory = memories.get(i).copied().unwrap_or(MemoryState {
                stability: state.stability.max(0.1),
                difficulty: state.difficulty.clamp(1.0, 10.0),
            });
            let interval =
                self.fsrs
                    .next_interval(Some(memory.stability), self.retention, p.grade as u32);
            let clock = Clock {
                now_ms: p.time_ms,
                offset_secs,
            };
            state = after_answer(&state, p.grade, memory, interval, &clock, 0.5);
            out.push(state);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::state::Queue;

    const DAY: i64 = 86_400_000;

    #[test]
    fn a_replayed_history_matches_answering_it() {
        let s = Scheduler::new(&[], 0.9).unwrap();
        let t0 = 20_000 * DAY + 12 * 3_600_000;
        let history = [
            Past {
                time_ms: t0,
                grade: Grade::Good,
            },
            Past {
                time_ms: t0 + 3 * DAY,
                grade: Grade::Good,
            },
            Past {
                time_ms: t0 + 12 * DAY,
                grade: Grade::Again,
            },
        ];
        let states = s.replay(&history, 0);
        let mut state = CardState::new_card();
        for p in &history {
            let clock = Clock {
                now_ms: p.time_ms,
                offset_secs: 0,
            };
            state = s.answer(&state, p.grade, &clock, 0.5);
        }
        let last = states[2];
        assert_eq!(
            (last.reps, last.lapses, last.queue),
            (3, 1, Queue::Relearning)
        );
        assert!((last.stability - state.stability).abs() < 1e-3);
        assert!((last.difficulty - state.difficulty).abs() < 1e-3);
        assert_eq!(last.due_ms, state.due_ms);
        assert_eq!(states[1].due_day, {
            let c = Clock {
                now_ms: history[1].time_ms,
                offset_secs: 0,
            };
            s.answer(&states[0], Grade::Good, &c, 0.5).due_day
        });
    }
}
