//! The eframe application: which screen is shown, the state the screens share, and the keys
//! that work everywhere (Esc, Ctrl+Z).

use std::path::PathBuf;
use std::time::Instant;

use egui::{Key, Modifiers, RichText};

use super::browser::{BrowserAction, BrowserScreen};
use super::editor::{EditorAction, EditorScreen};
use super::feedback;
use super::home::{self, HomeAction};
use super::review::{self, Input};
use super::screenshot::Shot;
use super::session_end;
use super::settings_screen::{SettingsAction, SettingsScreen};
use super::startup::open_collection;
use super::stats_screen::StatsScreen;
use super::topics::{TopicsAction, TopicsScreen};
use super::{theme, widgets};
use crate::schedule::queue::DeckCounts;
use crate::study::{Collection, StudySession};

/// What the app was started with.
#[derive(Debug, Clone)]
pub struct Startup {
    pub data_dir: PathBuf,
    pub extra_decks: Vec<PathBuf>,
    pub started: Instant,
    /// Print the time to the first painted frame (FACTQUIZ_TIMINGS=1).
    pub timings: bool,
    /// Render one screen to a PNG and exit.
    pub screenshot: Option<(PathBuf, String)>,
}

impl Startup {
    pub fn new(data_dir: PathBuf) -> Startup {
        Startup {
            data_dir,
            extra_decks: Vec::new(),
            started: Instant::now(),
            timings: false,
            screenshot: None,
        }
    }
}

/// The screens the top bar and the home keys lead to.
pub const NAV: [(Screen, &str, &str); 4] = [
    (Screen::Topics, "T", "Weak topics"),
    (Screen::Browser, "B", "Browse"),
    (Screen::Stats, "G", "Statistics"),
    (Screen::Editor, "E", "Edit decks"),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Home,
    Review,
    Settings,
    Topics,
    Browser,
    Stats,
    Editor,
}

pub struct App {
    /// The collection, or why it could not be opened.
    pub coll: Result<Collection, String>,
    pub screen: Screen,
    pub session: Option<StudySession>,
    pub input: Input,
    pub settings: SettingsScreen,
    pub topics: TopicsScreen,
    pub browser: BrowserScreen,
    pub stats: StatsScreen,
    pub editor: EditorScreen,
    /// Counts changes to progress (answers, undo, suspend...), so screens know when to recompute.
    pub generation: u64,
    pub message: Option<String>,
    counts: Option<Vec<DeckCounts>>,
    startup: Startup,
    frames: u64,
    pub shot: Option<Shot>,
    /// The latest good backup, looked up once when the progress cannot be opened.
    latest_good: Option<Option<crate::store::backup::BackupInfo>>,
}

impl App {
    /// The app over a data directory, opened here (tests use this through kittest; the binary
    /// opens the collection beside the window, see [`super::startup`]).
    pub fn new(cc: &eframe::CreationContext<'_>, startup: Startup) -> Self {
        let coll = open_collection(&startup.data_dir, &startup.extra_decks);
        App::with_collection(cc, startup, coll)
    }

    /// The app over a collection already opened (or the message saying why it could not be).
    pub fn with_collection(
        cc: &eframe::CreationContext<'_>,
        startup: Startup,
        coll: Result<Collection, String>,
    ) -> Self {
        let mut app = App::opened(startup, coll);
        if let Ok(c) = &app.coll {
            theme::apply(&cc.egui_ctx, &c.settings);
        }
        app.prepare_screenshot();
        app
    }

    /// The app over a data directory, without a window.
    pub fn open(startup: Startup) -> Self {
        let coll = open_collection(&startup.data_dir, &startup.extra_decks);
        App::opened(startup, coll)
    }

    /// The app over a collection already opened, without a window.
    pub fn opened(startup: Startup, coll: Result<Collection, String>) -> Self {
        let shot = startup
            .screenshot
            .clone()
            .map(|(path, screen)| Shot::new(path, screen));
        App {
            coll,
            screen: Screen::Home,
            session: None,
            input: Input::default(),
            settings: SettingsScreen::default(),
            topics: TopicsScreen::default(),
            browser: BrowserScreen::default(),
            stats: StatsScreen::default(),
            editor: EditorScreen::default(),
            generation: 0,
            message: None,
            counts: None,
            startup,
            frames: 0,
            shot,
            latest_good: None,
        }
    }

    /// Starts a session over given cards, due or not (weak-topic study).
    pub fn start_session_with(&mut self, slots: Vec<crate::schedule::queue::Slot>) {
        if let Ok(coll) = &self.coll
            && coll.read_only.is_none()
        {
            let seed = coll.clock().now_ms as u64;
            let mut decks: Vec<usize> = slots.iter().map(|s| s.deck).collect();
            decks.sort_unstable();
            decks.dedup();
            self.session = Some(StudySession::with_queue(coll, decks, slots.into(), seed));
            self.input = Input::default();
            self.screen = Screen::Review;
        }
    }

    /// Replaces the progress with a backup (the current file is backed up first), then opens
    /// the collection again.
    pub fn restore_backup(&mut self, backup: PathBuf) {
        let dir = self.startup.data_dir.clone();
        // The collection holds the lock: close it before restoring.
        self.coll = Err("restoring a backup...".into());
        self.session = None;
        let restored = crate::store::backup::restore(&dir, &backup);
        self.coll = open_collection(&dir, &self.startup.extra_decks);
        if let Ok(c) = &self.coll {
            c.start_index();
        }
        self.message = Some(match restored {
            Ok(r) => match r.safety_backup {
                Some(b) => format!(
                    "Restored {}. The file it replaced was kept as {}.",
                    backup.display(),
                    b.display()
                ),
                None => format!("Restored {}.", backup.display()),
            },
            Err(e) => format!("Not restored: {e}"),
        });
        self.counts = None;
        self.generation += 1;
        self.screen = Screen::Home;
    }

    /// The notice from opening the progress (a damaged file moved aside...), with the offer to
    /// restore the latest good backup.
    fn notice(&mut self, ui: &mut egui::Ui) {
        let Ok(coll) = &mut self.coll else { return };
        let Some(notice) = coll.notice.clone() else {
            return;
        };
        let candidate = coll.restore_candidate.clone();
        let mut restore = None;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.add(egui::Label::new(RichText::new(&notice).color(theme::warn(ui))).wrap());
            ui.horizontal(|ui| {
                if let Some(b) = &candidate
                    && ui.button("Restore the latest good backup").clicked()
                {
                    restore = Some(b.clone());
                }
                if ui.button("Dismiss").clicked() {
                    coll.notice = None;
                }
            });
        });
        if let Some(b) = restore {
            self.restore_backup(b);
        }
    }

    /// Suspends or unsuspends a card outside a session.
    fn set_suspended(&mut self, slot: crate::schedule::queue::Slot, suspended: bool) {
        let Ok(coll) = &mut self.coll else { return };
        let mut st = coll
            .state(slot)
            .copied()
            .unwrap_or_else(crate::schedule::CardState::new_card);
        st.suspended = suspended;
        let ids = coll
            .deck(slot)
            .zip(coll.card(slot))
            .map(|(d, c)| (d.deck.id.clone(), c.id.clone()));
        if let Some((deck, card)) = ids {
            match coll.store.put_state(&deck, &card, &st) {
                Ok(()) => {
                    coll.set_state(slot, Some(st));
                    self.generation += 1;
                }
                Err(e) => self.message = Some(format!("Not saved: {e}")),
            }
        }
    }

    /// Starts a study session over these decks.
    pub fn start_session(&mut self, decks: Vec<usize>) {
        if let Ok(coll) = &self.coll
            && coll.read_only.is_none()
        {
            let seed = coll.clock().now_ms as u64;
            self.session = Some(StudySession::start(coll, decks, seed));
            self.input = Input::default();
            self.screen = Screen::Review;
        }
    }

    fn go_home(&mut self) {
        if self.leaving_unsaved_editor() {
            return;
        }
        self.session = None;
        self.counts = None;
        self.screen = Screen::Home;
    }

    /// Whether leaving now would lose the editor's unsaved changes; if so, it asks first.
    fn leaving_unsaved_editor(&mut self) -> bool {
        if self.screen == Screen::Editor && self.editor.dirty() {
            self.editor.confirm_leave = true;
            return true;
        }
        false
    }

    /// Opens a screen from the navigation (leaving a session, if one is open).
    pub fn open_screen(&mut self, screen: Screen) {
        if screen != Screen::Editor && self.leaving_unsaved_editor() {
            return;
        }
        if screen != Screen::Review {
            self.session = None;
            self.counts = None;
        }
        self.screen = screen;
    }

    /// Sets up the state a screenshot of `--screen` needs.
    fn prepare_screenshot(&mut self) {
        let Some(shot) = &self.shot else { return };
        let screen = shot.screen.clone();
        match screen.as_str() {
            "review" | "feedback" => {
                if let Ok(coll) = &self.coll {
                    let all = (0..coll.library.decks.len()).collect();
                    self.session = Some(StudySession::start(coll, all, 7));
                    self.screen = Screen::Review;
                }
                if screen == "feedback" {
                    super::screenshot::answer_for_show(self);
                }
            }
            "settings" => self.screen = Screen::Settings,
            "topics" => self.screen = Screen::Topics,
            "browser" => {
                // With a card selected: its evidence and review history show.
                self.screen = Screen::Browser;
                self.browser.selected = Some(crate::schedule::queue::Slot { deck: 0, card: 0 });
            }
            "stats" => self.screen = Screen::Stats,
            "editor" => {
                if let Ok(coll) = &self.coll
                    && let Some(d) = coll.library.decks.first()
                {
                    // Shown as opened, not as an unsaved copy (which would ask before closing).
                    self.editor.open_deck(d, true);
                }
                self.screen = Screen::Editor;
            }
            _ => {}
        }
    }

    fn top_bar(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            ui.label(RichText::new("factquiz").strong().size(18.0));
            if self.screen != Screen::Home && widgets::key_button(ui, "Esc", "Decks").clicked() {
                self.go_home();
            }
            for (screen, key, label) in NAV {
                if self.screen != screen && widgets::key_button(ui, key, label).clicked() {
                    self.open_screen(screen);
                }
            }
            if let Some(s) = &self.session
                && self.screen == Screen::Review
            {
                ui.label(format!("{} left", s.remaining()));
                if ui
                    .add_enabled(s.can_undo(), egui::Button::new("[Ctrl+Z]  Undo"))
                    .clicked()
                {
                    self.undo();
                }
            }
            if let Some(m) = &self.message {
                ui.label(RichText::new(m).color(theme::warn(ui)));
            }
        });
    }

    fn undo(&mut self) {
        if let (Some(s), Ok(coll)) = (&mut self.session, &mut self.coll) {
            match s.undo(coll) {
                Ok(true) => {
                    self.generation += 1;
                    self.message = Some("Undone.".into());
                }
                Ok(false) => self.message = Some("Nothing to undo.".into()),
                Err(e) => self.message = Some(format!("Could not undo: {e}")),
            }
        }
    }

    fn global_keys(&mut self, ctx: &egui::Context) {
        if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
            match self.screen {
                Screen::Settings => {
                    self.settings.draft = None;
                    self.screen = Screen::Home;
                }
                _ => self.go_home(),
            }
        }
        // Ctrl+Z undoes the last answer, also while the (empty) answer field has the focus.
        let typing = ctx.egui_wants_keyboard_input()
            && !(self.screen == Screen::Review && self.input.text.is_empty());
        if !typing && ctx.input_mut(|i| i.consume_key(Modifiers::COMMAND, Key::Z)) {
            self.undo();
        }
        if ctx.input_mut(|i| i.consume_key(Modifiers::COMMAND, Key::Q)) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        // Closing the window with unsaved deck edits asks first (the draft is kept either way).
        if ctx.input(|i| i.viewport().close_requested()) && self.editor.dirty() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.screen = Screen::Editor;
            self.editor.confirm_leave = true;
        }
    }

    fn central(&mut self, ui: &mut egui::Ui) {
        if self.screen == Screen::Home {
            self.notice(ui);
        }
        let coll = match &mut self.coll {
            Ok(c) => c,
            Err(e) => {
                ui.label(RichText::new("Your progress could not be opened").heading());
                ui.add(egui::Label::new(e.as_str()).wrap());
                ui.label("Nothing was changed or overwritten.");
                let dir = &self.startup.data_dir;
                let latest = self
                    .latest_good
                    .get_or_insert_with(|| crate::store::backup::latest_good(dir))
                    .clone();
                if let Some(b) = latest {
                    let label = format!(
                        "Restore the latest good backup ({})",
                        b.taken.format("%Y-%m-%d %H:%M")
                    );
                    if ui.button(label).clicked() {
                        self.restore_backup(b.path);
                    }
                }
                return;
            }
        };
        match self.screen {
            Screen::Home => {
                let counts = self.counts.get_or_insert_with(|| coll.deck_counts());
                match home::show(ui, coll, counts) {
                    Some(HomeAction::Study(decks)) => self.start_session(decks),
                    Some(HomeAction::Settings) => self.screen = Screen::Settings,
                    Some(HomeAction::Open(screen)) => self.open_screen(screen),
                    None => {}
                }
            }
            Screen::Settings => match self.settings.show(ui, coll) {
                Some(SettingsAction::Save(mut s)) => {
                    // The form does not edit the parameters: keep the ones in force (an
                    // optimisation may have replaced them while the form was open).
                    s.fsrs_parameters = coll.settings.fsrs_parameters.clone();
                    match coll.save_settings(s) {
                        Ok(()) => self.message = Some("Settings saved.".into()),
                        Err(e) => self.message = Some(format!("Settings not saved: {e}")),
                    }
                    theme::apply(ui.ctx(), &coll.settings);
                    self.generation += 1;
                    self.settings.draft = None;
                    self.counts = None;
                    self.screen = Screen::Home;
                }
                Some(SettingsAction::Close) => {
                    self.settings.draft = None;
                    self.screen = Screen::Home;
                }
                Some(SettingsAction::Restore(path)) => self.restore_backup(path),
                Some(SettingsAction::KeepParameters(p)) => {
                    let mut s = coll.settings.clone();
                    s.fsrs_parameters = p;
                    if let Err(e) = coll.save_settings(s) {
                        self.message = Some(format!("Parameters not saved: {e}"));
                    }
                }
                None => {}
            },
            Screen::Review => self.review(ui),
            Screen::Topics => match self.topics.show(ui, coll, self.generation) {
                Some(TopicsAction::Study(slots)) => self.start_session_with(slots),
                Some(TopicsAction::Suspend(slot)) => self.set_suspended(slot, true),
                Some(TopicsAction::Edit(slot)) => {
                    if let Some(d) = coll.deck(slot) {
                        if self.editor.open_deck(d, !d.origin.is_builtin()) {
                            self.editor.selected = Some(slot.card);
                        }
                        self.screen = Screen::Editor;
                    }
                }
                Some(TopicsAction::ShowInBrowser(slot)) => {
                    self.browser.select(slot);
                    self.screen = Screen::Browser;
                }
                None => {}
            },
            Screen::Stats => self.stats.show(ui, coll, self.generation),
            Screen::Editor => match self.editor.show(ui, coll) {
                Some(EditorAction::Reload) => {
                    if let Err(e) = coll.reload_decks(&self.startup.extra_decks) {
                        self.message = Some(format!("Decks not reloaded: {e}"));
                    }
                    self.counts = None;
                    self.generation += 1;
                }
                Some(EditorAction::Leave) => {
                    self.counts = None;
                    self.screen = Screen::Home;
                }
                Some(EditorAction::SavedAndLeave) => {
                    if let Err(e) = coll.reload_decks(&self.startup.extra_decks) {
                        self.message = Some(format!("Decks not reloaded: {e}"));
                    }
                    self.generation += 1;
                    self.counts = None;
                    self.screen = Screen::Home;
                }
                None => {}
            },
            Screen::Browser => {
                if let Some(BrowserAction::SetSuspended(slot, on)) =
                    self.browser.show(ui, coll, self.generation)
                {
                    self.set_suspended(slot, on);
                }
            }
        }
    }

    fn review(&mut self, ui: &mut egui::Ui) {
        let (Some(session), Ok(coll)) = (&mut self.session, &mut self.coll) else {
            self.screen = Screen::Home;
            return;
        };
        if let Some(err) = &session.error {
            ui.colored_label(theme::wrong(ui), err);
        }
        if let Some(cur) = &session.current {
            self.input.follow(cur);
            let cur = cur.clone();
            if let Some(resp) = review::show(ui, coll, &cur, &mut self.input) {
                session.answer(coll, resp);
                ui.ctx().request_repaint();
            }
        } else if let Some(a) = &session.answered {
            feedback::show(ui, coll, a);
        } else {
            let summary = session.summary(coll);
            if session_end::show(ui, &summary) {
                self.go_home();
            }
        }
    }

    fn grade_panel(&mut self, ui: &mut egui::Ui) {
        let (Some(session), Ok(coll)) = (&mut self.session, &mut self.coll) else {
            return;
        };
        let Some(a) = session.answered.clone() else {
            return;
        };
        egui::Panel::bottom("grades").show(ui, |ui| {
            ui.add_space(6.0);
            widgets::centered_column(ui, |ui| {
                if let Some(g) = feedback::grade_bar(ui, &a) {
                    let _ = session.grade(coll, g);
                    self.generation += 1;
                    self.message = None;
                    ui.ctx().request_repaint();
                }
                ui.horizontal(|ui| {
                    if ui
                        .small_button("Suspend card")
                        .on_hover_text("Never show this card again (until unsuspended)")
                        .clicked()
                    {
                        if let Err(e) = session.suspend(coll) {
                            self.message = Some(format!("Not suspended: {e}"));
                        }
                        self.generation += 1;
                    }
                    if ui.small_button("Bury until tomorrow").clicked() {
                        if let Err(e) = session.bury(coll) {
                            self.message = Some(format!("Not buried: {e}"));
                        }
                        self.generation += 1;
                    }
                });
            });
            ui.add_space(6.0);
        });
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frames += 1;
        if self.frames == 2 {
            super::startup::first_frame_painted(&self.startup, &self.coll);
        }
        if self.frames == 1 {
            ui.ctx().request_repaint();
        }
        self.global_keys(ui.ctx());
        if let Ok(c) = &mut self.coll {
            c.poll_later();
            if c.later.is_some() {
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_millis(200));
            }
        }
        let dropped: Vec<PathBuf> = ui.ctx().input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            self.open_screen(Screen::Editor);
            self.editor.import.load(path);
        }
        egui::Panel::top("top").show(ui, |ui| {
            ui.add_space(4.0);
            self.top_bar(ui);
            ui.add_space(4.0);
        });
        if self.screen == Screen::Review {
            self.grade_panel(ui);
        }
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.add_space(8.0);
                    widgets::centered_column(ui, |ui| self.central(ui));
                    ui.add_space(16.0);
                });
        });
        super::screenshot::step(self, ui.ctx());
    }
}
