//! An Anki package read into decks and histories: note types (their kind and card templates)
//! and decks from the collection's tables (schema 15 and later) or its JSON (schema 11), each
//! card of the package made a card of factquiz in its deck, and the review log gathered by
//! card (answers only: reschedules and resets are not reviews). Suspended and buried cards
//! are noted so that they stay so.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

use prost::Message;

use super::anki_proto::{KIND_CLOZE, NotetypeConfig, TemplateConfig};
use super::apkg::open;
use super::build::{Origin, Placed, build, card_id};
use super::note::{Note, NoteKind, Template};
use super::read::date_of_ms;
use super::{Foreign, ForeignCard, ForeignReview, InteropError, Report};
use crate::quiz::Grade;
use crate::store::StoreError;
use crate::store::anki::AnkiCollection;

/// Anki's queues for suspended and buried cards (`cards.queue`).
const SUSPENDED: i64 = -1;
const BURIED: [i64; 2] = [-2, -3];
/// The review log's types that are answers (learn, review, relearn, filtered); 4 and 5 are
/// manual reschedules.
const ANSWER_KINDS: u8 = 3;

pub fn read(path: &Path, file_name: &str, progress: &dyn Fn(f32)) -> Result<Foreign, InteropError> {
    let pkg = open(path)?;
    let bad = |e: StoreError| InteropError::Collection {
        file: file_name.to_string(),
        why: e.to_string(),
    };
    let col = &pkg.collection;
    let (kinds, deck_names) = if col.has_tables() {
        (
            kinds_from_tables(col).map_err(bad)?,
            col.decks().map_err(bad)?.into_iter().collect(),
        )
    } else {
        legacy(col).map_err(|why| InteropError::Collection {
            file: file_name.to_string(),
            why,
        })?
    };
    let (_, card_count, review_count) = col.counts().map_err(bad)?;
    let origin = Origin {
        app: "Anki",
        file_name: file_name.to_string(),
        exported: date_of_ms(col.modified_ms().map_err(bad)?),
    };
    let basic = Arc::new(NoteKind::Basic);
    let rows = col.notes().map_err(bad)?;
    let index: HashMap<i64, usize> = rows.iter().enumerate().map(|(i, n)| (n.id, i)).collect();
    let notes: Vec<Note> = rows
        .into_iter()
        .map(|n| Note {
            kind: kinds
                .get(&n.notetype)
                .map_or_else(|| Arc::clone(&basic), Arc::clone),
            fields: n.fields.split('\u{1f}').map(String::from).collect(),
            html: true,
            tags: n.tags.split_whitespace().map(String::from).collect(),
            deck: String::new(),
            at: format!("note {}", n.id),
            guid: n.guid,
        })
        .collect();
    let mut report = Report {
        format: format!("Anki package ({})", pkg.collection_name),
        notes: notes.len(),
        ..Report::default()
    };
    let cards = col.cards().map_err(bad)?;
    let mut placed = Vec::with_capacity(cards.len());
    let mut ids: HashMap<i64, (String, String, i64)> = HashMap::with_capacity(cards.len());
    let mut media = 0;
    for (i, c) in cards.iter().enumerate() {
        if i % 2048 == 0 {
            progress(0.4 * i as f32 / card_count.max(1) as f32);
        }
        let Some(&n) = index.get(&c.note) else {
            continue;
        };
        let note = &notes[n];
        let deck = deck_names.get(&c.deck).map_or("Default", String::as_str);
        match note.card(c.ord) {
            Ok(made) => {
                media += made.media;
                let id = (origin.deck_id(deck), card_id(&note.guid, c.ord), c.queue);
                ids.insert(c.id, id);
                placed.push(Placed { note, made, deck });
            }
            Err(why) => report
                .problems
                .push(format!("{}: card {}: {why}", note.at, c.ord + 1)),
        }
    }
    let built = build(placed, &origin);
    report.problems.extend(built.problems);
    report.cards = built.decks.iter().map(|d| d.cards.len()).sum();
    let kept: HashSet<(&str, &str)> = built
        .decks
        .iter()
        .flat_map(|d| d.cards.iter().map(move |c| (d.id.as_str(), c.id.as_str())))
        .collect();
    ids.retain(|_, (d, c, _)| kept.contains(&(d.as_str(), c.as_str())));
    progress(0.5);
    let histories = histories(col, &ids, review_count, &mut report, progress).map_err(bad)?;
    if media > 0 || pkg.media_files > 0 {
        report.skipped.push(format!(
            "{} media file(s), {media} image(s) and sound(s) on cards: media is not imported (cards show where they were)",
            pkg.media_files
        ));
    }
    if report.notes == 0 {
        return Err(InteropError::Empty {
            file: file_name.to_string(),
        });
    }
    progress(1.0);
    Ok(Foreign {
        decks: built.decks,
        cards: histories,
        report,
    })
}

/// The review log gathered by the cards imported (Anki card id -> deck, card, queue).
fn histories(
    col: &AnkiCollection,
    ids: &HashMap<i64, (String, String, i64)>,
    total: usize,
    report: &mut Report,
    progress: &dyn Fn(f32),
) -> Result<Vec<ForeignCard>, StoreError> {
    let mut by_card: HashMap<i64, Vec<ForeignReview>> = HashMap::new();
    let (mut seen, mut not_answers, mut left_out) = (0usize, 0usize, 0usize);
    col.for_each_review(|r| {
        seen += 1;
        if seen % 16_384 == 0 {
            progress(0.5 + 0.5 * seen as f32 / total.max(1) as f32);
        }
        let grade = Grade::from_number(r.ease).filter(|_| r.kind <= ANSWER_KINDS);
        match (ids.contains_key(&r.card), grade) {
            (false, _) => left_out += 1,
            (true, None) => not_answers += 1,
            (true, Some(grade)) => by_card.entry(r.card).or_default().push(ForeignReview {
                time_ms: r.time_ms,
                grade,
                taken_ms: r.taken_ms.max(0),
            }),
        }
    })?;
    if not_answers > 0 {
        report.skipped.push(format!(
            "{not_answers} review log entries that rescheduled or reset a card rather than answer it"
        ));
    }
    if left_out > 0 {
        report.skipped.push(format!(
            "{left_out} review(s) of cards that are not imported"
        ));
    }
    let mut out = Vec::new();
    for (anki_id, (deck_id, card_id, queue)) in ids {
        let reviews = by_card.remove(anki_id).unwrap_or_default();
        let suspended = *queue == SUSPENDED;
        let buried = BURIED.contains(queue);
        report.reviews += reviews.len();
        report.suspended += usize::from(suspended);
        report.buried += usize::from(buried);
        if !reviews.is_empty() || suspended || buried {
            out.push(ForeignCard {
                deck_id: deck_id.clone(),
                card_id: card_id.clone(),
                reviews,
                suspended,
                buried,
            });
        }
    }
    out.sort_by(|a, b| (&a.deck_id, &a.card_id).cmp(&(&b.deck_id, &b.card_id)));
    Ok(out)
}

/// Note types from the tables of schema 15 and later: cloze or not from their protobuf
/// configuration, templates from their front and back formats.
fn kinds_from_tables(col: &AnkiCollection) -> Result<HashMap<i64, Arc<NoteKind>>, StoreError> {
    let mut names: HashMap<i64, Vec<String>> = HashMap::new();
    for f in col.fields()? {
        names.entry(f.notetype).or_default().push(f.name);
    }
    let mut formats: HashMap<i64, Vec<(String, String)>> = HashMap::new();
    for t in col.templates()? {
        let c = TemplateConfig::decode(t.config.as_slice()).unwrap_or_default();
        formats
            .entry(t.notetype)
            .or_default()
            .push((c.q_format, c.a_format));
    }
    let mut out = HashMap::new();
    for nt in col.notetypes()? {
        let cloze =
            NotetypeConfig::decode(nt.config.as_slice()).is_ok_and(|c| c.kind == KIND_CLOZE);
        let fields = names.remove(&nt.id).unwrap_or_default();
        let templates = formats.remove(&nt.id).unwrap_or_default();
        out.insert(nt.id, Arc::new(kind_of(cloze, &fields, &templates)));
    }
    Ok(out)
}

fn kind_of(cloze: bool, fields: &[String], templates: &[(String, String)]) -> NoteKind {
    if cloze {
        return NoteKind::Cloze;
    }
    NoteKind::Custom(
        templates
            .iter()
            .map(|(q, a)| Template::from_formats(q, a, fields))
            .collect(),
    )
}

type Legacy = (HashMap<i64, Arc<NoteKind>>, HashMap<i64, String>);

/// Note types and decks from the JSON of a schema 11 collection (`col.models`, `col.decks`).
fn legacy(col: &AnkiCollection) -> Result<Legacy, String> {
    use serde_json::Value;
    let (models, decks) = col.legacy_json().map_err(|e| e.to_string())?;
    let models: serde_json::Map<String, Value> =
        serde_json::from_str(&models).map_err(|e| format!("its note types: {e}"))?;
    let decks: serde_json::Map<String, Value> =
        serde_json::from_str(&decks).map_err(|e| format!("its decks: {e}"))?;
    let text = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).unwrap_or("").to_string();
    let mut kinds = HashMap::new();
    for (id, m) in &models {
        let Ok(id) = id.parse::<i64>() else { continue };
        let list = |k: &str| {
            m.get(k)
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default()
        };
        let fields: Vec<String> = list("flds").iter().map(|f| text(f, "name")).collect();
        let templates: Vec<(String, String)> = list("tmpls")
            .iter()
            .map(|t| (text(t, "qfmt"), text(t, "afmt")))
            .collect();
        let cloze = m.get("type").and_then(Value::as_i64) == Some(1);
        kinds.insert(id, Arc::new(kind_of(cloze, &fields, &templates)));
    }
    let names = decks
        .iter()
        .filter_map(|(id, d)| Some((id.parse::<i64>().ok()?, text(d, "name"))))
        .collect();
    Ok((kinds, names))
}
