//! What a checked answer comes to: right or not, how it was read, and the grade the quiz
//! suggests.

use serde::{Deserialize, Serialize};

/// The four grades of FSRS and Anki.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Grade {
    Again = 1,
    Hard = 2,
    Good = 3,
    Easy = 4,
}

impl Grade {
    pub const ALL: [Grade; 4] = [Grade::Again, Grade::Hard, Grade::Good, Grade::Easy];

    pub fn name(self) -> &'static str {
        match self {
            Grade::Again => "Again",
            Grade::Hard => "Hard",
            Grade::Good => "Good",
            Grade::Easy => "Easy",
        }
    }

    pub fn from_number(n: u8) -> Option<Grade> {
        Grade::ALL.get(usize::from(n).wrapping_sub(1)).copied()
    }
}

/// How an accepted answer matched.
#[derive(Debug, Clone, PartialEq)]
pub enum Match {
    /// One of the card's accepted wordings, up to case, accents and punctuation.
    Variant(String),
    /// One of the card's wordings once transliteration variants are folded (Tokayev = Toqaev).
    Folded(String),
    /// The surname alone, which no other person in the library has.
    Surname(String),
    /// Initials and a surname ("N. Nazarbayev") that fit this wording and no other person.
    Initials(String),
    /// A wording with a typo: the wording and the number of edits.
    Typo(String, usize),
    /// A number within the card's value or range.
    Number,
    /// A date that is the card's date.
    Date,
    /// The right choice, verdict, order or attribution.
    Exact,
}

/// The result of checking one answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub correct: bool,
    /// Partial credit from 0 to 1 (order and source-said cards); 1 or 0 otherwise.
    pub credit: f32,
    pub matched: Option<Match>,
    /// How the answer was read, in words: "read as 20,000", "Tokayev: a spelling of Toqaev".
    pub reading: String,
    /// What a wrong answer is instead: another source's figure, another card's answer.
    pub note: Option<String>,
    /// The right answer, as shown after answering.
    pub expected: String,
    pub suggested: Grade,
    /// Why a careful examiner would still be unsure of an accepted answer (a remark that may
    /// say otherwise, a number that is the answer rounded); such an answer is suggested Hard.
    pub doubt: Option<String>,
}

impl Outcome {
    /// A wrong answer's outcome.
    pub fn wrong(reading: String, expected: String) -> Outcome {
        Outcome {
            correct: false,
            credit: 0.0,
            matched: None,
            reading,
            note: None,
            expected,
            suggested: Grade::Again,
            doubt: None,
        }
    }

    /// A right answer's outcome; a typo makes it Hard.
    pub fn right(matched: Match, reading: String, expected: String) -> Outcome {
        let suggested = if matches!(matched, Match::Typo(..)) {
            Grade::Hard
        } else {
            Grade::Good
        };
        Outcome {
            correct: true,
            credit: 1.0,
            matched: Some(matched),
            reading,
            note: None,
            expected,
            suggested,
            doubt: None,
        }
    }

    /// An accepted answer a careful examiner would still be unsure of: it says why, and is
    /// suggested Hard, never Good.
    pub fn unsure(mut self, why: String) -> Outcome {
        if self.correct {
            self.reading = format!("{}; unsure: {why}, so Hard", self.reading);
            self.suggested = self.suggested.min(Grade::Hard);
            self.doubt = Some(why);
        }
        self
    }

    /// Puts what was done to read the answer before how it was read ("read the name
    /// surname-first; matches ...").
    pub fn read_after(mut self, steps: &[String]) -> Outcome {
        if !steps.is_empty() {
            self.reading = format!("{}; {}", steps.join("; "), self.reading);
        }
        self
    }

    /// Whether it was accepted only with a typo forgiven.
    pub fn with_typo(&self) -> bool {
        matches!(self.matched, Some(Match::Typo(..)))
    }
}
