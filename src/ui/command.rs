//! What the screens ask for: each screen draws and returns a [`Command`]; the app runs the
//! commands once the frame is drawn ([`super::App::run`]), through the study layer, and the
//! changes they return move the versions that the screens key their caches on.

use std::path::PathBuf;

use super::reader::{DraftedCard, Origin};
use super::screen::Screen;
use super::status::Message;
use crate::deck::Deck;
use crate::quiz::{Confidence, Grade, Response};
use crate::schedule::queue::Slot;
use crate::settings::Settings;
use crate::study::articles::ArticleInput;

#[must_use = "a command does nothing until the app runs it"]
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Go to a screen (leaving a session; the editor asks first about unsaved changes).
    Open(Screen),
    /// Back to the decks.
    GoHome,
    /// Study the due cards of these decks.
    Study(Vec<usize>),
    /// Study these cards, due or not (weak topics).
    StudyCards(Vec<Slot>),
    /// Check an answer to the card on screen, given with how sure the learner said they were.
    Answer(Response, Option<Confidence>),
    /// Save the checked answer with a grade, and show the next card.
    Grade(Grade),
    /// Take the last graded answer back.
    Undo,
    /// Suspend the card on screen.
    SuspendCurrent,
    /// Bury the card on screen until tomorrow.
    BuryCurrent,
    /// Suspend or unsuspend a card.
    SetSuspended(Slot, bool),
    SaveSettings(Box<Settings>),
    /// Keep the FSRS parameters an optimisation found better.
    KeepParameters(Vec<f32>),
    /// Replace the progress with this backup (the current file is backed up first).
    RestoreBackup(PathBuf),
    /// Forget the notice from opening.
    DismissNotice,
    /// Save a deck of the user's (to its own file, or a new one) and load the decks again;
    /// with `leave`, go to the decks once saved.
    SaveDeck {
        deck: Box<Deck>,
        file: Option<PathBuf>,
        leave: bool,
    },
    /// Save an imported deck as a new deck of the user's.
    ImportDeck(Box<Deck>),
    /// Import what was read from another app's file (decks and review history); with
    /// `true`, leaving out the notes that cannot be read.
    ImportForeign(Box<crate::interop::Foreign>, bool),
    /// Open a card in the deck editor (a built-in deck as a copy).
    EditCard(Slot),
    /// Show a card in the browser.
    ShowInBrowser(Slot),
    /// Turn sync on with a shared folder (or off with `None`), naming this machine.
    SetSync {
        folder: Option<PathBuf>,
        name: String,
    },
    /// Merge through the shared folder now.
    SyncNow,
    /// Tell the user something in the status line.
    Say(Message),
    /// Copy an article into the data folder and offer a source made from it (the editor).
    AddArticle(ArticleInput),
    /// Open the reading view at a card's evidence (its nth item).
    ReadEvidence(Slot, usize),
    /// Open the reading view at a source of the deck in the editor, at a locator if given.
    ReadDraftSource {
        source: String,
        locator: Option<String>,
    },
    /// Put a card drafted in the reading view into the deck editor.
    DraftCard(Box<DraftedCard>),
    /// Open the card whose evidence a passage of the reading view is.
    OpenBackedCard {
        origin: Origin,
        card: String,
    },
    /// Leave the reading view for the screen it was opened from.
    CloseReader,
}
