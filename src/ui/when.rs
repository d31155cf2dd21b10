//! Moments as a person reads them, in the collection clock's time zone: "today 14:10",
//! "tomorrow 04:00", "Mon 14 Mar 04:00", and a day as "14 Mar".

use chrono::{DateTime, FixedOffset};

use crate::schedule::Clock;

fn local(ms: i64, clock: &Clock) -> Option<DateTime<FixedOffset>> {
    let zone = FixedOffset::east_opt(clock.offset_secs)?;
    Some(DateTime::from_timestamp_millis(ms)?.with_timezone(&zone))
}

/// A moment, by its calendar day relative to now: "today 14:10", "tomorrow 04:00", else
/// "Mon 14 Mar 04:00" (with the year when it is not this year's).
pub fn moment(ms: i64, clock: &Clock) -> String {
    let (Some(t), Some(now)) = (local(ms, clock), local(clock.now_ms, clock)) else {
        return String::new();
    };
    let days = (t.date_naive() - now.date_naive()).num_days();
    let time = t.format("%H:%M");
    match days {
        0 => format!("today {time}"),
        1 => format!("tomorrow {time}"),
        _ if t.format("%Y").to_string() == now.format("%Y").to_string() => {
            format!("{} {time}", t.format("%a %-d %b"))
        }
        _ => format!("{} {time}", t.format("%a %-d %b %Y")),
    }
}

/// A day: "today", "tomorrow", else "14 Mar" (with the year when it is not this year's).
pub fn day(ms: i64, clock: &Clock) -> String {
    let (Some(t), Some(now)) = (local(ms, clock), local(clock.now_ms, clock)) else {
        return String::new();
    };
    match (t.date_naive() - now.date_naive()).num_days() {
        i64::MIN..=0 => "today".into(),
        1 => "tomorrow".into(),
        _ if t.format("%Y").to_string() == now.format("%Y").to_string() => {
            t.format("%-d %b").to_string()
        }
        _ => t.format("%-d %b %Y").to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moments_read_relative_to_now() {
        // 2022-01-06 12:00 UTC, a Thursday; 17:00 in the clock's zone (UTC+5).
        let noon = 18_998 * 86_400_000 + 12 * 3_600_000;
        let clock = Clock {
            now_ms: noon,
            offset_secs: 5 * 3600,
        };
        let h = 3_600_000;
        assert_eq!(moment(noon + h, &clock), "today 18:00");
        assert_eq!(moment(noon + 11 * h, &clock), "tomorrow 04:00");
        assert_eq!(moment(noon + 3 * 24 * h, &clock), "Sun 9 Jan 17:00");
        assert_eq!(moment(noon + 400 * 24 * h, &clock), "Fri 10 Feb 2023 17:00");
        assert_eq!(day(noon - h, &clock), "today");
        assert_eq!(day(noon + 24 * h, &clock), "tomorrow");
        assert_eq!(day(noon + 30 * 24 * h, &clock), "5 Feb");
    }
}
