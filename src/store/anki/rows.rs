//! The rows of an Anki collection an import reads: note types with their fields and card
//! templates (schema 15 and later), notes, cards and the review log.

use super::AnkiCollection;
use crate::store::StoreError;

/// A note type (`notetypes`): its configuration is Anki's protobuf `Notetype.Config`.
#[derive(Debug, Clone, PartialEq)]
pub struct AnkiNotetype {
    pub id: i64,
    pub name: String,
    pub config: Vec<u8>,
}

/// A field of a note type (`fields`).
#[derive(Debug, Clone, PartialEq)]
pub struct AnkiField {
    pub notetype: i64,
    pub ord: u32,
    pub name: String,
}

/// A card template (`templates`): its configuration is protobuf `Template.Config`.
#[derive(Debug, Clone, PartialEq)]
pub struct AnkiTemplate {
    pub notetype: i64,
    pub ord: u32,
    pub config: Vec<u8>,
}

/// A note (`notes`): fields joined by U+001F, tags separated by spaces.
#[derive(Debug, Clone, PartialEq)]
pub struct AnkiNote {
    pub id: i64,
    pub guid: String,
    pub notetype: i64,
    pub tags: String,
    pub fields: String,
}

/// A card (`cards`): its deck (the original one when it sits in a filtered deck), its
/// template or cloze number, and its queue (-1 suspended, -2 and -3 buried).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AnkiCard {
    pub id: i64,
    pub note: i64,
    pub deck: i64,
    pub ord: u32,
    pub queue: i64,
}

/// A review log entry (`revlog`): `id` is its time in milliseconds; ease 1-4 (0 for a
/// reschedule), the time taken in milliseconds, and its type (0 learn, 1 review, 2 relearn,
/// 3 filtered, 4 manual, 5 rescheduled).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AnkiReview {
    pub time_ms: i64,
    pub card: i64,
    pub ease: u8,
    pub taken_ms: i64,
    pub kind: u8,
}

impl AnkiCollection {
    pub fn notetypes(&self) -> Result<Vec<AnkiNotetype>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, name, config FROM notetypes")?;
        let rows = stmt.query_map([], |r| {
            Ok(AnkiNotetype {
                id: r.get(0)?,
                name: r.get(1)?,
                config: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn fields(&self) -> Result<Vec<AnkiField>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT ntid, ord, name FROM fields ORDER BY ntid, ord")?;
        let rows = stmt.query_map([], |r| {
            Ok(AnkiField {
                notetype: r.get(0)?,
                ord: r.get(1)?,
                name: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn templates(&self) -> Result<Vec<AnkiTemplate>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT ntid, ord, config FROM templates ORDER BY ntid, ord")?;
        let rows = stmt.query_map([], |r| {
            Ok(AnkiTemplate {
                notetype: r.get(0)?,
                ord: r.get(1)?,
                config: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn notes(&self) -> Result<Vec<AnkiNote>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, guid, mid, tags, flds FROM notes ORDER BY id")?;
        let rows = stmt.query_map([], |r| {
            Ok(AnkiNote {
                id: r.get(0)?,
                guid: r.get(1)?,
                notetype: r.get(2)?,
                tags: r.get(3)?,
                fields: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn cards(&self) -> Result<Vec<AnkiCard>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, nid, CASE WHEN odid != 0 THEN odid ELSE did END, ord, queue
             FROM cards ORDER BY nid, ord",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(AnkiCard {
                id: r.get(0)?,
                note: r.get(1)?,
                deck: r.get(2)?,
                ord: r.get(3)?,
                queue: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Calls `f` with every review log entry, in time order.
    pub fn for_each_review(&self, mut f: impl FnMut(AnkiReview)) -> Result<(), StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, cid, ease, time, type FROM revlog ORDER BY id")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            f(AnkiReview {
                time_ms: r.get(0)?,
                card: r.get(1)?,
                ease: u8::try_from(r.get::<_, i64>(2)?).unwrap_or(0),
                taken_ms: r.get(3)?,
                kind: u8::try_from(r.get::<_, i64>(4)?).unwrap_or(u8::MAX),
            });
        }
        Ok(())
    }
}
