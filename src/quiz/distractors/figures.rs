//! Wrong figures: first the values other sources gave for the card's claim, then figures of
//! the library that count the same thing (the same unit once synonyms and plurals are read as
//! one), then values made near the answer with its number of significant digits. The right
//! answer's rank among the figures is drawn uniformly; a set in which it is the base the others
//! are simple multiples of, or the only figure as round as it is, is drawn again.

use rand::Rng;
use rand::seq::SliceRandom;

use super::Fresh;
use super::tells::{
    Around, likeness_rank, place, right_is_odd, right_is_the_base, simple_multiple,
};
use crate::deck::{Card, Claim, NumberAnswer};
use crate::quiz::check::accepted_range;
use crate::quiz::index::{QuizIndex, value_number};
use crate::text::number::{format_number, round_to, significant_digits};
use crate::text::units::unit_key;

/// Sets drawn before the last one is kept whatever its tells.
const ATTEMPTS: usize = 10;

pub(super) fn figures(
    ix: &QuizIndex,
    card: &Card,
    claim: Option<&Claim>,
    num: &NumberAnswer,
    fresh: &mut Fresh,
    rng: &mut impl Rng,
    n: usize,
) -> Vec<String> {
    let value = num.value.value;
    let label = |v: f64| match num.unit.as_str() {
        "" => format_number(v),
        unit => format!("{} {unit}", format_number(v)),
    };
    let (lo, hi) = accepted_range(num);
    let outside = |x: f64| x.is_finite() && (x < lo || x > hi);
    // A figure a hundred times off is no plausible alternative: it counts something else (a
    // claim's source may give "1300 businesses" next to a damage total in dollars).
    let plausible = |x: f64, times: f64| {
        let (a, b) = (x.abs(), value.abs());
        a * times >= b && a <= b * times
    };
    let mut claimed: Vec<f64> = claim
        .map(|c| {
            c.values
                .iter()
                .filter_map(|v| value_number(&v.value))
                .filter(|&x| outside(x) && plausible(x, 100.0))
                .collect()
        })
        .unwrap_or_default();
    claimed.dedup_by(|a, b| a == b);
    claimed.retain(|&x| fresh.may_take(&label(x)));
    // At most all but one: a slot is left to place the right figure among them.
    claimed.shuffle(rng);
    claimed.truncate(n.saturating_sub(1));
    let library = same_unit_figures(ix, &num.unit, value, |x| {
        outside(x) && plausible(x, 4.0) && !claimed.contains(&x)
    });
    let kept = fresh.seen.len() - 1;
    let top = highest_plausible(card, num);
    // The right figure's rank, drawn once: the sets tried again keep it.
    let want = rng.random_range(0..=n);
    // How many options are to be more like the others than the right one: drawn uniformly,
    // so that it is the centre of the set (or the odd one) no more often than chance.
    let alike = rng.random_range(0..=n);
    // Values made once; each set tried shuffles them (simple multiples of the answer last).
    let made_below = generated(value, true, rng);
    let mut made_above = generated(value, false, rng);
    made_above.0.retain(|&x| x <= top);
    made_above.1.retain(|&x| x <= top);
    let mut best: Vec<f64> = Vec::new();
    for attempt in 0..ATTEMPTS {
        fresh.forget_after(kept);
        for &x in &claimed {
            fresh.take(&label(x));
        }
        let mut shuffled = library.clone();
        shuffled.shuffle(rng);
        let (mut below, mut above): (Vec<f64>, Vec<f64>) =
            shuffled.into_iter().partition(|&x| x < value);
        for (side, made) in [(&mut below, &made_below), (&mut above, &made_above)] {
            let mut plain = made.0.clone();
            plain.shuffle(rng);
            side.extend(plain);
            side.extend(made.1.iter().copied());
        }
        let around = Around {
            answer: value,
            fixed: claimed.clone(),
            below,
            above,
        };
        let picked = place(around, want, n, rng, |x| fresh.take(&label(x)));
        let mut all = picked.clone();
        all.push(value);
        let right = all.len() - 1;
        let digits: Vec<u32> = all.iter().map(|&x| significant_digits(x)).collect();
        best = picked;
        let labels: Vec<String> = best.iter().map(|&x| label(x)).collect();
        let told = right_is_the_base(&all, right)
            || right_is_odd(&digits, right)
            || likeness_rank(&labels, &label(value)) != alike;
        if !told || attempt + 1 == ATTEMPTS {
            break;
        }
    }
    best.into_iter().map(label).collect()
}

/// The highest figure that can be true of what the card counts: an age is under 110, a share
/// at most a hundred percent; anything else has no bound.
fn highest_plausible(card: &Card, num: &NumberAnswer) -> f64 {
    let unit = crate::text::fold::normalize(&num.unit);
    let has = |w: &str| unit.split(' ').any(|u| u == w);
    if has("old") || crate::text::fold::normalize(&card.prompt).contains("how old") {
        110.0
    } else if num.unit.contains('%') || has("percent") {
        100.0
    } else {
        f64::INFINITY
    }
}

/// The library's figures with the card's unit (by key), nearest in size first (a few), that
/// `keep` allows.
fn same_unit_figures(
    ix: &QuizIndex,
    unit: &str,
    value: f64,
    keep: impl Fn(f64) -> bool,
) -> Vec<f64> {
    let key = unit_key(unit);
    // Each figure's distance computed once (a heavy user's library has thousands of figures
    // with the same unit), then a stable sort, as by the distance itself.
    let log_gap = |x: f64| ((x.abs() + 1.0).ln() - (value.abs() + 1.0).ln()).abs();
    let mut by_gap: Vec<(f64, f64)> = ix
        .figures
        .iter()
        .filter(|f| f.unit == key && f.value != value && keep(f.value))
        .map(|f| (log_gap(f.value), f.value))
        .collect();
    by_gap.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut out: Vec<f64> = by_gap.into_iter().map(|(_, x)| x).collect();
    out.dedup();
    out.truncate(6);
    out
}

/// Figures near the answer on one side of it, with as many significant digits as it has (or
/// one more for a figure of one), whole for a whole answer: those that are no simple multiple
/// of it, and those that are (to be used only when there is nothing else).
fn generated(value: f64, below: bool, rng: &mut impl Rng) -> (Vec<f64>, Vec<f64>) {
    let whole = value.fract() == 0.0;
    if whole && value.abs() < 12.0 {
        return small_neighbours(value, below);
    }
    let digits = significant_digits(value).max(1);
    let (from, to): (f64, f64) = if below { (0.4, 0.92) } else { (1.1, 2.4) };
    let mut plain = Vec::new();
    let mut multiples = Vec::new();
    for _ in 0..48 {
        let f = rng.random_range(from.ln()..to.ln()).exp();
        let extra = u32::from(digits == 1 && rng.random_bool(0.5));
        let mut x = round_to(value * f, digits + extra);
        if whole {
            x = x.round();
        }
        let side_ok = if below { x < value } else { x > value };
        let sign_ok = value <= 0.0 || x > 0.0;
        if !side_ok || !sign_ok || plain.contains(&x) || multiples.contains(&x) {
            continue;
        }
        if simple_multiple(value, x) {
            multiples.push(x);
        } else {
            plain.push(x);
        }
        if plain.len() >= 10 {
            break;
        }
    }
    (plain, multiples)
}

/// For a small whole answer (a handful of people, a few years), whole numbers a few steps
/// from it on one side (no zero or less for a positive answer): there are too few
/// figures of its size with its digits to draw from.
fn small_neighbours(value: f64, below: bool) -> (Vec<f64>, Vec<f64>) {
    let mut plain = Vec::new();
    let mut multiples = Vec::new();
    for step in 1..=8 {
        let x = if below {
            value - f64::from(step)
        } else {
            value + f64::from(step)
        };
        if value > 0.0 && x <= 0.0 {
            break;
        }
        if simple_multiple(value, x) {
            multiples.push(x);
        } else {
            plain.push(x);
        }
    }
    (plain, multiples)
}
