//! Writes a realistic heavy user's collection, for benchmarks and for looking at the statistics:
//! 20 user decks with cards of every kind (sources, claims, evidence) in `DIR/decks/`, and a
//! progress store whose reviews follow FSRS's memory model over two years, ending now.
//!
//! `cargo run --release --example synth_collection -- --cards 100000 --reviews 1000000 --data-dir DIR`
//! (small: `--cards 1000 --reviews 10000`).

use std::path::PathBuf;

use compact_str::format_compact;
use factquiz::deck::load::to_ron;
use factquiz::deck::{
    Amount, Answer, Attribution, Card, CardKind, Claim, ClaimStatus, DateKnown, Deck, Evidence,
    NumberAnswer, PartialDate, Source, SourceValue, Verdict,
};
use factquiz::quiz::Grade;
use factquiz::schedule::day::study_day;
use factquiz::schedule::{CardState, Clock, Scheduler};
use factquiz::store::{ReviewRecord, Store};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

const DECKS: usize = 20;
const DAY_MS: i64 = 86_400_000;
const SYLLABLES: [&str; 16] = [
    "ka", "sym", "tor", "nur", "al", "dar", "zhan", "bek", "mar", "sul", "tan", "er", "lan", "as",
    "khan", "ov",
];
const PLACES: [&str; 8] = [
    "Almaty",
    "Zhanaozen",
    "Aktau",
    "Taraz",
    "Shymkent",
    "Oral",
    "Atyrau",
    "Kostanay",
];
const UNITS: [&str; 4] = ["people", "troops", "vehicles", "buildings"];

struct Args {
    cards: usize,
    reviews: usize,
    dir: PathBuf,
    seed: u64,
}

fn args() -> Result<Args, String> {
    let mut a = Args {
        cards: 1000,
        reviews: 10_000,
        dir: PathBuf::new(),
        seed: 42,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--cards" => a.cards = value()?.parse().map_err(|e| format!("--cards: {e}"))?,
            "--reviews" => a.reviews = value()?.parse().map_err(|e| format!("--reviews: {e}"))?,
            "--data-dir" => a.dir = PathBuf::from(value()?),
            "--seed" => a.seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            other => return Err(format!("unknown argument {other}")),
        }
    }
    if a.dir.as_os_str().is_empty() {
        return Err("give --data-dir DIR".into());
    }
    Ok(a)
}

fn name(rng: &mut StdRng) -> String {
    let mut word = |n: usize| {
        let mut w: String = (0..n)
            .map(|_| SYLLABLES[rng.random_range(0..SYLLABLES.len())])
            .collect();
        w[..1].make_ascii_uppercase();
        w
    };
    format!("{} {}", word(2), word(3))
}

fn card(d: usize, i: usize, rng: &mut StdRng) -> Card {
    let kind = CardKind::ALL[i % CardKind::ALL.len()];
    let day = PartialDate::day(2022, 1, ((i / 8) % 28) as u8 + 1).expect("a real date");
    let (prompt, answer, claim) = match kind {
        CardKind::Who => {
            let n = name(rng);
            let surname = n.split(' ').nth(1).unwrap_or_default().to_string();
            (
                format_compact!("Who led operation {d}-{i}?"),
                Answer::Name(vec![n.into(), surname.into()]),
                None,
            )
        }
        CardKind::When => (
            format_compact!("When did event {d}-{i} happen?"),
            Answer::Date(day),
            None,
        ),
        CardKind::Figure => (
            format_compact!("How many were involved in event {d}-{i}?"),
            Answer::Number(Box::new(NumberAnswer {
                value: Amount::new(f64::from(rng.random_range(10..50_000))),
                unit: UNITS[(i / 8) % UNITS.len()].into(),
                min: None,
                max: None,
            })),
            Some(format_compact!("figure-{}", i / 8)),
        ),
        CardKind::Where => (
            format_compact!("Where did event {d}-{i} happen?"),
            Answer::Phrase(vec![PLACES[(i / 8) % PLACES.len()].into()]),
            None,
        ),
        CardKind::What => (
            format_compact!("What was project {d}-{i} called?"),
            Answer::Phrase(vec![format_compact!("Project {}", name(rng))]),
            None,
        ),
        CardKind::Verdict => (
            format_compact!("Statement {d}-{i}: the figure was later revised."),
            Answer::Verdict(Verdict::ALL[(i / 8) % 4]),
            Some(format_compact!("figure-{}", i / 8)),
        ),
        CardKind::Order => (
            format_compact!("Put the steps of process {d}-{i} in order."),
            Answer::Order(
                (1..=4)
                    .map(|k| format_compact!("step {k} of {i}"))
                    .collect(),
            ),
            None,
        ),
        CardKind::SourceSaid => (
            format_compact!("Which source gave each figure for event {d}-{i}?"),
            Answer::SourceSaid(vec![
                Attribution {
                    figure: format_compact!("{} dead", 100 + i % 50),
                    source: "s1".into(),
                },
                Attribution {
                    figure: format_compact!("{} dead", 200 + i % 50),
                    source: "s2".into(),
                },
            ]),
            Some(format_compact!("figure-{}", i / 8)),
        ),
    };
    Card {
        id: format_compact!("c{i}"),
        kind,
        topics: vec![
            format_compact!("person/P{}", i % 40),
            format_compact!("event/E{}", i % 25),
            format_compact!("figure/F{}", i % 10),
        ],
        prompt,
        answer,
        explanation: format_compact!(
            "Synthetic card {i} of deck {d}, for measuring speed at scale."
        ),
        evidence: vec![Evidence {
            source: format_compact!("s{}", i % 3 + 1),
            locator: format_compact!("paragraph {}", i % 30 + 1),
            says: "A generated passage that supports the answer.".into(),
        }],
        claim,
        mode: None,
        changed: None,
    }
}

fn claim(k: usize, rng: &mut StdRng) -> Claim {
    let value = rng.random_range(10..50_000);
    Claim {
        id: format!("figure-{k}").into(),
        statement: format!("Figure {k} was given differently by the sources.").into(),
        made_by: "officials".into(),
        made_on: None,
        status: [
            ClaimStatus::Confirmed,
            ClaimStatus::Disputed,
            ClaimStatus::Retracted,
            ClaimStatus::Unverified,
        ][k % 4],
        values: vec![
            SourceValue {
                source: "s1".into(),
                value: value.to_string().into(),
                locator: format!("paragraph {}", k % 30 + 1).into(),
                says: "One figure.".into(),
            },
            SourceValue {
                source: "s2".into(),
                value: (value * 2).to_string().into(),
                locator: format!("paragraph {}", k % 30 + 2).into(),
                says: "Another.".into(),
            },
        ],
        contested_by: Some("the other source".into()),
        changed: None,
    }
}

pub fn deck(d: usize, n: usize, rng: &mut StdRng) -> Deck {
    let sources = (1..=3)
        .map(|k| Source {
            id: format!("s{k}"),
            title: format!("Synthetic source {k} of deck {d}"),
            outlet: "Generated".into(),
            author: "synth_collection".into(),
            published: PartialDate::new(2022, Some(1), Some(10 + k as u8)).expect("a real date"),
            date_known: DateKnown::Printed,
            url: None,
            text: None,
        })
        .collect();
    Deck {
        id: format!("synth-{d:02}"),
        title: format!("Synthetic deck {d}"),
        description: "Generated for benchmarks.".into(),
        sources,
        // One claim per eight cards: its figure, verdict and source-said cards share it.
        claims: (0..n.div_ceil(8)).map(|k| claim(k, rng)).collect(),
        cards: (0..n).map(|i| card(d, i, rng)).collect(),
    }
}

/// What a typed or chosen answer looks like in the log: the right answer, or a near miss.
fn given_answer(card: &Card, right: bool) -> String {
    let text = match &card.answer {
        Answer::Name(v) | Answer::Phrase(v) => v.first().map(|s| s.to_string()).unwrap_or_default(),
        Answer::Number(n) => format!("{}", n.value.value),
        Answer::Date(d) => d.to_string_long(),
        Answer::Verdict(v) => v.name().to_string(),
        Answer::Order(events) => events.join(" | "),
        Answer::SourceSaid(pairs) => pairs
            .iter()
            .map(|p| p.source.as_str())
            .collect::<Vec<_>>()
            .join(", "),
    };
    if right { text } else { format!("not {text}") }
}

/// Simulates one card's reviews from `start` until `end` with FSRS's memory model: the user
/// answers the card when it is due (within a few hours) and recalls it with probability
/// R^hardness, R being what FSRS predicts (some cards are much harder for a user than FSRS
/// first assumes).
fn simulate(
    s: &Scheduler,
    deck: &str,
    card: &Card,
    (start, end): (i64, i64),
    hardness: f32,
    rng: &mut StdRng,
) -> Vec<ReviewRecord> {
    let mut out: Vec<ReviewRecord> = Vec::new();
    let mut state: Option<CardState> = None;
    let mut t = start;
    while t < end {
        let clock = Clock {
            now_ms: t,
            offset_secs: 0,
        };
        let from = state.unwrap_or_else(CardState::new_card);
        let recall = s
            .retrievability(&from, &clock)
            .unwrap_or(0.3)
            .powf(hardness);
        let grade = if rng.random::<f32>() > recall {
            Grade::Again
        } else {
            match rng.random_range(0..20) {
                0..=2 => Grade::Hard,
                3..=17 => Grade::Good,
                _ => Grade::Easy,
            }
        };
        let after = s.answer(&from, grade, &clock, rng.random());
        let mode = if from.streak >= 2 || from.stability >= 4.0 {
            "typed"
        } else {
            "choice"
        };
        out.push(ReviewRecord {
            deck_id: deck.to_string(),
            card_id: card.id.to_string(),
            time_ms: t,
            grade: grade as u8,
            correct: grade != Grade::Again,
            mode: mode.into(),
            answer: Some(given_answer(card, grade != Grade::Again)),
            taken_ms: rng.random_range(2_000..20_000),
            confidence: None,
            day: study_day(t, 0),
            before: state,
            after,
        });
        state = Some(after);
        t = after.due_ms.max(t + 60_000) + rng.random_range(0..4 * 3_600_000);
    }
    out
}

/// Days of history: cards were started over the last two years.
const HISTORY_DAYS: i64 = 730;
/// The user was away for the last days and has not studied yet today, so the cards of those
/// days are due: about 5% of the cards, as issue 8 asks.
const AWAY_DAYS: i64 = 3;

/// When a card was started, and how hard it is (before scaling).
fn card_life(rng: &mut StdRng, end: i64) -> (i64, f32) {
    let start = end - rng.random_range(1..HISTORY_DAYS) * DAY_MS - rng.random_range(0..DAY_MS);
    (start, rng.random_range(-0.7f32..1.3).exp())
}

/// The hardness scale that gives about `per_card` reviews per card, found by bisection on a
/// sample of cards.
fn calibrate(s: &Scheduler, card: &Card, end: i64, per_card: f64) -> f32 {
    let mean = |scale: f32| {
        let mut rng = StdRng::seed_from_u64(7);
        let n = 2_000;
        let total: usize = (0..n)
            .map(|_| {
                let (start, h) = card_life(&mut rng, end);
                simulate(s, "d", card, (start, end), h * scale, &mut rng).len()
            })
            .sum();
        total as f64 / n as f64
    };
    let (mut lo, mut hi) = (0.05f32, 12.0f32);
    for _ in 0..14 {
        let mid = (lo * hi).sqrt();
        if mean(mid) < per_card {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    (lo * hi).sqrt()
}

/// What [`generate`] wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    pub decks: usize,
    pub cards: usize,
    pub reviews: usize,
    /// Cards in review, and of them those due today.
    pub in_review: usize,
    pub due_today: usize,
}

/// Writes a collection of `cards` cards in 20 decks and about `reviews` reviews into `dir`.
pub fn generate(cards: usize, reviews: usize, dir: &std::path::Path, seed: u64) -> Written {
    let mut rng = StdRng::seed_from_u64(seed);
    let decks_dir = dir.join("decks");
    std::fs::create_dir_all(&decks_dir).expect("create the decks folder");
    let per_deck = cards.div_ceil(DECKS);
    let mut decks = Vec::new();
    for d in 0..DECKS {
        let n = per_deck.min(cards.saturating_sub(d * per_deck));
        let deck = deck(d, n, &mut rng);
        std::fs::write(decks_dir.join(format!("{}.ron", deck.id)), to_ron(&deck))
            .expect("write a deck");
        decks.push(deck);
    }
    let mut store = Store::open(dir).expect("open the progress store");
    let s = Scheduler::new(&[], 0.9).expect("a scheduler");
    let now = chrono::Utc::now().timestamp_millis();
    let today = study_day(now, 0);
    let end = factquiz::schedule::day::day_start_ms(today - AWAY_DAYS, 0);
    // A little over: the sample the scale is fitted on runs slightly short of the whole.
    let per_card = 1.015 * reviews as f64 / cards.max(1) as f64;
    let scale = match decks.first().and_then(|d| d.cards.first()) {
        Some(c) => calibrate(&s, c, end, per_card),
        None => 1.0,
    };
    let mut batch = Vec::new();
    let (mut in_review, mut due_today) = (0, 0);
    for d in &decks {
        for c in &d.cards {
            let (start, hardness) = card_life(&mut rng, end);
            let log = simulate(&s, &d.id, c, (start, end), hardness * scale, &mut rng);
            if let Some(last) = log.last() {
                if last.after.queue == factquiz::schedule::Queue::Review {
                    in_review += 1;
                }
                if last.after.due_day <= today {
                    due_today += 1;
                }
            }
            batch.extend(log);
        }
    }
    let written = batch.len();
    // The log as the app writes it: in the order the answers were given.
    batch.sort_by_key(|r| r.time_ms);
    for chunk in batch.chunks(50_000) {
        store.record_many(chunk).expect("write reviews");
    }
    Written {
        decks: decks.len(),
        cards: decks.iter().map(|d| d.cards.len()).sum(),
        reviews: written,
        in_review,
        due_today,
    }
}

fn main() {
    let a = match args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("synth_collection: {e}");
            std::process::exit(2);
        }
    };
    let w = generate(a.cards, a.reviews, &a.dir, a.seed);
    eprintln!(
        "synth_collection: {} decks, {} cards, {} reviews in {}; {} cards in review, {} due today ({:.1}%)",
        w.decks,
        w.cards,
        w.reviews,
        a.dir.display(),
        w.in_review,
        w.due_today,
        100.0 * w.due_today as f64 / w.cards.max(1) as f64
    );
}
