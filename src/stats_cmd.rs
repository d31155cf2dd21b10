//! `factquiz stats [--deck ID] [--json]`: the figures the statistics screen shows, computed by
//! the same worker, for scripts and tests: reviews per day, the forecast, true retention per
//! month, cards by state, the topics with their predicted recall in a week, and calibration
//! (all cards, disputed figures, by kind and by claim status).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::{Value, json};

use crate::study_cmd::{deck_index, open};
use factquiz::quiz::Confidence;
use factquiz::stats::calibration::{Calibration, Group};
use factquiz::stats::charts::Charts;
use factquiz::stats::charts_job;
use factquiz::study::no_waker;

/// A study day as its date ("2022-01-10").
fn date(day: i64) -> String {
    chrono::DateTime::from_timestamp(day * 86_400, 0)
        .map(|t| t.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

fn calibration_json(c: &Calibration) -> Value {
    let mut out = serde_json::Map::new();
    for l in &c.levels {
        out.insert(
            l.confidence.name().into(),
            json!({
                "answers": l.answers,
                "right": l.right,
                "rate": l.rate(),
                "expected": l.confidence.expected(),
            }),
        );
    }
    Value::Object(out)
}

fn groups_json(groups: &[Group]) -> Value {
    Value::Object(
        groups
            .iter()
            .map(|g| (g.name.clone(), calibration_json(&g.calibration)))
            .collect(),
    )
}

/// The figures as one JSON object.
fn to_json(c: &Charts, deck: Option<&str>, desired_retention: f32) -> Value {
    let days: Vec<Value> = c
        .days
        .iter()
        .filter(|d| d.reviews > 0)
        .map(|d| {
            json!({
                "date": date(d.day),
                "reviews": d.reviews,
                "right": d.right,
                "minutes": (d.seconds / 60.0 * 10.0).round() / 10.0,
            })
        })
        .collect();
    let retention: Vec<Value> = c
        .retention
        .iter()
        .map(
            |m| json!({"month": m.month, "answers": m.answers, "right": m.right, "rate": m.rate()}),
        )
        .collect();
    let topics: Vec<Value> = c
        .topics
        .iter()
        .map(|t| {
            json!({
                "topic": t.topic,
                "recall_in_7_days": t.recall,
                "cards": t.cards,
                "studied": t.studied,
                "unseen": t.unseen,
                "accuracy_30_days": t.accuracy,
                "answers_30_days": t.recent_answers,
                "lapses": t.lapses,
                "leeches": t.leeches,
            })
        })
        .collect();
    let s = c.states;
    let cal = &c.calibration;
    json!({
        "deck": deck,
        "today": c.days.last().map(|d| date(d.day)),
        "reviews_last_year": c.days.iter().map(|d| u64::from(d.reviews)).sum::<u64>(),
        "days": days,
        "forecast": c.forecast,
        "retention": retention,
        "desired_retention": desired_retention,
        "states": {
            "new": s.new, "learning": s.learning, "review": s.review,
            "suspended": s.suspended, "leeches": s.leech,
        },
        "topics": topics,
        "calibration": {
            "all": calibration_json(&cal.all),
            "disputed_figures": calibration_json(&cal.disputed_figures),
            "by_kind": groups_json(&cal.by_kind),
            "by_claim_status": groups_json(&cal.by_status),
        },
    })
}

/// The figures in a few lines of text.
fn to_text(c: &Charts, title: &str) -> String {
    let total: u32 = c.days.iter().map(|d| d.reviews).sum();
    let s = c.states;
    let mut out = format!(
        "{title}: {total} reviews in the last year\ncards: new {} · learning {} · review {} · suspended {} · leeches {}\ndue in the next 7 days: {:?}\n",
        s.new,
        s.learning,
        s.review,
        s.suspended,
        s.leech,
        &c.forecast[..c.forecast.len().min(7)]
    );
    for m in &c.retention {
        out.push_str(&format!(
            "retention {}: {:.0}% of {}\n",
            m.month,
            m.rate() * 100.0,
            m.answers
        ));
    }
    let cal = &c.calibration;
    for (name, g) in [
        ("all cards", &cal.all),
        ("disputed figures", &cal.disputed_figures),
    ] {
        let levels: Vec<String> = Confidence::ALL
            .iter()
            .map(|&l| {
                let l = g.level(l);
                match l.rate() {
                    Some(r) => {
                        format!("{} {:.0}% of {}", l.confidence.name(), r * 100.0, l.answers)
                    }
                    None => format!("{} -", l.confidence.name()),
                }
            })
            .collect();
        out.push_str(&format!("calibration, {name}: {}\n", levels.join(", ")));
    }
    out.push_str("weakest topics (predicted recall in 7 days):\n");
    for t in c.topics.iter().filter(|t| t.recall.is_some()).take(10) {
        out.push_str(&format!(
            "  {:>4.0}%  {}\n",
            t.recall.unwrap_or(0.0) * 100.0,
            t.topic
        ));
    }
    out
}

/// `factquiz stats [--deck ID] [--json]`. Exit status: 0, 2 for an unknown deck, 3 when the
/// progress cannot be opened, 1 when the figures cannot be computed.
pub fn run(data_dir: &Path, extra: &[PathBuf], deck: Option<&str>, json: bool) -> ExitCode {
    let coll = match open(data_dir, extra) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let index = match deck.map(|id| deck_index(&coll, id)).transpose() {
        Ok(i) => i,
        Err(code) => return code,
    };
    let charts = match charts_job(&coll, index, no_waker()).wait() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("factquiz: the statistics could not be computed: {e}");
            return ExitCode::FAILURE;
        }
    };
    if json {
        let v = to_json(&charts, deck, coll.settings().desired_retention);
        crate::cli::emit(&format!("{v}\n"));
    } else {
        let title = index
            .and_then(|i| coll.library().decks.get(i))
            .map_or("All decks".to_string(), |d| d.deck.title.clone());
        crate::cli::emit(&to_text(&charts, &title));
    }
    ExitCode::SUCCESS
}
