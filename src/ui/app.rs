//! The eframe application: which screen is shown and the screens' own state. Each frame,
//! [`eframe::App::logic`] does what is not drawing (the collection's news, global keys, dropped
//! files, the screenshot run), [`eframe::App::ui`] draws the top bar and the screen, which
//! return commands, and the commands are run once the frame is drawn (see `run.rs`).

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use egui::{Key, Modifiers, RichText};

use super::browser::BrowserScreen;
use super::command::Command;
use super::editor::EditorScreen;
use super::home::HomeScreen;
use super::reader::ReaderScreen;
use super::review_screen::ReviewScreen;
use super::screen::{NAV, Screen, ShotTarget};
use super::screenshot::Shot;
use super::settings_screen::SettingsScreen;
use super::startup::open_collection;
use super::stats_screen::StatsScreen;
use super::status::Status;
use super::sync_bar::SyncTimer;
use super::topics::TopicsScreen;
use super::{theme, widgets};
use crate::study::backups::BackupInfo;
use crate::study::{Collection, StudySession, Waker, no_waker};

/// What the app was started with.
#[derive(Debug, Clone)]
pub struct Startup {
    pub data_dir: PathBuf,
    pub extra_decks: Vec<PathBuf>,
    pub started: Instant,
    /// Print the time to the first painted frame (FACTQUIZ_TIMINGS=1).
    pub timings: bool,
    /// Render one screen to a PNG and exit.
    pub screenshot: Option<(PathBuf, ShotTarget)>,
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

pub struct App {
    /// The collection, or why it could not be opened.
    pub(super) coll: Result<Collection, String>,
    pub(super) screen: Screen,
    pub(super) review: ReviewScreen,
    pub(super) home: HomeScreen,
    pub(super) settings: SettingsScreen,
    pub(super) topics: TopicsScreen,
    pub(super) browser: BrowserScreen,
    pub(super) stats: StatsScreen,
    pub(super) editor: EditorScreen,
    pub(super) reader: ReaderScreen,
    pub(super) status: Status,
    pub(super) startup: Startup,
    frames: u64,
    pub(super) shot: Option<Shot>,
    /// The latest good backup, looked up once when the progress cannot be opened.
    latest_good: Option<Option<BackupInfo>>,
    /// Wakes the window when a worker is done (asks egui for a repaint).
    pub(super) waker: Waker,
    /// The settings version the theme was last applied for.
    themed: Option<(u64, u64)>,
    /// When merges through the shared folder start.
    pub(super) sync_timer: SyncTimer,
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
        let ctx = cc.egui_ctx.clone();
        app.waker = Arc::new(move || ctx.request_repaint());
        app.apply_theme(&cc.egui_ctx);
        super::screenshot::prepare(&mut app);
        app
    }

    /// The app over a collection already opened, without a window.
    pub fn opened(startup: Startup, coll: Result<Collection, String>) -> Self {
        let shot = startup
            .screenshot
            .clone()
            .map(|(path, target)| Shot::new(path, target));
        App {
            coll,
            screen: Screen::Home,
            review: ReviewScreen::default(),
            home: HomeScreen::default(),
            settings: SettingsScreen::default(),
            topics: TopicsScreen::default(),
            browser: BrowserScreen::default(),
            stats: StatsScreen::default(),
            editor: EditorScreen::default(),
            reader: ReaderScreen::default(),
            status: Status::default(),
            startup,
            frames: 0,
            shot,
            latest_good: None,
            waker: no_waker(),
            themed: None,
            sync_timer: SyncTimer::default(),
        }
    }

    /// The screen on show.
    pub fn screen(&self) -> Screen {
        self.screen
    }

    /// The collection, when it could be opened.
    pub fn collection(&self) -> Option<&Collection> {
        self.coll.as_ref().ok()
    }

    /// The collection, to change through its methods (tests set its clock, for one).
    pub fn collection_mut(&mut self) -> Option<&mut Collection> {
        self.coll.as_mut().ok()
    }

    /// Why the collection could not be opened, if it could not.
    pub fn open_error(&self) -> Option<&str> {
        self.coll.as_ref().err().map(String::as_str)
    }

    /// The study session on the review screen, if any.
    pub fn session(&self) -> Option<&StudySession> {
        self.review.session()
    }

    /// The review screen (its session and what the user has entered).
    pub fn review(&self) -> &ReviewScreen {
        &self.review
    }

    /// The reading view (the article on show, its marks and selection).
    pub fn reader(&self) -> &ReaderScreen {
        &self.reader
    }

    /// The deck open in the editor, as its fields.
    pub fn editor_draft(&self) -> Option<&crate::deck::draft::DeckDraft> {
        self.editor.draft()
    }

    /// The message in the status line, if any.
    pub fn status(&self) -> Option<&super::status::Message> {
        self.status.message()
    }

    /// Applies the theme and text size when the settings changed.
    fn apply_theme(&mut self, ctx: &egui::Context) {
        if let Ok(c) = &self.coll {
            let v = c.versions();
            let key = (v.collection, v.settings);
            if self.themed != Some(key) {
                self.themed = Some(key);
                theme::apply(ctx, c.settings());
            }
        }
    }

    fn top_bar(&mut self, ui: &mut egui::Ui) -> Option<Command> {
        let mut command = None;
        ui.horizontal(|ui| {
            ui.label(RichText::new("factquiz").strong().size(18.0));
            if self.screen != Screen::Home && widgets::key_button(ui, "Esc", "Decks").clicked() {
                command = Some(Command::GoHome);
            }
            for (screen, key, label) in NAV {
                if self.screen != screen && widgets::key_button(ui, key, label).clicked() {
                    command = Some(Command::Open(screen));
                }
            }
            if self.screen == Screen::Review
                && let Some(c) = self.review.top_bar(ui)
            {
                command = Some(c);
            }
            if let Ok(c) = &self.coll {
                super::sync_bar::show(ui, c);
            }
            self.status.show(ui);
        });
        command
    }

    /// The keys that work on every screen: Esc, Ctrl+Z, Ctrl+Q; and closing the window with
    /// unsaved deck edits, which asks first.
    fn global_keys(&mut self, ctx: &egui::Context) -> Option<Command> {
        let mut command = None;
        if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
            command = Some(match self.screen {
                Screen::Article => Command::CloseReader,
                _ => Command::GoHome,
            });
        }
        // Ctrl+Z undoes the last answer, also while the (empty) answer field has the focus.
        let typing = ctx.egui_wants_keyboard_input()
            && !(self.screen == Screen::Review && self.review.nothing_typed());
        if !typing && ctx.input_mut(|i| i.consume_key(Modifiers::COMMAND, Key::Z)) {
            command = Some(Command::Undo);
        }
        if ctx.input_mut(|i| i.consume_key(Modifiers::COMMAND, Key::Q)) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        if ctx.input(|i| i.viewport().close_requested()) && self.editor.dirty() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.screen = Screen::Editor;
            self.editor.ask_before_leaving();
        }
        command
    }

    /// A deck file dropped on the window opens in the editor's import preview; an article
    /// (.txt, .md, .html) is opened as one.
    fn dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Option<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .find(|p| !p.as_os_str().is_empty())
        });
        if let Some(path) = dropped {
            if super::run_reader::is_article(&path) {
                let input = crate::study::articles::ArticleInput::File(path);
                return self.run(Command::AddArticle(input));
            }
            self.run(Command::Open(Screen::Editor));
            if self.screen == Screen::Editor {
                self.editor.import.load(path, ctx);
            }
        }
    }

    /// The screen when the progress could not be opened: why, and the latest good backup.
    fn cannot_open(&mut self, ui: &mut egui::Ui, why: &str) -> Option<Command> {
        ui.label(RichText::new("Your progress could not be opened").heading());
        ui.add(egui::Label::new(why).wrap());
        ui.label("Nothing was changed or overwritten.");
        let dir = &self.startup.data_dir;
        let latest = self
            .latest_good
            .get_or_insert_with(|| crate::study::backups::latest_good(dir))
            .clone()?;
        let label = format!(
            "Restore the latest good backup ({})",
            latest.taken.format("%Y-%m-%d %H:%M")
        );
        ui.button(label)
            .clicked()
            .then_some(Command::RestoreBackup(latest.path))
    }

    /// The notice from opening the progress (a damaged file moved aside...), with the offer to
    /// restore the latest good backup.
    fn notice(ui: &mut egui::Ui, coll: &Collection) -> Option<Command> {
        let notice = coll.notice()?;
        let mut command = None;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.add(egui::Label::new(RichText::new(notice).color(theme::warn(ui))).wrap());
            ui.horizontal(|ui| {
                if let Some(b) = coll.restore_candidate()
                    && ui.button("Restore the latest good backup").clicked()
                {
                    command = Some(Command::RestoreBackup(b.to_path_buf()));
                }
                if ui.button("Dismiss").clicked() {
                    command = Some(Command::DismissNotice);
                }
            });
        });
        command
    }

    /// The screen on show, drawn; what it asks for.
    fn central(&mut self, ui: &mut egui::Ui) -> Option<Command> {
        let coll = match &self.coll {
            Ok(c) => c,
            Err(e) => {
                let e = e.clone();
                return self.cannot_open(ui, &e);
            }
        };
        let w = &self.waker;
        match self.screen {
            Screen::Home => Self::notice(ui, coll).or(self.home.show(ui, coll)),
            Screen::Settings => self.settings.show(ui, coll, w),
            Screen::Review => self.review.show(ui, coll),
            Screen::Topics => self.topics.show(ui, coll),
            Screen::Stats => self.stats.show(ui, coll, w),
            Screen::Editor => self.editor.show(ui, coll),
            Screen::Browser => self.browser.show(ui, coll, w),
            Screen::Article => self.reader.show(ui),
        }
    }
}

impl eframe::App for App {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        // What the checks after opening found shows as the notice on the home screen.
        if let Ok(c) = &mut self.coll {
            c.take_later_checks();
            // A merge that is done is taken in (the screens refresh through the versions); the
            // next starts when one is due.
            if let Some(Err(e)) = self.sync_timer.tick(ctx, c, self.review.finished()) {
                self.status
                    .set(super::status::Message::warn(format!("Not synced: {e}")));
            }
            // Once the decks are on screen (see `start_workers`), a deck whose copy in the deck
            // cache was found damaged has it written again.
            if self.frames >= 2 {
                c.refresh_deck_cache();
            }
        }
        self.apply_theme(ctx);
        if let Some(c) = self.global_keys(ctx) {
            self.run(c);
        }
        self.dropped_files(ctx);
        super::screenshot::step(self, ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frames += 1;
        if self.frames == 1 {
            ui.ctx().request_repaint();
        }
        if self.frames == 2 {
            super::startup::first_frame_painted(&self.startup, &mut self.coll, &self.waker);
        }
        let mut commands: Vec<Command> = Vec::new();
        egui::Panel::top("top").show(ui, |ui| {
            ui.add_space(4.0);
            commands.extend(self.top_bar(ui));
            ui.add_space(4.0);
        });
        if self.screen == Screen::Review {
            commands.extend(self.review.grade_panel(ui));
        }
        egui::CentralPanel::default().show(ui, |ui| {
            // The reading view scrolls its text itself (only what is in view is drawn).
            if self.screen == Screen::Article {
                ui.add_space(8.0);
                return widgets::centered_column(ui, |ui| commands.extend(self.central(ui)));
            }
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.add_space(8.0);
                    widgets::centered_column(ui, |ui| commands.extend(self.central(ui)));
                    ui.add_space(16.0);
                });
        });
        if !commands.is_empty() {
            for c in commands {
                self.run(c);
            }
            ui.ctx().request_repaint();
        }
    }
}
