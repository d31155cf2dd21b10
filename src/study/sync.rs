//! Merging through the shared folder (see `crate::sync`), as a change of the collection: a
//! merge runs on a worker with its own connection to the progress file, and once it is done,
//! [`Collection::take_sync`] brings the cards, settings and decks it changed into the
//! collection and moves the versions, so that the screens refresh. A write of the collection
//! waits for a merge that is running, so that it never works from a state the merge replaced.

use std::collections::HashSet;
use std::path::PathBuf;

use super::Collection;
use super::changes::Changes;
use super::error::{StudyError, StudyResult};
use super::job::Job;
use crate::schedule::Scheduler;
use crate::schedule::queue::Slot;
use crate::settings::Settings;
use crate::store::Store;
use crate::store::imported::CardHistory;
use crate::sync::config::{self, SyncConfig};
use crate::sync::event::Event;
use crate::sync::{Device, MergeOutcome, SyncError};

/// What the top bar and the settings show about syncing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SyncStatus {
    pub device: Option<Device>,
    /// The shared folder (none: sync is off).
    pub folder: Option<PathBuf>,
    pub running: bool,
    /// When the last merge ended well, by the collection's clock.
    pub last_merge_ms: Option<i64>,
    /// What the last merge did.
    pub last: Option<MergeOutcome>,
    /// Why the last merge did not happen (the folder missing...).
    pub error: Option<String>,
}

/// The collection's merge: running or not, its status, and the cards merges changed.
#[derive(Default)]
pub struct SyncSlot {
    job: Option<Job<MergeOutcome>>,
    status: SyncStatus,
    /// Cards a merge changed since this collection opened: undoing an answer to one of them
    /// replays it instead of putting back the state kept when it was answered.
    merged: HashSet<(String, String)>,
}

/// Above this many cards changed, every state is read again (one pass) instead of each.
const READ_ALL_ABOVE: usize = 2_000;

impl Collection {
    /// Reads this device's id (made now, the first time, when the progress can be written)
    /// and the sync folder (on opening).
    pub(super) fn load_sync_status(&mut self) {
        if self.read_only.is_none() {
            let _ = config::device(&mut self.store);
        }
        self.sync.status.device = self.store.local_device().ok().flatten().map(|d| Device {
            id: d.uuid,
            name: d.name,
        });
        self.sync.status.folder = SyncConfig::load(&self.store).ok().and_then(|c| c.folder);
    }

    pub fn sync_status(&self) -> &SyncStatus {
        &self.sync.status
    }

    /// Turns sync on with `folder` (or off with `None`) and names this device (blank: the
    /// host name). Turning it off keeps all progress here.
    pub fn set_sync(&mut self, folder: Option<PathBuf>, name: &str) -> StudyResult<Changes> {
        self.writable()?;
        self.settle_sync();
        let device = config::rename(&mut self.store, name)?;
        SyncConfig {
            folder: folder.clone(),
        }
        .save(&mut self.store)?;
        self.sync.status.device = Some(device);
        self.sync.status.folder = folder;
        self.sync.status.error = None;
        Ok(self.changed(Changes::SETTINGS))
    }

    /// Starts a merge on a worker when sync is on and none is running; false when none starts.
    pub fn start_sync(&mut self) -> bool {
        let (Some(folder), Some(dir)) = (self.sync.status.folder.clone(), self.data_dir.clone())
        else {
            return false;
        };
        if self.read_only.is_some() || self.sync.job.is_some() {
            return false;
        }
        let device = match config::device(&mut self.store) {
            Ok(d) => d,
            Err(e) => {
                self.sync.status.error = Some(e.to_string());
                return false;
            }
        };
        let params = self.settings.fsrs_parameters.clone();
        let retention = self.settings.desired_retention;
        let now_ms = self.clock().now_ms;
        self.sync.status.running = true;
        self.sync.job = Some(Job::spawn("sync merge", self.waker.clone(), move || {
            let mut store = Store::open_beside(&dir, true)?;
            let sched = Scheduler::new(&params, retention)?;
            let decks = crate::data_dir::user_decks(&dir);
            crate::sync::run(&mut store, &folder, &device, &sched, Some(&decks), now_ms)
                .map_err(StudyError::from)
        }));
        true
    }

    /// Whether a merge is running.
    pub fn syncing(&self) -> bool {
        self.sync.job.is_some()
    }

    /// Takes in a merge that is done: the cards, settings and decks it changed. `None` while
    /// it runs (or when none ran).
    pub fn take_sync(&mut self) -> Option<StudyResult<Changes>> {
        let done = self.sync.job.as_mut()?.try_take()?;
        self.sync.job = None;
        Some(self.finish_sync(done))
    }

    /// Waits for a merge that is running and takes it in (a write comes next).
    pub(super) fn settle_sync(&mut self) {
        if let Some(job) = self.sync.job.take() {
            let done = job.wait();
            let _ = self.finish_sync(done);
        }
    }

    /// Merges now, on this thread, through this collection's own connection (the command
    /// line and tests); `folder` overrides the one set.
    pub fn sync_now(&mut self, folder: Option<PathBuf>) -> StudyResult<(MergeOutcome, Changes)> {
        self.writable()?;
        self.settle_sync();
        let folder = folder
            .or_else(|| self.sync.status.folder.clone())
            .ok_or(SyncError::NotConfigured)?;
        let device = config::device(&mut self.store)?;
        self.sync.status.device = Some(device.clone());
        let decks = self.user_decks_dir();
        let now_ms = self.clock().now_ms;
        self.sync.status.running = true;
        let done = crate::sync::run(
            &mut self.store,
            &folder,
            &device,
            &self.scheduler,
            decks.as_deref(),
            now_ms,
        )
        .map_err(StudyError::from);
        let outcome = done.as_ref().ok().cloned();
        let changes = self.finish_sync(done)?;
        Ok((outcome.unwrap_or_default(), changes))
    }

    /// Brings a merge's changes into the collection; its status follows.
    fn finish_sync(&mut self, done: StudyResult<MergeOutcome>) -> StudyResult<Changes> {
        self.sync.status.running = false;
        let outcome = match done {
            Ok(o) => o,
            Err(e) => {
                self.sync.status.error = Some(e.to_string());
                return Err(e);
            }
        };
        self.sync.status.error = None;
        self.sync.status.last_merge_ms = Some(self.clock().now_ms);
        let mut changes = Changes::NONE;
        if outcome.decks.changed_decks() {
            let extra = self.extra_decks.clone();
            changes = changes.and(self.reload_decks(&extra)?);
        }
        if outcome.settings_changed || outcome.parameters_changed {
            let settings = self
                .store
                .setting(Settings::KEY)?
                .map(|s| Settings::from_json(&s))
                .unwrap_or_default();
            self.scheduler = Scheduler::new(&settings.fsrs_parameters, settings.desired_retention)?;
            self.settings = settings;
            changes = changes.and(Changes {
                settings: outcome.settings_changed,
                parameters: outcome.parameters_changed,
                ..Changes::NONE
            });
        }
        if !outcome.cards.is_empty() {
            if outcome.cards.len() > READ_ALL_ABOVE {
                self.reload_states()?;
            } else {
                for (deck, card) in &outcome.cards {
                    if let Some(slot) = self.find(deck, card) {
                        let state = self.store.card_state(deck, card)?;
                        self.set_state(slot, state);
                        self.note_learned_again(slot)?;
                    }
                }
            }
            self.sync.merged.extend(outcome.cards.iter().cloned());
            changes = changes.and(Changes::PROGRESS);
            // A card whose last review taught what its deck here no longer teaches goes back,
            // as on opening.
            changes = changes.and(self.send_changed_back()?);
        }
        self.sync.status.last = Some(outcome);
        Ok(self.changed(changes))
    }

    /// Before an undo of review `review_id`: whether a merge changed the card since it was
    /// answered (then its history is replayed, the state kept for undo being from before the
    /// merge), and if so the facts it taught in words (its learned fact now, and the one the
    /// answer replaced), for the replay to keep.
    pub(super) fn merged_since(
        &self,
        slot: Slot,
        review_id: i64,
    ) -> StudyResult<Option<Vec<(u64, String)>>> {
        let Some((deck, card)) = self.ids(slot) else {
            return Ok(None);
        };
        if !self.sync.merged.contains(&(deck.clone(), card.clone())) {
            return Ok(None);
        }
        let known = [
            self.store.learned_fact(&deck, &card)?,
            self.replaced_fact(review_id).cloned(),
        ];
        Ok(Some(
            known
                .into_iter()
                .flatten()
                .filter_map(|(f, w)| Some((f, w?)))
                .collect(),
        ))
    }

    /// After an undo of a card a merge changed (see [`Collection::merged_since`]): the card
    /// replayed from its history, its learned fact the one its last review left taught (in
    /// the words of `known` when it is one of them).
    pub(super) fn replay_merged(&mut self, slot: Slot, known: &[(u64, String)]) -> StudyResult<()> {
        let Some(ids) = self.ids(slot) else {
            return Ok(());
        };
        crate::sync::merge::replay_cards(
            &mut self.store,
            std::slice::from_ref(&ids),
            &self.scheduler,
            known,
        )?;
        let state = self.store.card_state(&ids.0, &ids.1)?;
        self.set_state(slot, state);
        self.note_learned_again(slot)
    }

    /// After an import of another app's history: its cards replayed from their reviews, as
    /// every machine that merges those reviews replays them, so that all hold the same states;
    /// and the suspended and buried cards it brought journaled as such.
    pub(super) fn imported_like_answers(&mut self, histories: &[CardHistory]) -> StudyResult<()> {
        let cards: Vec<(String, String)> = histories
            .iter()
            .filter(|h| !h.reviews.is_empty())
            .map(|h| (h.deck_id.clone(), h.card_id.clone()))
            .collect();
        crate::sync::merge::replay_cards(&mut self.store, &cards, &self.scheduler, &[])?;
        let time_ms = self.clock().now_ms;
        let mut events = Vec::new();
        for h in histories {
            let (deck, card) = (h.deck_id.clone(), h.card_id.clone());
            if h.state.suspended {
                events.push(Event::Suspend {
                    deck: deck.clone(),
                    card: card.clone(),
                    on: true,
                    time_ms,
                });
            }
            if h.state.buried_until_day != i64::MIN {
                events.push(Event::Bury {
                    deck,
                    card,
                    until_day: h.state.buried_until_day,
                    time_ms,
                });
            }
        }
        let lines: Vec<(i64, String, String)> = events
            .iter()
            .map(|e| (time_ms, e.to_json(), e.stamp_key().unwrap_or_default()))
            .collect();
        self.store.log_events(&lines)?;
        Ok(())
    }
}
