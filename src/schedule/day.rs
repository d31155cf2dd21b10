//! Study days: a day starts at 4 a.m. local time, as in Anki, so that a late-night session
//! counts toward the day it began.

use chrono::{Local, Offset, TimeZone};

/// The hour at which a new study day begins.
pub const ROLLOVER_HOUR: i64 = 4;
const DAY_MS: i64 = 86_400_000;

/// The study day (days since 1970-01-01, counted from 4 a.m.) of a moment, for a time zone
/// `offset_secs` east of UTC.
pub fn study_day(ms: i64, offset_secs: i32) -> i64 {
    (ms + i64::from(offset_secs) * 1000 - ROLLOVER_HOUR * 3_600_000).div_euclid(DAY_MS)
}

/// The first moment (ms since the epoch) of a study day, in a time zone `offset_secs` east of UTC.
pub fn day_start_ms(day: i64, offset_secs: i32) -> i64 {
    day * DAY_MS + ROLLOVER_HOUR * 3_600_000 - i64::from(offset_secs) * 1000
}

/// The local time zone's offset from UTC at a moment, in seconds.
pub fn local_offset_secs(ms: i64) -> i32 {
    Local
        .timestamp_millis_opt(ms)
        .single()
        .map_or(0, |t| t.offset().fix().local_minus_utc())
}

/// The clock, in one place, so that tests can set it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    pub now_ms: i64,
    pub offset_secs: i32,
}

impl Clock {
    /// The system clock and the local time zone.
    pub fn system() -> Clock {
        let now_ms = chrono::Utc::now().timestamp_millis();
        Clock {
            now_ms,
            offset_secs: local_offset_secs(now_ms),
        }
    }

    pub fn today(&self) -> i64 {
        study_day(self.now_ms, self.offset_secs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const H: i64 = 3_600_000;

    #[test]
    fn day_turns_at_four_in_the_morning_local() {
        let midnight_utc = 19_000 * DAY_MS;
        // UTC: 03:59 belongs to the day before, 04:00 to the new day.
        assert_eq!(study_day(midnight_utc + 4 * H - 1, 0), 18_999);
        assert_eq!(study_day(midnight_utc + 4 * H, 0), 19_000);
        // Almaty (UTC+5): 04:00 local is 23:00 UTC the day before.
        assert_eq!(study_day(midnight_utc - H, 5 * 3600), 19_000);
        assert_eq!(study_day(midnight_utc - H - 1, 5 * 3600), 18_999);
        // New York (UTC-5): 04:00 local is 09:00 UTC.
        assert_eq!(study_day(midnight_utc + 9 * H - 1, -5 * 3600), 18_999);
        assert_eq!(study_day(midnight_utc + 9 * H, -5 * 3600), 19_000);
    }

    #[test]
    fn day_start_is_the_rollover() {
        for off in [-5 * 3600, 0, 5 * 3600, 13 * 3600] {
            let start = day_start_ms(19_000, off);
            assert_eq!(study_day(start, off), 19_000);
            assert_eq!(study_day(start - 1, off), 18_999);
        }
    }
}
