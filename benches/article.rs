//! Opening a long article (issue 19: a 50,000-word article opens with its facts marked in
//! under 100 ms). Two figures: the article read from its file and its candidate facts marked
//! (dates, figures with units, the built-in library's people in every spelling, capitalised
//! runs), as the collection does; and the whole of opening it in the real app, driven
//! headless by kittest: the command that finds, reads and marks it and looks every card's
//! locator up in it, then the reading view's first frame (every paragraph laid out for its
//! height, those in view drawn and tessellated). The article is generated here, made up from
//! templates; under `cargo test` each benchmark runs once on a 2,000-word article.

use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use factquiz::deck::date::month_name;
use factquiz::study::Collection;
use factquiz::ui::{App, Command, Screen, Startup};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

const WORDS: usize = 50_000;

fn benching() -> bool {
    std::env::args().any(|a| a == "--bench")
}

const PEOPLE: [&str; 8] = [
    "Kassym-Jomart Tokayev",
    "Toqaev",
    "Nursultan Nazarbayev",
    "Karim Massimov",
    "Mayor Tomas Lund",
    "Edda Brun",
    "Rhona Vance",
    "Marit Oyen",
];
const PLACES: [&str; 6] = [
    "Almaty",
    "Velmora",
    "Kelvik",
    "Drossholm",
    "Saarne",
    "the Port Authority",
];
const UNITS: [&str; 6] = ["people", "troops", "residents", "km", "tenge", "containers"];

/// A made-up article of about `words` words: paragraphs of sentences with dates, figures and
/// names, drawn from a fixed seed.
fn article(words: usize) -> String {
    let mut rng = StdRng::seed_from_u64(19);
    let mut out = String::from(
        "A long made-up report\nBy Ines Kallas, The Northern Ledger\n12 March 2023\n\n",
    );
    let mut n = 0;
    while n < words {
        for _ in 0..rng.random_range(3..7) {
            let who = PEOPLE[rng.random_range(0..PEOPLE.len())];
            let place = PLACES[rng.random_range(0..PLACES.len())];
            let unit = UNITS[rng.random_range(0..UNITS.len())];
            let month = month_name(rng.random_range(1..=12));
            let day = rng.random_range(1..29);
            let year = rng.random_range(1990..2025);
            let figure = rng.random_range(2..90_000);
            let s = match rng.random_range(0..4) {
                0 => format!(
                    "On {day} {month} {year}, {who} said that {figure} {unit} had reached {place} before the council met. "
                ),
                1 => format!(
                    "In {year} the figure given for {place} was about {figure} {unit}, and {who} disputed it in a statement. "
                ),
                2 => format!(
                    "{who} told reporters in {place} on {month} {day} that the plan would cost ${figure} million over the next years. "
                ),
                _ => format!(
                    "Nobody at the meeting in {place} could say when the roads would open again, and the officials left without an answer. "
                ),
            };
            n += s.split_whitespace().count();
            out.push_str(&s);
        }
        out.push_str("\n\n");
    }
    out
}

/// A data folder with a deck of one card whose source is the article.
fn data_dir(words: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("articles")).unwrap();
    std::fs::create_dir_all(dir.path().join("decks")).unwrap();
    std::fs::write(dir.path().join("articles/long.txt"), article(words)).unwrap();
    let mut deck = String::from(
        r#"Deck(id: "long", title: "Long", sources: [(id: "ledger", title: "A long made-up report", published: "2023-03-12", text: "long.txt")], cards: ["#,
    );
    let _ = write!(
        deck,
        r#"(id: "c1", kind: What, prompt: "Who left without an answer?", answer: Phrase(["the officials"]), evidence: [(source: "ledger", locator: "By Ines Kallas", says: "The byline.")])])"#
    );
    std::fs::write(dir.path().join("decks/long.ron"), deck).unwrap();
    dir
}

fn read_and_mark(c: &mut Criterion, dir: &Path) {
    let coll = Collection::open(dir, &[]).unwrap();
    let book = coll.name_book().unwrap();
    let path = dir.join("articles/long.txt");
    let words = coll.read_article(&path, &book).unwrap().article.words.len();
    let name = format!("article: read {words} words and mark their facts");
    c.bench_function(&name, |b| {
        b.iter(|| std::hint::black_box(coll.read_article(&path, &book).unwrap()))
    });
}

/// One frame, with its tessellation as eframe does before painting.
fn frame(h: &mut Harness<'static, App>) {
    h.step();
    let shapes = h.output().shapes.clone();
    let ppp = h.ctx.pixels_per_point();
    std::hint::black_box(h.ctx.tessellate(shapes, ppp));
}

fn open_in_the_app(c: &mut Criterion, dir: &Path) {
    let startup = Startup::new(dir.to_path_buf());
    let mut h = Harness::builder()
        .with_size([1100.0, 820.0])
        .build_eframe(move |cc| App::new(cc, startup));
    h.run();
    let slot = h.state().collection().unwrap().find("long", "c1").unwrap();
    c.bench_function(
        "article: open it in the reading view (command and first frame)",
        |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let start = Instant::now();
                    h.state_mut().run(Command::ReadEvidence(slot, 0));
                    frame(&mut h);
                    total += start.elapsed();
                    assert_eq!(h.state().screen(), Screen::Article);
                    h.state_mut().run(Command::CloseReader);
                    frame(&mut h);
                }
                total
            })
        },
    );
}

fn benches(c: &mut Criterion) {
    let words = if benching() { WORDS } else { 2_000 };
    let dir = data_dir(words);
    read_and_mark(c, dir.path());
    open_in_the_app(c, dir.path());
}

criterion_group! {
    name = article_benches;
    config = Criterion::default().sample_size(20).measurement_time(Duration::from_secs(8));
    targets = benches
}
criterion_main!(article_benches);
