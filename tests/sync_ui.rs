//! Settings → Sync in the real app (headless, egui_kittest): the folder typed and "Turn sync
//! on" start a merge on its worker; the other machine's answer comes in, the collection's
//! progress version moves (the screens refresh through it), and the top bar names the last
//! merge and the other device.

mod common;

use egui_kittest::kittest::Queryable;
use factquiz::quiz::{Grade, Response};
use factquiz::schedule::queue::Slot;
use factquiz::study::Collection;
use factquiz::ui::{Command, Screen};

#[test]
fn the_sync_form_turns_sync_on_and_a_merge_refreshes_the_screens() {
    let (here, there, folder) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    let slot = Slot { deck: 0, card: 0 };
    {
        let mut other = Collection::open(there.path(), &[]).unwrap();
        other.set_sync(None, "desktop").unwrap();
        let mode = other.mode_for(slot).unwrap();
        let q = other.question(slot, mode, 1).unwrap();
        let a = other
            .check_answer(slot, q, Response::Text("no idea".into()), None, 0)
            .unwrap();
        other.record_answer(&a, Grade::Good).unwrap();
        other.sync_now(Some(folder.path().to_path_buf())).unwrap();
    }
    let mut h = common::harness(here.path(), [1100.0, 2400.0]);
    h.run_steps(2);
    assert!(h.state().collection().unwrap().state(slot).is_none());
    h.state_mut().run(Command::Open(Screen::Settings));
    h.run_steps(2);
    h.get_by_label("Shared folder").focus();
    h.get_by_label("Shared folder")
        .type_text(folder.path().to_str().unwrap());
    h.run_steps(1);
    let before = h.state().collection().unwrap().versions();
    h.get_by_label("Turn sync on").click();
    for _ in 0..500 {
        h.run_steps(1);
        let c = h.state().collection().unwrap();
        if c.sync_status().last_merge_ms.is_some() && !c.syncing() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    h.run_steps(2);
    let c = h.state().collection().unwrap();
    assert!(
        c.state(slot).is_some(),
        "the other machine's answer is here"
    );
    assert!(
        c.versions().progress > before.progress,
        "the screens refresh"
    );
    h.get_by_label_contains("1 other device");
    h.get_by_label_contains("Other machines: desktop.");
}
