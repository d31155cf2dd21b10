//! `factquiz sync`: merges this machine's progress with the other machines' through the shared
//! folder, through the same collection as the window, and prints what was merged. Exit status:
//! 0 merged (or sync turned off), 2 sync is off or its folder is not there, 3 the progress
//! could not be written.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::json;

use factquiz::study::StudyError;
use factquiz::sync::{MergeOutcome, SyncError};

/// What `factquiz sync` was given.
pub struct SyncArgs {
    pub folder: Option<PathBuf>,
    pub name: Option<String>,
    pub off: bool,
    pub json: bool,
}

pub fn run(data_dir: &Path, extra: &[PathBuf], a: &SyncArgs) -> ExitCode {
    let mut coll = match crate::study_cmd::open(data_dir, extra) {
        Ok(c) => c,
        Err(code) => return code,
    };
    if let Some(why) = coll.read_only() {
        eprintln!("factquiz: the progress could not be written: {why}");
        return ExitCode::from(3);
    }
    let status = coll.sync_status().clone();
    let name = a
        .name
        .clone()
        .or_else(|| status.device.as_ref().map(|d| d.name.clone()))
        .unwrap_or_default();
    if a.off || a.folder.is_some() || a.name.is_some() {
        let folder = if a.off {
            None
        } else {
            a.folder
                .clone()
                .map(|f| std::path::absolute(&f).unwrap_or(f))
                .or(status.folder)
        };
        if let Err(e) = coll.set_sync(folder, &name) {
            eprintln!("factquiz: the sync settings could not be saved: {e}");
            return ExitCode::from(3);
        }
        if a.off {
            outln!("sync is off: your progress stays on this machine");
            return ExitCode::SUCCESS;
        }
    }
    match coll.sync_now(None) {
        Ok((outcome, _)) => {
            let device = coll.sync_status().device.clone();
            print(&outcome, device.as_ref().map(|d| d.name.as_str()), a.json);
            ExitCode::SUCCESS
        }
        Err(StudyError::Sync(e @ (SyncError::NotConfigured | SyncError::FolderMissing(_)))) => {
            eprintln!("factquiz: {e}");
            ExitCode::from(2)
        }
        Err(e) => {
            eprintln!("factquiz: the merge did not finish: {e}; what was merged before stays");
            ExitCode::from(3)
        }
    }
}

fn print(o: &MergeOutcome, me: Option<&str>, as_json: bool) {
    if as_json {
        let v = json!({
            "device": me,
            "written": o.written,
            "reviews_added": o.reviews_added,
            "reviews_undone": o.reviews_undone,
            "cards_changed": o.cards.len(),
            "settings_changed": o.settings_changed,
            "parameters_changed": o.parameters_changed,
            "devices": o.devices.iter().map(|(id, name)| json!({"id": id, "name": name})).collect::<Vec<_>>(),
            "decks_taken": o.decks.taken.iter().map(|(d, from)| json!({"deck": d, "from": from})).collect::<Vec<_>>(),
            "decks_sent": o.decks.sent,
            "conflict_copies": o.decks.conflicts.iter().map(|(d, p)| json!({"deck": d, "copy": p})).collect::<Vec<_>>(),
            "set_aside": o.set_aside.iter().map(|s| json!({"file": s.path, "why": s.why})).collect::<Vec<_>>(),
        });
        outln!("{v}");
        return;
    }
    let mut out = format!(
        "{}: wrote {} event(s) to the journal; merged {} review(s) and {} undo(s) from other devices ({} card(s) changed)\n",
        me.unwrap_or("this machine"),
        o.written,
        o.reviews_added,
        o.reviews_undone,
        o.cards.len()
    );
    if o.settings_changed || o.parameters_changed {
        out.push_str("took newer settings from another device\n");
    }
    let names: Vec<&str> = o.devices.iter().map(|(_, n)| n.as_str()).collect();
    out.push_str(&format!(
        "other devices: {}\n",
        if names.is_empty() {
            "none yet".to_string()
        } else {
            names.join(", ")
        }
    ));
    for (deck, from) in &o.decks.taken {
        out.push_str(&format!("deck {deck}: taken from {from}\n"));
    }
    for (deck, copy) in &o.decks.conflicts {
        out.push_str(&format!(
            "deck {deck}: edited on two machines; the other version is kept as {}\n",
            copy.display()
        ));
    }
    for s in &o.set_aside {
        out.push_str(&format!("set aside: {} ({})\n", s.path.display(), s.why));
    }
    crate::cli::emit(&out);
}
