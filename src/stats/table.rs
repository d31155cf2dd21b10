//! What the figures need of the library, in a table a worker can own: every card's id, topics
//! (as indexes into one list of topic names), kind and claim status. Built once per library
//! and shared by every screen and worker; the statistics worker has no library.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, OnceLock};

use crate::deck::{CardKind, ClaimStatus, Library};
use crate::schedule::queue::Slot;
use crate::study::Collection;

/// One card, as the figures see it.
pub struct CardFacts {
    pub id: String,
    /// Indexes into [`CardTable::topics`].
    pub topics: Box<[u32]>,
    pub kind: CardKind,
    /// The status of the card's claim, when it is about one.
    pub status: Option<ClaimStatus>,
}

pub(super) struct DeckCards {
    pub(super) id: String,
    /// In the deck's order.
    pub(super) cards: Vec<CardFacts>,
}

pub struct CardTable {
    /// The collection and library versions it was built for.
    of: (u64, u64),
    pub topics: Vec<String>,
    pub(super) decks: Vec<DeckCards>,
    /// Where each card is, by ids, made when first needed.
    positions: OnceLock<Positions>,
}

/// deck id -> (deck index, card id -> card index).
type Positions = HashMap<String, (usize, HashMap<String, usize>)>;

impl CardTable {
    fn build(lib: &Library, of: (u64, u64)) -> CardTable {
        let mut ids: HashMap<&str, u32> = HashMap::new();
        let mut topics: Vec<String> = Vec::new();
        let decks = lib
            .decks
            .iter()
            .map(|d| DeckCards {
                id: d.deck.id.clone(),
                cards: d
                    .deck
                    .cards
                    .heads()
                    .iter()
                    .enumerate()
                    .map(|(ci, c)| CardFacts {
                        id: c.id.to_string(),
                        topics: d
                            .deck
                            .cards
                            .topics(ci)
                            .map(|t| {
                                *ids.entry(t.as_str()).or_insert_with(|| {
                                    topics.push(t.to_string());
                                    topics.len() as u32 - 1
                                })
                            })
                            .collect(),
                        kind: c.kind,
                        status: c
                            .claim()
                            .and_then(|i| d.deck.claims.head(i as usize))
                            .map(|claim| claim.status),
                    })
                    .collect(),
            })
            .collect();
        CardTable {
            of,
            topics,
            decks,
            positions: OnceLock::new(),
        }
    }

    /// Where a card is, by ids.
    pub fn position(&self, deck: &str, card: &str) -> Option<Slot> {
        let map = self.positions.get_or_init(|| {
            self.decks
                .iter()
                .enumerate()
                .map(|(di, d)| {
                    let cards = d
                        .cards
                        .iter()
                        .enumerate()
                        .map(|(ci, c)| (c.id.clone(), ci))
                        .collect();
                    (d.id.clone(), (di, cards))
                })
                .collect()
        });
        let (di, cards) = map.get(deck)?;
        Some(Slot {
            deck: *di,
            card: *cards.get(card)?,
        })
    }

    /// The card at a place.
    pub fn card(&self, slot: Slot) -> Option<&CardFacts> {
        self.decks.get(slot.deck)?.cards.get(slot.card)
    }

    /// Every card with its place, deck by deck.
    pub fn cards(&self) -> impl Iterator<Item = (Slot, &CardFacts)> {
        self.decks.iter().enumerate().flat_map(|(di, d)| {
            d.cards
                .iter()
                .enumerate()
                .map(move |(ci, c)| (Slot { deck: di, card: ci }, c))
        })
    }

    /// The topics (indexes) of one deck's cards.
    pub fn deck_topics(&self, deck: usize) -> HashSet<u32> {
        self.decks
            .get(deck)
            .into_iter()
            .flat_map(|d| d.cards.iter().flat_map(|c| c.topics.iter().copied()))
            .collect()
    }
}

/// The card table of a collection's library, from a cache shared by every screen and worker
/// (built again when the collection's library version moves).
pub fn card_table(coll: &Collection) -> Arc<CardTable> {
    static TABLE: Mutex<Option<Arc<CardTable>>> = Mutex::new(None);
    let of = coll.versions().of_library();
    let mut cached = TABLE.lock().unwrap_or_else(|e| e.into_inner());
    match cached.as_ref() {
        Some(t) if t.of == of => Arc::clone(t),
        _ => {
            let t = Arc::new(CardTable::build(coll.library(), of));
            *cached = Some(Arc::clone(&t));
            t
        }
    }
}
