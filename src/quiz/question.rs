//! Turning a card into a question: the mode (choices, typed, verdict, order, source-said), and
//! for choices the options, shuffled reproducibly from a seed.

use rand::SeedableRng;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use serde::{Deserialize, Serialize};

use super::distractors::distractors;
use super::index::QuizIndex;
use crate::deck::fact::claim_of;
use crate::deck::{
    Answer, AskMode, Card, CardHead, CardKind, CardReadError, ClaimList, Deck, Verdict,
};

/// How a question is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Mode {
    Choice,
    Typed,
    Verdict,
    Order,
    SourceSaid,
    /// The prompt alone; the learner recalls, reveals the answer and grades themselves.
    ShowAnswer,
}

impl Mode {
    pub fn name(self) -> &'static str {
        match self {
            Mode::Choice => "choice",
            Mode::Typed => "typed",
            Mode::Verdict => "verdict",
            Mode::Order => "order",
            Mode::SourceSaid => "source-said",
            Mode::ShowAnswer => "show-answer",
        }
    }

    pub fn from_name(s: &str) -> Option<Mode> {
        [
            Mode::Choice,
            Mode::Typed,
            Mode::Verdict,
            Mode::Order,
            Mode::SourceSaid,
            Mode::ShowAnswer,
        ]
        .into_iter()
        .find(|m| m.name() == s)
    }
}

/// The user's setting for questions that can be asked either way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum AnswerMode {
    /// Choices until the card is known, then typed recall.
    #[default]
    Adaptive,
    Choices,
    Typed,
    /// Always the prompt, then the answer, graded by the learner (as in Anki).
    ShowAnswer,
}

/// Right answers in a row after which an adaptive card is asked as typed recall.
pub const TYPED_AFTER_STREAK: u32 = 2;
/// FSRS stability (days) past which an adaptive card is asked as typed recall.
pub const TYPED_AFTER_STABILITY: f32 = 4.0;

/// What decides how a card is asked: its kind, the mode it insists on, and whether its answer
/// is too long to type or choose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Asking {
    pub kind: CardKind,
    pub forced: Option<AskMode>,
    pub long: bool,
}

impl Asking {
    pub fn of(card: &Card) -> Asking {
        Asking {
            kind: card.kind,
            forced: card.mode,
            long: card.answer.too_long_to_ask(),
        }
    }

    pub fn of_head(head: &CardHead) -> Asking {
        Asking {
            kind: head.kind,
            forced: head.mode,
            long: head.long,
        }
    }
}

/// A card of a kind with no mode of its own and a short answer.
impl From<CardKind> for Asking {
    fn from(kind: CardKind) -> Asking {
        Asking {
            kind,
            forced: None,
            long: false,
        }
    }
}

/// The mode a card is asked in. A card's own mode comes first; verdict, order and source-said
/// cards are asked their own way; the adaptive setting asks an answer too long to type or to
/// offer as a choice as "show answer".
pub fn choose_mode(
    card: impl Into<Asking>,
    setting: AnswerMode,
    streak: u32,
    stability: Option<f32>,
) -> Mode {
    let card = card.into();
    match card.forced {
        Some(AskMode::ShowAnswer) => return Mode::ShowAnswer,
        Some(AskMode::Choice) if card.kind.can_choose() => return Mode::Choice,
        Some(AskMode::Typed) if card.kind.can_choose() => return Mode::Typed,
        _ => {}
    }
    match card.kind {
        CardKind::Verdict => Mode::Verdict,
        CardKind::Order => Mode::Order,
        CardKind::SourceSaid => Mode::SourceSaid,
        _ => match setting {
            AnswerMode::Choices => Mode::Choice,
            AnswerMode::Typed => Mode::Typed,
            AnswerMode::ShowAnswer => Mode::ShowAnswer,
            AnswerMode::Adaptive if card.long => Mode::ShowAnswer,
            AnswerMode::Adaptive => {
                let known = streak >= TYPED_AFTER_STREAK
                    || stability.is_some_and(|s| s >= TYPED_AFTER_STABILITY);
                if known { Mode::Typed } else { Mode::Choice }
            }
        },
    }
}

/// A question, ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub mode: Mode,
    pub prompt: String,
    /// The options of a choice or verdict question.
    pub choices: Vec<String>,
    pub correct_choice: Option<usize>,
    /// Order questions: the events as first shown, as indexes into the card's right order.
    pub events: Vec<usize>,
    /// Source-said questions: the figures (in the card's order) and the sources to pick from
    /// (id, label).
    pub figures: Vec<String>,
    pub sources: Vec<(String, String)>,
}

impl Question {
    fn bare(mode: Mode, card: &Card) -> Question {
        Question {
            mode,
            prompt: card.prompt.to_string(),
            choices: Vec::new(),
            correct_choice: None,
            events: Vec::new(),
            figures: Vec::new(),
            sources: Vec::new(),
        }
    }

    /// The card as a typed question.
    pub fn typed<C, L>(_deck: &Deck<C, L>, card: &Card) -> Question {
        Question::bare(Mode::Typed, card)
    }

    /// The card as a question in `mode`; choices and orders are shuffled from `seed`. An error
    /// when the card's claim, whose figures a figure card's choices start from, cannot be read.
    pub fn make<C, L: ClaimList>(
        ix: &QuizIndex,
        deck: &Deck<C, L>,
        card: &Card,
        mode: Mode,
        seed: u64,
    ) -> Result<Question, CardReadError> {
        let mut rng = StdRng::seed_from_u64(seed);
        let mut q = Question::bare(mode, card);
        match (&card.answer, mode) {
            (_, Mode::ShowAnswer) => {}
            (Answer::Verdict(v), _) => {
                q.mode = Mode::Verdict;
                q.choices = Verdict::ALL.iter().map(|v| v.name().to_string()).collect();
                q.correct_choice = Verdict::ALL.iter().position(|x| x == v);
            }
            (Answer::Order(events), _) => {
                q.mode = Mode::Order;
                q.events = (0..events.len()).collect();
                // Shuffle until the events are not already in order.
                for _ in 0..8 {
                    q.events.shuffle(&mut rng);
                    if q.events.windows(2).any(|w| w[0] > w[1]) {
                        break;
                    }
                }
            }
            (Answer::SourceSaid(pairs), _) => {
                q.mode = Mode::SourceSaid;
                q.figures = pairs.iter().map(|p| p.figure.to_string()).collect();
                q.sources = deck
                    .sources
                    .iter()
                    .map(|s| (s.id.clone(), source_label(s)))
                    .collect();
            }
            (_, Mode::Choice) => {
                let right = choice_label(deck, card);
                let claim = match card.answer {
                    Answer::Number(_) => claim_of(deck, card)?,
                    _ => None,
                };
                let wrong = distractors(ix, deck, card, claim.as_deref(), &mut rng, 3);
                if wrong.is_empty() {
                    q.mode = Mode::Typed;
                } else {
                    let mut all = wrong;
                    all.push(right.clone());
                    all.shuffle(&mut rng);
                    q.correct_choice = all.iter().position(|c| *c == right);
                    q.choices = all;
                }
            }
            _ => q.mode = Mode::Typed,
        }
        Ok(q)
    }
}

/// The right answer as a multiple-choice option, shaped like the distractors: a figure with its
/// unit but not the range the card accepts, which would give the option away.
pub fn choice_label<C, L>(deck: &Deck<C, L>, card: &Card) -> String {
    match &card.answer {
        Answer::Number(n) => {
            let v = crate::text::number::format_number(n.value.value);
            if n.unit.is_empty() {
                v
            } else {
                format!("{v} {}", n.unit)
            }
        }
        a => a.display(deck),
    }
}

/// "Is A Battle For Power Raging… (RFE/RL, blog Qishloq Ovozi, January 2022)".
pub fn source_label(s: &crate::deck::Source) -> String {
    let outlet = source_name(s);
    let mut title: String = s.title.chars().take(60).collect();
    if title.len() < s.title.len() {
        title.push('…');
    }
    format!("{title} ({outlet}, {})", s.date_text())
}

/// Who a source is, in a few words: its outlet, or its author when the outlet is not named.
pub fn source_name(s: &crate::deck::Source) -> &str {
    if s.outlet.is_empty() || s.outlet == "not named" {
        s.author.as_str()
    } else {
        s.outlet.as_str()
    }
}
