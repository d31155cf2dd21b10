//! The decks built into the binary: they load and validate, are big enough, cite the five
//! source articles properly, tag every card with well-formed topics, and keep their card ids.
//!
//! Card ids are pinned in `tests/fixtures/builtin_card_ids.txt`: progress is keyed by
//! (deck id, card id), so a renamed or removed id silently orphans every user's history of that
//! card. The test fails on any difference, added ids included, so that the fixture always lists
//! exactly what ships.
//!
//! To regenerate the fixture deliberately (after adding cards, never to rename one):
//!
//! ```text
//! UPDATE_FIXTURES=1 cargo test --test builtin_decks
//! ```
//!
//! then review the diff of the fixture: it must only add lines.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::Path;

use factquiz::deck::load::load_deck;
use factquiz::deck::{Answer, CardKind, Deck, Library, LoadedDeck, PartialDate};

const FIXTURE: &str = "tests/fixtures/builtin_card_ids.txt";

/// The five source articles every built-in deck rests on: id and publication date.
const SOURCES: [(&str, &str); 5] = [
    ("qo-toqaev-upper-hand", "2022-01-12"),
    ("qo-bloody-january", "2022-01"),
    ("qo-battle-for-power", "2022-01"),
    ("fergana-vanquished", "2024"),
    ("askarbek-crackdown", "2022-01-27"),
];

const TOPIC_CATEGORIES: [&str; 5] = ["person", "institution", "place", "event", "figure"];

fn builtin() -> Vec<LoadedDeck> {
    let lib = Library::builtin();
    assert_eq!(lib.errors, [], "the built-in decks load without errors");
    lib.decks
}

fn decks() -> Vec<Deck> {
    builtin()
        .into_iter()
        .map(|d| d.deck.whole().unwrap())
        .collect()
}

#[test]
fn every_deck_file_is_built_in_and_loads_and_validates() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("decks");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".ron"))
        .collect();
    files.sort();
    assert!(files.len() >= 4, "{files:?}");

    let loaded = builtin();
    let shown: Vec<String> = loaded.iter().map(|d| d.file.clone()).collect();
    let expected: Vec<String> = files.iter().map(|f| format!("decks/{f}")).collect();
    assert_eq!(
        shown, expected,
        "every file in decks/ is built in, in name order"
    );

    // Each file also loads on its own, from disk, as a deck author's copy would.
    for f in &files {
        let text = std::fs::read_to_string(dir.join(f)).unwrap();
        let deck = load_deck(&text, f).unwrap_or_else(|errors| {
            let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
            panic!("{f} does not load:\n{}", shown.join("\n"))
        });
        assert!(
            loaded.iter().any(|d| d.deck.whole().unwrap() == deck),
            "{f} is built in as it is on disk"
        );
    }
}

#[test]
fn deck_ids_and_card_ids_are_unique() {
    let decks = decks();
    let mut deck_ids = HashSet::new();
    for deck in &decks {
        assert!(
            deck_ids.insert(&deck.id),
            "deck id {:?} is used twice",
            deck.id
        );
        let mut card_ids = HashSet::new();
        for card in &deck.cards {
            assert!(
                card_ids.insert(&card.id),
                "card id {:?} is used twice in {}",
                card.id,
                deck.id
            );
        }
    }
}

#[test]
fn there_are_at_least_150_cards_and_6_order_cards() {
    let decks = decks();
    let cards: usize = decks.iter().map(|d| d.cards.len()).sum();
    assert!(cards >= 150, "{cards} cards in the built-in decks");
    let orders: Vec<&str> = decks
        .iter()
        .flat_map(|d| &d.cards)
        .filter(|c| c.kind == CardKind::Order)
        .map(|c| c.id.as_str())
        .collect();
    assert!(
        orders.len() >= 6,
        "{} order cards: {orders:?}",
        orders.len()
    );
}

#[test]
fn every_order_card_has_three_to_six_distinct_events() {
    for deck in decks() {
        for card in &deck.cards {
            match (&card.kind, &card.answer) {
                (CardKind::Order, Answer::Order(events)) => {
                    assert!(
                        (3..=6).contains(&events.len()),
                        "{}/{}: {} events",
                        deck.id,
                        card.id,
                        events.len()
                    );
                    let distinct: HashSet<&str> = events.iter().map(|e| e.as_str()).collect();
                    assert_eq!(distinct.len(), events.len(), "{}/{}", deck.id, card.id);
                }
                (CardKind::Order, other) => {
                    panic!("{}/{} has an order kind but {other:?}", deck.id, card.id)
                }
                _ => {}
            }
        }
    }
}

#[test]
fn every_card_has_topics_in_the_category_slash_name_form() {
    let mut bad = Vec::new();
    for deck in decks() {
        for card in &deck.cards {
            if card.topics.is_empty() {
                bad.push(format!("{}/{}: no topic", deck.id, card.id));
            }
            for topic in &card.topics {
                let ok = topic.split_once('/').is_some_and(|(category, name)| {
                    TOPIC_CATEGORIES.contains(&category)
                        && !name.is_empty()
                        && name.trim() == name
                        && !name.contains('/')
                        && name.starts_with(|c: char| c.is_uppercase())
                });
                if !ok {
                    bad.push(format!("{}/{}: {topic:?}", deck.id, card.id));
                }
            }
            let distinct: HashSet<&str> = card.topics.iter().map(|t| t.as_str()).collect();
            if distinct.len() != card.topics.len() {
                bad.push(format!("{}/{}: a topic is given twice", deck.id, card.id));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "topics must be \"category/Name\" with category one of {TOPIC_CATEGORIES:?}:\n{}",
        bad.join("\n")
    );
}

#[test]
fn every_card_cites_evidence_from_a_source_of_its_deck() {
    let mut bad = Vec::new();
    for deck in decks() {
        for card in &deck.cards {
            if card.evidence.is_empty() {
                bad.push(format!("{}/{}: no evidence", deck.id, card.id));
            }
            for e in &card.evidence {
                if deck.source(&e.source).is_none() {
                    bad.push(format!("{}/{}: cites {:?}", deck.id, card.id, e.source));
                }
                if e.locator.trim().is_empty() || e.says.trim().is_empty() {
                    bad.push(format!(
                        "{}/{}: evidence from {} without locator or text",
                        deck.id, card.id, e.source
                    ));
                }
            }
            if let Some(claim) = &card.claim
                && deck.claim(claim).is_none()
            {
                bad.push(format!("{}/{}: claim {claim:?}", deck.id, card.id));
            }
        }
        for claim in &deck.claims {
            for v in &claim.values {
                if deck.source(&v.source).is_none() {
                    bad.push(format!(
                        "{}: claim {} cites {:?}",
                        deck.id, claim.id, v.source
                    ));
                }
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn every_deck_lists_all_five_sources_with_title_outlet_author_and_date() {
    let decks = decks();
    // The same source is described the same way in every deck.
    let mut seen: BTreeMap<&str, (&str, &str, &str, PartialDate)> = BTreeMap::new();
    for deck in &decks {
        let ids: BTreeSet<&str> = deck.sources.iter().map(|s| s.id.as_str()).collect();
        let expected: BTreeSet<&str> = SOURCES.iter().map(|(id, _)| *id).collect();
        assert_eq!(ids, expected, "the sources of {}", deck.id);
        assert_eq!(deck.sources.len(), 5, "{} lists a source twice", deck.id);
        for s in &deck.sources {
            for (field, value) in [
                ("title", &s.title),
                ("outlet", &s.outlet),
                ("author", &s.author),
            ] {
                assert!(
                    !value.trim().is_empty(),
                    "{}: source {} has no {field}",
                    deck.id,
                    s.id
                );
            }
            let (_, date) = SOURCES.iter().find(|(id, _)| *id == s.id).unwrap();
            assert_eq!(
                s.published.to_string(),
                *date,
                "{}: date of {}",
                deck.id,
                s.id
            );
            let described = (
                s.title.as_str(),
                s.outlet.as_str(),
                s.author.as_str(),
                s.published,
            );
            let first = *seen.entry(s.id.as_str()).or_insert(described);
            assert_eq!(
                described, first,
                "{}: source {} differs from another deck",
                deck.id, s.id
            );
        }
    }
}

/// The (deck id, card id) pairs of the built-in decks, one "deck-id card-id" line each, in
/// deck file order and card order.
fn card_id_lines() -> Vec<String> {
    decks()
        .iter()
        .flat_map(|d| d.cards.iter().map(move |c| format!("{} {}", d.id, c.id)))
        .collect()
}

#[test]
fn card_ids_are_stable() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE);
    let current = card_id_lines();
    if std::env::var_os("UPDATE_FIXTURES").is_some_and(|v| v == "1") {
        let mut text = String::from(
            "# The (deck id, card id) pairs of the built-in decks, pinned by tests/builtin_decks.rs.\n\
             # Progress is keyed by them: never rename or remove one. To add ids, regenerate with\n\
             # UPDATE_FIXTURES=1 cargo test --test builtin_decks\n",
        );
        for line in &current {
            text.push_str(line);
            text.push('\n');
        }
        std::fs::write(&path, text).unwrap();
    }
    let pinned_text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{FIXTURE}: {e}; generate it as the comment above says"));
    let pinned: Vec<&str> = pinned_text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .collect();

    let now: HashSet<&str> = current.iter().map(String::as_str).collect();
    let before: HashSet<&str> = pinned.iter().copied().collect();
    let gone: Vec<&&str> = pinned.iter().filter(|l| !now.contains(**l)).collect();
    let new: Vec<&String> = current
        .iter()
        .filter(|l| !before.contains(l.as_str()))
        .collect();
    assert!(
        gone.is_empty(),
        "card ids were renamed or removed; users' progress on them would be lost: {gone:#?}"
    );
    assert!(
        new.is_empty(),
        "new card ids: if they are meant to ship, regenerate {FIXTURE} \
         (UPDATE_FIXTURES=1 cargo test --test builtin_decks): {new:#?}"
    );
    assert_eq!(pinned, current, "the pinned ids, in deck and card order");
}
