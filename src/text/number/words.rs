//! Numbers written in words: "twenty thousand", "two hundred and twenty-seven", "a dozen",
//! "three dozen", "two and a half thousand", "half a million", "both".

/// The value of a number word below a hundred ("a" counts only before a scale or "dozen").
fn small_word(w: &str) -> Option<f64> {
    let v = match w {
        "zero" => 0,
        "a" | "an" | "one" => 1,
        "two" | "both" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    };
    Some(f64::from(v))
}

/// A scale after a number: "thousand", "k", "million", "mln", "bn", ...
pub(super) fn scale_word(w: &str) -> Option<f64> {
    match w {
        "hundred" => Some(1e2),
        "thousand" | "k" => Some(1e3),
        "million" | "mln" | "m" => Some(1e6),
        "billion" | "bn" | "b" => Some(1e9),
        "trillion" => Some(1e12),
        _ => None,
    }
}

/// Whether a word multiplies what comes before it ("dozen" too: "three dozen" is 36).
fn multiplies(w: &str) -> bool {
    w == "dozen" || (w.len() > 1 && scale_word(w).is_some())
}

/// What a scale multiplies: the number before it, or one when there is none ("thousand").
fn or_one(current: f64) -> f64 {
    if current > 0.0 { current } else { 1.0 }
}

/// "twenty thousand", "one hundred fifty", "two and a half million", "a dozen", "half a
/// million" (already lowercased); the number and the bytes read.
pub(super) fn read_words(s: &str) -> Option<(f64, usize)> {
    // The words with where each ends.
    let mut words: Vec<(&str, usize)> = Vec::new();
    let mut pos = 0;
    for piece in s.split_inclusive([' ', '-']) {
        let w = piece.trim_end_matches([' ', '-']).trim_end_matches(',');
        let end = pos + w.len();
        pos += piece.len();
        if !w.is_empty() {
            words.push((w, end));
        }
    }
    let next = |i: usize| words.get(i + 1).map(|(w, _)| *w);
    let (mut total, mut current, mut used, mut any) = (0.0, 0.0, 0, false);
    let mut i = 0;
    while let Some(&(w, end)) = words.get(i) {
        let mut last = i;
        if w == "and" && any {
            // "two and a half", "one hundred and fifty".
            if next(i) == Some("a") && next(i + 1) == Some("half") {
                current += 0.5;
                last = i + 2;
            } else if next(i) == Some("half") {
                current += 0.5;
                last = i + 1;
            } else {
                i += 1;
                continue;
            }
        } else if w == "half" && !any {
            // "half a million".
            current = 0.5;
            if next(i) == Some("a") && next(i + 1).is_some_and(multiplies) {
                last = i + 1;
            }
        } else if w == "dozen" {
            current = or_one(current) * 12.0;
        } else if let Some(scale) = scale_word(w).filter(|_| any && w.len() > 1) {
            if scale == 100.0 {
                current *= scale;
            } else {
                total += or_one(current) * scale;
                current = 0.0;
            }
        } else if let Some(v) = small_word(w) {
            // "a" alone is no number: only "a hundred", "a dozen".
            if matches!(w, "a" | "an") && !next(i).is_some_and(multiplies) {
                break;
            }
            current += v;
        } else {
            break;
        }
        any = true;
        used = words.get(last).map_or(end, |(_, e)| *e);
        i = last + 1;
    }
    any.then_some((total + current, used))
}
