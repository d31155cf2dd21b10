//! The progress file's schema and its migrations. `PRAGMA user_version` holds the version;
//! each migration takes the file one version up, and all the steps a file needs are made in
//! one transaction.

use rusqlite::Connection;

use super::StoreError;

/// The schema this build writes.
pub const VERSION: i64 = 5;

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

/// Version 3: a log a third the size (a heavy user's million answers in about 40 MB). A review
/// keeps what happened, not the card's states: the state before an answer is kept by the
/// session that can undo it, the state after is the card's state until its next answer. The
/// mode is a number (see [`MODE_NAMES`]); the words of an answer are kept only when they were
/// wrong (the leech list shows them). The per-card index is kept only for wrong answers, and
/// the index by day becomes a small table: the first review id of each study day (review ids
/// follow the clock, so the reviews of a day are found from there on; see `reviews::since_day`).
const V3: &str = "
CREATE TABLE review_v3 (
    id INTEGER PRIMARY KEY,
    time_ms INTEGER NOT NULL,
    key INTEGER NOT NULL REFERENCES card(key),
    day INTEGER NOT NULL,
    grade INTEGER NOT NULL,
    correct INTEGER NOT NULL,
    mode INTEGER NOT NULL,
    queue_before INTEGER NOT NULL,
    taken_ms INTEGER NOT NULL,
    answer TEXT
);
INSERT INTO review_v3 (id, time_ms, key, day, grade, correct, mode, queue_before, taken_ms, answer)
    SELECT id, time_ms, key, day, grade, correct,
           CASE mode WHEN 'choice' THEN 0 WHEN 'typed' THEN 1 WHEN 'verdict' THEN 2
                     WHEN 'order' THEN 3 WHEN 'source-said' THEN 4 ELSE 1 END,
           queue_before, taken_ms, CASE WHEN correct THEN NULL ELSE answer END
    FROM review ORDER BY id;
DROP TABLE review;
ALTER TABLE review_v3 RENAME TO review;
CREATE INDEX review_wrong ON review (key) WHERE answer IS NOT NULL;
CREATE TABLE review_day (day INTEGER PRIMARY KEY, first_id INTEGER NOT NULL);
INSERT INTO review_day (day, first_id) SELECT day, min(id) FROM review GROUP BY day;
";

/// Version 4: how sure the learner said they were before the answer showed (0 guessing, 1 think
/// so, 2 sure; NULL when not asked, as for every earlier review), and an index of the answers
/// that have one, by day, that holds what calibration counts (card, confidence, right), so
/// that the statistics read only those answers. Adding a column rewrites nothing.
const V4: &str = "
ALTER TABLE review ADD COLUMN confidence INTEGER;
CREATE INDEX review_confidence ON review (day, key, confidence, correct)
    WHERE confidence IS NOT NULL;
";

/// Version 5: what each card taught when it was last answered (the fingerprint of its answer
/// and claim, and the same in words), so that a deck update that changes a fact is noticed.
/// NULL for the states of earlier versions until the app fills them in from the decks.
const V5: &str = "
ALTER TABLE card_state ADD COLUMN fact INTEGER;
ALTER TABLE card_state ADD COLUMN learned TEXT;
";

/// The answer modes as version 3 numbers them (`review.mode` is the index here); modes are
/// only ever added at the end ("show-answer" came with the imports from Anki, whose reviews are
/// all of that kind).
pub const MODE_NAMES: [&str; 6] = [
    "choice",
    "typed",
    "verdict",
    "order",
    "source-said",
    "show-answer",
];

/// The migrations, in order: the one at index i takes version i to i + 1.
const MIGRATIONS: [&str; VERSION as usize] = [V1, V2, V3, V4, V5];

/// The version from which a migration rewrites the review log: the file is compacted after it
/// (SQLite keeps the freed pages otherwise).
const COMPACT_AFTER_FROM: i64 = 3;

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
    // Every step in one transaction: a file is at its old version or at this one, never in
    // between (a new file killed while it was being made would otherwise stay at a version with
    // no progress, and be backed up "before migration" the next time).
    if found < VERSION {
        let tx = conn.transaction()?;
        for sql in MIGRATIONS.iter().skip(found as usize) {
            tx.execute_batch(sql)?;
        }
        tx.pragma_update(None, "user_version", VERSION)?;
        tx.commit()?;
    }
    if found > 0 && found < COMPACT_AFTER_FROM {
        // Gives the old log's pages back to the disk. The migration is already committed: a
        // failure here (a disk too full for the copy VACUUM makes) leaves a sound, larger file.
        // VACUUM goes through the write-ahead log, which is then emptied.
        let _ = conn.execute_batch("VACUUM; PRAGMA wal_checkpoint(TRUNCATE);");
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
