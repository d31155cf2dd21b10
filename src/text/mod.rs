//! Reading what people type: numbers, dates and names, with no knowledge of decks or cards.

pub mod date;
pub mod fold;
pub mod number;
