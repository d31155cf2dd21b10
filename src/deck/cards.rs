//! A loaded deck's cards, as the library keeps them: for every card a small head (its id,
//! kind, topics and claim: what due counts, the browser's filters and the topic statistics
//! read), and the whole card only when something shows or checks it. A deck read from the deck
//! cache (`deck/cache/`) leaves the whole cards there and reads one when asked, keeping the
//! last few; a deck parsed from its own file (built-in decks, a deck edited since its copy was
//! made) keeps them in memory. A heavy user's 100,000 cards then cost a few megabytes instead
//! of a hundred.

use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Serialize};

use super::cache::CachedBodies;
use super::claims::Claims;
use super::model::{AskMode, Card, CardKind, Claim, Deck, Text};
use crate::text::fold::normalize;

/// Why a whole card or claim (or a deck's cards, claims, or search texts) could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CardReadError {
    #[error("the deck has no card {index} (it has {len})")]
    NoSuchCard { index: usize, len: usize },
    #[error("the deck has no claim {index} (it has {len})")]
    NoSuchClaim { index: usize, len: usize },
    #[error(
        "{what} {index} of {file} could not be read from the deck cache ({reason}); factquiz \
         writes the deck's copy again from its file"
    )]
    Damaged {
        /// "card" or "claim".
        what: &'static str,
        file: String,
        index: usize,
        reason: String,
    },
    #[error("the deck cache could not be read for {file}: {reason}")]
    Cache { file: String, reason: String },
}

/// What the library keeps of every card.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CardHead {
    pub id: Text,
    pub kind: CardKind,
    /// The index of the card's claim in its deck's claims; `NO_CLAIM` when it has none (a
    /// plain number keeps the head at 48 bytes, where an `Option` would make it 56).
    claim_at: u32,
    /// The mode the card insists on, if any.
    pub mode: Option<AskMode>,
    /// Whether its answer is too long to type or choose (see [`super::model::Answer::too_long_to_ask`]).
    pub long: bool,
    /// The fingerprint of what the card teaches (its answer and claim: see `deck::fact`).
    pub fact: u64,
    /// Where the card's topics are in [`Cards`]' list of topic numbers.
    topics_start: u32,
    topics_len: u16,
}

/// [`CardHead`]'s mark of a card without a claim.
const NO_CLAIM: u32 = u32::MAX;

impl CardHead {
    /// The index of the card's claim in its deck's claims, if it has one.
    pub fn claim(&self) -> Option<u32> {
        (self.claim_at != NO_CLAIM).then_some(self.claim_at)
    }
}

/// The cards of one loaded deck. Cloning shares them.
#[derive(Debug, Clone)]
pub struct Cards(Arc<Inner>);

/// The heads and the deck's topics.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct Heads {
    pub(super) heads: Vec<CardHead>,
    /// Every topic of the deck, once.
    pub(super) topic_names: Vec<Text>,
    /// The cards' topics, as numbers into `topic_names`, one card after another.
    pub(super) topic_ids: Vec<u16>,
}

#[derive(Debug)]
struct Inner {
    heads: Heads,
    bodies: Bodies,
}

#[derive(Debug)]
enum Bodies {
    Memory {
        cards: Vec<Arc<Card>>,
        /// The search texts, one a line, made the first time a search needs them.
        search: OnceLock<String>,
    },
    Cache(CachedBodies<Card>),
}

impl Heads {
    pub(super) fn shrink_to_fit(&mut self) {
        self.heads.shrink_to_fit();
        self.topic_names.shrink_to_fit();
        self.topic_ids.shrink_to_fit();
    }

    /// Whether every head's claim is one of `claims` claims and its topics are in the lists
    /// (heads read from the cache are checked so before they are used).
    pub(super) fn fits(&self, claims: usize) -> bool {
        self.heads.iter().all(|h| {
            let start = h.topics_start as usize;
            h.claim().is_none_or(|c| (c as usize) < claims)
                && self
                    .topic_ids
                    .get(start..start + usize::from(h.topics_len))
                    .is_some_and(|ids| ids.iter().all(|&t| usize::from(t) < self.topic_names.len()))
        })
    }

    /// The heads of `cards`, whose claims are among `claims`.
    pub(super) fn of(cards: &[Card], claims: &[Claim]) -> Heads {
        let mut names: Vec<Text> = Vec::new();
        let mut number: std::collections::HashMap<&str, u16> = Default::default();
        let mut topic_ids = Vec::new();
        let mut heads = Vec::with_capacity(cards.len());
        for card in cards {
            let start = topic_ids.len();
            for t in &card.topics {
                let n = *number.entry(t.as_str()).or_insert_with(|| {
                    names.push(t.clone());
                    u16::try_from(names.len() - 1).unwrap_or(u16::MAX)
                });
                topic_ids.push(n);
            }
            let claim = card
                .claim
                .as_deref()
                .and_then(|c| claims.iter().position(|x| x.id == c));
            heads.push(CardHead {
                id: card.id.clone(),
                kind: card.kind,
                claim_at: claim
                    .and_then(|i| u32::try_from(i).ok())
                    .filter(|&i| i != NO_CLAIM)
                    .unwrap_or(NO_CLAIM),
                fact: super::fact::fingerprint(card, claim.map(|i| &claims[i])),
                mode: card.mode,
                long: card.answer.too_long_to_ask(),
                topics_start: u32::try_from(start).unwrap_or(u32::MAX),
                topics_len: u16::try_from(topic_ids.len() - start).unwrap_or(0),
            });
        }
        heads.shrink_to_fit();
        topic_ids.shrink_to_fit();
        Heads {
            heads,
            topic_names: names,
            topic_ids,
        }
    }
}

/// A card's search text: its prompt, answer and topics, normalized (lower-case letters and
/// digits, one space between words: never a line break).
pub(super) fn search_text<C, L>(deck: &Deck<C, L>, card: &Card) -> String {
    normalize(&format!(
        "{} {} {}",
        card.prompt,
        card.answer.display(deck),
        card.topics.join(" ")
    ))
}

impl Cards {
    /// Cards kept in memory.
    pub fn in_memory(cards: Vec<Card>, claims: &[Claim]) -> Cards {
        let heads = Heads::of(&cards, claims);
        Cards(Arc::new(Inner {
            heads,
            bodies: Bodies::Memory {
                cards: cards.into_iter().map(Arc::new).collect(),
                search: OnceLock::new(),
            },
        }))
    }

    /// Cards whose whole texts are in the deck cache.
    pub(super) fn in_cache(heads: Heads, bodies: CachedBodies<Card>) -> Cards {
        Cards(Arc::new(Inner {
            heads,
            bodies: Bodies::Cache(bodies),
        }))
    }

    pub fn len(&self) -> usize {
        self.0.heads.heads.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether the whole cards are read from the deck cache when needed (rather than held).
    pub fn from_cache(&self) -> bool {
        self.cached().is_some()
    }

    /// The cards' place in the deck cache, when they are read from it.
    pub(super) fn cached(&self) -> Option<&CachedBodies<Card>> {
        match &self.0.bodies {
            Bodies::Cache(c) => Some(c),
            Bodies::Memory { .. } => None,
        }
    }

    pub fn heads(&self) -> &[CardHead] {
        &self.0.heads.heads
    }

    pub fn head(&self, i: usize) -> Option<&CardHead> {
        self.0.heads.heads.get(i)
    }

    /// The index of the card with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.heads().iter().position(|h| h.id == id)
    }

    /// A card's topics, as numbers into [`Cards::topic_names`].
    pub fn topic_numbers(&self, i: usize) -> &[u16] {
        let h = &self.0.heads;
        h.heads.get(i).map_or(&[][..], |c| {
            let start = c.topics_start as usize;
            h.topic_ids
                .get(start..start + usize::from(c.topics_len))
                .unwrap_or(&[])
        })
    }

    /// A card's topics.
    pub fn topics(&self, i: usize) -> impl Iterator<Item = &Text> {
        self.topic_numbers(i)
            .iter()
            .filter_map(|&n| self.0.heads.topic_names.get(usize::from(n)))
    }

    /// Every topic of the deck, once each.
    pub fn topic_names(&self) -> &[Text] {
        &self.0.heads.topic_names
    }

    /// The whole card, or why it cannot be read: past the end, or its copy in the deck cache
    /// is damaged or cannot be read.
    pub fn get(&self, i: usize) -> Result<Arc<Card>, CardReadError> {
        let len = self.len();
        if i >= len {
            return Err(CardReadError::NoSuchCard { index: i, len });
        }
        match &self.0.bodies {
            Bodies::Memory { cards, .. } => cards
                .get(i)
                .cloned()
                .ok_or(CardReadError::NoSuchCard { index: i, len }),
            Bodies::Cache(c) => c.get(i),
        }
    }

    /// Every whole card, in order, with its index (read from the cache a batch at a time when
    /// they are there); stops at the first that cannot be read, and says why.
    pub fn for_each(&self, mut f: impl FnMut(usize, &Card)) -> Result<(), CardReadError> {
        match &self.0.bodies {
            Bodies::Memory { cards, .. } => {
                for (i, c) in cards.iter().enumerate() {
                    f(i, c);
                }
                Ok(())
            }
            Bodies::Cache(c) => c.for_each(self.len(), &mut f),
        }
    }

    /// Every card's search text (see [`search_text`]), in order, with its index.
    pub fn for_each_search_text<C, L>(
        &self,
        deck: &Deck<C, L>,
        mut f: impl FnMut(usize, &str),
    ) -> Result<(), CardReadError> {
        match &self.0.bodies {
            Bodies::Memory { cards, search } => {
                let all = search.get_or_init(|| {
                    let texts: Vec<String> = cards.iter().map(|c| search_text(deck, c)).collect();
                    texts.join("\n")
                });
                if !cards.is_empty() {
                    all.split('\n').enumerate().for_each(|(i, t)| f(i, t));
                }
                Ok(())
            }
            Bodies::Cache(c) => c.for_each_search_text(self.len(), &mut f),
        }
    }

    /// Every whole card, in a list (for the editor, export and checks of one deck).
    pub fn to_vec(&self) -> Result<Vec<Card>, CardReadError> {
        let mut out = Vec::with_capacity(self.len());
        self.for_each(|_, c| out.push(c.clone()))?;
        Ok(out)
    }
}

impl<C, L: Clone> Deck<C, L> {
    /// The deck's title, sources and claims with other cards (or none: `()`).
    pub fn with_cards<D>(&self, cards: D) -> Deck<D, L> {
        Deck {
            id: self.id.clone(),
            title: self.title.clone(),
            description: self.description.clone(),
            sources: self.sources.clone(),
            claims: self.claims.clone(),
            cards,
        }
    }
}

impl Deck<Cards, Claims> {
    /// The whole deck, every card and claim read (for the editor and for export).
    pub fn whole(&self) -> Result<Deck, CardReadError> {
        Ok(Deck {
            id: self.id.clone(),
            title: self.title.clone(),
            description: self.description.clone(),
            sources: self.sources.clone(),
            claims: self.claims.to_vec()?,
            cards: self.cards.to_vec()?,
        })
    }
}

impl Deck {
    /// The deck as the library keeps it, its cards and claims in memory.
    pub fn into_loaded(self) -> Deck<Cards, Claims> {
        let cards = Cards::in_memory(self.cards, &self.claims);
        Deck {
            id: self.id,
            title: self.title,
            description: self.description,
            sources: self.sources,
            claims: Claims::in_memory(self.claims),
            cards,
        }
    }
}
