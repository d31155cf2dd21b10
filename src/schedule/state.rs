//! A card's scheduling state: its FSRS memory, when it is due, and its counters. Pure data;
//! the store keeps it as columns of the card's row.

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
}
