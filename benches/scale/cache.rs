//! The deck cache at scale: the browser's search over every card's search text (read from
//! the cache deck by deck, on every core), and whole cards read on demand (mostly not among the
//! last 64 a deck keeps, as when a person moves through the browser or a session).

use criterion::Criterion;
use factquiz::deck::Library;
use factquiz::study::browse::{Filter, rows, select};

use super::{open, shared_copy};

pub(super) fn cache(c: &mut Criterion) {
    let dir = shared_copy();
    let coll = open(&dir);
    let all = rows(&coll);
    let mut g = c.benchmark_group("cache");
    g.sample_size(20);
    let filter = Filter {
        text: "figure".into(),
        ..Filter::default()
    };
    g.bench_function("search_all_cards", |b| {
        b.iter(|| select(&coll, &all, &filter).expect("every deck searched"))
    });
    // Every 7th card of the collection in turn, from the library as the app loads it: about
    // 700 of each deck, of which a deck keeps the last 64, so that most are read from the cache.
    let lib = Library::load(Some(&factquiz::data_dir::user_decks(&dir)), &[]);
    let decks = &lib.decks;
    let slots: Vec<(usize, usize)> = decks
        .iter()
        .enumerate()
        .flat_map(|(d, deck)| (0..deck.deck.cards.len()).map(move |i| (d, i)))
        .step_by(7)
        .collect();
    let mut k = 0;
    g.bench_function("card_read", |b| {
        b.iter(|| {
            k = (k + 1) % slots.len();
            let (d, i) = slots[k];
            decks[d].deck.cards.get(i).expect("a card")
        })
    });
    g.finish();
}
