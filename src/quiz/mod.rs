//! The quiz engine: a card becomes a question (choices, typed, verdict, order, source-said),
//! and an answer is judged the way a careful examiner would, with a suggested grade that the
//! learner's confidence nudges.

pub mod check;
pub mod confidence;
pub mod distractors;
pub mod index;
mod note;
pub mod outcome;
pub mod question;

pub use check::{Response, check};
pub use confidence::{AskConfidence, Confidence};
pub use index::QuizIndex;
pub use outcome::{Grade, Match, Outcome};
pub use question::{AnswerMode, Asking, Mode, Question, choose_mode};
