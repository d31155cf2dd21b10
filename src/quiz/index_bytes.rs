//! How many bytes each part of the quiz index holds, for `examples/memory_steps.rs` (which
//! measures a heavy user's collection step by step).

use super::{Figure, Folded, Owner, Person, Phrase, Placed, QuizIndex, Word};
use crate::deck::{PartialDate, Text};

impl QuizIndex {
    /// About how many bytes each part of the index holds (its lists, maps and the texts they
    /// own), for `examples/memory_steps.rs`.
    pub fn bytes_by_part(&self) -> Vec<(&'static str, usize)> {
        fn text(t: &Text) -> usize {
            if t.is_heap_allocated() {
                t.capacity()
            } else {
                0
            }
        }
        let persons = self.persons.capacity() * size_of::<Person>()
            + self
                .persons
                .iter()
                .map(|p| {
                    text(&p.display)
                        + p.keys
                            .iter()
                            .chain(p.surnames.iter())
                            .map(|k| 24 + text(k))
                            .sum::<usize>()
                })
                .sum::<usize>();
        let phrases: usize = self
            .phrases
            .values()
            .flatten()
            .map(|p| {
                size_of::<Phrase>()
                    + text(&p.display)
                    + p.keys.capacity() * 24
                    + p.keys.iter().map(text).sum::<usize>()
            })
            .sum();
        let names = self.names.capacity() * size_of::<(Folded, Owner)>()
            + self.names.iter().map(|(f, _)| text(&f.text)).sum::<usize>();
        let reach = self
            .reach
            .iter()
            .map(|d| d.capacity() * size_of::<Placed>())
            .sum::<usize>()
            + self.words.capacity() * size_of::<Word>();
        let figures = self.figures.capacity() * size_of::<Figure>()
            + self
                .figures
                .iter()
                .map(|f| text(&f.unit) + text(&f.display))
                .sum::<usize>();
        vec![
            ("persons", persons),
            ("phrases", phrases),
            ("names", names),
            ("by_text", self.by_text.capacity() * 4),
            ("reach", reach),
            ("figures", figures),
            ("dates", self.dates.capacity() * size_of::<PartialDate>()),
        ]
    }
}
