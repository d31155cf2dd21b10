//! The collection: the deck library, the quiz index (built on a worker, see
//! [`super::index_slot`]), the progress store, every card's state (aligned with the library, so
//! that counting is a walk over arrays), the settings and the scheduler. The one place that
//! joins deck, quiz, schedule and store. Everything here is read through accessors; every
//! change is a method of the collection (see `progress.rs`, `reload.rs`, `answering.rs`) that
//! returns what it changed and moves the [`Versions`] the screens key their caches on.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::changes::{Changes, Versions};
use super::error::StudyResult;
use super::index_slot::IndexSlot;
use super::job::{Job, Waker, no_waker};
use crate::deck::{Library, LoadedDeck};
use crate::quiz::QuizIndex;
use crate::schedule::queue::{Limits, Slot};
use crate::schedule::{CardState, Clock, Scheduler};
use crate::settings::Settings;
use crate::store::recovery::LaterCheck;
use crate::store::{Store, StoreError};

pub struct Collection {
    /// The decks; shared with the worker that builds the quiz index.
    pub(super) library: Arc<Library>,
    /// The quiz index of `library`: see [`Collection::index`].
    pub(super) index: IndexSlot,
    pub(super) store: Store,
    /// `states[d][c]`: the state of card c of deck d, `None` when never answered.
    pub(super) states: Vec<Vec<Option<CardState>>>,
    pub(super) settings: Settings,
    pub(super) scheduler: Scheduler,
    /// Why the collection cannot be written to, if it cannot (another copy has the lock, the
    /// data folder is read-only or full, the progress file is from a newer factquiz).
    pub(super) read_only: Option<String>,
    /// What happened while opening the progress (a damaged file moved aside, a newer file
    /// left untouched, a backup that failed), in plain words, to show once.
    pub(super) notice: Option<String>,
    /// The latest good backup, when the progress file was damaged.
    pub(super) restore_candidate: Option<PathBuf>,
    /// The integrity check and the day's backup, running on a worker after opening.
    pub(super) later: Option<Job<LaterCheck>>,
    /// The pass that brings the deck cache up to date (see [`Collection::refresh_deck_cache`]).
    pub(super) cache_refresh: Option<Job<()>>,
    /// A fixed clock for tests; the system clock when `None`.
    pub(super) fixed_clock: Option<Clock>,
    pub(super) data_dir: Option<PathBuf>,
    /// Called when a worker of the collection has something new (the window repaints).
    pub(super) waker: Waker,
    pub(super) versions: Versions,
    /// What the cards taught when last answered, and which changed since (see `facts.rs`).
    pub(super) facts: super::facts::Facts,
}

impl Collection {
    /// Opens the data directory: its decks and progress, through
    /// [`crate::store::recovery::open_fast`]. When the progress cannot be written (another
    /// copy holds the lock, the folder is read-only or full, the file is from a newer
    /// factquiz), it is opened read-only and [`Collection::read_only`] says why; a damaged file
    /// is moved aside, [`Collection::notice`] says what happened and
    /// [`Collection::restore_candidate`] names the backup to offer.
    pub fn open(data_dir: &Path, extra_decks: &[PathBuf]) -> StudyResult<Collection> {
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
        c.send_changed_back()?;
        Ok(c)
    }

    /// A collection of a library and a store (tests use an in-memory store); its data
    /// directory is the store's.
    pub fn from_parts(library: Library, store: Store) -> StudyResult<Collection> {
        // The quiz index is not built here: see `start_workers`.
        let library = Arc::new(library);
        let index = IndexSlot::new(Arc::clone(&library));
        let settings = store
            .setting(Settings::KEY)?
            .map(|s| Settings::from_json(&s))
            .unwrap_or_default();
        let scheduler = Scheduler::new(&settings.fsrs_parameters, settings.desired_retention)
            .or_else(|_| Scheduler::new(&[], settings.desired_retention))?;
        let data_dir = store.data_dir().map(Path::to_path_buf);
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
            cache_refresh: None,
            fixed_clock: None,
            data_dir,
            waker: no_waker(),
            versions: Versions::fresh(),
            facts: Default::default(),
        };
        c.reload_states()?;
        Ok(c)
    }

    /// Starts what the first frame does not need, once it is on screen: the quiz index, and
    /// (for a collection that writes) the integrity check, the day's backup and the deck
    /// cache's pass. `waker` is called when a worker of the collection has news for the
    /// screens.
    pub fn start_workers(&mut self, waker: Waker) {
        self.waker = waker;
        self.index.start();
        self.start_filling_facts();
        self.refresh_deck_cache();
        if let (Some(dir), None, None) = (&self.data_dir, &self.read_only, &self.later) {
            let dir = dir.clone();
            self.later = Some(Job::spawn(
                "integrity check",
                self.waker.clone(),
                move || Ok(crate::store::recovery::check_later(&dir)),
            ));
        }
    }

    /// Reads every card's state from the store again: one pass over the stored states,
    /// each put in its place through maps of ids borrowed from the library, its learned fact
    /// compared with the card's (see `facts.rs`).
    pub(super) fn reload_states(&mut self) -> Result<(), StoreError> {
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
        let facts = &mut self.facts;
        facts.clear_noted();
        self.store.for_each_state(|deck, card, state, fact| {
            if let Some((di, cards)) = places.get(deck)
                && let Some(&ci) = cards.get(card)
            {
                states[*di][ci] = Some(state);
                let now = decks[*di].deck.cards.heads()[ci].fact;
                facts.note(
                    Slot {
                        deck: *di,
                        card: ci,
                    },
                    fact,
                    now,
                );
            }
        })?;
        self.states = states;
        Ok(())
    }

    /// Moves the versions of what changed, and hands the change back.
    pub(super) fn changed(&mut self, c: Changes) -> Changes {
        self.versions.bump(c);
        c
    }

    /// The version counters the screens key their caches on.
    pub fn versions(&self) -> Versions {
        self.versions
    }

    pub fn library(&self) -> &Library {
        &self.library
    }

    /// The store, to read from (statistics, history); changes go through the collection.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The quiz index of the library (for making and checking questions). The first call after
    /// opening or reloading waits until the worker has built it, or builds it; an error when a
    /// card could not be read for it.
    pub fn index(&self) -> StudyResult<&QuizIndex> {
        self.index.get()
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn scheduler(&self) -> &Scheduler {
        &self.scheduler
    }

    /// Every card's state, `states()[deck][card]`, aligned with the library.
    pub fn states(&self) -> &[Vec<Option<CardState>>] {
        &self.states
    }

    /// Why nothing can be saved, when nothing can.
    pub fn read_only(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    /// What happened while opening (or found by the checks after), to show until dismissed.
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    /// The backup to offer with "Restore the latest good backup", when the file was damaged.
    pub fn restore_candidate(&self) -> Option<&Path> {
        self.restore_candidate.as_deref()
    }

    /// The data directory (none for a collection over a store in memory).
    pub fn data_dir(&self) -> Option<&Path> {
        self.data_dir.as_deref()
    }

    pub fn clock(&self) -> Clock {
        self.fixed_clock.unwrap_or_else(Clock::system)
    }

    /// Fixes the clock (tests and tools that replay time); `None` goes back to the system's.
    pub fn set_clock(&mut self, clock: Option<Clock>) {
        self.fixed_clock = clock;
    }

    pub fn deck(&self, slot: Slot) -> Option<&LoadedDeck> {
        self.library.decks.get(slot.deck)
    }

    pub fn state(&self, slot: Slot) -> Option<&CardState> {
        self.states.get(slot.deck)?.get(slot.card)?.as_ref()
    }

    pub(super) fn set_state(&mut self, slot: Slot, state: Option<CardState>) {
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

    /// The deck's and the card's ids of a slot.
    pub fn ids(&self, slot: Slot) -> Option<(String, String)> {
        let deck = self.deck(slot)?;
        let head = deck.deck.cards.heads().get(slot.card)?;
        Some((deck.deck.id.clone(), head.id.to_string()))
    }
}
