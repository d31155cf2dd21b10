//! A card's scheduling state: its FSRS memory, when it is due, and its counters. Pure data,
//! with a compact byte form so that the review log can keep the state before and after each
//! answer (for exact undo) without growing large.

use serde::{Deserialize, Serialize};

/// Where a card is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Queue {
    New = 0,
    Learning = 1,
    Review = 2,
    Relearning = 3,
}

impl Queue {
    pub fn from_u8(v: u8) -> Queue {
        match v {
            1 => Queue::Learning,
            2 => Queue::Review,
            3 => Queue::Relearning,
            _ => Queue::New,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Queue::New => "new",
            Queue::Learning => "learning",
            Queue::Review => "review",
            Queue::Relearning => "relearning",
        }
    }
}

/// The state of one card, as the store keeps it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct CardState {
    pub stability: f32,
    pub difficulty: f32,
    /// When the card is due, in milliseconds since the Unix epoch.
    pub due_ms: i64,
    /// The study day it is due on (days since the epoch, counted from 4 a.m. local).
    pub due_day: i64,
    /// When it was last answered, in milliseconds since the Unix epoch (0 for never).
    pub last_review_ms: i64,
    pub reps: u32,
    pub lapses: u32,
    /// Right answers in a row (for the adaptive answer mode).
    pub streak: u32,
    pub queue: Queue,
    pub suspended: bool,
    /// The study day through which the card is buried (hidden), or i64::MIN.
    pub buried_until_day: i64,
    pub leech: bool,
}

/// Lapses at which a card becomes a leech.
pub const LEECH_LAPSES: u32 = 8;

impl CardState {
    /// A card never answered.
    pub fn new_card() -> CardState {
        CardState {
            stability: 0.0,
            difficulty: 0.0,
            due_ms: 0,
            due_day: i64::MIN,
            last_review_ms: 0,
            reps: 0,
            lapses: 0,
            streak: 0,
            queue: Queue::New,
            suspended: false,
            buried_until_day: i64::MIN,
            leech: false,
        }
    }

    pub fn is_new(&self) -> bool {
        self.queue == Queue::New
    }

    /// Sends the card back to relearning, due at `now_ms` (on study day `today`), its memory
    /// kept: what a deck update that changes what the card teaches does (`study::facts`), and
    /// what a replay of its reviews does where one taught another fact than the one before.
    pub fn send_back(&mut self, now_ms: i64, today: i64) {
        self.queue = Queue::Relearning;
        self.due_ms = now_ms;
        self.due_day = today;
        self.streak = 0;
    }

    /// The FSRS memory state, when the card has one.
    pub fn memory(&self) -> Option<fsrs::MemoryState> {
        (!self.is_new() && self.stability > 0.0).then_some(fsrs::MemoryState {
            stability: self.stability,
            difficulty: self.difficulty,
        })
    }

    /// Whether the card is available to study on `day` at `now_ms`.
    pub fn is_due(&self, day: i64, now_ms: i64) -> bool {
        if self.suspended || self.buried_until_day >= day || self.is_new() {
            return false;
        }
        match self.queue {
            // A card answered Again is due when its ten minutes are up (or on a later day),
            // not at once.
            Queue::Learning | Queue::Relearning => self.due_ms <= now_ms || self.due_day < day,
            _ => self.due_day <= day,
        }
    }

    /// The length of the first byte form (fixed-width fields), still read.
    const FIXED_BYTES: usize = 4 + 4 + 8 + 8 + 8 + 4 + 4 + 4 + 1 + 1 + 8 + 1;
    /// The first byte of the compact form.
    const COMPACT: u8 = 2;

    /// A compact, exact byte form (about 25 bytes: the review log keeps two per answer). The
    /// times are kept as differences (the due time from the last review, the due day from the
    /// due time), each as a variable-length integer; the stability and difficulty bit for bit.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut b = Vec::with_capacity(32);
        let buried = self.buried_until_day != i64::MIN;
        b.push(Self::COMPACT);
        b.push(
            (self.queue as u8 & 3)
                | u8::from(self.suspended) << 2
                | u8::from(self.leech) << 3
                | u8::from(buried) << 4,
        );
        b.extend_from_slice(&self.stability.to_le_bytes());
        b.extend_from_slice(&self.difficulty.to_le_bytes());
        put_signed(&mut b, self.last_review_ms);
        put_signed(&mut b, self.due_ms.wrapping_sub(self.last_review_ms));
        put_signed(
            &mut b,
            self.due_day.wrapping_sub(self.due_ms.div_euclid(DAY_MS)),
        );
        for n in [self.reps, self.lapses, self.streak] {
            put_varint(&mut b, u64::from(n));
        }
        if buried {
            put_signed(&mut b, self.buried_until_day.wrapping_sub(self.due_day));
        }
        // The length of the fixed form means the fixed form: never give it.
        if b.len() == Self::FIXED_BYTES {
            b.push(0);
        }
        b
    }

    /// Reads the byte form (the compact one, or the fixed-width one of earlier versions);
    /// `None` when it is not one.
    pub fn from_bytes(b: &[u8]) -> Option<CardState> {
        if b.len() == Self::FIXED_BYTES {
            return Self::from_fixed_bytes(b);
        }
        let (&version, rest) = b.split_first()?;
        if version != Self::COMPACT {
            return None;
        }
        let (&flags, mut rest) = rest.split_first()?;
        let mut f32_ = || {
            let (v, r) = rest.split_first_chunk::<4>()?;
            rest = r;
            Some(f32::from_le_bytes(*v))
        };
        let stability = f32_()?;
        let difficulty = f32_()?;
        let mut at = rest;
        let last_review_ms = get_signed(&mut at)?;
        let due_ms = last_review_ms.wrapping_add(get_signed(&mut at)?);
        let due_day = due_ms.div_euclid(DAY_MS).wrapping_add(get_signed(&mut at)?);
        let mut u32_ = || u32::try_from(get_varint(&mut at)?).ok();
        let (reps, lapses, streak) = (u32_()?, u32_()?, u32_()?);
        let buried_until_day = if flags & 16 != 0 {
            due_day.wrapping_add(get_signed(&mut at)?)
        } else {
            i64::MIN
        };
        if at.iter().any(|&x| x != 0) {
            return None;
        }
        Some(CardState {
            stability,
            difficulty,
            due_ms,
            due_day,
            last_review_ms,
            reps,
            lapses,
            streak,
            queue: Queue::from_u8(flags & 3),
            suspended: flags & 4 != 0,
            buried_until_day,
            leech: flags & 8 != 0,
        })
    }

    fn from_fixed_bytes(b: &[u8]) -> Option<CardState> {
        let mut at = 0;
        let mut take = |n: usize| {
            let s = &b[at..at + n];
            at += n;
            s
        };
        let f32_ = |s: &[u8]| f32::from_le_bytes(s.try_into().unwrap_or([0; 4]));
        let i64_ = |s: &[u8]| i64::from_le_bytes(s.try_into().unwrap_or([0; 8]));
        let u32_ = |s: &[u8]| u32::from_le_bytes(s.try_into().unwrap_or([0; 4]));
        Some(CardState {
            stability: f32_(take(4)),
            difficulty: f32_(take(4)),
            due_ms: i64_(take(8)),
            due_day: i64_(take(8)),
            last_review_ms: i64_(take(8)),
            reps: u32_(take(4)),
            lapses: u32_(take(4)),
            streak: u32_(take(4)),
            queue: Queue::from_u8(take(1)[0]),
            suspended: take(1)[0] != 0,
            buried_until_day: i64_(take(8)),
            leech: take(1)[0] != 0,
        })
    }
}

const DAY_MS: i64 = 86_400_000;

/// A variable-length unsigned integer: seven bits a byte, low first, the high bit set on all
/// but the last byte.
fn put_varint(b: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        b.push((n as u8) | 0x80);
        n >>= 7;
    }
    b.push(n as u8);
}

/// A signed integer as a varint, small negatives small too ("zigzag").
fn put_signed(b: &mut Vec<u8>, n: i64) {
    put_varint(b, ((n << 1) ^ (n >> 63)) as u64);
}

fn get_varint(b: &mut &[u8]) -> Option<u64> {
    let mut n = 0u64;
    for shift in (0..64).step_by(7) {
        let (&byte, rest) = b.split_first()?;
        *b = rest;
        n |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Some(n);
        }
    }
    None
}

fn get_signed(b: &mut &[u8]) -> Option<i64> {
    let z = get_varint(b)?;
    Some((z >> 1) as i64 ^ -((z & 1) as i64))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_round_trip() {
        let s = CardState {
            stability: 2.3065,
            difficulty: 2.118,
            due_ms: 1_700_000_000_123,
            due_day: 19_000,
            last_review_ms: 1_699_000_000_000,
            reps: 3,
            lapses: 1,
            streak: 2,
            queue: Queue::Review,
            suspended: true,
            buried_until_day: 19_001,
            leech: true,
        };
        assert_eq!(CardState::from_bytes(&s.to_bytes()), Some(s));
        assert_eq!(CardState::from_bytes(&[1, 2, 3]), None);
        assert!(s.to_bytes().len() < 32, "{}", s.to_bytes().len());
    }

    /// The fixed-width form of earlier versions, as they wrote it.
    fn fixed_bytes(s: &CardState) -> Vec<u8> {
        let mut b = Vec::new();
        b.extend_from_slice(&s.stability.to_le_bytes());
        b.extend_from_slice(&s.difficulty.to_le_bytes());
        b.extend_from_slice(&s.due_ms.to_le_bytes());
        b.extend_from_slice(&s.due_day.to_le_bytes());
        b.extend_from_slice(&s.last_review_ms.to_le_bytes());
        b.extend_from_slice(&s.reps.to_le_bytes());
        b.extend_from_slice(&s.lapses.to_le_bytes());
        b.extend_from_slice(&s.streak.to_le_bytes());
        b.push(s.queue as u8);
        b.push(u8::from(s.suspended));
        b.extend_from_slice(&s.buried_until_day.to_le_bytes());
        b.push(u8::from(s.leech));
        b
    }

    #[test]
    fn every_state_round_trips_and_the_old_form_still_reads() {
        use rand::{Rng, SeedableRng};
        let mut rng = rand::rngs::StdRng::seed_from_u64(3);
        let pick = |rng: &mut rand::rngs::StdRng| -> i64 {
            match rng.random_range(0..6) {
                0 => i64::MIN,
                1 => i64::MAX,
                2 => 0,
                3 => rng.random_range(-5..5),
                4 => rng.random_range(1_600_000_000_000..1_900_000_000_000),
                _ => rng.random(),
            }
        };
        let mut states = vec![CardState::new_card()];
        for _ in 0..5_000 {
            states.push(CardState {
                stability: f32::from_bits(rng.random()),
                difficulty: rng.random_range(1.0..10.0),
                due_ms: pick(&mut rng),
                due_day: pick(&mut rng),
                last_review_ms: pick(&mut rng),
                reps: rng.random(),
                lapses: rng.random_range(0..20),
                streak: rng.random_range(0..5),
                queue: Queue::from_u8(rng.random_range(0..4)),
                suspended: rng.random(),
                buried_until_day: pick(&mut rng),
                leech: rng.random(),
            });
        }
        for s in states {
            let b = s.to_bytes();
            assert_ne!(b.len(), CardState::FIXED_BYTES);
            let back = CardState::from_bytes(&b).unwrap();
            // Bit for bit (NaN stabilities included).
            assert_eq!(back.stability.to_bits(), s.stability.to_bits());
            assert_eq!(
                (
                    back.due_ms,
                    back.due_day,
                    back.last_review_ms,
                    back.buried_until_day
                ),
                (s.due_ms, s.due_day, s.last_review_ms, s.buried_until_day)
            );
            assert_eq!(
                (back.reps, back.lapses, back.streak),
                (s.reps, s.lapses, s.streak)
            );
            assert_eq!(
                (back.queue, back.suspended, back.leech),
                (s.queue, s.suspended, s.leech)
            );
            let old = CardState::from_bytes(&fixed_bytes(&s)).unwrap();
            assert_eq!(old.to_bytes(), b);
        }
    }
}
