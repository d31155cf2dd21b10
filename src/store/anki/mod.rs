//! An Anki collection (the SQLite file inside an `.apkg`), opened read-only, and the queries
//! an import needs, returned as typed rows. The schema is Anki's own (ankitects/anki
//! `rslib/src/storage/schema11.sql` and `upgrades/schema1[4-8]_upgrade.sql`): `col` (its `ver`
//! is the schema; up to 11 the note types and decks are JSON in `col.models` and `col.decks`),
//! `notes` (fields joined by U+001F), `cards`, `revlog`, and from schema 15 the tables
//! `notetypes`, `fields`, `templates` and `decks` (names with U+001F between a parent and its
//! child; configurations as protobuf, decoded by the importer).

mod rows;

use std::path::Path;

use rusqlite::{Connection, OpenFlags};

pub use rows::{AnkiCard, AnkiField, AnkiNote, AnkiNotetype, AnkiReview, AnkiTemplate};

use super::StoreError;

/// The oldest and newest collection schemas read (Anki's `SCHEMA_MIN_VERSION` and
/// `SCHEMA_MAX_VERSION`).
pub const MIN_SCHEMA: i64 = 11;
pub const MAX_SCHEMA: i64 = 18;

/// The schema from which note types and decks are tables rather than JSON.
const TABLES_FROM: i64 = 15;

/// Anki's `unicase` collation (names of decks, note types, fields and tags compare without
/// case), which its schema names: SQLite refuses a statement that needs a collation it does
/// not know. Public for tests that make collections.
pub fn register_unicase(conn: &Connection) -> Result<(), StoreError> {
    conn.create_collation("unicase", |a, b| {
        a.chars()
            .flat_map(char::to_lowercase)
            .cmp(b.chars().flat_map(char::to_lowercase))
    })?;
    Ok(())
}

/// An Anki collection, read-only.
pub struct AnkiCollection {
    conn: Connection,
    schema: i64,
}

impl AnkiCollection {
    /// Opens the collection file read-only. A file that is not SQLite, or has no `col` row,
    /// is an error; the schema is read but not judged (see [`AnkiCollection::schema`]).
    pub fn open(path: &Path) -> Result<AnkiCollection, StoreError> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        register_unicase(&conn)?;
        let schema = conn.query_row("SELECT ver FROM col", [], |r| r.get(0))?;
        Ok(AnkiCollection { conn, schema })
    }

    /// The collection's schema version (`col.ver`).
    pub fn schema(&self) -> i64 {
        self.schema
    }

    /// Whether note types and decks are tables (schema 15 and later) rather than JSON.
    pub fn has_tables(&self) -> bool {
        self.schema >= TABLES_FROM
    }

    /// The JSON of `col.models` and `col.decks` (schema 11 collections).
    pub fn legacy_json(&self) -> Result<(String, String), StoreError> {
        Ok(self
            .conn
            .query_row("SELECT models, decks FROM col", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?)
    }

    /// When the collection was last changed, in milliseconds since the epoch.
    pub fn modified_ms(&self) -> Result<i64, StoreError> {
        let m: i64 = self
            .conn
            .query_row("SELECT mod FROM col", [], |r| r.get(0))?;
        // Schema 11 kept seconds, later ones milliseconds.
        Ok(if m < 100_000_000_000 { m * 1000 } else { m })
    }

    /// The number of notes, cards and review log entries.
    pub fn counts(&self) -> Result<(usize, usize, usize), StoreError> {
        Ok(self.conn.query_row(
            "SELECT (SELECT count(*) FROM notes), (SELECT count(*) FROM cards),
                    (SELECT count(*) FROM revlog)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?)
    }

    /// The decks (schema 15 and later), with "::" between a parent and its child.
    pub fn decks(&self) -> Result<Vec<(i64, String)>, StoreError> {
        let mut stmt = self.conn.prepare("SELECT id, name FROM decks")?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get(0)?, r.get::<_, String>(1)?.replace('\u{1f}', "::")))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
