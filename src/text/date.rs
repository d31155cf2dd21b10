//! Reading dates the way people write them: "5 January", "January 5", "Jan 5 2022",
//! "2022-01-05", "05.01.2022" (day first), "January 2022".

/// What a piece of text was read as; any part may be missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateReading {
    pub year: Option<i32>,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

const MONTH_PREFIXES: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// The month a lowercase word names: its full name or an abbreviation ("jan", "sept").
pub fn month_of(word: &str) -> Option<u8> {
    if word.len() < 3 {
        return None;
    }
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    MONTH_PREFIXES
        .iter()
        .zip(full)
        .position(|(p, f)| word.starts_with(p) && f.starts_with(word.trim_end_matches('.')))
        .or_else(|| (word == "sept").then_some(8))
        .and_then(|i| u8::try_from(i + 1).ok())
}

/// Reads a date; `None` when the text holds none, or holds one that cannot exist.
pub fn parse_date(text: &str) -> Option<DateReading> {
    let lower = text.trim().to_lowercase();
    if lower.is_empty() {
        return None;
    }
    numeric(&lower).or_else(|| worded(&lower)).filter(is_real)
}

/// "2022-01-05", "2022-01", "05.01.2022", "5/1/2022", "5.1".
fn numeric(s: &str) -> Option<DateReading> {
    if !s
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '-' | '.' | '/'))
    {
        return None;
    }
    let parts: Vec<&str> = s.split(['-', '.', '/']).collect();
    let n = |p: &str| p.parse::<u32>().ok();
    let small = |v: u32| u8::try_from(v).ok();
    match parts.as_slice() {
        [y] if y.len() == 4 => Some(DateReading {
            year: Some(n(y)? as i32),
            month: None,
            day: None,
        }),
        [y, m] if y.len() == 4 => Some(DateReading {
            year: Some(n(y)? as i32),
            month: small(n(m)?),
            day: None,
        }),
        [y, m, d] if y.len() == 4 => Some(DateReading {
            year: Some(n(y)? as i32),
            month: small(n(m)?),
            day: small(n(d)?),
        }),
        [d, m] => Some(DateReading {
            year: None,
            month: small(n(m)?),
            day: small(n(d)?),
        }),
        [d, m, y] => Some(DateReading {
            year: Some(full_year(n(y)?, y.len())),
            month: small(n(m)?),
            day: small(n(d)?),
        }),
        _ => None,
    }
}

fn full_year(y: u32, digits: usize) -> i32 {
    if digits <= 2 {
        2000 + y as i32
    } else {
        y as i32
    }
}

/// "5 January 2022", "January 5th, 2022", "the 5th of Jan", "January 2022", "Jan".
fn worded(s: &str) -> Option<DateReading> {
    let mut month = None;
    let mut numbers = Vec::new();
    for raw in s.split(|c: char| c.is_whitespace() || c == ',') {
        let w = raw.trim_matches(|c: char| c == '.' || c == ',');
        if w.is_empty() || matches!(w, "of" | "the" | "on" | "in") {
            continue;
        }
        if let Some(m) = month_of(w) {
            if month.is_some() {
                return None;
            }
            month = Some(m);
            continue;
        }
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &w[digits.len()..];
        if digits.is_empty()
            || !digits.bytes().all(|b| b.is_ascii_digit())
            || !matches!(suffix, "" | "st" | "nd" | "rd" | "th")
        {
            return None;
        }
        numbers.push((digits.parse::<u32>().ok()?, digits.len()));
    }
    let Some(month) = month else {
        // "in 2016": a year alone, with words around it.
        return match numbers.as_slice() {
            [(y, 4)] => Some(DateReading {
                year: i32::try_from(*y).ok(),
                month: None,
                day: None,
            }),
            _ => None,
        };
    };
    let (mut day, mut year) = (None, None);
    for (v, len) in numbers {
        if len == 4 && year.is_none() {
            year = Some(v as i32);
        } else if len <= 2 && day.is_none() {
            day = Some(u8::try_from(v).ok()?);
        } else {
            return None;
        }
    }
    Some(DateReading {
        year,
        month: Some(month),
        day,
    })
}

fn is_real(d: &DateReading) -> bool {
    match (d.month, d.day) {
        (Some(m), Some(day)) => {
            let y = d.year.unwrap_or(2000); // a leap year, so 29 February stands without one
            (1..=12).contains(&m) && day >= 1 && day <= crate::deck::date::days_in_month(y, m)
        }
        (Some(m), None) => (1..=12).contains(&m),
        (None, Some(_)) => false,
        (None, None) => d.year.is_some(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: Option<i32>, m: u8, d: u8) -> Option<DateReading> {
        Some(DateReading {
            year: y,
            month: Some(m),
            day: Some(d),
        })
    }

    #[test]
    fn one_day_many_spellings() {
        for s in [
            "Jan 5 2022",
            "2022-01-05",
            "05.01.2022",
            "5 January 2022",
            "January 5th, 2022",
            "the 5th of January 2022",
            "5/1/2022",
            "05.01.22",
        ] {
            assert_eq!(parse_date(s), day(Some(2022), 1, 5), "{s}");
        }
        assert_eq!(parse_date("5 January"), day(None, 1, 5));
        assert_eq!(parse_date("January 5"), day(None, 1, 5));
        assert_eq!(parse_date("5.1"), day(None, 1, 5));
    }

    #[test]
    fn months_and_years() {
        let m = parse_date("January 2022").unwrap();
        assert_eq!((m.year, m.month, m.day), (Some(2022), Some(1), None));
        assert_eq!(parse_date("sept").unwrap().month, Some(9));
        assert_eq!(parse_date("2024").unwrap().year, Some(2024));
        let y = parse_date("in 2016").unwrap();
        assert_eq!((y.year, y.month, y.day), (Some(2016), None, None));
        assert_eq!(parse_date("in 16"), None);
    }

    #[test]
    fn rejects_non_dates() {
        for s in [
            "",
            "Almaty",
            "31 February",
            "32 January",
            "2022-13-01",
            "5 6 7 January",
            "Jan Feb",
        ] {
            assert_eq!(parse_date(s), None, "{s}");
        }
    }
}
