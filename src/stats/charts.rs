//! The figures behind the statistics screen: reviews and time per day over the last year, the
//! forecast of due cards, true retention per month, cards by state (and, filled in beside
//! them, calibration and the topics). The day figures come
//! from a cache of closed days checked against the log (kept by the store), never by reading a
//! year of reviews each time, and a worker thread computes them.

use super::calibration::CalibrationFigures;
use super::topics::TopicStat;
use crate::schedule::{CardState, Queue};
use crate::store::{Store, StoreError};

/// Days of history the calendar and the daily charts cover.
pub const HISTORY_DAYS: i64 = 365;
/// Days ahead the forecast covers.
pub const FORECAST_DAYS: usize = 30;

/// One study day's answers.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct DayFigures {
    pub day: i64,
    pub reviews: u32,
    pub right: u32,
    pub seconds: f64,
}

/// True retention in one month: answers to cards in review, and how many were right.
#[derive(Debug, Clone, PartialEq)]
pub struct MonthRetention {
    /// "2024-03".
    pub month: String,
    pub answers: u32,
    pub right: u32,
}

impl MonthRetention {
    pub fn rate(&self) -> f32 {
        if self.answers == 0 {
            0.0
        } else {
            self.right as f32 / self.answers as f32
        }
    }
}

/// Cards by state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StateCounts {
    pub new: usize,
    pub learning: usize,
    pub review: usize,
    pub suspended: usize,
    pub leech: usize,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Charts {
    /// The last [`HISTORY_DAYS`] study days, oldest first, today last (days without answers too).
    pub days: Vec<DayFigures>,
    /// Cards due on each of the next [`FORECAST_DAYS`] days; index 0 is today (overdue included).
    pub forecast: Vec<u32>,
    pub retention: Vec<MonthRetention>,
    pub states: StateCounts,
    /// Every topic's figures, weakest first (for one deck: the topics of its cards).
    pub topics: Vec<TopicStat>,
    /// How often answers were right at each confidence, over the last [`HISTORY_DAYS`].
    pub calibration: CalibrationFigures,
}

/// What the charts need besides the review log.
pub struct ChartInput<'a> {
    pub today: i64,
    /// Only this deck's reviews and cards; all when `None`.
    pub deck: Option<&'a str>,
    /// The states of the cards in scope (`None`: never answered).
    pub states: &'a [Option<CardState>],
}

/// Computes every chart's figures but the topics'. The day figures come from the store's
/// cache of closed days ([`Store::day_figures`]); with `write_cache` (a writable store) that
/// cache is kept up to date.
pub fn compute(store: &Store, input: &ChartInput, write_cache: bool) -> Result<Charts, StoreError> {
    let from = input.today - HISTORY_DAYS + 1;
    let mut days: Vec<DayFigures> = (from..=input.today)
        .map(|day| DayFigures {
            day,
            ..DayFigures::default()
        })
        .collect();
    let mut taken_ms = vec![0i64; days.len()];
    // Answers to cards in review, per day, for true retention.
    let mut review_days: Vec<(i64, u32, u32)> = Vec::new();
    for ((day, deck), f) in store.day_figures(from, input.today, write_cache)? {
        if input.deck.is_some_and(|d| d != deck) {
            continue;
        }
        if let Some(i) = usize::try_from(day - from).ok().filter(|&i| i < days.len()) {
            days[i].reviews += f.answers;
            days[i].right += f.right;
            taken_ms[i] += f.taken_ms;
        }
        if f.review_answers > 0 && day >= from {
            review_days.push((day, f.review_answers, f.review_right));
        }
    }

    for (d, ms) in days.iter_mut().zip(taken_ms) {
        d.seconds = ms as f64 / 1000.0;
    }

    // True retention: answers to cards that were in review, by the month of their study day.
    review_days.sort_by_key(|(day, _, _)| *day);
    let mut retention: Vec<MonthRetention> = Vec::new();
    for (day, n, right) in review_days {
        let month = chrono::DateTime::from_timestamp(day * 86_400, 0)
            .map(|t| t.format("%Y-%m").to_string())
            .unwrap_or_default();
        match retention.last_mut() {
            Some(m) if m.month == month => {
                m.answers += n;
                m.right += right;
            }
            _ => retention.push(MonthRetention {
                month,
                answers: n,
                right,
            }),
        }
    }

    let mut forecast = vec![0u32; FORECAST_DAYS];
    let mut states = StateCounts::default();
    for s in input.states {
        match s {
            None => states.new += 1,
            Some(s) if s.suspended => states.suspended += 1,
            Some(s) => {
                match s.queue {
                    Queue::New => states.new += 1,
                    Queue::Learning | Queue::Relearning => states.learning += 1,
                    Queue::Review => states.review += 1,
                }
                if !s.is_new() {
                    let ahead = (s.due_day - input.today).max(0);
                    if let Some(f) = usize::try_from(ahead)
                        .ok()
                        .and_then(|i| forecast.get_mut(i))
                    {
                        *f += 1;
                    }
                }
            }
        }
        if s.is_some_and(|s| s.leech) {
            states.leech += 1;
        }
    }
    Ok(Charts {
        days,
        forecast,
        retention,
        states,
        topics: Vec::new(),
        calibration: CalibrationFigures::default(),
    })
}
