//! Anki files made in the test, as Anki makes them: a collection with the schema of Anki's
//! source (ankitects/anki rslib/src/storage/schema11.sql and upgrades/schema14, 15, 17 and 18),
//! its stock note types (Basic, Basic (and reversed card), Cloze) with their protobuf
//! configurations, zstd-compressed into `collection.anki21b` inside a zip beside the `meta`
//! file, the legacy `collection.anki2` stub and the `media` list.
#![allow(dead_code)]

use std::io::Write;
use std::path::Path;

use factquiz::interop::anki_proto::{
    MediaEntries, MediaEntry, NotetypeConfig, PackageMetadata, TemplateConfig,
};
use prost::Message;
use rusqlite::{Connection, params};

use super::DAY;

/// The note types the collection has: Basic, Basic (and reversed card), Cloze.
pub const BASIC: i64 = 1_600_000_000_001;
pub const REVERSED: i64 = 1_600_000_000_002;
pub const CLOZE: i64 = 1_600_000_000_003;
/// Its decks: "Default" and "Geography::Asia" (stored with U+001F, as Anki stores it).
pub const DEFAULT_DECK: i64 = 1;
pub const ASIA: i64 = 1_600_000_000_100;

/// Anki's queues and review-log types, for the tests to name.
pub const SUSPENDED: i64 = -1;
pub const BURIED: i64 = -3;
pub const REVIEW_QUEUE: i64 = 2;
pub const MANUAL: u8 = 4;

/// Anki's collection schema, as its source creates and upgrades it to version 18.
const SCHEMA: &str = "
CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL,
  scm integer NOT NULL, ver integer NOT NULL, dty integer NOT NULL, usn integer NOT NULL,
  ls integer NOT NULL, conf text NOT NULL, models text NOT NULL, decks text NOT NULL,
  dconf text NOT NULL, tags text NOT NULL);
CREATE TABLE notes (id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL,
  mod integer NOT NULL, usn integer NOT NULL, tags text NOT NULL, flds text NOT NULL,
  sfld integer NOT NULL, csum integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
CREATE TABLE cards (id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL,
  ord integer NOT NULL, mod integer NOT NULL, usn integer NOT NULL, type integer NOT NULL,
  queue integer NOT NULL, due integer NOT NULL, ivl integer NOT NULL, factor integer NOT NULL,
  reps integer NOT NULL, lapses integer NOT NULL, left integer NOT NULL, odue integer NOT NULL,
  odid integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
CREATE TABLE revlog (id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL,
  ease integer NOT NULL, ivl integer NOT NULL, lastIvl integer NOT NULL, factor integer NOT NULL,
  time integer NOT NULL, type integer NOT NULL);
CREATE TABLE graves (oid integer NOT NULL, type integer NOT NULL, usn integer NOT NULL,
  PRIMARY KEY (oid, type)) WITHOUT ROWID;
CREATE TABLE deck_config (id integer PRIMARY KEY NOT NULL, name text NOT NULL COLLATE unicase,
  mtime_secs integer NOT NULL, usn integer NOT NULL, config blob NOT NULL);
CREATE TABLE config (KEY text NOT NULL PRIMARY KEY, usn integer NOT NULL,
  mtime_secs integer NOT NULL, val blob NOT NULL) without rowid;
CREATE TABLE tags (tag text NOT NULL PRIMARY KEY COLLATE unicase, usn integer NOT NULL,
  collapsed boolean NOT NULL, config blob NULL) without rowid;
CREATE TABLE fields (ntid integer NOT NULL, ord integer NOT NULL, name text NOT NULL COLLATE unicase,
  config blob NOT NULL, PRIMARY KEY (ntid, ord)) without rowid;
CREATE TABLE templates (ntid integer NOT NULL, ord integer NOT NULL, name text NOT NULL COLLATE unicase,
  mtime_secs integer NOT NULL, usn integer NOT NULL, config blob NOT NULL, PRIMARY KEY (ntid, ord)) without rowid;
CREATE TABLE notetypes (id integer NOT NULL PRIMARY KEY, name text NOT NULL COLLATE unicase,
  mtime_secs integer NOT NULL, usn integer NOT NULL, config blob NOT NULL);
CREATE TABLE decks (id integer PRIMARY KEY NOT NULL, name text NOT NULL COLLATE unicase,
  mtime_secs integer NOT NULL, usn integer NOT NULL, common blob NOT NULL, kind blob NOT NULL);
CREATE INDEX ix_cards_nid ON cards (nid);
CREATE INDEX ix_revlog_cid ON revlog (cid);
";

/// A collection being made, in a temporary file.
pub struct AnkiFile {
    dir: tempfile::TempDir,
    conn: Connection,
}

impl AnkiFile {
    /// A collection at `schema` (18 is Anki's newest) with the stock note types and two decks.
    pub fn new(schema: i64) -> AnkiFile {
        let dir = tempfile::tempdir().unwrap();
        let conn = Connection::open(dir.path().join("collection.sqlite")).unwrap();
        factquiz::store::anki::register_unicase(&conn).unwrap();
        conn.execute_batch(SCHEMA).unwrap();
        conn.execute(
            "INSERT INTO col VALUES (1, 1600000000, 1733000000000, 0, ?1, 0, 0, 0, '{}', '{}', '{}', '{}', '{}')",
            [schema],
        )
        .unwrap();
        let f = AnkiFile { dir, conn };
        let front_back = ["Front", "Back"];
        f.notetype(
            BASIC,
            "Basic",
            false,
            &front_back,
            &[("{{Front}}", "{{FrontSide}}<hr id=answer>{{Back}}")],
        );
        f.notetype(
            REVERSED,
            "Basic (and reversed card)",
            false,
            &front_back,
            &[
                ("{{Front}}", "{{FrontSide}}<hr id=answer>{{Back}}"),
                ("{{Back}}", "{{FrontSide}}<hr id=answer>{{Front}}"),
            ],
        );
        f.notetype(
            CLOZE,
            "Cloze",
            true,
            &["Text", "Back Extra"],
            &[("{{cloze:Text}}", "{{cloze:Text}}<br>{{Back Extra}}")],
        );
        for (id, name) in [(DEFAULT_DECK, "Default"), (ASIA, "Geography\u{1f}Asia")] {
            f.conn
                .execute(
                    "INSERT INTO decks VALUES (?1, ?2, 0, 0, x'', x'0a00')",
                    params![id, name],
                )
                .unwrap();
        }
        f
    }

    fn notetype(
        &self,
        id: i64,
        name: &str,
        cloze: bool,
        fields: &[&str],
        templates: &[(&str, &str)],
    ) {
        let config = NotetypeConfig {
            kind: i32::from(cloze),
        }
        .encode_to_vec();
        self.conn
            .execute(
                "INSERT INTO notetypes VALUES (?1, ?2, 0, 0, ?3)",
                params![id, name, config],
            )
            .unwrap();
        for (ord, f) in fields.iter().enumerate() {
            self.conn
                .execute(
                    "INSERT INTO fields VALUES (?1, ?2, ?3, x'')",
                    params![id, ord as i64, f],
                )
                .unwrap();
        }
        for (ord, (q, a)) in templates.iter().enumerate() {
            let config = TemplateConfig {
                q_format: q.to_string(),
                a_format: a.to_string(),
            }
            .encode_to_vec();
            self.conn
                .execute(
                    "INSERT INTO templates VALUES (?1, ?2, ?3, 0, 0, ?4)",
                    params![id, ord as i64, format!("Card {}", ord + 1), config],
                )
                .unwrap();
        }
    }

    /// Starts a transaction (for many rows at once); `commit` ends it.
    pub fn begin(&self) {
        self.conn.execute_batch("BEGIN").unwrap();
    }

    pub fn commit(&self) {
        self.conn.execute_batch("COMMIT").unwrap();
    }

    pub fn note(&self, id: i64, guid: &str, notetype: i64, fields: &[&str], tags: &str) {
        self.conn
            .prepare_cached("INSERT INTO notes VALUES (?1, ?2, ?3, 0, 0, ?4, ?5, ?6, 0, 0, '')")
            .unwrap()
            .execute(params![
                id,
                guid,
                notetype,
                format!(" {tags} "),
                fields.join("\u{1f}"),
                fields[0]
            ])
            .unwrap();
    }

    /// A card: its note, deck, template (or cloze number less one) and queue.
    pub fn card(&self, id: i64, note: i64, deck: i64, ord: i64, queue: i64) {
        let kind = if queue == 0 { 0 } else { 2 };
        self.conn
            .prepare_cached(
                "INSERT INTO cards VALUES (?1, ?2, ?3, ?4, 0, 0, ?5, ?6, 0, 0, 2500, 0, 0, 0, 0, 0, 0, '')",
            )
            .unwrap()
            .execute(params![id, note, deck, ord, kind, queue])
            .unwrap();
    }

    /// A review log entry: its time (ms), card, ease (1-4, 0 for a reschedule), time taken and
    /// type (0 learn, 1 review, 2 relearn, 3 filtered, 4 manual).
    pub fn review(&self, time_ms: i64, card: i64, ease: u8, taken_ms: i64, kind: u8) {
        self.conn
            .prepare_cached("INSERT INTO revlog VALUES (?1, ?2, 0, ?3, 1, 0, 2500, ?4, ?5)")
            .unwrap()
            .execute(params![time_ms, card, ease, taken_ms, kind])
            .unwrap();
    }

    /// Writes the package: `meta` (version 3), `collection.anki21b` (zstd), the legacy
    /// `collection.anki2` stub, the `media` list (one image) and the image itself.
    pub fn write_apkg(self, path: &Path) {
        let AnkiFile { dir, conn } = self;
        conn.close().unwrap();
        let collection = std::fs::read(dir.path().join("collection.sqlite")).unwrap();
        let packed = zstd::encode_all(collection.as_slice(), 0).unwrap();
        let media = MediaEntries {
            entries: vec![MediaEntry {
                name: "map.png".into(),
                size: 4,
            }],
        }
        .encode_to_vec();
        let entries: [(&str, Vec<u8>); 5] = [
            (
                "collection.anki2",
                b"SQLite format 3\0 legacy stub: please update Anki".to_vec(),
            ),
            ("collection.anki21b", packed),
            ("media", zstd::encode_all(media.as_slice(), 0).unwrap()),
            ("meta", PackageMetadata { version: 3 }.encode_to_vec()),
            ("0", b"\x89PNG".to_vec()),
        ];
        write_zip(path, &entries);
    }
}

/// 2024-03-01 09:00 UTC, the first review of [`package`].
pub const T0: i64 = 19_783 * DAY + 9 * 3_600_000;

/// A package with a Basic note, a reversed note (one card suspended, one buried), a Cloze
/// note, a note whose front is only an image, and a review history.
pub fn package(path: &Path, capital: &str, extra_review: bool) {
    let f = AnkiFile::new(18);
    f.note(
        1,
        "g-basic",
        BASIC,
        &["Capital of <b>Kazakhstan</b>?", capital],
        "geo capitals",
    );
    f.card(101, 1, ASIA, 0, REVIEW_QUEUE);
    f.note(
        2,
        "g-rev",
        REVERSED,
        &["Almaty", "largest city of Kazakhstan"],
        "geo::cities",
    );
    f.card(201, 2, ASIA, 0, SUSPENDED);
    f.card(202, 2, ASIA, 1, BURIED);
    f.note(
        3,
        "g-cloze",
        CLOZE,
        &[
            "{{c1::Toqaev}} became president in {{c2::2019::year}}",
            "after Nazarbayev",
        ],
        "people",
    );
    f.card(301, 3, DEFAULT_DECK, 0, 0);
    f.card(302, 3, DEFAULT_DECK, 1, REVIEW_QUEUE);
    f.note(
        4,
        "g-image",
        BASIC,
        &[r#"<img src="map.png">"#, "Kazakhstan"],
        "",
    );
    f.card(401, 4, ASIA, 0, 0);
    for (t, card, ease, kind) in [
        (T0, 101, 3, 0),
        (T0 + DAY, 101, 3, 1),
        (T0 + 4 * DAY, 101, 3, 1),
        (T0 + 5 * DAY, 101, 0, MANUAL),
        (T0 + 1_000, 302, 1, 0),
        (T0 + 601_000, 302, 3, 0),
        (T0 + 2 * DAY, 302, 3, 1),
    ] {
        f.review(t, card, ease, 4_000 + t % 1000, kind);
    }
    if extra_review {
        f.review(T0 + 29 * DAY, 101, 4, 3_000, 1);
    }
    f.write_apkg(path);
}

impl AnkiFile {
    /// Makes the collection one of schema 11, as Anki 2.1 before 2.1.28 wrote it: note types
    /// and decks as JSON in `col` (here Basic and Cloze, and the decks "Default" and
    /// "Geography::Asia"), written by `write_legacy_apkg`.
    pub fn make_legacy(&self) {
        let models = serde_json::json!({
            BASIC.to_string(): {"id": BASIC, "name": "Basic", "type": 0,
                "flds": [{"name": "Front", "ord": 0}, {"name": "Back", "ord": 1}],
                "tmpls": [{"name": "Card 1", "ord": 0, "qfmt": "{{Front}}",
                           "afmt": "{{FrontSide}}<hr id=answer>{{Back}}"}]},
            CLOZE.to_string(): {"id": CLOZE, "name": "Cloze", "type": 1,
                "flds": [{"name": "Text", "ord": 0}, {"name": "Back Extra", "ord": 1}],
                "tmpls": [{"name": "Cloze", "ord": 0, "qfmt": "{{cloze:Text}}",
                           "afmt": "{{cloze:Text}}"}]},
        });
        let decks = serde_json::json!({
            "1": {"id": 1, "name": "Default"},
            ASIA.to_string(): {"id": ASIA, "name": "Geography::Asia"},
        });
        self.conn
            .execute(
                "UPDATE col SET ver = 11, mod = 1733000000, models = ?1, decks = ?2",
                params![models.to_string(), decks.to_string()],
            )
            .unwrap();
        self.conn
            .execute_batch(
                "DROP TABLE notetypes; DROP TABLE fields; DROP TABLE templates; DROP TABLE decks;",
            )
            .unwrap();
    }

    /// Writes a legacy package: `collection.anki2` as it is, a JSON media map, no `meta`.
    pub fn write_legacy_apkg(self, path: &Path) {
        let AnkiFile { dir, conn } = self;
        conn.close().unwrap();
        let collection = std::fs::read(dir.path().join("collection.sqlite")).unwrap();
        write_zip(
            path,
            &[
                ("collection.anki2", collection),
                ("media", br#"{"0": "map.png"}"#.to_vec()),
                ("0", b"\x89PNG".to_vec()),
            ],
        );
    }
}

/// A zip archive of these entries, stored as Anki stores them.
pub fn write_zip(path: &Path, entries: &[(&str, Vec<u8>)]) {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let opts =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in entries {
        zip.start_file(*name, opts).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap();
}
