//! Progress merged through a shared folder, through the library: two machines answering some
//! of the same cards hold exactly the union of the reviews and equal card states after merging
//! both ways; three machines in every merge order; an undo on one machine taken back on the
//! others; settings and suspends, the latest winning; clock differences of hours between
//! machines (and a clock that jumps back) never reorder one machine's own reviews; a folder
//! that is missing is an error that changes nothing; migration from every earlier schema keeps
//! the old reviews and journals them; a machine's sequence numbers are its review ids while
//! they can be, and stored apart once merged reviews take ids.

mod common;

use common::sync::{Machine, answer_current, assert_same};
use common::{DAY, NOON};
use factquiz::quiz::Grade;
use factquiz::schedule::queue::Slot;
use factquiz::store::{Store, schema};
use factquiz::study::{Collection, StudySession};
use factquiz::sync::SyncError;

const H: i64 = 3_600_000;

#[test]
fn two_machines_hold_the_union_and_equal_states() {
    let folder = tempfile::tempdir().unwrap();
    let (mut a, mut b) = (Machine::new(6), Machine::new(6));
    // Both answer card 1, the laptop later than the desktop; card 2 on both, days apart.
    a.answer(0, Grade::Good, NOON);
    a.answer(1, Grade::Again, NOON + H);
    a.answer(1, Grade::Good, NOON + 2 * H);
    a.answer(2, Grade::Hard, NOON + 3 * DAY);
    b.answer(1, Grade::Good, NOON + 30 * 60_000);
    b.answer(2, Grade::Easy, NOON);
    b.answer(3, Grade::Good, NOON + H);
    let (ra, rb) = (a.reviews(), b.reviews());
    let first = a.sync(folder.path());
    assert_eq!((first.reviews_added, first.written), (0, 4));
    let got = b.sync(folder.path());
    assert_eq!((got.reviews_added, got.written), (4, 3));
    assert_eq!(got.devices.len(), 1, "{:?}", got.devices);
    let back = a.sync(folder.path());
    assert_eq!(back.reviews_added, 3);
    let mut union = [ra, rb].concat();
    union.sort();
    assert_eq!(a.reviews(), union, "exactly the union, nothing twice");
    assert_same(&a, &b, "after merging both ways");
    // Merging again changes nothing.
    let again = b.sync(folder.path());
    assert_eq!((again.reviews_added, again.cards.len()), (0, 0));
    assert_same(&a, &b, "after merging again");
}

#[test]
fn a_session_merges_like_single_answers_and_the_versions_move() {
    let folder = tempfile::tempdir().unwrap();
    let (mut a, mut b) = (Machine::new(4), Machine::new(4));
    let mut s = StudySession::start(&a.coll, vec![0], 3).unwrap();
    while s.current.is_some() {
        answer_current(&mut s, &mut a.coll, Grade::Good);
    }
    a.sync(folder.path());
    let before = b.coll.versions();
    b.sync(folder.path());
    assert!(
        b.coll.versions().progress > before.progress,
        "the screens refresh"
    );
    assert_same(&a, &b, "after a session");
}

#[test]
fn three_machines_agree_whatever_order_they_merge_in() {
    let orders = [
        [0, 1, 2],
        [0, 2, 1],
        [1, 0, 2],
        [1, 2, 0],
        [2, 0, 1],
        [2, 1, 0],
    ];
    for order in orders {
        let folder = tempfile::tempdir().unwrap();
        let mut m: Vec<Machine> = (0..3).map(|_| Machine::new(5)).collect();
        for (i, machine) in m.iter_mut().enumerate() {
            let t = NOON + i as i64 * 20 * 60_000;
            machine.answer(0, Grade::ALL[i], t);
            machine.answer(i + 1, Grade::Good, t + H);
            machine.answer(4, Grade::Good, t + 2 * DAY);
        }
        // Each merges once in this order, then some study more, then two more rounds.
        for &i in &order {
            m[i].sync(folder.path());
        }
        m[order[2]].answer(0, Grade::Again, NOON + 5 * DAY);
        m[order[0]].answer(4, Grade::Hard, NOON + 6 * DAY);
        for _ in 0..2 {
            for &i in &order {
                m[i].sync(folder.path());
            }
        }
        assert_eq!(m[0].reviews().len(), 11, "{order:?}");
        assert_same(&m[0], &m[1], &format!("{order:?}, machines 0 and 1"));
        assert_same(&m[1], &m[2], &format!("{order:?}, machines 1 and 2"));
    }
}

#[test]
fn an_undo_on_one_machine_is_taken_back_on_the_others() {
    let folder = tempfile::tempdir().unwrap();
    let (mut a, mut b) = (Machine::new(3), Machine::new(3));
    let queue = vec![Slot { deck: 0, card: 0 }, Slot { deck: 0, card: 1 }].into();
    let mut s = StudySession::with_queue(&a.coll, vec![0], queue, 1);
    for _ in 0..2 {
        let card = s.current.as_ref().unwrap().slot.card;
        a.coll
            .set_clock(Some(common::clock(NOON + card as i64 * H)));
        answer_current(&mut s, &mut a.coll, Grade::Good);
    }
    a.sync(folder.path());
    b.answer(1, Grade::Hard, NOON + 30 * 60_000);
    b.sync(folder.path());
    assert_eq!(b.reviews().len(), 3);
    a.sync(folder.path());
    // The laptop takes its last answer back after the desktop's review of that card came in.
    assert!(s.undo(&mut a.coll).unwrap().any());
    assert_eq!(a.reviews().len(), 2);
    a.sync(folder.path());
    let got = b.sync(folder.path());
    assert_eq!(got.reviews_undone, 1);
    assert_same(&a, &b, "after the undo");
    assert_eq!(b.reviews().len(), 2);
}

#[test]
fn the_latest_suspend_and_settings_win_everywhere() {
    let folder = tempfile::tempdir().unwrap();
    let (mut a, mut b) = (Machine::new(3), Machine::new(3));
    let slot = Slot { deck: 0, card: 2 };
    a.coll.set_clock(Some(common::clock(NOON)));
    a.coll.set_suspended(slot, true).unwrap();
    b.coll.set_clock(Some(common::clock(NOON + H)));
    b.coll.set_suspended(slot, false).unwrap();
    b.coll.bury(Slot { deck: 0, card: 1 }).unwrap();
    let mut settings = a.coll.settings().clone();
    settings.new_per_day = 7;
    settings.text_scale = 1.75;
    a.coll.save_settings(settings).unwrap();
    a.sync(folder.path());
    b.sync(folder.path());
    a.sync(folder.path());
    assert_same(&a, &b, "suspends and buries");
    assert!(
        !a.coll.state(slot).unwrap().suspended,
        "the later unsuspend wins"
    );
    assert_eq!(
        a.coll
            .state(Slot { deck: 0, card: 1 })
            .unwrap()
            .buried_until_day,
        18_998
    );
    assert_eq!(b.coll.settings().new_per_day, 7, "settings come over");
    assert_eq!(
        b.coll.settings().text_scale,
        1.25,
        "the appearance stays each machine's"
    );
}

#[test]
fn clocks_hours_apart_never_reorder_a_machines_own_reviews() {
    let folder = tempfile::tempdir().unwrap();
    let (mut a, mut b) = (Machine::new(3), Machine::new(3));
    // The laptop's clock jumps back five hours between its answers of card 0, and it is in
    // another time zone; the desktop's clock runs three hours ahead.
    a.answer_at(0, Grade::Again, NOON, 5 * 3600);
    a.answer_at(0, Grade::Good, NOON - 5 * H, 5 * 3600);
    a.answer_at(0, Grade::Hard, NOON - 4 * H, 5 * 3600);
    let laptop = a.coll.state(Slot { deck: 0, card: 0 }).copied();
    b.answer(1, Grade::Good, NOON + 3 * H);
    b.answer(0, Grade::Good, NOON + 3 * H + 60_000);
    b.sync(folder.path());
    a.sync(folder.path());
    b.sync(folder.path());
    assert_same(&a, &b, "clocks apart");
    // The desktop's review came after the laptop's three, as given: the laptop's order kept.
    let mut replayed = Machine::new(3);
    replayed.answer_at(0, Grade::Again, NOON, 5 * 3600);
    replayed.answer_at(0, Grade::Good, NOON - 5 * H, 5 * 3600);
    replayed.answer_at(0, Grade::Hard, NOON - 4 * H, 5 * 3600);
    assert_eq!(
        replayed.coll.state(Slot { deck: 0, card: 0 }).copied(),
        laptop
    );
    let c0 = b.coll.state(Slot { deck: 0, card: 0 }).unwrap();
    assert_eq!((c0.reps, c0.last_review_ms), (4, NOON + 3 * H + 60_000));
}

#[test]
fn a_missing_folder_is_a_message_and_studying_goes_on() {
    let mut a = Machine::new(2);
    let gone = a.path().join("no-such-folder");
    let err = a.coll.sync_now(Some(gone.clone())).unwrap_err();
    assert!(
        matches!(err, factquiz::study::StudyError::Sync(SyncError::FolderMissing(ref p)) if *p == gone),
        "{err}"
    );
    assert!(err.to_string().contains("studying goes on"), "{err}");
    assert!(!gone.exists(), "nothing is made in its place");
    a.answer(0, Grade::Good, NOON);
    assert_eq!(a.reviews().len(), 1);
    assert!(a.coll.sync_status().error.is_some());
}

#[test]
fn turning_sync_off_keeps_everything_here() {
    let folder = tempfile::tempdir().unwrap();
    let mut a = Machine::new(2);
    a.coll
        .set_sync(Some(folder.path().to_path_buf()), "laptop")
        .unwrap();
    a.answer(0, Grade::Good, NOON);
    let out = a.coll.sync_now(None).unwrap().0;
    assert_eq!(out.written, 1);
    assert_eq!(a.coll.sync_status().device.as_ref().unwrap().name, "laptop");
    a.coll.set_sync(None, "laptop").unwrap();
    assert!(
        a.coll.sync_now(None).is_err(),
        "off: nothing to merge through"
    );
    a.answer(1, Grade::Good, NOON + H);
    assert_eq!(a.reviews().len(), 2);
    assert!(!a.coll.start_sync());
}

#[test]
fn every_earlier_schema_migrates_and_its_reviews_are_journaled() {
    for from in 1..schema::VERSION {
        let folder = tempfile::tempdir().unwrap();
        let old = tempfile::tempdir().unwrap();
        {
            let mut conn =
                rusqlite::Connection::open(old.path().join(factquiz::store::FILE_NAME)).unwrap();
            schema::create_at_version(&mut conn, from).unwrap();
            common::insert_old_review(&conn, from);
        }
        let store = Store::open(old.path()).unwrap();
        assert_eq!(store.schema_version().unwrap(), schema::VERSION);
        let mut a = Collection::from_parts(common::library(2), store).unwrap();
        a.set_clock(Some(common::clock(NOON)));
        let mut a = Machine { dir: old, coll: a };
        a.answer(0, Grade::Good, NOON);
        assert_eq!(a.sync(folder.path()).written, 2, "from version {from}");
        let mut b = Machine::new(2);
        assert_eq!(
            b.sync(folder.path()).reviews_added,
            2,
            "from version {from}"
        );
        assert_eq!(a.reviews(), b.reviews(), "from version {from}");
        assert_eq!(b.coll.store().integrity_check().unwrap(), "ok");
    }
}

#[test]
fn a_machines_numbers_are_its_review_ids_until_merged_reviews_take_ids() {
    let folder = tempfile::tempdir().unwrap();
    let (mut a, mut b) = (Machine::new(3), Machine::new(3));
    let rows = |m: &Machine| -> Vec<(i64, i64, Option<i64>)> {
        let conn = rusqlite::Connection::open(m.path().join(factquiz::store::FILE_NAME)).unwrap();
        let mut stmt = conn
            .prepare("SELECT id, origin, seq FROM review ORDER BY id")
            .unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    a.answer(0, Grade::Good, NOON);
    // A suspend takes number 2: the next answer's number, 3, is still above every id.
    a.coll
        .set_suspended(Slot { deck: 0, card: 2 }, true)
        .unwrap();
    a.answer(1, Grade::Good, NOON + H);
    assert_eq!(
        rows(&a),
        [(1, 0, None), (3, 0, None)],
        "numbers kept as ids"
    );
    b.answer(0, Grade::Hard, NOON + 2 * H);
    b.sync(folder.path());
    a.sync(folder.path());
    // B's review took id 4 here: A's next number, 4, cannot be its id any more.
    a.answer(1, Grade::Good, NOON + DAY);
    assert_eq!(
        rows(&a),
        [(1, 0, None), (3, 0, None), (4, 1, Some(1)), (5, 0, Some(4))]
    );
    a.sync(folder.path());
    let got = b.sync(folder.path());
    assert_eq!(got.reviews_added, 3);
    assert_same(&a, &b, "numbers as ids and numbers apart");
}
