//! The tells a test-wise guesser reads in a set of options, and how options are placed so that
//! none gives the right answer away: its rank among the options sorted (by value, date or
//! length) drawn uniformly over seeds, so that it is not the middle or the longest more often
//! than chance; never the one option the others are simple multiples of; never the odd one
//! out while the others all agree.

use rand::Rng;

/// The rank (0 = lowest) the right answer takes among `m` options: `want`, drawn uniformly by
/// the caller, or, when only the ranks `lo..=hi` can be filled, a feasible rank of the same
/// class (an end rank for an end, a middle rank for a middle), so that the right answer is the
/// middle one no more often than chance wherever that can be.
pub(super) fn fit_rank(want: usize, rng: &mut impl Rng, m: usize, lo: usize, hi: usize) -> usize {
    let hi = hi.min(m.saturating_sub(1));
    let lo = lo.min(hi);
    if (lo..=hi).contains(&want) {
        return want;
    }
    let end = |r: usize| r == 0 || r + 1 == m;
    let same: Vec<usize> = (lo..=hi).filter(|&r| end(r) == end(want)).collect();
    let pool: Vec<usize> = if same.is_empty() {
        (lo..=hi).collect()
    } else {
        same
    };
    pool[rng.random_range(0..pool.len())]
}

/// Options to place around an answer: the fixed ones, and candidates below and above it (each
/// list in order of preference).
pub(super) struct Around<T> {
    pub answer: T,
    pub fixed: Vec<T>,
    pub below: Vec<T>,
    pub above: Vec<T>,
}

/// The fixed options and, to make up `n`, candidates from below and above the answer, so that
/// the answer takes the rank `want` (drawn uniformly by the caller, once for all the sets it
/// tries) as far as the candidates allow. `take` says whether an option may be shown (and
/// takes it).
pub(super) fn place<T: PartialOrd + Copy>(
    around: Around<T>,
    want: usize,
    n: usize,
    rng: &mut impl Rng,
    mut take: impl FnMut(T) -> bool,
) -> Vec<T> {
    let Around {
        answer,
        fixed,
        below,
        above,
    } = around;
    let fixed_below = fixed.iter().filter(|&&x| x < answer).count();
    let free = n.saturating_sub(fixed.len());
    let lo = fixed_below + free.saturating_sub(above.len());
    let hi = fixed_below + free.min(below.len());
    let rank = fit_rank(want, rng, n + 1, lo, hi.max(lo));
    let want_below = rank.saturating_sub(fixed_below).min(free);
    let mut out: Vec<T> = fixed;
    let mut fill = |list: Vec<T>, count: usize, out: &mut Vec<T>| {
        let mut got = 0;
        for x in list {
            if got == count {
                break;
            }
            if !out.contains(&x) && take(x) {
                out.push(x);
                got += 1;
            }
        }
        got
    };
    let got_below = fill(below, want_below, &mut out);
    fill(above, free - got_below, &mut out);
    out
}

/// Simple ratios between two numbers: a half, two thirds, three quarters, ... ten times.
const SIMPLE: [f64; 10] = [4.0 / 3.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 10.0, 20.0, 100.0];

/// What a lazy generator multiplies an answer by to make wrong options (2, 0.5, 1.5, 0.75, 3,
/// 10): a guesser who knows it picks the option the others are such multiples of.
const LAZY: [f64; 6] = [2.0, 0.5, 1.5, 0.75, 3.0, 10.0];

/// Whether one number is a simple multiple of the other (twice, three times, one and a half
/// times, ten times, ...).
pub(super) fn simple_multiple(a: f64, b: f64) -> bool {
    if a <= 0.0 || b <= 0.0 {
        return false;
    }
    let r = a.max(b) / a.min(b);
    SIMPLE.iter().any(|f| (r - f).abs() <= 0.01 * f)
}

/// Whether `y` is `x` times one of the lazy factors.
fn lazy_multiple(x: f64, y: f64) -> bool {
    LAZY.iter()
        .any(|f| (y - x * f).abs() <= 0.01 * (x * f).abs())
}

/// Whether the right option is the base of the set: related to more of the others than any
/// other option is, by simple ratios or as the lazy generator's multiples.
pub(super) fn right_is_the_base(values: &[f64], right: usize) -> bool {
    let unique_most = |related: &dyn Fn(f64, f64) -> bool| {
        let score = |i: usize| {
            (0..values.len())
                .filter(|&j| j != i && related(values[i], values[j]))
                .count()
        };
        let mine = score(right);
        mine > 0 && (0..values.len()).all(|i| i == right || score(i) < mine)
    };
    unique_most(&simple_multiple) || unique_most(&lazy_multiple)
}

/// Whether the right option is the odd one out: every other option shares a feature that it
/// alone lacks (the only one in its month, the only round figure).
pub(super) fn right_is_odd<T: PartialEq>(features: &[T], right: usize) -> bool {
    let mut others = features
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != right)
        .map(|(_, f)| f);
    let Some(first) = others.next() else {
        return false;
    };
    features.len() >= 3 && others.all(|f| f == first) && features.get(right) != Some(first)
}

/// How many options are more like all the others than the right one is, by edit distance
/// (0: the right option is, or ties for, the centre of the set, which a set made of variations
/// of the answer has; `wrong.len()`: it is the least like the others).
pub(super) fn likeness_rank(wrong: &[String], right: &str) -> usize {
    let lower: Vec<String> = std::iter::once(right)
        .chain(wrong.iter().map(String::as_str))
        .map(str::to_lowercase)
        .collect();
    let likeness = |i: usize| -> f64 {
        (0..lower.len())
            .filter(|&j| j != i)
            .map(|j| strsim::normalized_damerau_levenshtein(&lower[i], &lower[j]))
            .sum()
    };
    let mine = likeness(0);
    (1..lower.len())
        .filter(|&i| likeness(i) > mine + 1e-9)
        .count()
}

/// Of candidates in order of preference, `n` that put the right answer (of `right_len`
/// characters) at a length rank drawn uniformly: so many shorter than it, the rest longer
/// (those of its length on either side), as far as the candidates allow. `take` says whether
/// a candidate may be shown (and takes it).
pub(super) fn by_length(
    rng: &mut impl Rng,
    right_len: usize,
    candidates: Vec<&str>,
    n: usize,
    mut take: impl FnMut(&str) -> bool,
) -> Vec<String> {
    let len = |s: &str| s.chars().count();
    let shorter_exist = candidates.iter().filter(|c| len(c) <= right_len).count();
    let longer_exist = candidates.iter().filter(|c| len(c) >= right_len).count();
    let lo = n.saturating_sub(longer_exist);
    let hi = n.min(shorter_exist);
    let want = rng.random_range(0..=n);
    let mut want_shorter = fit_rank(want, rng, n + 1, lo, hi.max(lo));
    let mut want_longer = n - want_shorter;
    let mut out = Vec::with_capacity(n);
    let mut spare = Vec::new();
    for c in candidates {
        if out.len() == n {
            break;
        }
        let l = len(c);
        let side = if l < right_len && want_shorter > 0 {
            Some(&mut want_shorter)
        } else if l > right_len && want_longer > 0 {
            Some(&mut want_longer)
        } else if l == right_len && (want_shorter > 0 || want_longer > 0) {
            Some(if want_shorter >= want_longer {
                &mut want_shorter
            } else {
                &mut want_longer
            })
        } else {
            None
        };
        match side {
            Some(count) if take(c) => {
                *count -= 1;
                out.push(c.to_string());
            }
            Some(_) => {}
            None => spare.push(c),
        }
    }
    // Too few of one length: the best of the others.
    for c in spare {
        if out.len() == n {
            break;
        }
        if take(c) {
            out.push(c.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand::rngs::StdRng;

    #[test]
    fn the_rank_is_uniform_and_the_middle_no_likelier_when_an_end_cannot_be() {
        let mut rng = StdRng::seed_from_u64(1);
        let mut counts = [0usize; 4];
        for _ in 0..4000 {
            let want = rng.random_range(0..4);
            counts[fit_rank(want, &mut rng, 4, 0, 3)] += 1;
        }
        assert!(
            counts.iter().all(|&c| (800..1200).contains(&c)),
            "{counts:?}"
        );
        // Nothing can be below the answer's second place: the middle stays half the draws.
        let mut middle = 0;
        for _ in 0..4000 {
            let want = rng.random_range(0..4);
            let r = fit_rank(want, &mut rng, 4, 1, 3);
            assert!((1..=3).contains(&r));
            middle += usize::from(r == 1 || r == 2);
        }
        assert!((1800..2200).contains(&middle), "{middle}");
    }

    #[test]
    fn the_base_and_the_odd_one_are_seen() {
        // "6 waves" among 3, 9 and 12: 6 is half of 12, twice 3, two thirds of 9.
        assert!(right_is_the_base(&[6.0, 3.0, 9.0, 12.0], 0));
        assert!(!right_is_the_base(&[6.0, 5.0, 7.0, 11.0], 0));
        assert!(simple_multiple(692.0, 1384.0));
        assert!(!simple_multiple(692.0, 1210.0));
        let wrong = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            likeness_rank(&wrong(&["Tokaev", "Tokayeva", "Tokarev"]), "Tokayev"),
            0
        );
        assert_eq!(
            likeness_rank(&wrong(&["Tokaev", "Tokayev", "Tokaeva"]), "Masimov"),
            3
        );
        assert!(right_is_odd(&[1, 2, 2, 2], 0));
        assert!(!right_is_odd(&[1, 2, 2, 3], 0));
        assert!(!right_is_odd(&[2, 2, 2, 2], 0));
    }
}
