//! Changes to progress and settings outside of an answer: undo, suspend, unsuspend, bury, the
//! settings and the FSRS parameters, and what the checks after opening found. Each returns what
//! it changed (and moves the collection's versions).

use super::Collection;
use super::changes::Changes;
use super::error::{StudyError, StudyResult};
use crate::schedule::queue::Slot;
use crate::schedule::{CardState, Scheduler};
use crate::settings::Settings;

impl Collection {
    /// An error when nothing can be written (another copy holds the lock, the folder is
    /// read-only or full, the file is from a newer factquiz).
    pub(super) fn writable(&self) -> StudyResult<()> {
        match &self.read_only {
            Some(why) => Err(StudyError::ReadOnly(why.clone())),
            None => Ok(()),
        }
    }

    /// Takes a review back: it leaves the log and the card gets `before` again.
    pub fn undo_review(
        &mut self,
        review_id: i64,
        slot: Slot,
        before: Option<CardState>,
    ) -> StudyResult<Changes> {
        self.writable()?;
        self.store.undo_review(review_id, before.as_ref())?;
        self.set_state(slot, before);
        self.undo_fact(review_id)?;
        Ok(self.changed(Changes::PROGRESS))
    }

    /// Changes a card's state outside of an answer.
    fn put_state(
        &mut self,
        slot: Slot,
        f: impl FnOnce(&mut CardState, i64),
    ) -> StudyResult<Changes> {
        self.writable()?;
        let (deck, card) = self
            .ids(slot)
            .ok_or_else(|| StudyError::Deck(format!("no card at {slot:?}")))?;
        let mut state = self
            .state(slot)
            .copied()
            .unwrap_or_else(CardState::new_card);
        f(&mut state, self.clock().today());
        self.store.put_state(&deck, &card, &state)?;
        self.set_state(slot, Some(state));
        Ok(self.changed(Changes::PROGRESS))
    }

    /// Suspends a card (it is not shown again until unsuspended), or unsuspends it.
    pub fn set_suspended(&mut self, slot: Slot, suspended: bool) -> StudyResult<Changes> {
        self.put_state(slot, |s, _| s.suspended = suspended)
    }

    /// Buries a card until tomorrow.
    pub fn bury(&mut self, slot: Slot) -> StudyResult<Changes> {
        self.put_state(slot, |s, today| s.buried_until_day = today)
    }

    /// Saves new settings (clamped to what they allow). The FSRS parameters are not part of
    /// the form: the ones in force are kept (see [`Collection::keep_parameters`]).
    pub fn save_settings(&mut self, settings: Settings) -> StudyResult<Changes> {
        self.writable()?;
        let mut settings = settings.clamped();
        settings.fsrs_parameters = self.settings.fsrs_parameters.clone();
        self.put_settings(settings)?;
        Ok(self.changed(Changes::SETTINGS))
    }

    /// Keeps new FSRS parameters (from an optimisation that predicts better).
    pub fn keep_parameters(&mut self, parameters: Vec<f32>) -> StudyResult<Changes> {
        self.writable()?;
        let mut settings = self.settings.clone();
        settings.fsrs_parameters = parameters;
        self.put_settings(settings)?;
        Ok(self.changed(Changes::PARAMETERS))
    }

    /// Writes the settings, then the scheduler follows their retention and parameters.
    fn put_settings(&mut self, settings: Settings) -> StudyResult<()> {
        let scheduler = Scheduler::new(&settings.fsrs_parameters, settings.desired_retention)?;
        self.store.put_setting(Settings::KEY, &settings.to_json())?;
        self.scheduler = scheduler;
        self.settings = settings;
        Ok(())
    }

    /// Forgets the notice from opening (the user dismissed it).
    pub fn dismiss_notice(&mut self) {
        self.notice = None;
    }

    /// Takes in what the checks after opening found, once they are done; true when that
    /// brought a notice to show.
    pub fn take_later_checks(&mut self) -> bool {
        if self.take_filled_facts() {
            return true;
        }
        let Some(found) = self.later.as_mut().and_then(|j| j.try_take()) else {
            return false;
        };
        self.later = None;
        match found {
            Ok(found) if found.notice.is_some() => {
                self.notice = found.notice;
                self.restore_candidate = found.restore_candidate;
                true
            }
            Ok(_) => false,
            Err(e) => {
                self.notice = Some(format!("The check of your progress file did not run: {e}"));
                true
            }
        }
    }

    /// Whether the checks after opening are still running.
    pub fn checking_later(&self) -> bool {
        self.later.is_some()
    }
}
