//! The events of a journal: a review (with its globally unique id, the device and sequence
//! number of the segment line that carries it), an undo, a suspend, a bury, the scheduling
//! settings and the FSRS parameters, each with its time. One JSON object a line.

use serde::{Deserialize, Serialize};

use crate::quiz::{AnswerMode, AskConfidence};
use crate::settings::{NewOrder, Settings};
use crate::store::sync::SyncedReview;

/// One line of a segment: the device's sequence number and the event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub seq: i64,
    #[serde(flatten)]
    pub event: Event,
}

/// What happened on a device.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Event {
    /// An answer: the review's id is (device, seq).
    Review(SyncedReview),
    /// The device's own review `review` (its sequence number) was taken back.
    Undo {
        review: i64,
        time_ms: i64,
    },
    Suspend {
        deck: String,
        card: String,
        on: bool,
        time_ms: i64,
    },
    /// Hidden through study day `until_day`.
    Bury {
        deck: String,
        card: String,
        until_day: i64,
        time_ms: i64,
    },
    /// The settings that shape studying (the appearance stays each machine's own).
    Settings {
        settings: SharedSettings,
        time_ms: i64,
    },
    Parameters {
        parameters: Vec<f32>,
        time_ms: i64,
    },
}

impl Event {
    /// The event as its journal line's body (the sequence number goes beside it).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn from_json(text: &str) -> Option<Event> {
        serde_json::from_str(text).ok()
    }

    /// What the latest change of which this event is, for the ones the latest wins.
    pub fn stamp_key(&self) -> Option<String> {
        match self {
            Event::Suspend { deck, card, .. } => Some(format!("suspend:{deck}/{card}")),
            Event::Bury { deck, card, .. } => Some(format!("bury:{deck}/{card}")),
            Event::Settings { .. } => Some(SETTINGS_STAMP.to_string()),
            Event::Parameters { .. } => Some(PARAMETERS_STAMP.to_string()),
            Event::Review(_) | Event::Undo { .. } => None,
        }
    }

    pub fn time_ms(&self) -> i64 {
        match self {
            Event::Review(r) => r.time_ms,
            Event::Undo { time_ms, .. }
            | Event::Suspend { time_ms, .. }
            | Event::Bury { time_ms, .. }
            | Event::Settings { time_ms, .. }
            | Event::Parameters { time_ms, .. } => *time_ms,
        }
    }
}

/// The stamps of the latest settings and parameters.
pub const SETTINGS_STAMP: &str = "settings";
pub const PARAMETERS_STAMP: &str = "parameters";

/// The settings every machine shares: retention, limits, order, answer mode, confidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SharedSettings {
    pub desired_retention: f32,
    pub new_per_day: u32,
    pub reviews_per_day: u32,
    pub new_order: NewOrder,
    pub answer_mode: AnswerMode,
    pub ask_confidence: AskConfidence,
}

impl SharedSettings {
    pub fn of(s: &Settings) -> SharedSettings {
        SharedSettings {
            desired_retention: s.desired_retention,
            new_per_day: s.new_per_day,
            reviews_per_day: s.reviews_per_day,
            new_order: s.new_order,
            answer_mode: s.answer_mode,
            ask_confidence: s.ask_confidence,
        }
    }

    /// `s` with these shared settings (its appearance and parameters kept), clamped.
    pub fn apply_to(&self, s: &Settings) -> Settings {
        Settings {
            desired_retention: self.desired_retention,
            new_per_day: self.new_per_day,
            reviews_per_day: self.reviews_per_day,
            new_order: self.new_order,
            answer_mode: self.answer_mode,
            ask_confidence: self.ask_confidence,
            ..s.clone()
        }
        .clamped()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_reads_back() {
        let e = Entry {
            seq: 7,
            event: Event::Suspend {
                deck: "d".into(),
                card: "c".into(),
                on: true,
                time_ms: 5,
            },
        };
        let line = serde_json::to_string(&e).unwrap();
        assert!(line.contains("\"kind\":\"suspend\""), "{line}");
        assert_eq!(serde_json::from_str::<Entry>(&line).unwrap(), e);
        let body = e.event.to_json();
        assert_eq!(Event::from_json(&body), Some(e.event));
    }
}
