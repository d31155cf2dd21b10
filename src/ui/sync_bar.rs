//! Sync in the window: when merges start (on start, when the window comes to the front, every
//! minute while it is open, after each session), taking a finished merge in (the screens
//! refresh through the collection's versions), and the status in the top bar: the last merge,
//! the devices seen, anything set aside.

use std::time::{Duration, Instant};

use egui::{RichText, Ui};

use super::theme;
use super::when::moment;
use crate::study::{Collection, StudyResult};

/// How often a merge starts while the window is open.
pub const EVERY: Duration = Duration::from_secs(60);

/// When the last merge started, and what the window was like then.
#[derive(Debug)]
pub struct SyncTimer {
    last_start: Option<Instant>,
    focused: bool,
    /// The session already merged after (its start, by its first card's serial and decks).
    merged_session: Option<usize>,
}

impl Default for SyncTimer {
    fn default() -> Self {
        SyncTimer {
            last_start: None,
            focused: true,
            merged_session: None,
        }
    }
}

impl SyncTimer {
    /// Starts a merge when one is due: a minute since the last, the window just focused, or a
    /// session just ended (`session_over`: an id of the finished session). Takes in a merge
    /// that is done; its result is returned when there is one.
    pub fn tick(
        &mut self,
        ctx: &egui::Context,
        coll: &mut Collection,
        session_over: Option<usize>,
    ) -> Option<StudyResult<crate::study::Changes>> {
        let taken = coll.take_sync();
        if coll.sync_status().folder.is_none() {
            return taken;
        }
        let focused = ctx.input(|i| i.viewport().focused).unwrap_or(true);
        let gained_focus = focused && !self.focused;
        self.focused = focused;
        let minute = self.last_start.is_none_or(|t| t.elapsed() >= EVERY);
        let after_session = session_over.is_some() && session_over != self.merged_session;
        if (minute || gained_focus || after_session) && !coll.syncing() && coll.start_sync() {
            self.last_start = Some(Instant::now());
            if after_session {
                self.merged_session = session_over;
            }
        }
        ctx.request_repaint_after(EVERY);
        taken
    }

    /// A merge was started some other way (Merge now, the first frame).
    pub fn started(&mut self) {
        self.last_start = Some(Instant::now());
    }
}

/// The sync status in the top bar (nothing when sync is off).
pub fn show(ui: &mut Ui, coll: &Collection) {
    let s = coll.sync_status();
    if s.folder.is_none() {
        return;
    }
    let set_aside = s.last.as_ref().map_or(0, |l| l.set_aside.len());
    let devices = s.last.as_ref().map_or(0, |l| l.devices.len());
    let text = if s.running {
        "Sync: merging…".to_string()
    } else if s.error.is_some() {
        "Sync: not merged".to_string()
    } else {
        match s.last_merge_ms {
            Some(at) => {
                let mut t = format!(
                    "Synced {} · {} other device{}",
                    moment(at, &coll.clock()),
                    devices,
                    if devices == 1 { "" } else { "s" }
                );
                if set_aside > 0 {
                    t.push_str(&format!(" · {set_aside} set aside"));
                }
                t
            }
            None => "Sync: not merged yet".to_string(),
        }
    };
    let color = if s.error.is_some() || set_aside > 0 {
        theme::warn(ui)
    } else {
        theme::muted(ui)
    };
    let mut hover = String::new();
    if let Some(e) = &s.error {
        hover.push_str(e);
        hover.push('\n');
    }
    if let Some(l) = &s.last {
        for (_, name) in &l.devices {
            hover.push_str(&format!("device: {name}\n"));
        }
        for a in &l.set_aside {
            hover.push_str(&format!("set aside: {} ({})\n", a.path.display(), a.why));
        }
    }
    if hover.is_empty() {
        hover.push_str("Settings → Sync says more");
    }
    ui.label(RichText::new(text).color(color))
        .on_hover_text(hover.trim_end());
}
