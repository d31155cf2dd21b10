//! Where the memory of a large collection goes: opens a data directory step by step (decks,
//! quiz index, progress, browser rows) and prints the resident memory after each.
//!
//!   cargo run --release --example memory_steps -- DATA_DIR

use std::time::Instant;

fn rss_mb() -> f64 {
    let s = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: f64 = s
        .split_whitespace()
        .nth(1)
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0);
    pages * 4096.0 / 1e6
}

unsafe extern "C" {
    fn malloc_trim(pad: usize) -> i32;
}

/// Gives freed memory back to the system, so that the figure after a step is what it keeps.
fn trim() {
    // SAFETY: glibc's malloc_trim only releases free heap pages.
    unsafe {
        malloc_trim(0);
    }
}

fn main() {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).expect("DATA_DIR"));
    let t = Instant::now();
    let step = |what: &str, t: &Instant| {
        trim();
        eprintln!(
            "{what:<28} rss {:7.1} MB  at {:7.1} ms",
            rss_mb(),
            t.elapsed().as_secs_f64() * 1e3
        );
    };
    sizes();
    step("start", &t);
    let lib = factquiz::deck::Library::load(Some(&factquiz::data_dir::user_decks(&dir)), &[]);
    step("decks", &t);
    let (bytes, allocations) = counted_bytes(&lib);
    eprintln!(
        "(cards counted: {:.1} MB in {allocations} allocations)",
        bytes as f64 / 1e6
    );
    let cap: usize = lib.decks.iter().map(|d| d.deck.cards.capacity()).sum();
    eprintln!("(card slots {cap} for {} cards)", lib.card_count());
    let ix = factquiz::quiz::QuizIndex::build(&lib);
    step("quiz index", &t);
    drop(ix);
    step("quiz index dropped", &t);
    let store = factquiz::store::Store::open_read_only(&dir).expect("store");
    step("store opened", &t);
    let coll = factquiz::study::Collection::from_parts(lib, store).expect("open");
    step("collection", &t);
    let mut coll = coll;
    let t2 = Instant::now();
    let mut n = 0;
    coll.store.for_each_state(|_, _, _| n += 1).expect("states");
    eprintln!(
        "(reading {n} states alone: {:.1} ms)",
        t2.elapsed().as_secs_f64() * 1e3
    );
    let t2 = Instant::now();
    coll.reload_states().expect("states");
    eprintln!(
        "(reloading the states alone: {:.1} ms)",
        t2.elapsed().as_secs_f64() * 1e3
    );
    let rows = factquiz::study::browse::rows(&coll);
    step("browser rows", &t);
    let f = factquiz::study::browse::Filter {
        text: "figure".into(),
        ..Default::default()
    };
    let sel = factquiz::study::browse::select(&coll, &rows, &f);
    step("browser search", &t);
    eprintln!("{} rows, {} found", rows.len(), sel.len());
}

#[allow(dead_code)]
fn sizes() {
    use factquiz::deck::*;
    eprintln!(
        "Card {} Answer {} Evidence {} Text {} Deck {} Claim {} Source {}",
        size_of::<Card>(),
        size_of::<Answer>(),
        size_of::<Evidence>(),
        size_of::<Text>(),
        size_of::<Deck>(),
        size_of::<Claim>(),
        size_of::<Source>()
    );
}

/// The bytes the library's cards hold by a count of their parts (without the allocator's own).
fn counted_bytes(lib: &factquiz::deck::Library) -> (usize, usize) {
    use factquiz::deck::*;
    let heap = |t: &Text| {
        if t.is_heap_allocated() {
            t.capacity()
        } else {
            0
        }
    };
    let mut bytes = 0;
    let mut allocations = 0;
    for d in &lib.decks {
        bytes += d.deck.cards.capacity() * size_of::<Card>();
        for c in &d.deck.cards {
            let texts: Vec<&Text> = [&c.id, &c.prompt, &c.explanation]
                .into_iter()
                .chain(c.topics.iter())
                .chain(c.claim.iter())
                .chain(
                    c.evidence
                        .iter()
                        .flat_map(|e| [&e.source, &e.locator, &e.says]),
                )
                .collect();
            for t in texts {
                bytes += heap(t);
                allocations += usize::from(t.is_heap_allocated());
            }
            bytes += c.topics.capacity() * 24 + c.evidence.capacity() * size_of::<Evidence>();
            allocations += 2;
            match &c.answer {
                Answer::Name(v) | Answer::Phrase(v) | Answer::Order(v) => {
                    bytes += v.capacity() * 24 + v.iter().map(heap).sum::<usize>();
                    allocations += 1;
                }
                Answer::SourceSaid(v) => {
                    bytes += v.capacity() * size_of::<Attribution>();
                    allocations += 1;
                }
                _ => {}
            }
        }
    }
    (bytes, allocations)
}
