//! Writes a realistic heavy user's collection, for benchmarks and for looking at the statistics:
//! 20 user decks with cards of every kind (sources, claims, evidence) in `DIR/decks/`, and a
//! progress store whose reviews follow FSRS's memory model over two years, ending now.
//!
//! `cargo run --release --example synth_collection -- --cards 100000 --reviews 1000000 --data-dir DIR`
//! (small: `--cards 1000 --reviews 10000`).

use std::path::PathBuf;

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
    let day = PartialDate::day(2022, 1, (i % 28) as u8 + 1).expect("a real date");
    let (prompt, answer, claim) = match kind {
        CardKind::Who => {
            let n = name(rng);
            let surname = n.split(' ').nth(1).unwrap_or_default().to_string();
            (
                format!("Who led operation {d}-{i}?"),
                Answer::Name(vec![n, surname]),
                None,
            )
        }
        CardKind::When => (
            format!("When did event {d}-{i} happen?"),
            Answer::Date(day),
            None,
        ),
        CardKind::Figure => (
            format!("How many were involved in event {d}-{i}?"),
            Answer::Number(NumberAnswer {
                value: Amount::new(f64::from(rng.random_range(10..50_000))),
                unit: UNITS[i % UNITS.len()].into(),
                min: None,
                max: None,
            }),
            Some("figure".to_string()),
        ),
        CardKind::Where => (
            format!("Where did event {d}-{i} happen?"),
            Answer::Phrase(vec![PLACES[i % PLACES.len()].into()]),
            None,
        ),
        CardKind::What => (
            format!("What was project {d}-{i} called?"),
            Answer::Phrase(vec![format!("Project {}", name(rng))]),
            None,
        ),
        CardKind::Verdict => (
            format!("Statement {d}-{i}: the figure was later revised."),
            Answer::Verdict(Verdict::ALL[i % 4]),
            Some("figure".to_string()),
        ),
        CardKind::Order => (
            format!("Put the steps of process {d}-{i} in order."),
            Answer::Order((1..=4).map(|k| format!("step {k} of {i}")).collect()),
            None,
        ),
        CardKind::SourceSaid => (
            format!("Which source gave each figure for event {d}-{i}?"),
            Answer::SourceSaid(vec![
                Attribution {
                    figure: format!("{} dead", 100 + i % 50),
                    source: "s1".into(),
                },
                Attribution {
                    figure: format!("{} dead", 200 + i % 50),
                    source: "s2".into(),
                },
            ]),
            Some("figure".to_string()),
        ),
    };
    Card {
        id: format!("c{i}"),
        kind,
        topics: vec![
            format!("person/P{}", i % 40),
            format!("event/E{}", i % 25),
            format!("figure/F{}", i % 10),
        ],
        prompt,
        answer,
        explanation: format!("Synthetic card {i} of deck {d}, for measuring speed at scale."),
        evidence: vec![Evidence {
            source: format!("s{}", i % 3 + 1),
            locator: format!("paragraph {}", i % 30 + 1),
            says: "A generated passage that supports the answer.".into(),
        }],
        claim,
    }
}

fn deck(d: usize, n: usize, rng: &mut StdRng) -> Deck {
    let sources = (1..=3)
        .map(|k| Source {
            id: format!("s{k}"),
            title: format!("Synthetic source {k} of deck {d}"),
            outlet: "Generated".into(),
            author: "synth_collection".into(),
            published: PartialDate::new(2022, Some(1), Some(10 + k as u8)).expect("a real date"),
            date_known: DateKnown::Printed,
            url: None,
        })
        .collect();
    Deck {
        id: format!("synth-{d:02}"),
        title: format!("Synthetic deck {d}"),
        description: "Generated for benchmarks.".into(),
        sources,
        claims: vec![Claim {
            id: "figure".into(),
            statement: "A figure that sources gave differently.".into(),
            made_by: "officials".into(),
            made_on: None,
            status: ClaimStatus::Disputed,
            values: vec![
                SourceValue {
                    source: "s1".into(),
                    value: "120".into(),
                    locator: "top".into(),
                    says: "One figure.".into(),
                },
                SourceValue {
                    source: "s2".into(),
                    value: "240".into(),
                    locator: "top".into(),
                    says: "Another.".into(),
                },
            ],
            contested_by: Some("the other source".into()),
        }],
        cards: (0..n).map(|i| card(d, i, rng)).collect(),
    }
}

/// Simulates one card's reviews from a start time until now with FSRS's model.
fn simulate(
    s: &Scheduler,
    deck: &str,
    card: &str,
    start: i64,
    now: i64,
    budget: usize,
    rng: &mut StdRng,
) -> Vec<ReviewRecord> {
    let mut out = Vec::new();
    let mut state: Option<CardState> = None;
    let mut t = start;
    while t < now && out.len() < budget {
        let clock = Clock {
            now_ms: t,
            offset_secs: 0,
        };
        let from = state.unwrap_or_else(CardState::new_card);
        let recall = s.retrievability(&from, &clock).unwrap_or(0.3);
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
        out.push(ReviewRecord {
            deck_id: deck.to_string(),
            card_id: card.to_string(),
            time_ms: t,
            grade: grade as u8,
            correct: grade != Grade::Again,
            mode: "typed".into(),
            answer: None,
            taken_ms: rng.random_range(2_000..20_000),
            elapsed_days: factquiz::schedule::scheduler::elapsed_days(&from, &clock),
            day: study_day(t, 0),
            before: state,
            after,
        });
        state = Some(after);
        t = after.due_ms.max(t + 60_000) + rng.random_range(0..4 * 3_600_000);
    }
    out
}

/// Moves a card's history (by whole days) so that it ends before now and the card is due at a
/// random point of its last interval: about 5% of cards are due today, as for a steady user.
fn place_before_now(reviews: &mut [ReviewRecord], now: i64, rng: &mut StdRng) {
    let Some(last) = reviews.last() else { return };
    let interval = (last.after.due_ms - last.time_ms).max(DAY_MS);
    let through = if rng.random::<f32>() < 0.05 {
        rng.random_range(1.0..1.5)
    } else {
        rng.random_range(0.0..0.97)
    };
    let target_last = now - (interval as f64 * through) as i64;
    let days = (target_last - last.time_ms).div_euclid(DAY_MS);
    let ms = days * DAY_MS;
    let shift = |s: &mut CardState| {
        s.due_ms += ms;
        s.due_day += days;
        if s.last_review_ms != 0 {
            s.last_review_ms += ms;
        }
    };
    for r in reviews.iter_mut() {
        r.time_ms += ms;
        r.day += days;
        if let Some(b) = r.before.as_mut() {
            shift(b);
        }
        shift(&mut r.after);
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
    let mut rng = StdRng::seed_from_u64(a.seed);
    let decks_dir = a.dir.join("decks");
    std::fs::create_dir_all(&decks_dir).expect("create the decks folder");
    let per_deck = a.cards.div_ceil(DECKS);
    let mut decks = Vec::new();
    for d in 0..DECKS {
        let n = per_deck.min(a.cards.saturating_sub(d * per_deck));
        let deck = deck(d, n, &mut rng);
        std::fs::write(decks_dir.join(format!("{}.ron", deck.id)), to_ron(&deck))
            .expect("write a deck");
        decks.push(deck);
    }
    let mut store = Store::open(&a.dir).expect("open the progress store");
    let s = Scheduler::new(&[], 0.9).expect("a scheduler");
    let now = chrono::Utc::now().timestamp_millis();
    let per_card = (a.reviews / a.cards.max(1)).max(1);
    let mut batch = Vec::new();
    let mut written = 0;
    'decks: for d in &decks {
        for c in &d.cards {
            let left = a.reviews - written;
            if left == 0 {
                break 'decks;
            }
            // Cards were started at different times over two years; later cards have fewer reviews.
            let start = now - rng.random_range(30..730) * DAY_MS;
            let budget = rng
                .random_range(per_card / 2 + 1..=per_card * 3 / 2 + 1)
                .min(left);
            let mut reviews = simulate(&s, &d.id, &c.id, start, now, budget, &mut rng);
            place_before_now(&mut reviews, now, &mut rng);
            written += reviews.len();
            batch.extend(reviews);
            if batch.len() >= 50_000 {
                store.record_many(&batch).expect("write reviews");
                batch.clear();
            }
        }
    }
    store.record_many(&batch).expect("write reviews");
    eprintln!(
        "synth_collection: {} decks, {} cards, {written} reviews in {}",
        decks.len(),
        decks.iter().map(|d| d.cards.len()).sum::<usize>(),
        a.dir.display()
    );
}
