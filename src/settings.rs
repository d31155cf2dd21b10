//! The user's settings, kept in the progress file as JSON: scheduling, answer mode, when to
//! ask for confidence, and appearance. Out-of-range values read from disk are clamped, not
//! trusted.

use serde::{Deserialize, Serialize};

use crate::quiz::{AnswerMode, AskConfidence};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum NewOrder {
    #[default]
    DeckOrder,
    Random,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub desired_retention: f32,
    pub new_per_day: u32,
    pub reviews_per_day: u32,
    pub new_order: NewOrder,
    pub answer_mode: AnswerMode,
    /// When the review screen asks how sure the learner is, before the answer shows.
    pub ask_confidence: AskConfidence,
    pub theme: Theme,
    /// Text size as a factor of the default (1.0 to 2.0).
    pub text_scale: f32,
    /// FSRS parameters; empty for FSRS-6's defaults.
    pub fsrs_parameters: Vec<f32>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            desired_retention: 0.90,
            new_per_day: 20,
            reviews_per_day: 200,
            new_order: NewOrder::DeckOrder,
            answer_mode: AnswerMode::Adaptive,
            ask_confidence: AskConfidence::default(),
            theme: Theme::System,
            text_scale: 1.25,
            fsrs_parameters: Vec::new(),
        }
    }
}

impl Settings {
    /// The key under which the store keeps them.
    pub const KEY: &'static str = "settings";

    /// Reads settings from JSON, clamping values that are out of range; bad JSON gives defaults.
    pub fn from_json(text: &str) -> Settings {
        serde_json::from_str::<Settings>(text)
            .unwrap_or_default()
            .clamped()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn clamped(mut self) -> Settings {
        let r = self.desired_retention;
        self.desired_retention = if r.is_finite() {
            r.clamp(0.70, 0.97)
        } else {
            0.90
        };
        self.new_per_day = self.new_per_day.min(9999);
        self.reviews_per_day = self.reviews_per_day.min(99_999);
        let t = self.text_scale;
        self.text_scale = if t.is_finite() {
            t.clamp(1.0, 2.0)
        } else {
            1.25
        };
        if self.fsrs_parameters.iter().any(|p| !p.is_finite()) {
            self.fsrs_parameters.clear();
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clamps_what_it_reads() {
        let s = Settings::from_json(r#"{"desired_retention": 1.5, "text_scale": 0.1}"#);
        assert_eq!(s.desired_retention, 0.97);
        assert_eq!(s.text_scale, 1.0);
        assert_eq!(s.new_per_day, 20);
        assert_eq!(Settings::from_json("not json"), Settings::default());
    }
}
