//! What merging progress through a shared folder keeps in the progress file (schema 6): this
//! device's id and name, its counter of sequence numbers, the other devices seen, the stamps
//! that decide which change of a setting or a card's flag is the latest, and the decks as last
//! synced. The journal's reading and writing of reviews is in `journal` (this device's events,
//! for export) and `apply` (another device's, merged in one transaction).

mod apply;
mod history;
pub(crate) mod journal;

use rusqlite::{Connection, OptionalExtension, params};

pub use apply::MergeTx;
pub use history::{CardHistory, HistoryReview, ReplayKey};
pub use journal::{LocalEvent, SyncedReview};

use super::{Store, StoreError};

/// This device's key in `review.origin` and `sync_device`.
pub const LOCAL: i64 = 0;

/// A device, as the progress file knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceRow {
    pub key: i64,
    pub uuid: String,
    pub name: String,
}

/// When a change was made, and by which device: the latest (by time, then device id, then
/// sequence number) wins.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Stamp {
    pub time_ms: i64,
    pub device: String,
    pub seq: i64,
}

impl Stamp {
    fn to_text(&self) -> String {
        format!("{}/{}/{}", self.time_ms, self.device, self.seq)
    }

    fn from_text(s: &str) -> Option<Stamp> {
        let mut parts = s.splitn(3, '/');
        let time_ms = parts.next()?.parse().ok()?;
        let device = parts.next()?.to_string();
        let seq = parts.next()?.parse().ok()?;
        Some(Stamp {
            time_ms,
            device,
            seq,
        })
    }
}

/// This device's next sequence number, inside a transaction.
pub(crate) fn next_seq_in(tx: &Connection) -> Result<i64, StoreError> {
    Ok(tx
        .prepare_cached(
            "UPDATE sync_counter SET value = value + 1 WHERE name = 'seq' RETURNING value",
        )?
        .query_row([], |r| r.get(0))?)
}

/// The stamp of the latest change to `what`, inside a transaction.
pub(crate) fn stamp_in(tx: &Connection, what: &str) -> Result<Option<Stamp>, StoreError> {
    let text: Option<String> = tx
        .prepare_cached("SELECT stamp FROM sync_stamp WHERE what = ?1")?
        .query_row([what], |r| r.get(0))
        .optional()?;
    Ok(text.as_deref().and_then(Stamp::from_text))
}

pub(crate) fn put_stamp_in(tx: &Connection, what: &str, stamp: &Stamp) -> Result<(), StoreError> {
    tx.prepare_cached(
        "INSERT INTO sync_stamp (what, stamp) VALUES (?1, ?2)
         ON CONFLICT (what) DO UPDATE SET stamp = excluded.stamp",
    )?
    .execute(params![what, stamp.to_text()])?;
    Ok(())
}

/// This device's id inside a transaction ("" before it has one).
pub(crate) fn local_uuid_in(tx: &Connection) -> Result<String, StoreError> {
    Ok(tx
        .prepare_cached("SELECT uuid FROM sync_device WHERE key = 0")?
        .query_row([], |r| r.get(0))
        .optional()?
        .unwrap_or_default())
}

/// The key of a device, added when it is new (its name kept up to date).
pub(crate) fn device_key_in(tx: &Connection, uuid: &str, name: &str) -> Result<i64, StoreError> {
    let found: Option<(i64, String)> = tx
        .prepare_cached("SELECT key, name FROM sync_device WHERE uuid = ?1")?
        .query_row([uuid], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    match found {
        Some((key, old)) => {
            if old != name && key != LOCAL {
                tx.execute(
                    "UPDATE sync_device SET name = ?2 WHERE key = ?1",
                    params![key, name],
                )?;
            }
            Ok(key)
        }
        None => {
            tx.prepare_cached(
                "INSERT INTO sync_device (key, uuid, name)
                 VALUES ((SELECT max(1, coalesce(max(key), 0) + 1) FROM sync_device), ?1, ?2)",
            )?
            .execute(params![uuid, name])?;
            Ok(tx.last_insert_rowid())
        }
    }
}

impl Store {
    /// This device's id and name, once it has them.
    pub fn local_device(&self) -> Result<Option<DeviceRow>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT key, uuid, name FROM sync_device WHERE key = 0",
                [],
                |r| {
                    Ok(DeviceRow {
                        key: r.get(0)?,
                        uuid: r.get(1)?,
                        name: r.get(2)?,
                    })
                },
            )
            .optional()?)
    }

    /// Gives this device its id (once: an id already there is kept) and its name.
    pub fn set_local_device(&mut self, uuid: &str, name: &str) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO sync_device (key, uuid, name) VALUES (0, ?1, ?2)
             ON CONFLICT (key) DO UPDATE SET name = excluded.name",
            params![uuid, name],
        )?;
        Ok(())
    }

    /// Every device seen, this one first.
    pub fn devices(&self) -> Result<Vec<DeviceRow>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT key, uuid, name FROM sync_device ORDER BY key")?;
        let rows = stmt.query_map([], |r| {
            Ok(DeviceRow {
                key: r.get(0)?,
                uuid: r.get(1)?,
                name: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// The last sequence number this device gave out.
    pub fn seq_counter(&self) -> Result<i64, StoreError> {
        Ok(self.conn.query_row(
            "SELECT value FROM sync_counter WHERE name = 'seq'",
            [],
            |r| r.get(0),
        )?)
    }

    /// The stamp of the latest change to `what` (a setting, a card's flag).
    pub fn stamp(&self, what: &str) -> Result<Option<Stamp>, StoreError> {
        stamp_in(&self.conn, what)
    }

    /// A deck as last synced (the sync layer's record, as text), by deck id.
    pub fn synced_deck(&self, deck_id: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT record FROM sync_deck WHERE deck_id = ?1",
                [deck_id],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Every deck as last synced: (deck id, record).
    pub fn synced_decks(&self) -> Result<Vec<(String, String)>, StoreError> {
        let mut stmt = self.conn.prepare("SELECT deck_id, record FROM sync_deck")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    pub fn put_synced_deck(&mut self, deck_id: &str, record: &str) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO sync_deck (deck_id, record) VALUES (?1, ?2)
             ON CONFLICT (deck_id) DO UPDATE SET record = excluded.record",
            params![deck_id, record],
        )?;
        Ok(())
    }

    /// The segments of a device already merged (or, for this device, written): their names.
    pub fn merged_segments(&self, device_uuid: &str) -> Result<Vec<String>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.name FROM sync_segment s JOIN sync_device d ON d.key = s.device
             WHERE d.uuid = ?1",
        )?;
        let rows = stmt.query_map([device_uuid], |r| r.get(0))?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// Notes a segment this device wrote (its events are in the file already).
    pub fn note_written_segment(
        &mut self,
        name: &str,
        first: i64,
        last: i64,
    ) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT OR IGNORE INTO sync_segment (device, name, first, last, first_id)
             VALUES (0, ?1, ?2, ?3, 0)",
            params![name, first, last],
        )?;
        Ok(())
    }
}
