//! What a progress file is like (empty, sound, damaged, or written by a newer factquiz), as far
//! as SQLite can tell through a read-only connection, without writing to it.

use std::path::Path;

use rusqlite::{Connection, ErrorCode, OpenFlags};

use super::schema;

/// What a progress file is like, as far as SQLite can tell without writing to it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Health {
    /// No file, or a database with nothing in it yet.
    Empty,
    /// Sound; whether it holds any answer, card state or setting.
    Good {
        holds_progress: bool,
    },
    Damaged(String),
    Newer(i64),
}

/// Examines a progress file through a read-only connection (it sees the log, too). `full`
/// runs SQLite's integrity check, which reads the whole file; without it only the header,
/// the schema and the version are looked at (what the first frame can afford).
pub(crate) fn examine(path: &Path) -> Result<Health, rusqlite::Error> {
    examine_with(path, true)
}

pub(crate) fn examine_with(path: &Path, full: bool) -> Result<Health, rusqlite::Error> {
    if !path.exists() {
        return Ok(Health::Empty);
    }
    let run = || -> rusqlite::Result<Health> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version > schema::VERSION {
            return Ok(Health::Newer(version));
        }
        // The check reads the file once; a small page cache keeps the app small meanwhile.
        conn.pragma_update(None, "cache_size", -256)?;
        let rows: Vec<String> = if full {
            let mut stmt = conn.prepare("PRAGMA integrity_check(5)")?;
            stmt.query_map([], |r| r.get(0))?
                .collect::<Result<_, _>>()?
        } else {
            vec!["ok".to_string()]
        };
        if rows.first().map(String::as_str) != Some("ok") {
            return Ok(Health::Damaged(format!(
                "SQLite's integrity check failed ({})",
                rows.join("; ")
            )));
        }
        let tables: Vec<String> = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")?
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let ours = ["card", "card_state", "review", "settings"]
            .iter()
            .all(|t| tables.iter().any(|n| n == t));
        Ok(match (version, tables.is_empty(), ours) {
            (0, true, _) => Health::Empty,
            (1.., _, true) => Health::Good {
                holds_progress: conn.query_row(
                    "SELECT EXISTS (SELECT 1 FROM review) OR EXISTS (SELECT 1 FROM card_state)
                         OR EXISTS (SELECT 1 FROM settings)",
                    [],
                    |r| r.get(0),
                )?,
            },
            _ => Health::Damaged("it is a database, but not a factquiz progress file".into()),
        })
    };
    run().or_else(|e| match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => Ok(Health::Damaged(
            "it is not a database any more (it may have been cut short or overwritten)".into(),
        )),
        Some(ErrorCode::DatabaseCorrupt) => Ok(Health::Damaged(format!(
            "SQLite reports it as damaged ({e})"
        ))),
        _ => Err(e),
    })
}
