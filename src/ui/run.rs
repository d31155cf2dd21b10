//! Running the screens' commands, once a frame is drawn: each goes through the study layer
//! (the collection or the session), and what it says ends in the status line. Nothing here
//! signals staleness: the changes move the collection's versions, which the screens read.

use super::app::App;
use super::command::Command;
use super::screen::Screen;
use super::startup::open_collection;
use super::status::Message;
use crate::schedule::queue::Slot;
use crate::study::{Changes, StudyError, StudySession};

impl App {
    /// Runs one command (the screens' and the global keys'; tests call it to drive the app).
    pub fn run(&mut self, command: Command) {
        if let Ok(coll) = &mut self.coll
            && let Some(result) = self.review.run(coll, &command)
        {
            match (&command, result) {
                (Command::Undo, Ok(c)) if c.any() => self.say(Message::info("Undone.")),
                (Command::Undo, Ok(_)) => self.say(Message::info("Nothing to undo.")),
                (Command::Grade(_), Ok(_)) => self.status.clear(),
                (_, Ok(_)) => {}
                (_, Err(e)) => self.say(Message::error(format!("Not saved: {e}"))),
            }
            if let Some(e) = self.review.take_error() {
                self.say(Message::error(e));
            }
            return;
        }
        match command {
            Command::Open(screen) => self.open(screen),
            Command::GoHome => self.open(Screen::Home),
            Command::Study(decks) => {
                self.study(|coll, seed| StudySession::start(coll, decks, seed))
            }
            Command::StudyCards(slots) => self.study(|coll, seed| {
                let mut decks: Vec<usize> = slots.iter().map(|s| s.deck).collect();
                decks.sort_unstable();
                decks.dedup();
                Ok(StudySession::with_queue(coll, decks, slots.into(), seed))
            }),
            Command::Answer(..)
            | Command::Grade(_)
            | Command::SuspendCurrent
            | Command::BuryCurrent => {}
            Command::Undo => self.say(Message::info("Nothing to undo.")),
            Command::SetSuspended(slot, on) => {
                let what = if on { "Suspended." } else { "Unsuspended." };
                self.change(|c| c.set_suspended(slot, on), what);
            }
            Command::SaveSettings(s) => {
                if self.change(|c| c.save_settings(*s), "Settings saved.") {
                    self.settings.forget_draft();
                    self.screen = Screen::Home;
                }
            }
            Command::KeepParameters(p) => {
                self.change(|c| c.keep_parameters(p), "The new parameters are kept.");
            }
            Command::RestoreBackup(path) => self.restore_backup(&path),
            Command::DismissNotice => {
                if let Ok(c) = &mut self.coll {
                    c.dismiss_notice();
                }
            }
            Command::SaveDeck { deck, file, leave } => self.save_deck(&deck, file, leave),
            Command::ImportDeck(deck) => {
                let extra = self.startup.extra_decks.clone();
                let Ok(coll) = &mut self.coll else { return };
                match coll.import_deck(&deck, &extra) {
                    Ok((imported, _)) => self.say(Message::info(format!(
                        "Imported {} card(s) into {}",
                        deck.cards.len(),
                        imported.path.display()
                    ))),
                    Err(e @ StudyError::DeckExists { .. }) => self.say(Message::error(format!(
                        "Not imported: {e}. Open it in the editor and give it another id."
                    ))),
                    Err(e) => self.say(Message::error(format!("Not imported: {e}"))),
                }
            }
            Command::ImportForeign(foreign, skip_bad) => {
                let extra = self.startup.extra_decks.clone();
                let Ok(coll) = &mut self.coll else { return };
                match coll.import_foreign(&foreign, skip_bad, &extra) {
                    Ok((done, _)) => self.say(Message::info(format!(
                        "Imported {} card(s) in {} deck(s) and {} review(s); your progress was backed up first",
                        foreign.report.cards,
                        done.decks.len(),
                        done.history.reviews
                    ))),
                    Err(e) => self.say(Message::error(format!("Not imported: {e}"))),
                }
            }
            Command::EditCard(slot) => self.edit_card(slot),
            Command::ShowInBrowser(slot) => {
                self.open(Screen::Browser);
                self.browser.select(slot);
            }
            Command::SetSync { folder, name } => {
                let on = folder.is_some();
                let done = if on {
                    "Sync is on: merging with your other machines."
                } else {
                    "Sync is off: your progress stays on this machine."
                };
                if self.change(|c| c.set_sync(folder, &name), done) && on {
                    self.sync_now();
                }
                self.settings.forget_sync_draft();
            }
            Command::SyncNow => self.sync_now(),
            Command::Say(m) => self.say(m),
            c @ (Command::AddArticle(_)
            | Command::ReadEvidence(..)
            | Command::ReadDraftSource { .. }
            | Command::DraftCard(_)
            | Command::OpenBackedCard { .. }
            | Command::CloseReader) => self.run_reader(c),
        }
    }

    /// Starts a merge on its worker (the top bar shows it running).
    fn sync_now(&mut self) {
        if let Ok(c) = &mut self.coll
            && c.start_sync()
        {
            self.sync_timer.started();
        }
    }

    fn say(&mut self, m: Message) {
        self.status.set(m);
    }

    /// Runs a change of the collection; says `done`, or why it failed. True when it was made.
    fn change(
        &mut self,
        f: impl FnOnce(&mut crate::study::Collection) -> Result<Changes, StudyError>,
        done: &str,
    ) -> bool {
        let Ok(coll) = &mut self.coll else {
            return false;
        };
        match f(coll) {
            Ok(_) => {
                self.say(Message::info(done));
                true
            }
            Err(e) => {
                self.say(Message::error(format!("Not saved: {e}")));
                false
            }
        }
    }

    /// Goes to a screen: the editor (or the reading view opened from it) asks first about
    /// unsaved changes; leaving the review screen ends the session (its answers are saved)
    /// unless for the reading view, leaving the settings drops their draft.
    pub(super) fn open(&mut self, screen: Screen) {
        let editing = self.screen == Screen::Editor
            || (self.screen == Screen::Article && self.reader.back == Some(Screen::Editor));
        if editing && !matches!(screen, Screen::Editor | Screen::Article) && self.editor.dirty() {
            self.screen = Screen::Editor;
            self.editor.ask_before_leaving();
            return;
        }
        if self.screen == Screen::Settings && screen != Screen::Settings {
            self.settings.forget_draft();
        }
        if !matches!(screen, Screen::Review | Screen::Article) {
            self.review.close();
        }
        self.screen = screen;
    }

    /// Starts a session made by `make` (with a seed from the clock) on the review screen.
    fn study(
        &mut self,
        make: impl FnOnce(&crate::study::Collection, u64) -> Result<StudySession, StudyError>,
    ) {
        let Ok(coll) = &self.coll else { return };
        if let Some(why) = coll.read_only() {
            let m = Message::warn(format!("Read-only: {why}"));
            self.say(m);
            return;
        }
        let seed = coll.clock().now_ms as u64;
        match make(coll, seed) {
            Ok(s) => {
                self.review.start(s);
                self.screen = Screen::Review;
                if let Some(e) = self.review.take_error() {
                    self.say(Message::error(e));
                }
            }
            Err(e) => self.say(Message::error(format!("The session could not start: {e}"))),
        }
    }

    /// Replaces the progress with a backup (the current file is backed up first), then opens
    /// the collection again.
    fn restore_backup(&mut self, backup: &std::path::Path) {
        let dir = self.startup.data_dir.clone();
        // The collection holds the lock: close it before restoring.
        self.coll = Err("restoring a backup...".into());
        self.review.close();
        let restored = crate::study::backups::restore(&dir, backup);
        self.coll = open_collection(&dir, &self.startup.extra_decks);
        if let Ok(c) = &mut self.coll {
            c.start_workers(self.waker.clone());
        }
        self.say(match restored {
            Ok(text) => Message::info(text),
            Err(e) => Message::error(format!("Not restored: {e}")),
        });
        self.screen = Screen::Home;
    }

    /// Saves a deck through the collection; the editor hears whether it was.
    fn save_deck(
        &mut self,
        deck: &crate::deck::Deck,
        file: Option<std::path::PathBuf>,
        leave: bool,
    ) {
        let extra = self.startup.extra_decks.clone();
        let Ok(coll) = &mut self.coll else { return };
        match coll.save_deck(deck, file.as_deref(), &extra) {
            Ok((path, _)) => {
                self.editor.saved(&path, leave);
                self.say(Message::info(format!(
                    "Saved {} card(s) to {}",
                    deck.cards.len(),
                    path.display()
                )));
                if leave {
                    self.screen = Screen::Home;
                }
            }
            Err(e @ StudyError::DeckExists { .. }) => {
                self.say(Message::error(format!("Not saved: {e}. Pick another id.")))
            }
            Err(e) => self.say(Message::error(format!(
                "Not saved: {e}. Your edits are still here."
            ))),
        }
    }

    /// Opens a card's deck in the editor (a built-in deck as a copy), with the card selected.
    pub(super) fn edit_card(&mut self, slot: Slot) {
        let Ok(coll) = &self.coll else { return };
        let Some(d) = coll.deck(slot) else { return };
        match self.editor.open_deck(d, !d.origin.is_builtin()) {
            Ok(()) => self.editor.select(slot.card),
            Err(e) => self.say(Message::error(e)),
        }
        self.open(Screen::Editor);
    }
}
