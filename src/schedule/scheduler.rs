//! The next state of a card after an answer, through the `fsrs` crate (FSRS-6): memory state,
//! interval from the desired retention, Anki's fuzz, and same-day reviews by FSRS-6's
//! short-term model (an Again comes back in ten minutes, with zero days elapsed).

use std::fmt;

use fsrs::FSRS;

use super::day::{Clock, day_start_ms, study_day};
use super::fuzz::fuzzed_days;
use super::state::{CardState, LEECH_LAPSES, Queue};
use crate::quiz::Grade;

/// Minutes until a card answered Again comes back.
pub const RELEARN_MINUTES: i64 = 10;
/// The longest interval, in days (a hundred years).
pub const MAX_INTERVAL_DAYS: u32 = 36_500;

/// Why a scheduler could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ScheduleError {
    #[error("the FSRS parameters are not valid: {0:?}")]
    Parameters(fsrs::FSRSError),
    #[error("desired retention {0} is outside 0.70 to 0.97")]
    Retention(f32),
}

/// When a card would come back: shown beside each grade ("10m", "3d").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Interval {
    Minutes(u32),
    Days(u32),
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Interval::Minutes(m) => write!(f, "{m}m"),
            Interval::Days(d) if d < 31 => write!(f, "{d}d"),
            Interval::Days(d) if d < 365 => write!(f, "{:.1}mo", f64::from(d) / 30.4),
            Interval::Days(d) => write!(f, "{:.1}y", f64::from(d) / 365.0),
        }
    }
}

pub struct Scheduler {
    pub(super) fsrs: FSRS,
    pub parameters: Vec<f32>,
    pub retention: f32,
}

impl Scheduler {
    /// A scheduler with these parameters (empty: FSRS-6's defaults) and desired retention.
    pub fn new(parameters: &[f32], retention: f32) -> Result<Scheduler, ScheduleError> {
        if !(0.70..=0.97).contains(&retention) {
            return Err(ScheduleError::Retention(retention));
        }
        let fsrs = FSRS::new(parameters).map_err(ScheduleError::Parameters)?;
        let parameters = if parameters.is_empty() {
            fsrs::DEFAULT_PARAMETERS.to_vec()
        } else {
            parameters.to_vec()
        };
        Ok(Scheduler {
            fsrs,
            parameters,
            retention,
        })
    }

    /// The FSRS memory and unfuzzed interval (days) each grade would give.
    pub fn next_states(&self, state: &CardState, clock: &Clock) -> [(fsrs::MemoryState, f32); 4] {
        let elapsed = elapsed_days(state, clock);
        let memory = state.memory();
        let next = self
            .fsrs
            .next_states(memory, self.retention, elapsed)
            .or_else(|_| self.fsrs.next_states(None, self.retention, 0));
        match next {
            Ok(n) => [n.again, n.hard, n.good, n.easy].map(|s| (s.memory, s.interval)),
            // Unreachable with valid parameters; keep the card's memory and a day's interval.
            Err(_) => [(); 4].map(|_| {
                (
                    memory.unwrap_or(fsrs::MemoryState {
                        stability: 1.0,
                        difficulty: 5.0,
                    }),
                    1.0,
                )
            }),
        }
    }

    /// What each grade would give, for the grade buttons.
    /// `fuzz` is the one [`Self::answer`] will use, so that the interval shown is the one given.
    pub fn preview(&self, state: &CardState, clock: &Clock, fuzz: f32) -> [Interval; 4] {
        let next = self.next_states(state, clock);
        [0, 1, 2, 3].map(|i| {
            if i == 0 {
                Interval::Minutes(RELEARN_MINUTES as u32)
            } else {
                Interval::Days(fuzzed_days(next[i].1, fuzz, MAX_INTERVAL_DAYS).max(1))
            }
        })
    }

    /// The state after answering `grade` now; `fuzz` (0 to 1) spreads the interval.
    pub fn answer(&self, state: &CardState, grade: Grade, clock: &Clock, fuzz: f32) -> CardState {
        let next = self.next_states(state, clock);
        let (memory, interval) = next[grade as usize - 1];
        after_answer(state, grade, memory, interval, clock, fuzz)
    }

    /// The probability of recalling a card now.
    pub fn retrievability(&self, state: &CardState, clock: &Clock) -> Option<f32> {
        retrievability(state, clock.now_ms, self.decay())
    }

    /// FSRS-6's decay of the forgetting curve, from the parameters.
    pub fn decay(&self) -> f32 {
        self.parameters
            .get(20)
            .copied()
            .unwrap_or(fsrs::FSRS6_DEFAULT_DECAY)
    }
}

/// The state after answering `grade` at `clock`, given the FSRS memory the answer gives and
/// its unfuzzed interval in days: the queue, counters and due time (shared by answers and by
/// histories replayed from another app).
pub(super) fn after_answer(
    state: &CardState,
    grade: Grade,
    memory: fsrs::MemoryState,
    interval: f32,
    clock: &Clock,
    fuzz: f32,
) -> CardState {
    let today = clock.today();
    let mut s = *state;
    s.stability = memory.stability;
    s.difficulty = memory.difficulty;
    s.reps = s.reps.saturating_add(1);
    s.last_review_ms = clock.now_ms;
    if grade == Grade::Again {
        if matches!(state.queue, Queue::Review | Queue::Relearning) {
            // A lapse is forgetting a card in review; failing it again while relearning
            // is the same lapse.
            if state.queue == Queue::Review {
                s.lapses = s.lapses.saturating_add(1);
            }
            s.queue = Queue::Relearning;
        } else {
            s.queue = Queue::Learning;
        }
        s.streak = 0;
        s.due_ms = clock.now_ms + RELEARN_MINUTES * 60_000;
        s.due_day = study_day(s.due_ms, clock.offset_secs);
    } else {
        let days = fuzzed_days(interval, fuzz, MAX_INTERVAL_DAYS).max(1);
        s.queue = Queue::Review;
        s.streak = s.streak.saturating_add(1);
        s.due_day = today + i64::from(days);
        s.due_ms = day_start_ms(s.due_day, clock.offset_secs);
    }
    s.leech = s.leech || s.lapses >= LEECH_LAPSES;
    s
}

/// The probability of recalling a card at `now_ms`, for a forgetting curve's `decay` (what
/// [`Scheduler::retrievability`] gives, for a worker thread that has no scheduler).
pub fn retrievability(state: &CardState, now_ms: i64, decay: f32) -> Option<f32> {
    let memory = state.memory()?;
    let days = (now_ms - state.last_review_ms).max(0) as f32 / 86_400_000.0;
    Some(fsrs::current_retrievability(memory, days, decay))
}

/// Whole study days since the last review; never negative, even if the clock went back.
pub fn elapsed_days(state: &CardState, clock: &Clock) -> u32 {
    if state.is_new() || state.last_review_ms == 0 {
        return 0;
    }
    let last = study_day(state.last_review_ms, clock.offset_secs);
    u32::try_from((clock.today() - last).max(0)).unwrap_or(u32::MAX)
}
