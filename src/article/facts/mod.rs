//! An article's candidate facts, as the reading view marks them: dates ("5 January 2022",
//! "January 5", "2022-01-05", a year after "in"), figures with their units ("2,500 troops",
//! "$1.6bn", "twelve thousand people"), the names the library knows in any spelling (its
//! persons and places: Toqaev = Tokayev = Токаев), and other capitalised runs of words. One
//! pass over the text's words for each kind; later kinds never overlap earlier ones (a
//! month is a date before it is a capitalised word).

mod dates;
mod figures;
mod names;
mod words;

use std::ops::Range;

pub use names::{Known, NameBook};
use words::Words;

/// What kind of fact a mark is, and so which card it would make.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FactKind {
    /// A date (When).
    Date,
    /// A number, with its unit when one follows it (Figure).
    Figure,
    /// A person the library knows (Who).
    Person,
    /// A place the library knows (Where).
    Place,
    /// A capitalised run of words the library does not know: a name of someone or something.
    Name,
}

impl FactKind {
    pub const ALL: [FactKind; 5] = [
        FactKind::Date,
        FactKind::Figure,
        FactKind::Person,
        FactKind::Place,
        FactKind::Name,
    ];

    /// How the kind is named to the user.
    pub fn label(self) -> &'static str {
        match self {
            FactKind::Date => "date",
            FactKind::Figure => "figure",
            FactKind::Person => "known person",
            FactKind::Place => "known place",
            FactKind::Name => "name",
        }
    }
}

/// What a fact says, read from its words.
#[derive(Debug, Clone, PartialEq)]
pub enum FactValue {
    /// A date as precisely as it is written (a year may be missing: "5 January").
    Date {
        year: Option<i32>,
        month: Option<u8>,
        day: Option<u8>,
    },
    /// A number (the low end of a range, with its high end), as written, and its unit.
    Figure {
        value: f64,
        high: Option<f64>,
        number: String,
        unit: String,
    },
    /// A name the library knows, and how the library shows it.
    Known(Known),
    /// A capitalised run of words.
    Name,
}

/// One candidate fact: where it is in the article's text (byte offsets) and what it says.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    pub kind: FactKind,
    pub range: Range<usize>,
    pub value: FactValue,
}

/// Every candidate fact of `text`, in text order, none overlapping another; names are
/// looked up in `book` (an empty book marks capitalised runs only).
pub fn find_facts(text: &str, book: &NameBook) -> Vec<Fact> {
    let words = Words::new(text);
    let mut taken = vec![false; words.len()];
    let mut facts = dates::find(&words, &mut taken);
    facts.extend(figures::find(&words, &mut taken));
    facts.extend(names::find_known(&words, book, &mut taken));
    facts.extend(names::find_runs(&words, &mut taken));
    facts.sort_by_key(|f| f.range.start);
    facts
}

/// The facts of `facts` (in text order) that overlap `range`.
pub fn within(facts: &[Fact], range: Range<usize>) -> &[Fact] {
    let from = facts.partition_point(|f| f.range.end <= range.start);
    let to = from + facts[from..].partition_point(|f| f.range.start < range.end);
    &facts[from..to]
}

#[cfg(test)]
mod tests;
