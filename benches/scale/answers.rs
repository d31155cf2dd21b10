//! One answer: the study session driven as a user would, timed one by one for percentiles.

use std::path::Path;
use std::time::{Duration, Instant};

use criterion::Criterion;
use factquiz::deck::Answer;
use factquiz::quiz::{Grade, Mode, Response};
use factquiz::study::{Collection, StudySession};

use super::{all_decks, benching, copy_dir, ms, open, percentile, record, shared_copy, target_dir};

/// A response to the question on screen: right, or wrong in the way a user is wrong.
pub(super) fn respond(coll: &Collection, s: &StudySession, right: bool) -> Response {
    let cur = s.current.as_ref().expect("a question");
    let card = coll.card(cur.slot).expect("the card");
    let deck = &coll.deck(cur.slot).expect("the deck").deck;
    let q = &cur.question;
    match q.mode {
        Mode::Choice | Mode::Verdict => {
            let right_i = q.correct_choice.unwrap_or(0);
            let i = if right {
                right_i
            } else {
                (right_i + 1) % q.choices.len().max(1)
            };
            if q.mode == Mode::Verdict {
                Response::Verdict(factquiz::deck::Verdict::ALL[i.min(3)])
            } else {
                Response::Choice(i)
            }
        }
        Mode::Typed => {
            let text = match &card.answer {
                Answer::Name(v) | Answer::Phrase(v) => {
                    v.first().map(|s| s.to_string()).unwrap_or_default()
                }
                Answer::Number(n) => format!("{}", n.value.value),
                Answer::Date(d) => d.to_string_long(),
                a => a.display(deck),
            };
            // A wrong typed answer: a typo too many, so that every check runs.
            Response::Text(if right { text } else { format!("{text}xq") })
        }
        Mode::ShowAnswer => Response::Revealed,
        Mode::Order => {
            let n = q.events.len();
            let mut order: Vec<usize> = (0..n).collect();
            if !right && n > 1 {
                order.swap(0, 1);
            }
            Response::Order(order)
        }
        Mode::SourceSaid => match &card.answer {
            Answer::SourceSaid(pairs) => Response::Sources(
                pairs
                    .iter()
                    .map(|p| {
                        if right {
                            p.source.to_string()
                        } else {
                            "s3".into()
                        }
                    })
                    .collect(),
            ),
            _ => Response::Sources(Vec::new()),
        },
    }
}

/// One answer: checked, scheduled, written in one transaction, the next question made.
/// Every fifth answer is wrong (so that the search for what a wrong answer is runs).
fn one_answer(coll: &mut Collection, s: &mut StudySession, n: u64) {
    if s.current.is_none() {
        *s = StudySession::start(coll, all_decks(coll), n).unwrap();
    }
    if s.current.is_none() {
        // Today's reviews are all done (the daily limits): go on with any cards, as a
        // weak-topic session does.
        let decks = all_decks(coll);
        let per_deck = coll
            .library()
            .decks
            .iter()
            .map(|d| d.deck.cards.len())
            .max();
        let queue = (0..500u64)
            .filter_map(|i| {
                let k = (n.wrapping_mul(500) + i) as usize;
                let deck = k % decks.len();
                let card = (k / decks.len()) % per_deck.unwrap_or(1);
                (card < coll.library().decks[deck].deck.cards.len())
                    .then_some(factquiz::schedule::queue::Slot { deck, card })
            })
            .collect();
        *s = StudySession::with_queue(coll, decks, queue, n);
    }
    let right = !n.is_multiple_of(5);
    let r = respond(coll, s, right);
    s.answer(coll, r);
    s.grade(coll, if right { Grade::Good } else { Grade::Again })
        .expect("the answer is saved");
}

/// Times `n` answers one by one; returns the sorted times in ms.
fn time_answers(coll: &mut Collection, s: &mut StudySession, n: u64, from: u64) -> Vec<f64> {
    let mut times: Vec<f64> = (from..from + n)
        .map(|i| {
            let t = Instant::now();
            one_answer(coll, s, i);
            ms(t.elapsed())
        })
        .collect();
    if std::env::var_os("FACTQUIZ_BENCH_DEBUG").is_some() {
        let mut slow: Vec<(usize, f64)> = times.iter().copied().enumerate().collect();
        slow.sort_by(|a, b| b.1.total_cmp(&a.1));
        eprintln!(
            "slowest answers (index, ms): {:?}",
            &slow[..8.min(slow.len())]
        );
    }
    times.sort_by(f64::total_cmp);
    times
}

/// A bare disk sync of a small write beside the progress file: what "plus one disk sync" is.
fn time_syncs(dir: &Path, n: usize) -> Vec<f64> {
    use std::io::Write;
    let path = dir.join("sync-probe");
    let mut f = std::fs::File::create(&path).expect("a probe file");
    let mut times: Vec<f64> = (0..n)
        .map(|_| {
            let t = Instant::now();
            f.write_all(&[0u8; 4096]).expect("write");
            f.sync_data().expect("sync");
            ms(t.elapsed())
        })
        .collect();
    let _ = std::fs::remove_file(&path);
    times.sort_by(f64::total_cmp);
    times
}

/// A copy of the large collection for a benchmark that writes, opened. (Fields drop in
/// order: the collection closes before its folder is removed.)
struct Writable {
    coll: Collection,
    session: StudySession,
    _tmp: tempfile::TempDir,
}

impl Writable {
    fn new() -> Writable {
        let tmp = tempfile::Builder::new()
            .prefix("factquiz-bench-answer-")
            .tempdir_in(target_dir())
            .expect("a temporary folder");
        copy_dir(&shared_copy(), tmp.path());
        let coll = open(tmp.path());
        let session = StudySession::start(&coll, all_decks(&coll), 1).unwrap();
        Writable {
            coll,
            session,
            _tmp: tmp,
        }
    }
}

pub(super) fn answer(c: &mut Criterion) {
    let mut w: Option<Writable> = None;
    let mut g = c.benchmark_group("answer");
    g.sample_size(10);
    g.warm_up_time(Duration::from_secs(1));
    g.measurement_time(Duration::from_secs(4));
    let mut n = 0;
    g.bench_function("answer_and_grade", |b| {
        let w = w.get_or_insert_with(Writable::new);
        b.iter(|| {
            n += 1;
            one_answer(&mut w.coll, &mut w.session, n);
        })
    });
    g.finish();
    // Only when the benchmark above ran (not filtered out), and not under `cargo test`.
    let Some(w) = w.as_mut().filter(|_| benching()) else {
        return;
    };
    let (coll, s) = (&mut w.coll, &mut w.session);

    // Percentiles: with the durable write (synchronous FULL, as the app runs), and the same
    // work without waiting for the disk (what the CPU spends).
    let durable = time_answers(coll, s, 400, 1_000_000);
    coll.store()
        .raw_connection_for_tests()
        .pragma_update(None, "synchronous", "OFF")
        .expect("pragma");
    let cpu = time_answers(coll, s, 400, 2_000_000);
    coll.store()
        .raw_connection_for_tests()
        .pragma_update(None, "synchronous", "FULL")
        .expect("pragma");
    let syncs = time_syncs(w._tmp.path(), 100);
    record(
        "answer",
        &[
            ("p50_ms", percentile(&durable, 0.5)),
            ("p99_ms", percentile(&durable, 0.99)),
            ("cpu_p50_ms", percentile(&cpu, 0.5)),
            ("cpu_p99_ms", percentile(&cpu, 0.99)),
            ("sync_p50_ms", percentile(&syncs, 0.5)),
            ("sync_p99_ms", percentile(&syncs, 0.99)),
        ],
    );
}
