//! Files in the shared folder that cannot be merged: a segment cut short, one damaged, one
//! from a newer factquiz, a sync tool's conflict copies (Syncthing, Dropbox, Nextcloud,
//! OneDrive), something that is no segment. Each is set aside: named in the merge's outcome and
//! the status, left where it is byte for byte, never fatal; the good segments beside them are
//! merged, and a cut segment that arrives whole later is merged then.

mod common;

use std::path::{Path, PathBuf};

use common::NOON;
use common::sync::Machine;
use factquiz::quiz::Grade;

/// A device's journal folder in `folder`, and its files, by name.
fn journal(folder: &Path, device: &str) -> (PathBuf, Vec<PathBuf>) {
    let dir = folder
        .join("factquiz")
        .join("devices")
        .join(device)
        .join("journal");
    let mut segs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    segs.sort();
    (dir, segs)
}

#[test]
fn bad_files_are_set_aside_named_and_kept() {
    let folder = tempfile::tempdir().unwrap();
    let (mut a, mut b) = (Machine::new(4), Machine::new(4));
    // A writes three segments; then the folder gets bad files beside them.
    a.answer(0, Grade::Good, NOON);
    a.sync(folder.path());
    a.answer(1, Grade::Good, NOON + 60_000);
    a.sync(folder.path());
    a.answer(2, Grade::Good, NOON + 120_000);
    a.sync(folder.path());
    let a_id = a.coll.sync_status().device.clone().unwrap().id;
    let (dir, segs) = journal(folder.path(), &a_id);
    assert_eq!(segs.len(), 3, "{segs:?}");
    let whole = std::fs::read(&segs[1]).unwrap();
    let stem = segs[1]
        .file_name()
        .unwrap()
        .to_string_lossy()
        .replace(".jsonl", "");
    // Cut short: the second segment is replaced by its first half, as a copy interrupted.
    std::fs::write(&segs[1], &whole[..whole.len() / 2]).unwrap();
    // Damaged: a byte changed in the third.
    let mut third = std::fs::read(&segs[2]).unwrap();
    let at = third.iter().rposition(|&c| c == b':').unwrap() - 20;
    third[at] ^= 0x01;
    std::fs::write(&segs[2], &third).unwrap();
    let extra = [
        (
            format!("{stem}.sync-conflict-20260101-101010-ABCDEFG.jsonl"),
            "Syncthing",
        ),
        (
            format!("{stem} (desktop's conflicted copy 2026-01-01).jsonl"),
            "Dropbox or Nextcloud",
        ),
        (format!("{stem}-DESKTOP-1A2B3C4.jsonl"), "renamed copy"),
        ("notes.txt".to_string(), "not a journal segment"),
    ];
    for (name, _) in &extra {
        std::fs::write(dir.join(name), &whole).unwrap();
    }
    // A segment from a newer factquiz.
    let newer_name = "seg-0000000000000090-0000000000000091.jsonl";
    let newer = String::from_utf8(whole.clone()).unwrap().replacen(
        "\"factquiz_journal\":1",
        "\"factquiz_journal\":7",
        1,
    );
    std::fs::write(dir.join(newer_name), &newer).unwrap();
    let before: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| (e.path(), std::fs::read(e.path()).unwrap()))
        .collect();

    let out = b.sync(folder.path());
    assert_eq!(out.reviews_added, 1, "the good first segment is merged");
    let why = |name: &str| -> String {
        out.set_aside
            .iter()
            .find(|s| s.path.file_name().unwrap().to_string_lossy() == name)
            .map(|s| s.why.clone())
            .unwrap_or_else(|| panic!("{name} is not named: {:?}", out.set_aside))
    };
    assert!(why(&segs[1].file_name().unwrap().to_string_lossy()).contains("cut short"));
    assert!(why(&segs[2].file_name().unwrap().to_string_lossy()).contains("damaged"));
    assert!(why(newer_name).contains("newer factquiz"));
    for (name, tool) in &extra {
        assert!(why(name).contains(tool), "{name}: {}", why(name));
    }
    assert_eq!(out.set_aside.len(), 3 + extra.len());
    for (path, bytes) in &before {
        assert_eq!(
            &std::fs::read(path).unwrap(),
            bytes,
            "{} was changed",
            path.display()
        );
    }
    assert_eq!(
        b.coll.sync_status().last.as_ref().unwrap().set_aside.len(),
        out.set_aside.len(),
        "the status names them"
    );
    // The cut segment arrives whole: it is merged at the next merge, once.
    std::fs::write(&segs[1], &whole).unwrap();
    let later = b.sync(folder.path());
    assert_eq!(later.reviews_added, 1);
    assert_eq!(b.sync(folder.path()).reviews_added, 0);
    assert_eq!(b.reviews().len(), 2);
}
