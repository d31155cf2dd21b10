//! Wrong dates, as precise as the answer: the library's dates near it first, then dates a few
//! days, months or years off. The right date's rank among the options is drawn uniformly, and
//! a set in which it is the only one in its month (or year) while the others share one is
//! drawn again.

use rand::Rng;
use rand::seq::SliceRandom;

use super::Fresh;
use super::tells::{Around, likeness_rank, place, right_is_odd};
use crate::deck::date::days_in_month;
use crate::deck::{PartialDate, Precision};
use crate::quiz::index::QuizIndex;

/// Sets drawn before the last one is kept whatever its tells.
const ATTEMPTS: usize = 10;

pub(super) fn dates(
    ix: &QuizIndex,
    d: &PartialDate,
    fresh: &mut Fresh,
    rng: &mut impl Rng,
    n: usize,
) -> Vec<String> {
    // How far (in days) a date of the library may lie to count as of the answer's period, and
    // how far (in days, months or years) a made date may be moved.
    let (window, steps): (i64, i64) = match d.precision() {
        Precision::Day => (31, 14),
        Precision::Month => (366, 6),
        Precision::Year => (3 * 366, 3),
    };
    let gap = |x: &PartialDate| (x.ordinal() - d.ordinal()).abs();
    let library: Vec<PartialDate> = ix
        .dates
        .iter()
        .filter(|x| x.precision() == d.precision() && *x != d && gap(x) <= window)
        .copied()
        .collect();
    // The right date's rank, drawn once: the sets tried again keep it.
    let want = rng.random_range(0..=n);
    // How many options are to be more like the others than the right one: drawn uniformly,
    // so that it is the centre of the set (or the odd one) no more often than chance.
    let alike = rng.random_range(0..=n);
    let mut best: Vec<PartialDate> = Vec::new();
    for attempt in 0..ATTEMPTS {
        fresh.forget_after(0);
        let mut near = library.clone();
        near.shuffle(rng);
        let (mut below, mut above): (Vec<_>, Vec<_>) = near.into_iter().partition(|x| x < d);
        let mut offsets: Vec<i64> = (1..=steps).collect();
        offsets.shuffle(rng);
        below.extend(offsets.iter().filter_map(|&o| shift(d, -o)));
        offsets.shuffle(rng);
        above.extend(offsets.iter().filter_map(|&o| shift(d, o)));
        let around = Around {
            answer: *d,
            fixed: Vec::new(),
            below,
            above,
        };
        best = place(around, want, n, rng, |x| fresh.take(&x.to_string_long()));
        let mut all = best.clone();
        all.push(*d);
        let period: Vec<(i32, Option<u8>)> = all
            .iter()
            .map(|x| match d.precision() {
                Precision::Day => (x.year, x.month),
                _ => (x.year, None),
            })
            .collect();
        let labels: Vec<String> = best.iter().map(PartialDate::to_string_long).collect();
        let told = (d.precision() != Precision::Year && right_is_odd(&period, all.len() - 1))
            || likeness_rank(&labels, &d.to_string_long()) != alike;
        if !told || attempt + 1 == ATTEMPTS {
            break;
        }
    }
    best.iter().map(PartialDate::to_string_long).collect()
}

/// A date moved by `offset` days, months or years, as its precision allows.
fn shift(d: &PartialDate, offset: i64) -> Option<PartialDate> {
    match d.precision() {
        Precision::Year => PartialDate::new(d.year + offset as i32, None, None).ok(),
        Precision::Month => {
            let m = i64::from(d.month?) - 1 + offset;
            let year = d.year + m.div_euclid(12) as i32;
            PartialDate::new(year, Some(m.rem_euclid(12) as u8 + 1), None).ok()
        }
        Precision::Day => {
            let (mut y, mut m, mut day) = (d.year, d.month?, i64::from(d.day?) + offset);
            while day < 1 {
                m = if m == 1 {
                    y -= 1;
                    12
                } else {
                    m - 1
                };
                day += i64::from(days_in_month(y, m));
            }
            while day > i64::from(days_in_month(y, m)) {
                day -= i64::from(days_in_month(y, m));
                m = if m == 12 {
                    y += 1;
                    1
                } else {
                    m + 1
                };
            }
            PartialDate::day(y, m, day as u8).ok()
        }
    }
}
