//! Importing from another app (an Anki package or export, a Quizlet export) through the
//! collection: the progress is backed up first; each card's history is replayed into its
//! FSRS state (`Scheduler::replay`) and written with every review and what the card teaches
//! (its learned fact) in one transaction (reviews already in the log are not written twice);
//! suspended and buried cards stay so; then the decks are written (a re-import replaces the
//! decks it made before, keeping their old copies beside the backups) and the library is
//! loaded again. Nothing is written when a note cannot be read, unless the user chose to leave
//! such notes out.

use std::path::PathBuf;

use super::Collection;
use super::changes::Changes;
use super::error::{StudyError, StudyResult};
use super::import::import_with;
use crate::deck::fact::{fingerprint, in_words};
use crate::interop::Foreign;
use crate::schedule::day::study_day;
use crate::schedule::replay::Past;
use crate::schedule::{CardState, Queue};
use crate::store::imported::{CardHistory, HistoryWritten, PastReview};

/// What an import from another app did.
#[derive(Debug, Clone, PartialEq)]
pub struct ForeignImported {
    /// Where each deck was written.
    pub decks: Vec<PathBuf>,
    /// The backup of the progress taken first.
    pub backup: Option<PathBuf>,
    /// Decks of the user's that were replaced (an earlier import of the same decks), kept here.
    pub replaced_kept: Vec<PathBuf>,
    pub history: HistoryWritten,
}

impl Collection {
    /// Imports what was read from another app's file; with `skip_bad`, even when some notes
    /// could not be read (they are left out).
    pub fn import_foreign(
        &mut self,
        foreign: &Foreign,
        skip_bad: bool,
        extra: &[PathBuf],
    ) -> StudyResult<(ForeignImported, Changes)> {
        self.writable()?;
        self.settle_sync();
        if !foreign.importable(skip_bad) {
            return Err(StudyError::Deck(if foreign.decks.is_empty() {
                "the file has no card factquiz can ask; nothing was imported".into()
            } else {
                format!(
                    "{} note(s) could not be read; nothing was imported (skip the bad notes to import the rest)",
                    foreign.report.problems.len()
                )
            }));
        }
        let dir = self
            .data_dir
            .clone()
            .ok_or_else(|| StudyError::Deck("there is no data folder to import into".into()))?;
        let backup = self.store.backup_before_import().map_err(|e| {
            StudyError::Deck(format!(
                "the backup before the import failed: {e}; nothing was imported"
            ))
        })?;
        let histories = self.histories(foreign);
        let history = self.store.import_history(&histories, "show-answer")?;
        self.imported_like_answers(&histories)?;
        let mut out = ForeignImported {
            decks: Vec::new(),
            backup: Some(backup),
            replaced_kept: Vec::new(),
            history,
        };
        for deck in &foreign.decks {
            let done = import_with(&dir, deck, true, || Ok(None))?;
            out.decks.push(done.path);
            out.replaced_kept.extend(done.replaced_kept);
        }
        let changes = self.reload_decks(extra)?;
        Ok((out, changes))
    }

    /// Each card's reviews and the state they bring it to, with the scheduler's parameters
    /// and the user's time zone, and what the card teaches as imported; a suspended card stays
    /// suspended, a buried one is buried through today. A history of a card the file does not
    /// make is left out.
    fn histories(&self, foreign: &Foreign) -> Vec<CardHistory> {
        let clock = self.clock();
        let offset = clock.offset_secs;
        foreign
            .cards
            .iter()
            .filter_map(|c| {
                let deck = foreign.decks.iter().find(|d| d.id == c.deck_id)?;
                let card = deck.card(&c.card_id)?;
                let claim = card.claim.as_deref().and_then(|id| deck.claim(id));
                let fact = (fingerprint(card, claim), in_words(deck, card, claim));
                let past: Vec<Past> = c
                    .reviews
                    .iter()
                    .map(|r| Past {
                        time_ms: r.time_ms,
                        grade: r.grade,
                    })
                    .collect();
                let states = self.scheduler.replay(&past, offset);
                let reviews = c
                    .reviews
                    .iter()
                    .enumerate()
                    .map(|(i, r)| PastReview {
                        time_ms: r.time_ms,
                        day: study_day(r.time_ms, offset),
                        grade: r.grade as u8,
                        queue_before: i
                            .checked_sub(1)
                            .and_then(|j| states.get(j))
                            .map_or(Queue::New, |s| s.queue),
                        taken_ms: r.taken_ms,
                    })
                    .collect();
                let mut state = states.last().copied().unwrap_or_else(CardState::new_card);
                state.suspended = c.suspended;
                if c.buried {
                    state.buried_until_day = clock.today();
                }
                Some(CardHistory {
                    deck_id: c.deck_id.clone(),
                    card_id: c.card_id.clone(),
                    reviews,
                    state,
                    fact,
                })
            })
            .collect()
    }
}
