//! A date known to the day, the month or only the year, written "2022-01-05", "2022-01" or "2022".

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// A calendar date that may lack its day or its month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The English name of a month, 1 to 12.
pub fn month_name(month: u8) -> &'static str {
    MONTHS
        .get(usize::from(month).wrapping_sub(1))
        .copied()
        .unwrap_or("?")
}

/// Days in a month of a year of the Gregorian calendar.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl PartialDate {
    pub fn day(year: i32, month: u8, day: u8) -> Result<Self, String> {
        Self::new(year, Some(month), Some(day))
    }

    /// A checked date: the month is 1 to 12 and the day exists in that month.
    pub fn new(year: i32, month: Option<u8>, day: Option<u8>) -> Result<Self, String> {
        if !(1..=9999).contains(&year) {
            return Err(format!("year {year} is out of range"));
        }
        if let Some(m) = month
            && !(1..=12).contains(&m)
        {
            return Err(format!("month {m} is not 1 to 12"));
        }
        match (month, day) {
            (None, Some(_)) => return Err("a day needs a month".into()),
            (Some(m), Some(d)) if d == 0 || d > days_in_month(year, m) => {
                return Err(format!("{} has no day {d} in {year}", month_name(m)));
            }
            _ => {}
        }
        Ok(PartialDate { year, month, day })
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// "5 January 2022", "January 2022" or "2022".
    pub fn to_string_long(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d} {} {}", month_name(m), self.year),
            (Some(m), None) => format!("{} {}", month_name(m), self.year),
            _ => self.year.to_string(),
        }
    }

    /// Days since 1970-01-01 of the date's first day (for distances between dates).
    pub fn ordinal(&self) -> i64 {
        let m = self.month.unwrap_or(1);
        let d = self.day.unwrap_or(1);
        days_from_civil(self.year, m, d)
    }
}

/// Days since 1970-01-01 for a civil date (Howard Hinnant's algorithm).
pub fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

impl std::str::FromStr for PartialDate {
    type Err = String;

    /// Reads "YYYY", "YYYY-MM" or "YYYY-MM-DD".
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || format!("\"{s}\" is not a date: write YYYY-MM-DD, YYYY-MM or YYYY");
        let parts: Vec<&str> = s.trim().split('-').collect();
        let num = |p: &str, len: usize| -> Result<u32, String> {
            if p.len() != len || !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad());
            }
            p.parse::<u32>().map_err(|_| bad())
        };
        let (y, m, d) = match parts.as_slice() {
            [y] => (num(y, 4)?, None, None),
            [y, m] => (num(y, 4)?, Some(num(m, 2)?), None),
            [y, m, d] => (num(y, 4)?, Some(num(m, 2)?), Some(num(d, 2)?)),
            _ => return Err(bad()),
        };
        let to_u8 = |v: Option<u32>| v.map(|v| u8::try_from(v).unwrap_or(u8::MAX));
        PartialDate::new(y as i32, to_u8(m), to_u8(d)).map_err(|e| format!("\"{s}\": {e}"))
    }
}

impl fmt::Display for PartialDate {
    /// The deck format's spelling: "2022-01-05", "2022-01" or "2022".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.month, self.day) {
            (Some(m), Some(d)) => write!(f, "{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => write!(f, "{:04}-{m:02}", self.year),
            _ => write!(f, "{:04}", self.year),
        }
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_each_precision() {
        let d: PartialDate = "2022-01-05".parse().unwrap();
        assert_eq!(d.precision(), Precision::Day);
        assert_eq!(d.to_string_long(), "5 January 2022");
        let m: PartialDate = "2022-01".parse().unwrap();
        assert_eq!(m.precision(), Precision::Month);
        assert_eq!(m.to_string(), "2022-01");
        let y: PartialDate = "2024".parse().unwrap();
        assert_eq!(y.precision(), Precision::Year);
    }

    #[test]
    fn rejects_unreal_dates() {
        assert_eq!(
            "2022-02-30".parse::<PartialDate>().unwrap_err(),
            "\"2022-02-30\": February has no day 30 in 2022"
        );
        assert!("2022-13".parse::<PartialDate>().is_err());
        assert!("22-01-05".parse::<PartialDate>().is_err());
        assert!("2024-02-29".parse::<PartialDate>().is_ok());
        assert!("2023-02-29".parse::<PartialDate>().is_err());
    }

    #[test]
    fn ordinal_matches_known_days() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2022, 1, 5), 18997);
    }
}
