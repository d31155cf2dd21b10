//! Where the memory of a large collection goes: opens a data directory step by step (decks,
//! quiz index, progress, browser rows) and prints the resident memory after each, and the bytes
//! the quiz index holds (counted by this program's allocator).
//!
//!   cargo run --release --example memory_steps -- DATA_DIR

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// The system allocator, counting the bytes held: what a step keeps is the count after it
/// less the count before.
struct Counting;

static HELD: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed to the system allocator unchanged; only a counter is kept.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        HELD.fetch_add(layout.size(), Ordering::Relaxed);
        // SAFETY: the caller's layout, as `GlobalAlloc::alloc` requires.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        HELD.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: `ptr` was allocated by `System` with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as `GlobalAlloc::realloc` requires, passed on.
        let out = unsafe { System.realloc(ptr, layout, new_size) };
        if !out.is_null() {
            HELD.fetch_sub(layout.size(), Ordering::Relaxed);
            HELD.fetch_add(new_size, Ordering::Relaxed);
        }
        out
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

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
    factquiz::malloc::tune();
    let dir = std::path::PathBuf::from(std::env::args().nth(1).expect("DATA_DIR"));
    let step = |what: &str, t: &Instant| {
        trim();
        eprintln!(
            "{what:<28} rss {:7.1} MB  at {:7.1} ms",
            rss_mb(),
            t.elapsed().as_secs_f64() * 1e3
        );
    };
    sizes();
    // The decks' copies in the deck cache, as the app keeps them.
    factquiz::deck::library::write_copies(&dir);
    let t = Instant::now();
    step("start", &t);
    let lib = factquiz::deck::Library::load(Some(&factquiz::data_dir::user_decks(&dir)), &[]);
    step("decks", &t);
    let in_files = lib
        .decks
        .iter()
        .filter(|d| d.deck.cards.from_cache())
        .count();
    eprintln!(
        "({} cards; {in_files} of {} decks read their cards from the deck cache)",
        lib.card_count(),
        lib.decks.len()
    );
    let before = HELD.load(Ordering::Relaxed);
    let ix = factquiz::quiz::QuizIndex::build(&lib).expect("every card read");
    let held = HELD.load(Ordering::Relaxed).saturating_sub(before);
    step("quiz index", &t);
    eprintln!(
        "    the quiz index holds {:.1} MB (bytes allocated by building it and not freed)",
        held as f64 / 1e6
    );
    drop(ix);
    step("quiz index dropped", &t);
    let store = factquiz::store::Store::open_read_only(&dir).expect("store");
    step("store opened", &t);
    let coll = factquiz::study::Collection::from_parts(lib, store).expect("open");
    step("collection", &t);
    let t2 = Instant::now();
    let mut n = 0;
    coll.store()
        .for_each_state(|_, _, _, _| n += 1)
        .expect("states");
    eprintln!(
        "(reading {n} states alone: {:.1} ms)",
        t2.elapsed().as_secs_f64() * 1e3
    );
    let rows = factquiz::study::browse::rows(&coll);
    step("browser rows", &t);
    let f = factquiz::study::browse::Filter {
        text: "figure".into(),
        ..Default::default()
    };
    let sel = factquiz::study::browse::select(&coll, &rows, &f).expect("every deck searched");
    step("browser search", &t);
    eprintln!("{} rows, {} found", rows.len(), sel.len());
}

#[allow(dead_code)]
fn sizes() {
    use factquiz::deck::*;
    eprintln!(
        "Card {} CardHead {} Answer {} Evidence {} Text {} Deck {} Claim {} Source {}",
        size_of::<Card>(),
        size_of::<CardHead>(),
        size_of::<Answer>(),
        size_of::<Evidence>(),
        size_of::<Text>(),
        size_of::<Deck>(),
        size_of::<Claim>(),
        size_of::<Source>()
    );
}
