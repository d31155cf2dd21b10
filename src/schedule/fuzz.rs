//! Anki's interval fuzz: intervals of cards learned together are spread over a small range so
//! that they do not keep coming back on the same day. The fsrs crate leaves fuzz to the app;
//! these are Anki's ranges (rslib/src/scheduler/states/fuzz.rs).

struct FuzzRange {
    start: f32,
    end: f32,
    factor: f32,
}

const RANGES: [FuzzRange; 3] = [
    FuzzRange {
        start: 2.5,
        end: 7.0,
        factor: 0.15,
    },
    FuzzRange {
        start: 7.0,
        end: 20.0,
        factor: 0.1,
    },
    FuzzRange {
        start: 20.0,
        end: f32::MAX,
        factor: 0.05,
    },
];

/// The range of whole days an interval may be fuzzed to.
pub fn fuzz_bounds(interval: f32, maximum: u32) -> (u32, u32) {
    let delta = 1.0
        + RANGES
            .iter()
            .map(|r| r.factor * (interval.min(r.end) - r.start).max(0.0))
            .sum::<f32>();
    let lo = ((interval - delta).round().max(2.0) as u32).min(maximum);
    let hi = ((interval + delta).round() as u32).clamp(lo, maximum);
    (lo, hi)
}

/// The interval in whole days, fuzzed by `fuzz` (0 to 1) when it is 2.5 days or more.
pub fn fuzzed_days(interval: f32, fuzz: f32, maximum: u32) -> u32 {
    let whole = (interval.round().max(1.0) as u32).min(maximum);
    if interval < 2.5 {
        return whole;
    }
    let (lo, hi) = fuzz_bounds(interval, maximum);
    (lo + ((hi - lo + 1) as f32 * fuzz.clamp(0.0, 0.999)) as u32).min(hi)
}

/// The fuzz factor of a card's answer: stable for the card and its review count, so that a
/// redo, and a replay of its reviews on another machine, gives the same interval.
pub fn card_fuzz(deck: &str, card: &str, reps: u32) -> f32 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (deck, card, reps).hash(&mut h);
    (h.finish() % 10_000) as f32 / 10_000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_intervals_are_not_fuzzed() {
        assert_eq!(fuzzed_days(1.29, 0.9, 36500), 1);
        assert_eq!(fuzzed_days(2.3, 0.0, 36500), 2);
    }

    #[test]
    fn longer_intervals_spread_within_anki_bounds() {
        assert_eq!(fuzz_bounds(8.2956, 36500), (6, 10));
        assert_eq!(fuzzed_days(8.2956, 0.0, 36500), 6);
        assert_eq!(fuzzed_days(8.2956, 0.999, 36500), 10);
        let (lo, hi) = fuzz_bounds(100.0, 36500);
        assert_eq!((lo, hi), (93, 107));
    }
}
