//! Building the quiz index: every card read once (on every core, a deck at a time), the
//! spellings of one person joined, the phrases of a kind joined, every name sorted for lookup,
//! and each card's reach placed; then the whole packed into memory of its own.

use std::collections::HashMap;

use super::persons::group_persons;
use super::reach::{Reach, reach_keys};
use super::{Figure, Folded, Owner, Phrase, QuizIndex, TopicRun};
use crate::deck::{Answer, CardKind, CardReadError, Library, PartialDate, Text};
use crate::quiz::check::accepted_range;
use crate::text::fold::fold;
use crate::text::number::parse_number;
use crate::text::units::unit_key;

/// Each folded wording of a phrase and the phrases (of any kind) that hold it, while the
/// phrases are joined.
type PhraseKeys = HashMap<Text, Vec<(CardKind, usize)>>;

/// The topics of each phrase of each kind (as places in the topic names), while the phrases
/// are joined.
type PhraseTopics = HashMap<CardKind, Vec<Vec<u16>>>;

impl QuizIndex {
    /// The index of a library's cards; an error when a card cannot be read (its deck's copy
    /// in the deck cache is damaged): an index without it would leave it out of every choice
    /// and every "that is another card's answer" without a word.
    pub fn build(lib: &Library) -> Result<QuizIndex, CardReadError> {
        let mut ix = QuizIndex::default();
        // Every topic of the library, from the decks' own lists (no card is read for them).
        let mut topic_names: Vec<Text> = lib
            .decks
            .iter()
            .flat_map(|d| d.deck.cards.topic_names().iter().cloned())
            .collect();
        topic_names.sort();
        topic_names.dedup();
        topic_names.truncate(usize::from(u16::MAX));
        ix.topic_names = topic_names;
        let mut name_lists: Vec<(Option<Text>, Vec<Text>, Vec<u16>)> = Vec::new();
        let mut drafts: Vec<Vec<Reach>> = Vec::with_capacity(lib.decks.len());
        let mut phrase_keys = PhraseKeys::new();
        let mut phrase_topics = PhraseTopics::new();
        // What each card gives (folding every spelling is the costly part) is read on every
        // core, as many decks at a time as there are cores, and joined in library order as
        // it comes: only those decks' wordings are held at once, not the library's.
        let step = crate::parallel::cores();
        for first in (0..lib.decks.len()).step_by(step) {
            let decks = &lib.decks[first..lib.decks.len().min(first + step)];
            let parts = crate::parallel::map_indexed(decks.len(), |i| {
                read_deck(&decks[i].deck, &ix.topic_names)
            });
            for part in parts {
                let part = part?;
                for answer in part.keys {
                    let words = (answer.first, answer.keys, answer.topics);
                    if answer.name {
                        name_lists.push(words);
                    } else {
                        ix.add_phrase(&mut phrase_keys, &mut phrase_topics, answer.kind, words);
                    }
                }
                ix.dates.extend(part.dates);
                ix.figures.extend(part.figures);
                drafts.push(part.reach);
            }
        }
        drop(phrase_keys);
        for (mut person, topics) in group_persons(name_lists) {
            person.topics = ix.topic_run(topics);
            ix.persons.push(person);
        }
        let mut kinds: Vec<CardKind> = ix.phrases.keys().copied().collect();
        kinds.sort();
        for kind in kinds {
            let topics = phrase_topics.remove(&kind).unwrap_or_default();
            for (i, t) in topics.into_iter().enumerate() {
                let run = ix.topic_run(t);
                if let Some(p) = ix.phrases.get_mut(&kind).and_then(|l| l.get_mut(i)) {
                    p.topics = run;
                }
            }
        }
        ix.place_names();
        for deck in drafts {
            let placed = deck.into_iter().map(|r| ix.placed(r)).collect();
            ix.reach.push(placed);
        }
        ix.dates.sort();
        ix.dates.dedup();
        // Built, the index lies among the freed lists it was built from; it is copied into
        // memory of its own a list at a time (no more than one list held twice), and the
        // pages freed can be given back (see `malloc::trim`): 13 -> 10 MB at 100,000 cards.
        ix.pack();
        Ok(ix)
    }

    /// Every person's spellings and surnames and every phrase's wordings in `names`, and
    /// their order by text in `by_text`.
    fn place_names(&mut self) {
        for (i, p) in self.persons.iter().enumerate() {
            for k in p.keys.iter() {
                self.names.push((Folded::new(k.as_str()), Owner::Person(i)));
            }
            for k in p.surnames.iter() {
                self.names
                    .push((Folded::new(k.as_str()), Owner::Surname(i)));
            }
        }
        for (kind, list) in &self.phrases {
            for (i, p) in list.iter().enumerate() {
                for k in &p.keys {
                    let owner = Owner::Phrase(*kind, i);
                    self.names.push((Folded::new(k.as_str()), owner));
                }
            }
        }
        let names = &self.names;
        let mut by_text: Vec<u32> = (0..names.len())
            .map(|i| u32::try_from(i).unwrap_or(u32::MAX))
            .collect();
        by_text.sort_by(|&a, &b| names[a as usize].0.text.cmp(&names[b as usize].0.text));
        self.by_text = by_text;
    }

    /// Keeps a list of topics (once each) as a run of `topic_ids`.
    fn topic_run(&mut self, mut topics: Vec<u16>) -> TopicRun {
        topics.sort_unstable();
        topics.dedup();
        let start = u32::try_from(self.topic_ids.len()).unwrap_or(u32::MAX);
        let len = u16::try_from(topics.len()).unwrap_or(u16::MAX);
        self.topic_ids
            .extend(topics.into_iter().take(usize::from(len)));
        TopicRun { start, len }
    }

    /// Copies each list and map into fresh memory, one at a time (a copy keeps no room
    /// spare, which lists and maps grown one entry at a time do: a fifth of the index at
    /// 100,000 cards).
    fn pack(&mut self) {
        fn fresh<T: Clone>(v: &mut T) {
            *v = v.clone();
        }
        fresh(&mut self.persons);
        fresh(&mut self.phrases);
        fresh(&mut self.dates);
        fresh(&mut self.figures);
        fresh(&mut self.topic_names);
        fresh(&mut self.topic_ids);
        fresh(&mut self.names);
        fresh(&mut self.by_text);
        fresh(&mut self.reach);
        fresh(&mut self.words);
    }

    /// Adds a phrase's wordings and topics to the first phrase of its kind that shares a
    /// wording, or as a new phrase.
    fn add_phrase(
        &mut self,
        by_key: &mut PhraseKeys,
        all_topics: &mut PhraseTopics,
        kind: CardKind,
        (display, keys, topics): (Option<Text>, Vec<Text>, Vec<u16>),
    ) {
        // The first phrase (lowest index) that holds any of the keys: a temporary map per kind.
        let list = self.phrases.entry(kind).or_default();
        let kind_topics = all_topics.entry(kind).or_default();
        let first = keys
            .iter()
            .filter_map(|k| {
                by_key.get(k.as_str()).and_then(|v| {
                    v.iter()
                        .filter(|(kd, _)| *kd == kind)
                        .map(|(_, i)| *i)
                        .min()
                })
            })
            .min();
        let mut own = |k: &Text, i: usize| {
            let owners = by_key.entry(k.clone()).or_default();
            if !owners.contains(&(kind, i)) {
                owners.push((kind, i));
            }
        };
        if let Some(i) = first {
            let p = &mut list[i];
            for k in keys {
                if !p.keys.contains(&k) {
                    own(&k, i);
                    p.keys.push(k);
                }
            }
            if let Some(t) = kind_topics.get_mut(i) {
                t.extend(topics);
            }
        } else if let Some(display) = display {
            let i = list.len();
            for k in &keys {
                own(k, i);
            }
            list.push(Phrase {
                display,
                keys,
                topics: TopicRun::default(),
            });
            kind_topics.push(topics);
        }
    }
}

/// A Name or Phrase answer: its card's kind and topics, its first wording (as shown), and
/// every wording folded.
struct Wordings {
    kind: CardKind,
    name: bool,
    /// The card's topics, as places in the index's topic names.
    topics: Vec<u16>,
    first: Option<Text>,
    keys: Vec<Text>,
}

/// What one deck's cards give the index.
#[derive(Default)]
struct DeckPart {
    /// The wordings of each Name or Phrase answer, in deck order.
    keys: Vec<Wordings>,
    /// Every card's [`Reach`].
    reach: Vec<Reach>,
    dates: Vec<PartialDate>,
    figures: Vec<Figure>,
}

/// Reads every card of a deck (from the deck cache when the cards are there), or says which
/// could not be read.
fn read_deck(
    deck: &crate::deck::Deck<crate::deck::Cards, crate::deck::Claims>,
    topic_names: &[Text],
) -> Result<DeckPart, CardReadError> {
    let mut part = DeckPart {
        reach: Vec::with_capacity(deck.cards.len()),
        ..DeckPart::default()
    };
    deck.cards.for_each(|_, card| {
        let mut reach = Reach::Nothing;
        match &card.answer {
            Answer::Name(v) | Answer::Phrase(v) => {
                let keys: Vec<String> = v.iter().map(|v| fold(v)).collect();
                let name = matches!(card.answer, Answer::Name(_));
                reach = Reach::Words(reach_keys(v, &keys, name).into_boxed_slice());
                part.keys.push(Wordings {
                    kind: card.kind,
                    name,
                    topics: card
                        .topics
                        .iter()
                        .filter_map(|t| topic_names.binary_search(t).ok())
                        .filter_map(|i| u16::try_from(i).ok())
                        .collect(),
                    first: v.first().cloned(),
                    keys: keys.into_iter().map(Text::from).collect(),
                });
            }
            Answer::Date(date) => {
                part.dates.push(*date);
                reach = Reach::Date(*date);
            }
            Answer::Number(n) => {
                part.figures.push(Figure {
                    value: n.value.value,
                    unit: unit_key(&n.unit).into(),
                });
                let (lo, hi) = accepted_range(n);
                reach = Reach::Number { lo, hi };
            }
            _ => {}
        }
        part.reach.push(reach);
    })?;
    deck.claims.for_each(|_, c| part.dates.extend(c.made_on))?;
    Ok(part)
}

/// The number a claim's source value gives, if it gives one.
pub fn value_number(text: &str) -> Option<f64> {
    parse_number(text).map(|r| r.value)
}
