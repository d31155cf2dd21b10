//! How sure the learner was before the answer was revealed (sure, think so, guessing), when to
//! ask, and how it nudges the suggested grade: right and sure is Good (Easy when also fast),
//! right but guessing is Hard. A calibrated learner is right about as often as each level
//! says ([`Confidence::expected`]); the statistics compare the two.

use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::check::adjust_for_time;
use super::outcome::{Grade, Outcome};
use super::question::Mode;

/// How sure the learner said they were, before seeing the answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Confidence {
    Guess,
    Think,
    Sure,
}

impl Confidence {
    /// Most sure first, as the keys Q, W, E offer them.
    pub const ALL: [Confidence; 3] = [Confidence::Sure, Confidence::Think, Confidence::Guess];

    /// The name on the command line and in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Confidence::Sure => "sure",
            Confidence::Think => "think",
            Confidence::Guess => "guess",
        }
    }

    /// As a button says it.
    pub fn label(self) -> &'static str {
        match self {
            Confidence::Sure => "Sure",
            Confidence::Think => "I think so",
            Confidence::Guess => "Guessing",
        }
    }

    /// Its key on the review screen.
    pub fn key(self) -> &'static str {
        match self {
            Confidence::Sure => "Q",
            Confidence::Think => "W",
            Confidence::Guess => "E",
        }
    }

    pub fn from_name(s: &str) -> Option<Confidence> {
        let s = s.trim().to_lowercase();
        Confidence::ALL
            .into_iter()
            .find(|c| c.name() == s || c.label().to_lowercase() == s)
    }

    /// How often an answer given with this confidence should be right, for a calibrated
    /// learner: sure is about 19 times in 20, think so 7 in 10, a guess about 1 in 3. The
    /// calibration chart puts each level at this place on its diagonal.
    pub fn expected(self) -> f32 {
        match self {
            Confidence::Sure => 0.95,
            Confidence::Think => 0.70,
            Confidence::Guess => 0.35,
        }
    }

    /// Its number in the review log.
    pub fn code(self) -> u8 {
        self as u8
    }

    pub fn from_code(code: i64) -> Option<Confidence> {
        [Confidence::Guess, Confidence::Think, Confidence::Sure]
            .get(usize::try_from(code).ok()?)
            .copied()
    }
}

/// When the review screen asks how sure the learner is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum AskConfidence {
    /// Before every answer.
    Always,
    /// Before every answer but a typed answer to a card already learned (typing it is itself
    /// the test, and the question comes often).
    #[default]
    NotTypedLearned,
    Never,
}

impl AskConfidence {
    /// Whether to ask before an answer in `mode` to a card that is `learned` (out of its
    /// first learning steps).
    pub fn asks(self, mode: Mode, learned: bool) -> bool {
        match self {
            AskConfidence::Always => true,
            AskConfidence::NotTypedLearned => !(mode == Mode::Typed && learned),
            AskConfidence::Never => false,
        }
    }
}

/// Answers at least this fast, right and sure, are suggested Easy.
pub const FAST_CHOICE: Duration = Duration::from_secs(5);
pub const FAST_TYPED: Duration = Duration::from_secs(8);

/// Settles the grade a right answer is suggested, from how long it took (`None`: not
/// measured, as from the command line) and how sure the learner said they were. An answer
/// the checker doubts or took with a typo stays Hard whatever the confidence; otherwise right
/// and sure is Good, Easy when also fast (a sure answer is not marked down for being slow);
/// right but guessing is Hard; think so, or nothing said, keeps the rule for time (slow is
/// Hard). A wrong answer keeps its grade.
pub fn settle_grade(
    outcome: &mut Outcome,
    confidence: Option<Confidence>,
    taken: Option<Duration>,
    typed: bool,
) {
    let clean = outcome.correct && outcome.doubt.is_none() && !outcome.with_typo();
    match confidence {
        Some(Confidence::Sure) if clean => {
            let fast = if typed { FAST_TYPED } else { FAST_CHOICE };
            outcome.suggested = if taken.is_some_and(|t| t <= fast) {
                Grade::Easy
            } else {
                Grade::Good
            };
        }
        Some(Confidence::Guess) if outcome.correct => {
            outcome.suggested = outcome.suggested.min(Grade::Hard);
        }
        _ => {
            if let Some(t) = taken {
                adjust_for_time(outcome, t, typed);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::Match;

    fn right() -> Outcome {
        Outcome::right(Match::Exact, "chose \"x\"".into(), "x".into())
    }

    fn settled(mut o: Outcome, c: Option<Confidence>, secs: Option<u64>, typed: bool) -> Grade {
        settle_grade(&mut o, c, secs.map(Duration::from_secs), typed);
        o.suggested
    }

    #[test]
    fn confidence_nudges_a_right_answer() {
        use Confidence::*;
        // Right and sure: Good; Easy when also fast; not Hard for being slow.
        assert_eq!(settled(right(), Some(Sure), Some(3), false), Grade::Easy);
        assert_eq!(settled(right(), Some(Sure), Some(7), false), Grade::Good);
        assert_eq!(settled(right(), Some(Sure), Some(7), true), Grade::Easy);
        assert_eq!(settled(right(), Some(Sure), Some(60), false), Grade::Good);
        // Not measured: never Easy.
        assert_eq!(settled(right(), Some(Sure), None, false), Grade::Good);
        // Right but guessing: Hard, however fast.
        assert_eq!(settled(right(), Some(Guess), Some(1), false), Grade::Hard);
        // Think so, or nothing said: the time decides.
        assert_eq!(settled(right(), Some(Think), Some(3), false), Grade::Good);
        assert_eq!(settled(right(), Some(Think), Some(30), false), Grade::Hard);
        assert_eq!(settled(right(), None, Some(30), false), Grade::Hard);
        assert_eq!(settled(right(), None, Some(3), false), Grade::Good);
    }

    #[test]
    fn confidence_never_lifts_a_wrong_or_doubted_answer() {
        use Confidence::*;
        let wrong = Outcome::wrong("chose \"y\"".into(), "x".into());
        for c in [Some(Sure), Some(Think), Some(Guess), None] {
            assert_eq!(settled(wrong.clone(), c, Some(2), false), Grade::Again);
        }
        let doubted = right().unsure("a remark that may say otherwise".into());
        assert_eq!(settled(doubted, Some(Sure), Some(2), true), Grade::Hard);
        let typo = Outcome::right(Match::Typo("Toqaev".into(), 1), "r".into(), "x".into());
        assert_eq!(settled(typo, Some(Sure), Some(2), true), Grade::Hard);
    }

    #[test]
    fn names_codes_and_when_to_ask() {
        for c in Confidence::ALL {
            assert_eq!(Confidence::from_name(c.name()), Some(c));
            assert_eq!(Confidence::from_code(i64::from(c.code())), Some(c));
        }
        assert_eq!(Confidence::from_name("I think so"), Some(Confidence::Think));
        assert_eq!(Confidence::from_name("maybe"), None);
        assert_eq!(Confidence::from_code(7), None);
        let d = AskConfidence::default();
        assert!(d.asks(Mode::Choice, true));
        assert!(d.asks(Mode::Typed, false));
        assert!(!d.asks(Mode::Typed, true));
        assert!(AskConfidence::Always.asks(Mode::Typed, true));
        assert!(!AskConfidence::Never.asks(Mode::Choice, false));
    }
}
