//! factquiz: learn what happened, who did it, when, and which figures are disputed, from news
//! articles, with FSRS scheduling and the evidence for every card.

pub mod article;
pub mod data_dir;
pub mod deck;
pub mod interop;
pub mod malloc;
pub mod parallel;
pub mod quiz;
pub mod schedule;
pub mod settings;
pub mod stats;
pub mod store;
pub mod study;
pub mod sync;
pub mod text;
pub mod ui;
