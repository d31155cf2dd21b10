//! Calibration: for each confidence the learner gave (sure, think so, guessing), how often the
//! answer was right, against how often it should be ([`Confidence::expected`]): for all cards,
//! by kind, by claim status, and for disputed figures, the cards where trusting one's own
//! certainty costs most. And the overconfident topics: those answered "sure" and wrong most
//! often, with the cards of a session on each.

use std::collections::HashMap;

use super::table::{CardTable, card_table};
use crate::deck::{CardKind, ClaimStatus};
use crate::quiz::Confidence;
use crate::schedule::queue::Slot;
use crate::store::{ConfidentAnswers, StoreError};
use crate::study::Collection;

/// Days of answers the overconfident topics count.
pub const OVERCONFIDENT_DAYS: i64 = 90;

/// The answers given with one confidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Level {
    pub confidence: Confidence,
    pub answers: u32,
    pub right: u32,
}

impl Level {
    /// The share right, when there are answers.
    pub fn rate(&self) -> Option<f32> {
        (self.answers > 0).then(|| self.right as f32 / self.answers as f32)
    }
}

/// The answers of one group, by confidence (sure, think so, guessing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Calibration {
    pub levels: [Level; 3],
}

impl Default for Calibration {
    fn default() -> Self {
        Calibration {
            levels: Confidence::ALL.map(|confidence| Level {
                confidence,
                answers: 0,
                right: 0,
            }),
        }
    }
}

impl Calibration {
    fn add(&mut self, confidence: Confidence, answers: u32, right: u32) {
        if let Some(l) = self.levels.iter_mut().find(|l| l.confidence == confidence) {
            l.answers += answers;
            l.right += right;
        }
    }

    pub fn level(&self, confidence: Confidence) -> &Level {
        let i = Confidence::ALL
            .iter()
            .position(|c| *c == confidence)
            .unwrap_or(0);
        &self.levels[i]
    }

    pub fn answers(&self) -> u32 {
        self.levels.iter().map(|l| l.answers).sum()
    }
}

/// A named group's calibration ("Figure", "disputed").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub name: String,
    pub calibration: Calibration,
}

/// Everything the statistics screen shows of calibration.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CalibrationFigures {
    pub all: Calibration,
    /// Figure cards whose claim is disputed.
    pub disputed_figures: Calibration,
    /// By card kind, in the kinds' order; kinds without answers left out.
    pub by_kind: Vec<Group>,
    /// By the status of the card's claim ("no claim" for cards about none); groups without
    /// answers left out.
    pub by_status: Vec<Group>,
}

/// A claim status's name in the figures.
pub fn status_name(s: Option<ClaimStatus>) -> &'static str {
    match s {
        Some(ClaimStatus::Confirmed) => "confirmed",
        Some(ClaimStatus::Disputed) => "disputed",
        Some(ClaimStatus::Retracted) => "retracted",
        Some(ClaimStatus::Unverified) => "unverified",
        None => "no claim",
    }
}

/// The calibration of the answers in `rows`, of one deck's cards or all.
pub fn calibration(
    rows: &[ConfidentAnswers],
    table: &CardTable,
    deck: Option<usize>,
) -> CalibrationFigures {
    let mut out = CalibrationFigures::default();
    let mut kinds: HashMap<CardKind, Calibration> = HashMap::new();
    let mut statuses: HashMap<Option<ClaimStatus>, Calibration> = HashMap::new();
    for r in rows {
        let Some(slot) = table.position(&r.deck_id, &r.card_id) else {
            continue;
        };
        if deck.is_some_and(|d| d != slot.deck) {
            continue;
        }
        let Some(card) = table.card(slot) else {
            continue;
        };
        out.all.add(r.confidence, r.answers, r.right);
        kinds
            .entry(card.kind)
            .or_default()
            .add(r.confidence, r.answers, r.right);
        statuses
            .entry(card.status)
            .or_default()
            .add(r.confidence, r.answers, r.right);
        if card.kind == CardKind::Figure && card.status == Some(ClaimStatus::Disputed) {
            out.disputed_figures.add(r.confidence, r.answers, r.right);
        }
    }
    out.by_kind = CardKind::ALL
        .iter()
        .filter_map(|k| {
            Some(Group {
                name: k.name().to_string(),
                calibration: kinds.remove(k)?,
            })
        })
        .collect();
    let order = [
        Some(ClaimStatus::Confirmed),
        Some(ClaimStatus::Disputed),
        Some(ClaimStatus::Retracted),
        Some(ClaimStatus::Unverified),
        None,
    ];
    out.by_status = order
        .iter()
        .filter_map(|s| {
            Some(Group {
                name: status_name(*s).to_string(),
                calibration: statuses.remove(s)?,
            })
        })
        .collect();
    out
}

/// A topic answered "sure" and wrong more often than sure allows.
#[derive(Debug, Clone, PartialEq)]
pub struct Overconfident {
    pub topic: String,
    /// Answers given "sure" in the last [`OVERCONFIDENT_DAYS`], and how many were wrong.
    pub sure: u32,
    pub sure_wrong: u32,
    /// Its cards answered sure and wrong, most often first.
    pub cards: Vec<Slot>,
}

impl Overconfident {
    pub fn wrong_rate(&self) -> f32 {
        self.sure_wrong as f32 / self.sure.max(1) as f32
    }

    /// Sure-and-wrong answers beyond those a calibrated learner would give (one in twenty of
    /// the sure ones).
    pub fn excess(&self) -> f32 {
        self.sure_wrong as f32 - self.sure as f32 * (1.0 - Confidence::Sure.expected())
    }
}

/// A topic is listed when its sure answers were wrong at least this often (twice what a
/// calibrated learner's are) and at least one more time than a calibrated learner's would be.
pub const OVERCONFIDENT_RATE: f32 = 0.10;

/// Per topic: sure answers, sure and wrong, and per card its sure-and-wrong answers.
type SureTally = (u32, u32, Vec<(u32, Slot)>);

/// The topics answered "sure" and wrong in the last [`OVERCONFIDENT_DAYS`] more often than
/// sure allows (see [`OVERCONFIDENT_RATE`]), those with the most such answers beyond a
/// calibrated learner's first (then the larger share wrong, then by name). A topic sure 400
/// times and wrong 17 is well calibrated, not overconfident.
pub fn overconfident_topics(coll: &Collection) -> Result<Vec<Overconfident>, StoreError> {
    let table = card_table(coll);
    let since = coll.clock().today() - OVERCONFIDENT_DAYS + 1;
    let mut by_topic: HashMap<u32, SureTally> = HashMap::new();
    for r in coll.store().confident_answers(since)? {
        if r.confidence != Confidence::Sure {
            continue;
        }
        let Some(slot) = table.position(&r.deck_id, &r.card_id) else {
            continue;
        };
        let wrong = r.answers - r.right.min(r.answers);
        for &t in table.card(slot).map_or(&[][..], |c| &c.topics) {
            let e = by_topic.entry(t).or_default();
            e.0 += r.answers;
            e.1 += wrong;
            if wrong > 0 {
                e.2.push((wrong, slot));
            }
        }
    }
    let mut out: Vec<Overconfident> = by_topic
        .into_iter()
        .filter_map(|(t, (sure, sure_wrong, mut cards))| {
            cards.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            Some(Overconfident {
                topic: table.topics.get(t as usize)?.clone(),
                sure,
                sure_wrong,
                cards: cards.into_iter().map(|(_, s)| s).collect(),
            })
        })
        .filter(|o| o.excess() >= 1.0 && o.wrong_rate() >= OVERCONFIDENT_RATE)
        .collect();
    out.sort_by(|a, b| {
        b.excess()
            .total_cmp(&a.excess())
            .then(b.wrong_rate().total_cmp(&a.wrong_rate()))
            .then_with(|| a.topic.cmp(&b.topic))
    });
    Ok(out)
}
