//! How a card is asked: the mode a card may insist on (`mode` in a deck file), which kinds can
//! be asked as choices or typed recall, and whether an answer is too long for either (the
//! adaptive mode then shows the answer for the learner to grade).

use serde::{Deserialize, Serialize};

use super::model::{Answer, CardKind};

/// How a card may insist on being asked (`mode: ShowAnswer` in a deck file).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AskMode {
    /// Multiple choice.
    Choice,
    /// Typed recall.
    Typed,
    /// The prompt; the learner recalls, reveals the answer and grades themselves.
    ShowAnswer,
}

impl AskMode {
    pub const ALL: [AskMode; 3] = [AskMode::Choice, AskMode::Typed, AskMode::ShowAnswer];

    /// The name in spreadsheets and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            AskMode::Choice => "choice",
            AskMode::Typed => "typed",
            AskMode::ShowAnswer => "show-answer",
        }
    }

    pub fn from_name(s: &str) -> Option<AskMode> {
        let s = s.trim().to_lowercase().replace(['_', ' '], "-");
        AskMode::ALL.into_iter().find(|m| m.name() == s)
    }
}

impl CardKind {
    /// Whether the card can be asked as choices or typed recall (verdict, order and
    /// source-said cards have their own way).
    pub fn can_choose(self) -> bool {
        !matches!(
            self,
            CardKind::Verdict | CardKind::Order | CardKind::SourceSaid
        )
    }
}

impl Answer {
    /// Whether the answer is too long to type or to offer as a choice (the adaptive mode asks
    /// such a card as "show answer"): more than one line, a sentence (more than eight words or
    /// 80 characters), or a list of four or more items.
    pub fn too_long_to_ask(&self) -> bool {
        let long = |a: &str| {
            a.contains('\n')
                || a.split_whitespace().count() > 8
                || a.chars().count() > 80
                || a.split([',', ';']).filter(|p| !p.trim().is_empty()).count() >= 4
        };
        match self {
            Answer::Name(v) | Answer::Phrase(v) => v.first().is_some_and(|a| long(a)),
            _ => false,
        }
    }
}
