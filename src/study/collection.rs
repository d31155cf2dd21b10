//! The collection: the deck library, the quiz index (built on a worker, see
//! [`super::index_slot`]), the progress store, every card's state (aligned with the library, so
//! that counting is a walk over arrays) and the settings. The one place that joins deck, quiz,
//! schedule and store, so that the UI only draws.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::index_slot::IndexSlot;
use crate::deck::{Card, Library, LoadedDeck};
use crate::quiz::QuizIndex;
use crate::schedule::queue::{DeckCounts, DeckView, Limits, Slot, build_queue, deck_counts};
use crate::schedule::{CardState, Clock, Scheduler};
use crate::settings::Settings;
use crate::store::{Store, StoreError};

pub struct Collection {
    /// The decks; shared with the worker that builds the quiz index. Replace it with
    /// [`Collection::set_library`], which starts the new library's index.
    pub library: Arc<Library>,
    /// The quiz index of `library`: see [`Collection::index`].
    index: IndexSlot,
    pub store: Store,
    /// `states[d][c]`: the state of card c of deck d, `None` when never answered.
    pub states: Vec<Vec<Option<CardState>>>,
    pub settings: Settings,
    pub scheduler: Scheduler,
    /// Why the collection cannot be written to, if it cannot (another copy has the lock, the
    /// data folder is read-only or full, the progress file is from a newer factquiz).
    pub read_only: Option<String>,
    /// What happened while opening the progress (a damaged file moved aside, a newer file
    /// left untouched, a backup that failed), in plain words, to show once.
    pub notice: Option<String>,
    /// The latest good backup, when the progress file was damaged: offer "Restore the latest
    /// good backup" (drop the collection, `store::backup::restore`, then open it again).
    pub restore_candidate: Option<PathBuf>,
    /// The integrity check and the day's backup, running on a worker after opening.
    pub later: Option<std::thread::JoinHandle<crate::store::recovery::LaterCheck>>,
    /// A fixed clock for tests; the system clock when `None`.
    pub fixed_clock: Option<Clock>,
    pub data_dir: Option<PathBuf>,
}

impl Collection {
    /// Opens the data directory: its decks and progress, through
    /// [`crate::store::recovery::open_with_recovery`]. When the progress cannot be written
    /// (another copy holds the lock, the folder is read-only or full, the file is from a newer
    /// factquiz), it is opened read-only and `read_only` says why; a damaged file is moved
    /// aside, `notice` says what happened and `restore_candidate` names the backup to offer.
    pub fn open(data_dir: &Path, extra_decks: &[PathBuf]) -> Result<Collection, StoreError> {
        // The decks are read while the progress file is opened: neither needs the other.
        let (library, opened) = std::thread::scope(|s| {
            let decks = crate::data_dir::user_decks(data_dir);
            let library = s.spawn(move || Library::load(Some(&decks), extra_decks));
            let opened = crate::store::recovery::open_fast(data_dir);
            let library = library
                .join()
                .unwrap_or_else(|p| std::panic::resume_unwind(p));
            (library, opened)
        });
        let opened = opened?;
        let restore_candidate = opened
            .notice
            .as_ref()
            .and_then(|n| n.restore_candidate())
            .map(Path::to_path_buf);
        let mut c = Collection::from_parts(library, opened.store)?;
        c.read_only = opened.read_only;
        c.notice = opened.notice.map(|n| n.to_string());
        c.restore_candidate = restore_candidate;
        c.data_dir = Some(data_dir.to_path_buf());
        if c.read_only.is_none() {
            c.later = Some(crate::store::recovery::check_later(data_dir.to_path_buf()));
        }
        Ok(c)
    }

    /// Takes in what the checks after opening found, once they are done (the app calls this
    /// every frame; it costs nothing while the worker runs).
    pub fn poll_later(&mut self) {
        if self
            .later
            .as_ref()
            .is_some_and(std::thread::JoinHandle::is_finished)
            && let Some(h) = self.later.take()
            && let Ok(found) = h.join()
            && found.notice.is_some()
        {
            self.notice = found.notice;
            self.restore_candidate = found.restore_candidate;
        }
    }

    /// A collection of a library and a store (tests use an in-memory store).
    pub fn from_parts(library: Library, store: Store) -> Result<Collection, StoreError> {
        // The quiz index is not built here: see `start_index`.
        let library = Arc::new(library);
        let index = IndexSlot::new(Arc::clone(&library));
        let settings = store
            .setting(Settings::KEY)?
            .map(|s| Settings::from_json(&s))
            .unwrap_or_default();
        let scheduler = Scheduler::new(&settings.fsrs_parameters, settings.desired_retention)
            .or_else(|_| Scheduler::new(&[], settings.desired_retention))
            .map_err(|e| StoreError::Io(std::io::Error::other(e.to_string())))?;
        let mut c = Collection {
            library,
            index,
            store,
            states: Vec::new(),
            settings,
            scheduler,
            read_only: None,
            notice: None,
            restore_candidate: None,
            later: None,
            fixed_clock: None,
            data_dir: None,
        };
        c.reload_states()?;
        Ok(c)
    }

    /// Reads every card's state from the store again: one pass over the stored states,
    /// each put in its place through maps of ids borrowed from the library.
    pub fn reload_states(&mut self) -> Result<(), StoreError> {
        let decks = &self.library.decks;
        let mut states: Vec<Vec<Option<CardState>>> = decks
            .iter()
            .map(|d| vec![None; d.deck.cards.len()])
            .collect();
        // Deck ids and card ids are unique in a library; were one not, its first holder wins.
        let mut places: HashMap<&str, (usize, HashMap<&str, usize>)> = HashMap::new();
        for (di, d) in decks.iter().enumerate() {
            places.entry(d.deck.id.as_str()).or_insert_with(|| {
                let mut cards = HashMap::with_capacity(d.deck.cards.len());
                for (ci, c) in d.deck.cards.heads().iter().enumerate() {
                    cards.entry(c.id.as_str()).or_insert(ci);
                }
                (di, cards)
            });
        }
        self.store.for_each_state(|deck, card, state| {
            if let Some((di, cards)) = places.get(deck)
                && let Some(&ci) = cards.get(card)
            {
                states[*di][ci] = Some(state);
            }
        })?;
        self.states = states;
        Ok(())
    }

    /// The quiz index of the library (for making and checking questions). The first call after
    /// opening or reloading waits until the worker has built it, or builds it, if
    /// [`Collection::start_index`] was not called.
    pub fn index(&self) -> &QuizIndex {
        debug_assert!(
            self.index.is_of(&self.library),
            "the library was replaced without Collection::set_library"
        );
        self.index.get()
    }

    /// Starts building the quiz index on a worker thread, if it is not built or being built.
    /// The app calls this once its first frame is on screen: the home screen does not need the
    /// index, and on two cores building it beside the opening slows the opening down.
    pub fn start_index(&self) {
        self.index.start();
    }

    /// Replaces the library, and starts building its quiz index (the old one is dropped, so a
    /// question is never made or checked against decks that are gone). The card states are
    /// not touched: call [`Collection::reload_states`] after.
    pub fn set_library(&mut self, library: Library) {
        self.library = Arc::new(library);
        self.index = IndexSlot::new(Arc::clone(&self.library));
        self.index.start();
    }

    pub fn clock(&self) -> Clock {
        self.fixed_clock.unwrap_or_else(Clock::system)
    }

    pub fn deck(&self, slot: Slot) -> Option<&LoadedDeck> {
        self.library.decks.get(slot.deck)
    }

    /// The whole card (read from its deck's parsed copy when it is kept there).
    pub fn card(&self, slot: Slot) -> Option<Arc<Card>> {
        self.deck(slot)?.deck.cards.get(slot.card)
    }

    pub fn state(&self, slot: Slot) -> Option<&CardState> {
        self.states.get(slot.deck)?.get(slot.card)?.as_ref()
    }

    pub fn set_state(&mut self, slot: Slot, state: Option<CardState>) {
        if let Some(s) = self
            .states
            .get_mut(slot.deck)
            .and_then(|d| d.get_mut(slot.card))
        {
            *s = state;
        }
    }

    pub fn limits(&self) -> Limits {
        Limits {
            new_per_day: self.settings.new_per_day,
            reviews_per_day: self.settings.reviews_per_day,
        }
    }

    fn views(&self, decks: &[usize], done: &HashMap<String, (u32, u32)>) -> Vec<DeckView<'_>> {
        decks
            .iter()
            .filter_map(|&i| {
                let d = self.library.decks.get(i)?;
                Some(DeckView {
                    index: i,
                    deck: &d.deck,
                    states: self.states.get(i).map_or(&[], Vec::as_slice),
                    done_today: done.get(&d.deck.id).copied().unwrap_or_default(),
                })
            })
            .collect()
    }

    /// New, due and total counts of every deck, for today.
    pub fn deck_counts(&self) -> Vec<DeckCounts> {
        let clock = self.clock();
        let today = clock.today();
        let done = self.store.day_counts(today).unwrap_or_default();
        let all: Vec<usize> = (0..self.library.decks.len()).collect();
        self.views(&all, &done)
            .iter()
            .map(|v| deck_counts(v, self.limits(), today, clock.now_ms))
            .collect()
    }

    /// The cards to study now from these decks.
    pub fn queue(&self, decks: &[usize], seed: u64) -> Vec<Slot> {
        let clock = self.clock();
        let today = clock.today();
        let done = self.store.day_counts(today).unwrap_or_default();
        let views = self.views(decks, &done);
        let claims_seen = self.claims_answered_on(today);
        build_queue(
            &views,
            self.limits(),
            today,
            clock.now_ms,
            self.settings.new_order,
            seed,
            &claims_seen,
        )
    }

    /// (deck index, claim id) of the claims whose cards were answered on a study day.
    fn claims_answered_on(&self, day: i64) -> HashSet<(usize, String)> {
        let mut out = HashSet::new();
        let offset = self.clock().offset_secs;
        for (di, d) in self.library.decks.iter().enumerate() {
            for (ci, c) in d.deck.cards.heads().iter().enumerate() {
                let claim = c.claim.and_then(|i| d.deck.claims.get(i as usize));
                if let (Some(claim), Some(s)) = (claim, self.state(Slot { deck: di, card: ci }))
                    && s.last_review_ms > 0
                    && crate::schedule::day::study_day(s.last_review_ms, offset) == day
                {
                    out.insert((di, claim.id.to_string()));
                }
            }
        }
        out
    }

    /// Cards of these decks that will be due on the study day after today.
    pub fn due_tomorrow(&self, decks: &[usize]) -> usize {
        let tomorrow = self.clock().today() + 1;
        decks
            .iter()
            .filter_map(|&d| self.states.get(d))
            .flatten()
            .flatten()
            .filter(|s| !s.suspended && !s.is_new() && s.due_day <= tomorrow)
            .count()
    }

    /// Saves new settings; the scheduler follows the new retention and parameters.
    pub fn save_settings(&mut self, settings: Settings) -> Result<(), StoreError> {
        let settings = settings.clamped();
        if self.read_only.is_some() {
            return Err(StoreError::ReadOnly);
        }
        self.store.put_setting(Settings::KEY, &settings.to_json())?;
        if let Ok(s) = Scheduler::new(&settings.fsrs_parameters, settings.desired_retention) {
            self.scheduler = s;
        }
        self.settings = settings;
        Ok(())
    }

    /// Where a card is, by ids.
    pub fn find(&self, deck_id: &str, card_id: &str) -> Option<Slot> {
        let deck = self
            .library
            .decks
            .iter()
            .position(|d| d.deck.id == deck_id)?;
        let card = self.library.decks[deck].deck.cards.position(card_id)?;
        Some(Slot { deck, card })
    }
}
