//! The figures behind the statistics screen: reviews and time per day over the last year, the
//! forecast of due cards, true retention per month, and cards by state. Computed from the store
//! with a few grouped queries (never by loading every review), so a worker thread can do it.

use rusqlite::Connection;

use crate::schedule::{CardState, Queue};
use crate::store::StoreError;

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
}

/// What the charts need besides the review log.
pub struct ChartInput<'a> {
    pub today: i64,
    /// Only this deck's reviews and cards; all when `None`.
    pub deck: Option<&'a str>,
    /// The states of the cards in scope (`None`: never answered).
    pub states: &'a [Option<CardState>],
}

/// Computes every chart's figures.
pub fn compute(conn: &Connection, input: &ChartInput) -> Result<Charts, StoreError> {
    let from = input.today - HISTORY_DAYS + 1;
    let mut days: Vec<DayFigures> = (from..=input.today)
        .map(|day| DayFigures {
            day,
            ..DayFigures::default()
        })
        .collect();
    let (join, filter) = match input.deck {
        Some(_) => ("JOIN card c ON c.key = r.key", "AND c.deck_id = ?2"),
        None => ("", "AND ?2 IS NULL"),
    };
    let sql = format!(
        "SELECT r.day, count(*), sum(r.correct), sum(r.taken_ms) FROM review r {join}
         WHERE r.day >= ?1 {filter} GROUP BY r.day"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(rusqlite::params![from, input.deck], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, u32>(1)?,
            r.get::<_, u32>(2)?,
            r.get::<_, i64>(3)?,
        ))
    })?;
    for row in rows {
        let (day, n, right, ms) = row?;
        if let Some(d) = usize::try_from(day - from)
            .ok()
            .and_then(|i| days.get_mut(i))
        {
            d.reviews = n;
            d.right = right;
            d.seconds = ms as f64 / 1000.0;
        }
    }

    // True retention: answers to cards that were in review, by the month of their study day.
    let sql = format!(
        "SELECT r.day, count(*), sum(r.correct) FROM review r {join}
         WHERE r.queue_before = {} {filter} AND r.day >= ?1 GROUP BY r.day ORDER BY r.day",
        Queue::Review as u8
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(rusqlite::params![from, input.deck], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, u32>(1)?,
            r.get::<_, u32>(2)?,
        ))
    })?;
    let mut retention: Vec<MonthRetention> = Vec::new();
    for row in rows {
        let (day, n, right) = row?;
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
    })
}
