//! Scheduling with FSRS-6 (the `fsrs` crate): card states, study days from 4 a.m., the next
//! state after an answer, Anki's fuzz, the due queue with daily limits and its interleaving,
//! and parameter optimisation from the review log.

pub mod day;
pub mod fuzz;
pub mod interleave;
pub mod optimize;
pub mod queue;
pub mod replay;
pub mod scheduler;
pub mod state;

pub use day::Clock;
pub use scheduler::{Interval, Scheduler};
pub use state::{CardState, Queue};
