//! Writes a data folder that a learner has studied for some weeks, for screenshots and for
//! trying the statistics: `cargo run --example studied_collection -- DIR [DAYS] [SEED]`.
//!
//! Every answer goes through the library as the app gives it (the day's queue, the question in
//! its mode, `Collection::check_answer` with a confidence and a time, `record_answer` with the
//! suggested grade), on a clock fixed to each moment of the past `DAYS` (42 by default) up to
//! now. The learner answers from choices (the mode the app uses for cards not yet known, and
//! the one whose right answer the simulation can give for every kind) and is right as often
//! as FSRS predicts they recall the card, to a power that makes some cards harder than others
//! (disputed figures hardest: the sources' values get mixed up); they say how sure they are,
//! mostly in line with being right, but are often "sure" of disputed figures they get wrong:
//! the habit the calibration chart and the overconfident topics are there to show.

use std::path::PathBuf;

use factquiz::deck::{Answer, CardKind, ClaimStatus};
use factquiz::quiz::{AnswerMode, AskConfidence, Confidence, Mode, Question, Response};
use factquiz::schedule::Clock;
use factquiz::schedule::day::local_offset_secs;
use factquiz::schedule::queue::Slot;
use factquiz::settings::Settings;
use factquiz::study::Collection;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

const DAY: i64 = 86_400_000;

/// The response to a question, right or (where it can be) wrong.
fn respond(q: &Question, answer: &Answer, right: bool, rng: &mut StdRng) -> Response {
    match q.mode {
        Mode::Choice | Mode::Verdict => {
            let c = q.correct_choice.unwrap_or(0);
            let n = q.choices.len().max(1);
            let pick = if right || n == 1 {
                c
            } else {
                (c + rng.random_range(1..n)) % n
            };
            if q.mode == Mode::Verdict {
                Response::Verdict(factquiz::deck::Verdict::ALL[pick.min(3)])
            } else {
                Response::Choice(pick)
            }
        }
        Mode::Order => {
            let n = q.events.len();
            let mut order: Vec<usize> = (0..n).collect();
            if !right {
                order.swap(0, n - 1);
            }
            Response::Order(order)
        }
        Mode::SourceSaid => {
            let ids: Vec<String> = match answer {
                Answer::SourceSaid(pairs) => pairs.iter().map(|p| p.source.to_string()).collect(),
                _ => Vec::new(),
            };
            if right || ids.len() < 2 {
                Response::Sources(ids)
            } else {
                Response::Sources(vec![ids[1].clone(); ids.len()])
            }
        }
        Mode::Typed => Response::Text(String::new()),
        // Recalled or not is the grade the learner gives (the built-in cards never insist on
        // this mode, and the settings here ask choices).
        Mode::ShowAnswer => Response::Revealed,
    }
}

/// How sure the learner says they are, knowing whether they will be right: mostly in line,
/// but often sure of a disputed figure they have wrong.
fn confidence(right: bool, disputed_figure: bool, rng: &mut StdRng) -> Confidence {
    let x: f32 = rng.random();
    let (sure, think) = match (right, disputed_figure) {
        (true, _) => (0.62, 0.28),
        (false, true) => (0.55, 0.30),
        (false, false) => (0.12, 0.35),
    };
    if x < sure {
        Confidence::Sure
    } else if x < sure + think {
        Confidence::Think
    } else {
        Confidence::Guess
    }
}

/// How hard a card is for this learner: recall is raised to this power (1: as FSRS predicts).
fn hardness(slot: Slot, disputed_figure: bool, seed: u64) -> f32 {
    let mut rng = StdRng::seed_from_u64(seed ^ ((slot.deck as u64) << 32 | slot.card as u64));
    let h = rng.random_range(0.7..2.0);
    if disputed_figure { h * 1.8 } else { h }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: studied_collection DIR [DAYS] [SEED]");
        std::process::exit(2);
    };
    let days: i64 = args.next().and_then(|d| d.parse().ok()).unwrap_or(42);
    let seed: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(7);
    let mut rng = StdRng::seed_from_u64(seed);
    let mut coll = Collection::open(&dir, &[]).expect("open the data folder");
    let end = chrono::Utc::now().timestamp_millis() - 2 * 3_600_000;
    let offset = local_offset_secs(end);
    let studying = Settings {
        answer_mode: AnswerMode::Choices,
        ask_confidence: AskConfidence::Always,
        new_per_day: 6,
        ..Settings::default()
    };
    coll.save_settings(studying).expect("save the settings");
    let decks: Vec<usize> = (0..coll.library().decks.len()).collect();
    let mut answers = 0;
    for d in (0..days).rev() {
        // Some days off, as people have them.
        if d > 0 && rng.random_range(0..7) == 0 {
            continue;
        }
        let mut t = end - d * DAY - rng.random_range(0..5) * 3_600_000;
        coll.set_clock(Some(Clock {
            now_ms: t,
            offset_secs: offset,
        }));
        let mut queue: Vec<Slot> = coll.queue(&decks, rng.random()).expect("the queue");
        let mut again: Vec<Slot> = Vec::new();
        while let Some(slot) = (!queue.is_empty()).then(|| queue.remove(0)) {
            coll.set_clock(Some(Clock {
                now_ms: t,
                offset_secs: offset,
            }));
            let card = coll.card(slot).expect("a card");
            let deck = &coll.deck(slot).expect("its deck").deck;
            let disputed_figure = card.kind == CardKind::Figure
                && card
                    .claim
                    .as_deref()
                    .and_then(|c| deck.claims.position(c))
                    .and_then(|i| deck.claims.head(i))
                    .is_some_and(|c| c.status == ClaimStatus::Disputed);
            let mode = coll.mode_for(slot).expect("a mode");
            let q = coll.question(slot, mode, rng.random()).expect("a question");
            let recall = coll
                .state(slot)
                .and_then(|s| coll.scheduler().retrievability(s, &coll.clock()))
                .unwrap_or(0.6);
            let right = rng.random::<f32>() < recall.powf(hardness(slot, disputed_figure, seed));
            let conf = confidence(right, disputed_figure, &mut rng);
            let taken = rng.random_range(3_000..22_000);
            let response = respond(&q, &card.answer, right, &mut rng);
            let a = coll
                .check_answer(slot, q, response, Some(conf), taken)
                .expect("checked");
            coll.record_answer(&a, a.grade).expect("recorded");
            answers += 1;
            t += taken + rng.random_range(2_000..8_000);
            if !a.outcome.correct && !again.contains(&slot) {
                again.push(slot);
                queue.push(slot);
            }
            if t > end - d * DAY + 3 * 3_600_000 {
                break;
            }
        }
    }
    // Back to the settings a new user has.
    coll.set_clock(None);
    coll.save_settings(Settings::default())
        .expect("save the settings");
    println!(
        "{answers} answers over {days} days written into {}",
        dir.display()
    );
}
