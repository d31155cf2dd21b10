//! Studying, without drawing: the collection (library, store, states, settings) and the study
//! session that the review screen runs.

pub mod browse;
pub mod collection;
pub mod history;
mod index_slot;
pub mod optimize_job;
mod reload;
pub mod session;

pub use collection::Collection;
pub use session::{Answered, Current, StudySession, Summary};
