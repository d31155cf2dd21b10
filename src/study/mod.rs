//! Studying, without drawing: the collection (library, store, states, settings) and the study
//! session that the review screen runs. The one place where a change is made, for the window
//! and the command line alike: every write is a method here that returns what it changed.

mod answering;
pub mod articles;
pub mod backups;
pub mod browse;
pub mod changes;
pub mod collection;
mod counts;
pub mod error;
pub mod facts;
pub mod history;
pub mod import;
pub mod import_foreign;
mod index_slot;
pub mod job;
pub mod optimize_job;
mod progress;
pub mod read_job;
mod reload;
pub mod session;
pub mod sync;

pub use answering::{Answered, Recorded};
pub use changes::{Changes, Versions};
pub use collection::Collection;
pub use error::{StudyError, StudyResult};
pub use facts::ChangedFact;
pub use job::{Job, Waker, no_waker};
pub use session::{Current, StudySession, Summary};
