//! A card as text fields, as a row of a spreadsheet or the deck editor's form holds it, and the
//! mapping both ways: the fields of a card, and the card that fields describe (adding the
//! sources an import names). Several values in one field are separated by " | ", the parts of
//! a piece of evidence by " :: ".

use super::date::PartialDate;
use super::model::{
    Amount, Answer, AskMode, Attribution, Card, CardKind, Deck, Evidence, NumberAnswer, Source,
    Text, Verdict,
};

/// Separates several values in one cell (accepted wordings, topics, events).
const LIST: &str = " | ";
/// Separates the parts of one piece of evidence: "source :: locator :: says".
const PARTS: &str = " :: ";

fn kind_of(s: &str) -> Option<CardKind> {
    let k = s.trim().to_lowercase().replace(['-', '_', ' '], "");
    CardKind::ALL
        .into_iter()
        .find(|c| c.name().to_lowercase() == k)
}

fn kind_name(k: CardKind) -> String {
    match k {
        CardKind::SourceSaid => "source-said".into(),
        other => other.name().to_lowercase(),
    }
}

fn split_list(s: &str) -> Vec<Text> {
    s.split('|')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(Text::from)
        .collect()
}

/// A slug for ids made from text: "RFE/RL blog" -> "rfe-rl-blog".
pub fn slug(text: &str) -> String {
    let n = crate::text::fold::normalize(text).replace(' ', "-");
    let s: String = n.chars().take(48).collect();
    if s.is_empty() { "deck".into() } else { s }
}

/// A card as text fields: a row of a spreadsheet, or the deck editor's form.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CardFields {
    pub id: String,
    pub kind: String,
    pub prompt: String,
    /// The answer: the preferred wording, a number, a date, a verdict, events separated by
    /// " | ", or "figure => source" pairs separated by " | ".
    pub answer: String,
    /// Other accepted wordings, separated by " | ".
    pub accept: String,
    pub unit: String,
    pub min: String,
    pub max: String,
    /// Topics separated by " | ".
    pub topics: String,
    pub explanation: String,
    /// The source of evidence lines that name none.
    pub source: String,
    /// One line per piece of evidence: "source :: where :: what it says".
    pub evidence: String,
    pub claim: String,
    /// How the card is always asked: "choice", "typed", "show-answer", or empty (the setting).
    #[serde(default)]
    pub mode: String,
    /// Why the card's answer changed in this version of the deck (empty: no change to tell).
    #[serde(default)]
    pub changed: String,
}

impl CardFields {
    /// The fields of a card (what an export writes and the editor shows).
    pub fn of(c: &Card) -> CardFields {
        let mut f = CardFields {
            id: c.id.to_string(),
            kind: kind_name(c.kind),
            prompt: c.prompt.to_string(),
            topics: c.topics.join(LIST),
            explanation: c.explanation.to_string(),
            evidence: c
                .evidence
                .iter()
                .map(|e| [e.source.as_str(), &e.locator, &e.says].join(PARTS))
                .collect::<Vec<_>>()
                .join("\n"),
            claim: c.claim.as_deref().unwrap_or_default().to_string(),
            mode: c.mode.map(AskMode::name).unwrap_or_default().to_string(),
            changed: c.changed.as_deref().unwrap_or_default().to_string(),
            ..CardFields::default()
        };
        match &c.answer {
            Answer::Name(v) | Answer::Phrase(v) => {
                f.answer = v.first().map(Text::to_string).unwrap_or_default();
                f.accept = v.iter().skip(1).cloned().collect::<Vec<_>>().join(LIST);
            }
            Answer::Number(n) => {
                f.answer = n.value.written();
                f.unit = n.unit.to_string();
                f.min = n.min.as_ref().map(Amount::written).unwrap_or_default();
                f.max = n.max.as_ref().map(Amount::written).unwrap_or_default();
            }
            Answer::Date(d) => f.answer = d.to_string(),
            Answer::Verdict(v) => f.answer = v.name().to_string(),
            Answer::Order(e) => f.answer = e.join(LIST),
            Answer::SourceSaid(p) => {
                f.answer = p
                    .iter()
                    .map(|a| format!("{} => {}", a.figure, a.source))
                    .collect::<Vec<_>>()
                    .join(LIST)
            }
        }
        f
    }

    /// The card these fields describe. With `new_sources`, a source that the deck does not
    /// list is added (imports); without, it is an error (the editor).
    pub fn to_card(&self, deck: &mut Deck, n: usize, new_sources: bool) -> Result<Card, String> {
        if !new_sources {
            let mut probe = deck.clone();
            let before = probe.sources.len();
            let card = card_of(self, &mut probe, n)?;
            if let Some(s) = probe.sources.get(before) {
                return Err(format!(
                    "source \"{}\" is not one of the deck's sources",
                    s.title
                ));
            }
            return Ok(card);
        }
        card_of(self, deck, n)
    }
}

/// The source id for a cell: an id of the deck, or a title that becomes a new source.
fn source_id(deck: &mut Deck, cell: &str) -> String {
    if deck.source(cell).is_some() {
        return cell.to_string();
    }
    if let Some(s) = deck.sources.iter().find(|s| s.title == cell) {
        return s.id.clone();
    }
    let id = slug(cell);
    deck.sources.push(Source {
        id: id.clone(),
        title: cell.to_string(),
        outlet: String::new(),
        author: String::new(),
        published: PartialDate {
            year: 1970,
            month: None,
            day: None,
        },
        date_known: super::model::DateKnown::Unknown,
        url: None,
        text: None,
    });
    id
}

fn amount(cell: &str, what: &str) -> Result<Option<Amount>, String> {
    if cell.is_empty() {
        return Ok(None);
    }
    Amount::parse(cell)
        .map(Some)
        .map_err(|e| format!("{what}: {e}"))
}

pub(super) fn card_of(r: &CardFields, deck: &mut Deck, n: usize) -> Result<Card, String> {
    if r.prompt.is_empty() {
        return Err("the prompt is empty".into());
    }
    if r.answer.is_empty() {
        return Err("the answer is empty".into());
    }
    let kind = if r.kind.is_empty() {
        CardKind::What
    } else {
        kind_of(&r.kind).ok_or(format!("unknown kind \"{}\": use who, when, figure, where, what, verdict, order or source-said", r.kind))?
    };
    let mut wordings = vec![Text::from(r.answer.as_str())];
    wordings.extend(split_list(&r.accept));
    let answer = match kind {
        CardKind::Who => Answer::Name(wordings),
        CardKind::Where | CardKind::What => Answer::Phrase(wordings),
        CardKind::When => Answer::Date(r.answer.parse::<PartialDate>()?),
        CardKind::Figure => Answer::Number(Box::new(NumberAnswer {
            value: Amount::parse(&r.answer)?,
            unit: r.unit.as_str().into(),
            min: amount(&r.min, "min")?,
            max: amount(&r.max, "max")?,
        })),
        CardKind::Verdict => Answer::Verdict(
            Verdict::ALL
                .into_iter()
                .find(|v| v.name() == r.answer.to_lowercase())
                .ok_or(format!(
                    "\"{}\" is not confirmed, false, disputed or unverified",
                    r.answer
                ))?,
        ),
        CardKind::Order => Answer::Order(split_list(&r.answer)),
        CardKind::SourceSaid => Answer::SourceSaid(
            split_list(&r.answer)
                .iter()
                .map(|p| {
                    let (figure, src) = p.split_once("=>").ok_or(format!(
                        "\"{p}\": write each figure as \"figure => source\""
                    ))?;
                    Ok(Attribution {
                        figure: figure.trim().into(),
                        source: source_id(deck, src.trim()).into(),
                    })
                })
                .collect::<Result<Vec<_>, String>>()?,
        ),
    };
    let default_source = (!r.source.is_empty()).then(|| source_id(deck, &r.source));
    let mut evidence = Vec::new();
    for line in r.evidence.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let parts: Vec<&str> = line.split(PARTS.trim()).map(str::trim).collect();
        let (src, locator, says) = match parts.as_slice() {
            [s, l, w] => (Some(source_id(deck, s)), *l, *w),
            [l, w] => (default_source.clone(), *l, *w),
            [w] => (default_source.clone(), "", *w),
            _ => {
                return Err(format!(
                    "evidence \"{line}\": write \"source :: where :: what it says\""
                ));
            }
        };
        let source = src.ok_or("evidence without a source: fill the source column")?;
        evidence.push(Evidence {
            source: source.into(),
            locator: locator.into(),
            says: says.into(),
        });
    }
    if evidence.is_empty() {
        let source =
            default_source.ok_or("no source: every card cites one (fill the source column)")?;
        evidence.push(Evidence {
            source: source.into(),
            locator: Text::default(),
            says: Text::default(),
        });
    }
    let mode = match r.mode.trim() {
        "" => None,
        m => Some(AskMode::from_name(m).ok_or(format!(
            "unknown mode \"{m}\": use choice, typed or show-answer (or leave it empty)"
        ))?),
    };
    Ok(Card {
        mode,
        id: if r.id.is_empty() {
            format!("card-{}", n + 1).into()
        } else {
            r.id.as_str().into()
        },
        kind,
        topics: split_list(&r.topics),
        prompt: r.prompt.as_str().into(),
        answer,
        explanation: r.explanation.as_str().into(),
        evidence,
        claim: (!r.claim.is_empty()).then(|| r.claim.as_str().into()),
        changed: (!r.changed.trim().is_empty()).then(|| r.changed.trim().into()),
    })
}
