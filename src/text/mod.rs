//! Reading what people type: numbers, dates, names and units, with no knowledge of decks or
//! cards.

pub mod date;
pub mod fold;
pub mod names;
pub mod number;
pub mod units;
