//! A loaded deck's claims, as the library keeps them: for every claim its id and status (what
//! the browser's filters, the statistics and the session's order read), and the whole claim
//! (its statement, each source's value and where the source says it) only when something shows
//! or checks it. A deck read from the deck cache leaves the whole claims there, one row each,
//! and reads one when asked, keeping the last few; a deck parsed from its own file keeps them
//! in memory. A heavy user's 12,500 claims then cost a few hundred kilobytes instead of five
//! megabytes.

use std::ops::Deref;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::cache::CachedBodies;
use super::cards::CardReadError;
use super::model::{Claim, ClaimStatus, Deck, Text};

/// What the library keeps of every claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimHead {
    pub id: Text,
    pub status: ClaimStatus,
}

impl ClaimHead {
    fn of(c: &Claim) -> ClaimHead {
        ClaimHead {
            id: c.id.clone(),
            status: c.status,
        }
    }

    /// The heads of a deck's claims.
    pub(super) fn all(claims: &[Claim]) -> Vec<ClaimHead> {
        claims.iter().map(ClaimHead::of).collect()
    }
}

/// The claims of one loaded deck. Cloning shares them.
#[derive(Debug, Clone)]
pub struct Claims(Arc<Inner>);

#[derive(Debug)]
struct Inner {
    heads: Vec<ClaimHead>,
    bodies: Bodies,
}

#[derive(Debug)]
enum Bodies {
    Memory(Vec<Arc<Claim>>),
    Cache(CachedBodies<Claim>),
}

impl Default for Claims {
    fn default() -> Claims {
        Claims::in_memory(Vec::new())
    }
}

impl Claims {
    /// Claims kept in memory.
    pub fn in_memory(claims: Vec<Claim>) -> Claims {
        Claims(Arc::new(Inner {
            heads: ClaimHead::all(&claims),
            bodies: Bodies::Memory(claims.into_iter().map(Arc::new).collect()),
        }))
    }

    /// Claims whose whole texts are in the deck cache.
    pub(super) fn in_cache(mut heads: Vec<ClaimHead>, bodies: CachedBodies<Claim>) -> Claims {
        heads.shrink_to_fit();
        Claims(Arc::new(Inner {
            heads,
            bodies: Bodies::Cache(bodies),
        }))
    }

    pub fn len(&self) -> usize {
        self.0.heads.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn heads(&self) -> &[ClaimHead] {
        &self.0.heads
    }

    pub fn head(&self, i: usize) -> Option<&ClaimHead> {
        self.0.heads.get(i)
    }

    /// The index of the claim with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.0.heads.iter().position(|h| h.id == id)
    }

    /// The whole claim, or why it cannot be read: past the end, or its copy in the deck cache
    /// is damaged or cannot be read.
    pub fn get(&self, i: usize) -> Result<Arc<Claim>, CardReadError> {
        let len = self.len();
        let missing = CardReadError::NoSuchClaim { index: i, len };
        if i >= len {
            return Err(missing);
        }
        match &self.0.bodies {
            Bodies::Memory(claims) => claims.get(i).cloned().ok_or(missing),
            Bodies::Cache(c) => c.get(i),
        }
    }

    /// Every whole claim, in order, with its index (read from the cache a batch at a time
    /// when they are there); stops at the first that cannot be read, and says why.
    pub fn for_each(&self, mut f: impl FnMut(usize, &Claim)) -> Result<(), CardReadError> {
        match &self.0.bodies {
            Bodies::Memory(claims) => {
                claims.iter().enumerate().for_each(|(i, c)| f(i, c));
                Ok(())
            }
            Bodies::Cache(c) => c.for_each(self.len(), &mut f),
        }
    }

    /// Every whole claim, in a list (for the editor and export).
    pub fn to_vec(&self) -> Result<Vec<Claim>, CardReadError> {
        let mut out = Vec::with_capacity(self.len());
        self.for_each(|_, c| out.push(c.clone()))?;
        Ok(out)
    }
}

/// A claim found in a deck: borrowed from a deck that holds its claims, or shared with the
/// loaded deck's claims.
#[derive(Debug, Clone)]
pub enum ClaimRef<'a> {
    Borrowed(&'a Claim),
    Shared(Arc<Claim>),
}

impl Deref for ClaimRef<'_> {
    type Target = Claim;

    fn deref(&self) -> &Claim {
        match self {
            ClaimRef::Borrowed(c) => c,
            ClaimRef::Shared(c) => c,
        }
    }
}

/// A deck's list of claims, whichever way it is kept: `Vec<Claim>` (a deck file) or
/// [`Claims`] (the library).
pub trait ClaimList {
    /// How many claims there are.
    fn count(&self) -> usize;

    /// The claim with this id, or why it could not be read.
    fn find(&self, id: &str) -> Result<Option<ClaimRef<'_>>, CardReadError>;
}

impl ClaimList for Vec<Claim> {
    fn count(&self) -> usize {
        self.len()
    }

    fn find(&self, id: &str) -> Result<Option<ClaimRef<'_>>, CardReadError> {
        Ok(self.iter().find(|c| c.id == id).map(ClaimRef::Borrowed))
    }
}

impl ClaimList for Claims {
    fn count(&self) -> usize {
        self.len()
    }

    fn find(&self, id: &str) -> Result<Option<ClaimRef<'_>>, CardReadError> {
        self.position(id)
            .map(|i| self.get(i).map(ClaimRef::Shared))
            .transpose()
    }
}

impl<C, L: ClaimList> Deck<C, L> {
    /// The claim with this id, or why it could not be read (only a deck whose claims are in
    /// the deck cache can fail).
    pub fn find_claim(&self, id: &str) -> Result<Option<ClaimRef<'_>>, CardReadError> {
        self.claims.find(id)
    }
}
