//! A clock that jumps backwards and forwards between answers (a wrong system time put right,
//! a laptop that slept for a month, travel across time zones): never a negative interval,
//! never a lost review, never a panic.

use factquiz::quiz::Grade;
use factquiz::schedule::{Clock, Queue};
use rand::{Rng, SeedableRng, rngs::StdRng};

use super::*;

const YEAR: i64 = 365 * DAY;

/// The next clock: a small step most of the time, a jump of up to ten years either way now
/// and then, sometimes a new time zone.
fn jump(rng: &mut StdRng, c: Clock) -> Clock {
    let step = match rng.random_range(0..10) {
        0..=3 => rng.random_range(1_000..20 * 60_000),
        4 => -rng.random_range(1..=10 * YEAR),
        5 => rng.random_range(1..=10 * YEAR),
        6 => -rng.random_range(60_000..3 * DAY),
        7 => rng.random_range(DAY..60 * DAY),
        _ => rng.random_range(-3_600_000..3_600_000),
    };
    let offset_secs = if rng.random_bool(0.1) {
        rng.random_range(-12..=14) * 3600
    } else {
        c.offset_secs
    };
    Clock {
        // From 1971 to about 2090: far enough either way, inside what a clock can say.
        now_ms: (c.now_ms + step).clamp(YEAR, 120 * YEAR),
        offset_secs,
    }
}

#[test]
fn a_jumping_clock_never_gives_a_negative_interval_or_loses_a_review() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = collection_in(dir.path(), 12);
    let mut rng = StdRng::seed_from_u64(2022);
    let mut now = clock(NOON);
    let mut s = session(&c);
    let mut ids = Vec::new();
    for i in 0..400 {
        if s.is_finished() {
            s = session(&c);
        }
        now = jump(&mut rng, now);
        c.set_clock(Some(now));
        answer(&mut s, &c, rng.random_bool(0.7));
        // The clock may move again between the answer and its grade.
        if rng.random_bool(0.3) {
            now = jump(&mut rng, now);
            c.set_clock(Some(now));
        }
        let slot = s.answered.as_ref().unwrap().slot;
        for (g, interval) in Grade::ALL
            .iter()
            .zip(s.answered.as_ref().unwrap().intervals)
        {
            assert!(!interval.to_string().starts_with('-'), "{g:?}: {interval}");
        }
        let grade = Grade::ALL[rng.random_range(0..4)];
        s.grade(&mut c, grade).unwrap();
        let st = *c.state(slot).unwrap();
        let at = format!("answer {i} at {now:?}, {grade:?}: {st:?}");
        assert!(st.due_ms > now.now_ms, "due before now: {at}");
        assert!(st.due_day >= now.today(), "due on a past day: {at}");
        assert_eq!(st.last_review_ms, now.now_ms, "{at}");
        assert!(st.stability.is_finite() && st.stability > 0.0, "{at}");
        assert!((1.0..=10.0).contains(&st.difficulty), "{at}");
        assert_ne!(st.queue, Queue::New, "{at}");
        let log = c
            .store()
            .card_reviews("d", &c.card(slot).unwrap().id)
            .unwrap();
        // The log is in time order; the review just given is the newest by id.
        let last = log.iter().max_by_key(|r| r.id).unwrap();
        assert_eq!(
            (last.time_ms, last.day, last.grade),
            (st.last_review_ms, now.today(), grade as u8),
            "{at}"
        );
        assert!(last.taken_ms >= 0, "{at}");
        ids.push(last.id);
    }
    let count = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), count, "every answer has its own review");
    drop(s);
    drop(c);
    // Reopened: every review is there, and each card's state is its last review's.
    let store = Store::open(dir.path()).unwrap();
    // The log reads in time order; the clock jumped, so the reviews are put in the order
    // they were given (by id) to compare.
    let mut all = store.all_reviews().unwrap();
    all.sort_by_key(|r| r.id);
    assert_eq!(all.iter().map(|r| r.id).collect::<Vec<_>>(), ids);
    for (key, state) in store.all_states().unwrap() {
        let last = all
            .iter()
            .rfind(|r| (&r.deck_id, &r.card_id) == (&key.0, &key.1));
        assert_eq!(last.unwrap().time_ms, state.last_review_ms, "{key:?}");
    }
}

#[test]
fn a_session_started_before_a_jump_back_still_counts_no_negative_time() {
    let mut c = Collection::from_parts(library(3), Store::in_memory().unwrap()).unwrap();
    c.set_clock(Some(clock(NOON)));
    let mut s = session(&c);
    c.set_clock(Some(clock(NOON - 40 * DAY)));
    answer(&mut s, &c, true);
    assert_eq!(s.answered.as_ref().unwrap().taken_ms, 0);
    s.grade(&mut c, Grade::Good).unwrap();
    let summary = s.summary(&c);
    assert_eq!((summary.answered, summary.seconds), (1, 0));
}
