//! A loaded deck's cards, as the library keeps them: for every card a small head (its id,
//! kind, topics and claim: what due counts, the browser's filters and the topic statistics
//! read), and the whole card only when something shows or checks it. A deck read from its
//! parsed copy (`deck/cache.rs`) leaves the whole cards in that file and reads one when asked,
//! keeping the last few; a deck parsed from its own file (built-in decks, a deck edited since
//! the copy was made) keeps them in memory. A heavy user's 100,000 cards then cost a few
//! megabytes instead of a hundred.

use std::fs::File;
use std::sync::{Arc, Mutex, OnceLock};

use serde::{Deserialize, Serialize};

use super::model::{Card, CardKind, Claim, Deck, Text};
use crate::text::fold::normalize;

/// What the library keeps of every card.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CardHead {
    pub id: Text,
    pub kind: CardKind,
    /// The index of the card's claim in its deck's claims.
    pub claim: Option<u32>,
    /// Where the card's topics are in [`Cards`]' list of topic numbers.
    topics_start: u32,
    topics_len: u16,
}

/// The cards of one loaded deck. Cloning shares them.
#[derive(Debug, Clone)]
pub struct Cards(Arc<Inner>);

/// The heads, the deck's topics, and where the whole cards are.
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
        /// The search texts, made the first time a search needs them.
        search: OnceLock<(String, Vec<u32>)>,
    },
    File(FileBodies),
}

/// Whole cards and search texts in a file: each card as JSON, one after another from
/// `cards_at`, then each card's search text from `search_at`; `*_ends` give where each ends.
#[derive(Debug)]
pub(super) struct FileBodies {
    pub(super) file: File,
    pub(super) cards_at: u64,
    pub(super) card_ends: Vec<u32>,
    pub(super) search_at: u64,
    pub(super) search_ends: Vec<u32>,
    /// The cards read last, most recent last.
    pub(super) recent: Mutex<Vec<(usize, Arc<Card>)>>,
}

/// How many bytes of cards or search texts are read at a time when going through a deck (the
/// unit tests read 1 KB, so that items that span chunks, and items larger than one, are met).
#[cfg(not(test))]
const CHUNK: usize = 128 * 1024;
#[cfg(test)]
const CHUNK: usize = 1024;

/// How many whole cards a deck read from a file keeps (a screen shows a few dozen at most).
const RECENT: usize = 64;

impl Heads {
    pub(super) fn shrink_to_fit(&mut self) {
        self.heads.shrink_to_fit();
        self.topic_names.shrink_to_fit();
        self.topic_ids.shrink_to_fit();
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
            heads.push(CardHead {
                id: card.id.clone(),
                kind: card.kind,
                claim: card.claim.as_deref().and_then(|c| {
                    claims
                        .iter()
                        .position(|x| x.id == c)
                        .and_then(|i| u32::try_from(i).ok())
                }),
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

/// A card's search text: its prompt, answer and topics, normalized.
pub(super) fn search_text<C>(deck: &Deck<C>, card: &Card) -> String {
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

    /// Cards whose whole texts are in a file (see [`FileBodies`]).
    pub(super) fn in_file(heads: Heads, bodies: FileBodies) -> Cards {
        Cards(Arc::new(Inner {
            heads,
            bodies: Bodies::File(bodies),
        }))
    }

    pub fn len(&self) -> usize {
        self.0.heads.heads.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether the whole cards are read from a file when needed (rather than held).
    pub fn in_a_file(&self) -> bool {
        matches!(self.0.bodies, Bodies::File(_))
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

    /// Whether the deck's cards are the very same as another's (not a copy).
    pub fn same_as(&self, other: &Cards) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }

    /// An address that tells these cards from others while they live.
    pub fn address(&self) -> usize {
        Arc::as_ptr(&self.0) as usize
    }

    /// The whole card; `None` past the end, or when its file can no longer be read.
    pub fn get(&self, i: usize) -> Option<Arc<Card>> {
        match &self.0.bodies {
            Bodies::Memory { cards, .. } => cards.get(i).cloned(),
            Bodies::File(f) => f.get(i),
        }
    }

    /// Every whole card, in order, with its index (read from the file a deck at a time when
    /// they are in one); stops at the first that cannot be read, and says why.
    pub fn for_each(&self, mut f: impl FnMut(usize, &Card)) -> std::io::Result<()> {
        match &self.0.bodies {
            Bodies::Memory { cards, .. } => {
                for (i, c) in cards.iter().enumerate() {
                    f(i, c);
                }
                Ok(())
            }
            Bodies::File(b) => b.for_each_item(b.cards_at, &b.card_ends, &mut |i, bytes| {
                let card: Card = serde_json::from_slice(bytes).map_err(|_| broken())?;
                f(i, &card);
                Ok(())
            }),
        }
    }

    /// Every card's search text (see [`search_text`]), in order, with its index.
    pub fn for_each_search_text<C>(
        &self,
        deck: &Deck<C>,
        mut f: impl FnMut(usize, &str),
    ) -> std::io::Result<()> {
        let each = |all: &[u8], ends: &[u32], f: &mut dyn FnMut(usize, &str)| {
            let mut start = 0;
            for (i, &end) in ends.iter().enumerate() {
                let text = all
                    .get(start..end as usize)
                    .and_then(|b| std::str::from_utf8(b).ok())
                    .ok_or_else(broken)?;
                f(i, text);
                start = end as usize;
            }
            Ok(())
        };
        match &self.0.bodies {
            Bodies::Memory { cards, search } => {
                let (all, ends) = search.get_or_init(|| {
                    let mut all = String::new();
                    let mut ends = Vec::with_capacity(cards.len());
                    for c in cards {
                        all.push_str(&search_text(deck, c));
                        ends.push(u32::try_from(all.len()).unwrap_or(u32::MAX));
                    }
                    (all, ends)
                });
                each(all.as_bytes(), ends, &mut f)
            }
            Bodies::File(b) => b.for_each_item(b.search_at, &b.search_ends, &mut |i, bytes| {
                f(i, std::str::from_utf8(bytes).map_err(|_| broken())?);
                Ok(())
            }),
        }
    }

    /// Every whole card, in a list (for the editor, export and checks of one deck).
    pub fn to_vec(&self) -> std::io::Result<Vec<Card>> {
        let mut out = Vec::with_capacity(self.len());
        self.for_each(|_, c| out.push(c.clone()))?;
        Ok(out)
    }
}

fn broken() -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::InvalidData,
        "the parsed copy of the deck is damaged",
    )
}

/// Reads `buf.len()` bytes at `at`, whatever the file's position.
fn read_at(file: &File, buf: &mut [u8], at: u64) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        std::os::unix::fs::FileExt::read_exact_at(file, buf, at)
    }
    #[cfg(windows)]
    {
        let mut done = 0;
        while done < buf.len() {
            let n =
                std::os::windows::fs::FileExt::seek_read(file, &mut buf[done..], at + done as u64)?;
            if n == 0 {
                return Err(std::io::ErrorKind::UnexpectedEof.into());
            }
            done += n;
        }
        Ok(())
    }
}

impl FileBodies {
    fn get(&self, i: usize) -> Option<Arc<Card>> {
        let mut recent = self.recent.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(p) = recent.iter().position(|(n, _)| *n == i) {
            let hit = recent.remove(p);
            let card = Arc::clone(&hit.1);
            recent.push(hit);
            return Some(card);
        }
        let start = i
            .checked_sub(1)
            .map_or(Some(0), |p| self.card_ends.get(p).copied())?;
        let end = *self.card_ends.get(i)?;
        let mut buf = vec![0; end.checked_sub(start)? as usize];
        read_at(&self.file, &mut buf, self.cards_at + u64::from(start)).ok()?;
        let card: Arc<Card> = Arc::new(serde_json::from_slice(&buf).ok()?);
        if recent.len() >= RECENT {
            recent.remove(0);
        }
        recent.push((i, Arc::clone(&card)));
        Some(card)
    }

    /// Calls `f` with each item of a part of the file (cards or search texts: the part starts
    /// at `at`, item `i` ends at `ends[i]`), in order, reading a chunk of items at a time, so
    /// that going through a deck of 5,000 cards holds 128 KB, not the deck.
    fn for_each_item(
        &self,
        at: u64,
        ends: &[u32],
        f: &mut dyn FnMut(usize, &[u8]) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        let mut buf = Vec::new();
        let mut i = 0;
        while i < ends.len() {
            let start = i.checked_sub(1).map_or(0, |p| ends[p] as usize);
            // The items that fit in a chunk, and one at least.
            let mut j = i + 1;
            while j < ends.len() && (ends[j] as usize).saturating_sub(start) <= CHUNK {
                j += 1;
            }
            let len = (ends[j - 1] as usize)
                .checked_sub(start)
                .ok_or_else(broken)?;
            buf.resize(len, 0);
            read_at(&self.file, &mut buf, at + start as u64)?;
            let mut from = 0;
            for (k, &end) in ends.iter().enumerate().take(j).skip(i) {
                let to = (end as usize).checked_sub(start).ok_or_else(broken)?;
                f(k, buf.get(from..to).ok_or_else(broken)?)?;
                from = to;
            }
            i = j;
        }
        Ok(())
    }
}

impl<C> Deck<C> {
    /// The deck's title, sources and claims with other cards (or none: `()`).
    pub fn with_cards<D>(&self, cards: D) -> Deck<D> {
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

impl Deck<Cards> {
    /// The whole deck, every card read (for the editor and for export).
    pub fn whole(&self) -> std::io::Result<Deck> {
        Ok(self.with_cards(self.cards.to_vec()?))
    }
}

impl Deck {
    /// The deck as the library keeps it, its cards in memory.
    pub fn into_loaded(self) -> Deck<Cards> {
        let cards = Cards::in_memory(self.cards, &self.claims);
        Deck {
            id: self.id,
            title: self.title,
            description: self.description,
            sources: self.sources,
            claims: self.claims,
            cards,
        }
    }
}
