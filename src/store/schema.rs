//! The progress file's schema and its migrations. `PRAGMA user_version` holds the version;
//! each migration takes the file one version up, inside one transaction.

use rusqlite::Connection;

use super::StoreError;

/// The schema this build writes.
pub const VERSION: i64 = 2;

/// Version 1: cards, their states, the review log and settings.
const V1: &str = "
CREATE TABLE card (
    key INTEGER PRIMARY KEY,
    deck_id TEXT NOT NULL,
    card_id TEXT NOT NULL,
    UNIQUE (deck_id, card_id)
);
CREATE TABLE card_state (
    key INTEGER PRIMARY KEY REFERENCES card(key),
    stability REAL NOT NULL,
    difficulty REAL NOT NULL,
    due_ms INTEGER NOT NULL,
    due_day INTEGER NOT NULL,
    last_review_ms INTEGER NOT NULL,
    reps INTEGER NOT NULL,
    lapses INTEGER NOT NULL,
    streak INTEGER NOT NULL,
    queue INTEGER NOT NULL,
    suspended INTEGER NOT NULL,
    buried_until_day INTEGER NOT NULL,
    leech INTEGER NOT NULL
);
CREATE TABLE review (
    id INTEGER PRIMARY KEY,
    time_ms INTEGER NOT NULL,
    key INTEGER NOT NULL REFERENCES card(key),
    grade INTEGER NOT NULL,
    correct INTEGER NOT NULL,
    mode TEXT NOT NULL,
    answer TEXT,
    taken_ms INTEGER NOT NULL,
    elapsed_days INTEGER NOT NULL,
    day INTEGER NOT NULL,
    queue_before INTEGER NOT NULL,
    before BLOB,
    after BLOB NOT NULL
);
CREATE INDEX review_key ON review (key, time_ms);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
";

/// Version 2: an index by study day, for daily limits and the statistics.
const V2: &str = "CREATE INDEX review_day ON review (day);";

/// The migrations, in order: the one at index i takes version i to i + 1.
const MIGRATIONS: [&str; VERSION as usize] = [V1, V2];

/// The file's schema version.
pub fn version(conn: &Connection) -> Result<i64, StoreError> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Whether migrating would change the file (so a backup should come first).
pub fn needs_migration(conn: &Connection) -> Result<bool, StoreError> {
    let v = version(conn)?;
    Ok(v > 0 && v < VERSION)
}

/// Brings the file to [`VERSION`]; refuses a file from a newer build.
pub fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    let found = version(conn)?;
    if found > VERSION {
        return Err(StoreError::NewerSchema {
            found,
            supported: VERSION,
        });
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}

/// Creates a file at an older version, for migration tests.
#[doc(hidden)]
pub fn create_at_version(conn: &mut Connection, target: i64) -> Result<(), StoreError> {
    for (i, sql) in MIGRATIONS.iter().enumerate().take(target as usize) {
        conn.execute_batch(sql)?;
        conn.pragma_update(None, "user_version", i as i64 + 1)?;
    }
    Ok(())
}
