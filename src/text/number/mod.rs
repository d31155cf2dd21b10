//! Reading numbers the way people write them: "20000", "20,000", "20 000", "20k", "1.6bn",
//! "twenty thousand", "all three", "a dozen", "two and a half thousand", "about 20,000",
//! "2.5 million", "2,000-3,000" (a range).

mod words;

use words::{read_words, scale_word};

/// What a piece of text was read as.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberReading {
    /// The number, or the low end of a range.
    pub value: f64,
    /// The high end when the text gave a range ("2,000-3,000").
    pub high: Option<f64>,
    /// A hedge the writer put before it ("about", "more than"), lowercased.
    pub hedge: Option<String>,
    /// Words after the number ("troops", "dead", "%"), lowercased.
    pub rest: String,
    /// The currency sign written before the number ("$25 million"), if any.
    pub sign: Option<char>,
}

const HEDGES: [&str; 18] = [
    "approximately",
    "more than",
    "fewer than",
    "less than",
    "at least",
    "at most",
    "up to",
    "roughly",
    "around",
    "nearly",
    "almost",
    "about",
    "circa",
    "some",
    "over",
    "under",
    "c.",
    "~",
];

/// Currency signs written before a number.
pub const CURRENCY_SIGNS: [char; 5] = ['$', '£', '€', '₸', '₽'];

/// Reads a number (or a range) at the start of `text`; `None` when there is none.
pub fn parse_number(text: &str) -> Option<NumberReading> {
    let lower = text.trim().to_lowercase();
    let mut s = lower.as_str();
    let mut hedge = None;
    for h in HEDGES {
        if let Some(rest) = s.strip_prefix(h)
            && (h.ends_with(['.', '~']) || rest.is_empty() || rest.starts_with(' '))
        {
            hedge = Some(h.to_string());
            s = rest.trim_start();
            break;
        }
    }
    // "all three", "all 3": every one of them, which is the number.
    if let Some(rest) = s.strip_prefix("all ")
        && read_one(rest.trim_start()).is_some()
    {
        s = rest.trim_start();
    }
    let sign = s.chars().next().filter(|c| CURRENCY_SIGNS.contains(c));
    s = s.trim_start_matches(CURRENCY_SIGNS).trim_start_matches('+');
    s = s.trim_start();
    let (value, used) = read_one(s)?;
    let mut rest = s[used..].trim_start();
    let mut high = None;
    for sep in ["-", "–", "—", "to ", "or "] {
        if let Some(after) = rest.strip_prefix(sep) {
            let after = after.trim_start().trim_start_matches(CURRENCY_SIGNS);
            if let Some((hi, used_hi)) = read_one(after) {
                // "2-3 thousand": the scale after the second number applies to both.
                let (lo, hi) = scale_range(value, hi, &s[..used], &after[..used_hi]);
                high = Some(hi);
                rest = after[used_hi..].trim_start();
                return Some(NumberReading {
                    value: lo,
                    high,
                    hedge,
                    rest: rest.to_string(),
                    sign,
                });
            }
        }
    }
    Some(NumberReading {
        value,
        high,
        hedge,
        rest: rest.to_string(),
        sign,
    })
}

fn scale_range(lo: f64, hi: f64, lo_text: &str, hi_text: &str) -> (f64, f64) {
    let has_scale = |t: &str| t.split_whitespace().any(|w| scale_word(w).is_some());
    if !has_scale(lo_text) && has_scale(hi_text) && lo < hi {
        let digits_hi: f64 = hi_text
            .split_whitespace()
            .next()
            .and_then(|w| read_digits(w).map(|(v, _)| v))
            .unwrap_or(0.0);
        if digits_hi > 0.0 {
            let scale = hi / digits_hi;
            return (lo * scale, hi);
        }
    }
    (lo, hi)
}

/// Reads one number at the start of `s` (already lowercased); returns it and the bytes used.
fn read_one(s: &str) -> Option<(f64, usize)> {
    if s.starts_with(|c: char| c.is_ascii_digit() || c == '.') {
        let (mut value, mut used) = read_digits(s)?;
        // A scale after the digits: "20k", "20 thousand", "2.5 million".
        let after = &s[used..];
        let trimmed = after.trim_start();
        let word: String = trimmed
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect();
        if let Some(scale) = scale_word(&word) {
            let single_letter = word.len() == 1;
            let next = trimmed[word.len()..].chars().next();
            let word_ends = next.is_none_or(|c| !c.is_alphanumeric());
            // "20 m" could be metres: single-letter scales only when glued to the digits.
            if word_ends && (!single_letter || trimmed.len() == after.len()) {
                value *= scale;
                used += after.len() - trimmed.len() + word.len();
            }
        }
        return Some((value, used));
    }
    read_words(s)
}

/// "20000", "20,000", "20 000", "2.5", "1,600.5".
fn read_digits(s: &str) -> Option<(f64, usize)> {
    let b = s.as_bytes();
    let mut i = 0;
    let mut digits = String::new();
    while i < b.len() && b[i].is_ascii_digit() {
        digits.push(b[i] as char);
        i += 1;
    }
    // Groups of three after a comma, a space or a thin space.
    loop {
        let sep_len = if s[i..].starts_with(',') || s[i..].starts_with(' ') {
            1
        } else if s[i..].starts_with('\u{202f}') || s[i..].starts_with('\u{a0}') {
            s[i..].chars().next().map_or(1, char::len_utf8)
        } else {
            0
        };
        if sep_len == 0 || digits.is_empty() {
            break;
        }
        let group = &b[i + sep_len..];
        let three = group.len() >= 3 && group[..3].iter().all(u8::is_ascii_digit);
        let fourth_digit = group.len() > 3 && group[3].is_ascii_digit();
        if three && !fourth_digit {
            digits.push_str(&s[i + sep_len..i + sep_len + 3]);
            i += sep_len + 3;
        } else {
            break;
        }
    }
    if i < b.len() && b[i] == b'.' && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
        digits.push('.');
        i += 1;
        while i < b.len() && b[i].is_ascii_digit() {
            digits.push(b[i] as char);
            i += 1;
        }
    }
    if digits.is_empty() {
        return None;
    }
    digits.parse::<f64>().ok().map(|v| (v, i))
}

/// 20000 -> "20,000"; 2.5 -> "2.5"; 1600000000 -> "1,600,000,000".
pub fn format_number(value: f64) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    // Six decimals at most, rounded first, so 1.9999999 is "2" and not "1" and a fraction.
    let fixed = format!("{:.6}", value.abs());
    let (whole, frac) = fixed.split_once('.').unwrap_or((&fixed, ""));
    let mut out = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    let frac = frac.trim_end_matches('0');
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    if value < 0.0 && out.chars().any(|c| c.is_ascii_digit() && c != '0') {
        out.insert(0, '-');
    }
    out
}

/// Significant digits of a number as written out ("230" -> 2, "3,337" -> 4, "2.5" -> 2,
/// "20,000" -> 1).
pub fn significant_digits(v: f64) -> u32 {
    let shown = format_number(v.abs());
    let digits: String = shown.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.trim_start_matches('0');
    let digits = if shown.contains('.') {
        digits
    } else {
        digits.trim_end_matches('0')
    };
    digits.len() as u32
}

/// `v` rounded to `digits` significant digits (227 to two: 230).
pub fn round_to(v: f64, digits: u32) -> f64 {
    if v == 0.0 || !v.is_finite() || digits == 0 {
        return v;
    }
    let magnitude = v.abs().log10().floor() as i32;
    let step = 10f64.powi(magnitude + 1 - digits as i32);
    (v / step).round() * step
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> f64 {
        parse_number(s)
            .unwrap_or_else(|| panic!("no number in {s:?}"))
            .value
    }

    #[test]
    fn one_number_many_spellings() {
        for s in [
            "20000",
            "20,000",
            "20 000",
            "20k",
            "20K",
            "twenty thousand",
            "about 20,000",
            "20 thousand",
            "some 20,000 terrorists",
            "20\u{202f}000",
        ] {
            assert_eq!(v(s), 20000.0, "{s}");
        }
    }

    #[test]
    fn words_and_scales() {
        assert_eq!(v("one hundred fifty"), 150.0);
        assert_eq!(v("five hundred"), 500.0);
        assert_eq!(v("nineteen million"), 19e6);
        assert_eq!(v("2.5 million"), 2.5e6);
        assert_eq!(v("692 billion tenge"), 692e9);
        assert_eq!(v("$1.6 billion"), 1.6e9);
        assert_eq!(v("nearly ten thousand"), 10000.0);
        assert_eq!(v("a thousand"), 1000.0);
        assert_eq!(v("twenty-five"), 25.0);
        assert_eq!(v("one thousand three hundred"), 1300.0);
        assert_eq!(v("a dozen"), 12.0);
        assert_eq!(v("three dozen"), 36.0);
        assert_eq!(v("all three"), 3.0);
        assert_eq!(v("all 3 of them"), 3.0);
        assert_eq!(v("both"), 2.0);
        assert_eq!(v("two and a half thousand"), 2500.0);
        assert_eq!(v("one and a half million"), 1.5e6);
        assert_eq!(v("half a million"), 5e5);
        assert_eq!(v("two and a half"), 2.5);
        assert_eq!(v("a hundred and fifty"), 150.0);
        assert_eq!(v("1.6bn"), 1.6e9);
        assert_eq!(v("1.6 billion"), 1.6e9);
        assert!(parse_number("all").is_none());
        assert!(parse_number("a half").is_none());
        assert!(parse_number("dozens").is_none());
    }

    #[test]
    fn ranges() {
        let r = parse_number("2,000-3,000 soldiers").unwrap();
        assert_eq!((r.value, r.high), (2000.0, Some(3000.0)));
        assert_eq!(r.rest, "soldiers");
        let r = parse_number("2-3 thousand").unwrap();
        assert_eq!((r.value, r.high), (2000.0, Some(3000.0)));
    }

    #[test]
    fn hedges_and_rest() {
        let r = parse_number("More than 10,000 detained").unwrap();
        assert_eq!(r.value, 10000.0);
        assert_eq!(r.hedge.as_deref(), Some("more than"));
        assert_eq!(r.rest, "detained");
        assert!(parse_number("Almaty").is_none());
        assert!(parse_number("a man").is_none());
        let r = parse_number("$1.6bn").unwrap();
        assert_eq!((r.value, r.sign), (1.6e9, Some('$')));
        assert_eq!(parse_number("20%").unwrap().rest, "%");
        assert!(parse_number("").is_none());
    }

    #[test]
    fn single_letter_scale_only_when_glued() {
        assert_eq!(v("20m"), 20e6);
        assert_eq!(v("20 m"), 20.0);
    }

    #[test]
    fn significant_digits_and_rounding() {
        assert_eq!(significant_digits(230.0), 2);
        assert_eq!(significant_digits(227.0), 3);
        assert_eq!(significant_digits(3337.0), 4);
        assert_eq!(significant_digits(2.5), 2);
        assert_eq!(significant_digits(20000.0), 1);
        assert_eq!(round_to(227.0, 2), 230.0);
        assert_eq!(round_to(3337.0, 2), 3300.0);
        assert_eq!(round_to(711.0, 1), 700.0);
    }

    #[test]
    fn formats() {
        assert_eq!(format_number(20000.0), "20,000");
        assert_eq!(format_number(2.5), "2.5");
        assert_eq!(format_number(227.0), "227");
        assert_eq!(format_number(1.6e9), "1,600,000,000");
        assert_eq!(format_number(1.9999999), "2");
        assert_eq!(format_number(226.9999999), "227");
        assert_eq!(format_number(-0.5), "-0.5");
    }
}
