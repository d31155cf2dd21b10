//! The study layer's one error type: what can go wrong while studying, opening, reading cards
//! or running a background job, wrapping the store's, the scheduler's and the deck cache's
//! errors. Its text is what the user reads in the status line.

use crate::schedule::optimize::OptimizeError;
use crate::schedule::scheduler::ScheduleError;
use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum StudyError {
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("the scheduler could not be set up: {0}")]
    Schedule(#[from] ScheduleError),
    /// A card the library lists could not be read (its deck's cached copy is damaged or
    /// gone); the user is told, the card is never skipped silently.
    #[error("card {card} of deck \"{deck}\" could not be read: {why}")]
    CardUnreadable {
        deck: String,
        card: String,
        why: String,
    },
    /// A deck's cards could not be read in a pass over them (the quiz index, a search).
    #[error("{0}")]
    CardRead(#[from] crate::deck::CardReadError),
    #[error("no deck \"{0}\"")]
    UnknownDeck(String),
    #[error("deck \"{deck}\" has no card \"{card}\"")]
    UnknownCard { deck: String, card: String },
    #[error("you already have a deck \"{id}\" ({})", path.display())]
    DeckExists {
        id: String,
        path: std::path::PathBuf,
    },
    #[error("nothing can be saved: {0}")]
    ReadOnly(String),
    #[error("{0}")]
    Deck(String),
    #[error("{0}")]
    Optimize(#[from] OptimizeError),
    #[error("{0}")]
    Import(#[from] crate::interop::InteropError),
    #[error("the {0} stopped on an internal error; please report this")]
    WorkerPanicked(&'static str),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Sync(#[from] crate::sync::SyncError),
    /// An article that cannot be used (too big, not text, unreadable).
    #[error("{0}")]
    Article(#[from] crate::article::ArticleError),
}

impl StudyError {
    /// Whether the disk or the folder refused a write (full, read-only, locked by another copy).
    pub fn is_write_refused(&self) -> bool {
        match self {
            StudyError::Store(e) => e.is_write_refused() || matches!(e, StoreError::Locked(_)),
            StudyError::ReadOnly(_) => true,
            _ => false,
        }
    }
}

pub type StudyResult<T> = Result<T, StudyError>;
