//! The RON deck format: its types, loading with located errors, validation, and the library
//! of built-in and user decks.

mod amount;
mod ask;
mod cache;
mod card_fields;
pub mod cards;
pub mod claims;
pub mod csv;
pub mod date;
pub mod draft;
pub mod fact;
pub mod import;
mod keys;
pub mod library;
pub mod lint;
pub mod load;
pub mod model;
pub mod report;
pub mod save;
pub mod validate;

pub use cards::{CardHead, CardReadError, Cards};
pub use claims::{ClaimHead, ClaimList, ClaimRef, Claims};
pub use date::{PartialDate, Precision};
pub use library::{DeckOrigin, Library, LoadedDeck};
pub use load::{DeckError, parse_deck};
pub use model::*;
