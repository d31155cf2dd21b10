//! A frame of the review, home and browser screens: the real app, driven headless by kittest.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::Criterion;
use egui_kittest::Harness;
use factquiz::ui::{App, Command, Screen, Startup};

use super::answers::respond;
use super::{copy_dir, ms, record, shared_copy, target_dir};

fn harness(dir: &Path) -> Harness<'static, App> {
    let startup = Startup::new(dir.to_path_buf());
    Harness::builder()
        .with_size([1100.0, 800.0])
        .build_eframe(move |cc| App::new(cc, startup))
}

/// CPU time of one frame (egui's layout and the accessibility tree kittest always builds,
/// then tessellation, as eframe does before painting).
fn frame(h: &mut Harness<'static, App>) {
    h.step();
    let shapes = h.output().shapes.clone();
    let ppp = h.ctx.pixels_per_point();
    std::hint::black_box(h.ctx.tessellate(shapes, ppp));
}

/// The app on a copy of the large collection, and how long its first frames took.
/// (Fields drop in order: the app closes before its folder is removed.)
struct Shown {
    h: Harness<'static, App>,
    first: Vec<(&'static str, f64)>,
    _folder: Folder,
}

/// A folder removed on drop, waiting for the app's own workers (the integrity check, the
/// decks' parsed copies), which may still write in it for a moment after the app closes.
struct Folder(PathBuf);

impl Drop for Folder {
    fn drop(&mut self) {
        for _ in 0..100 {
            if std::fs::remove_dir_all(&self.0).is_ok() || !self.0.exists() {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Shown {
    fn new() -> Shown {
        let tmp = tempfile::Builder::new()
            .prefix("factquiz-bench-frames-")
            .tempdir_in(target_dir())
            .expect("a temporary folder");
        copy_dir(&shared_copy(), tmp.path());
        let h = harness(tmp.path());
        Shown {
            h,
            first: Vec::new(),
            _folder: Folder(tmp.keep()),
        }
    }

    /// Shows a screen (once: criterion calls a benchmark many times): its first frame is
    /// timed, then a few more settle it.
    fn show(&mut self, name: &'static str, set_up: impl FnOnce(&mut App)) {
        if self.first.iter().any(|(n, _)| *n == name) {
            return;
        }
        set_up(self.h.state_mut());
        let t = Instant::now();
        frame(&mut self.h);
        self.first.push((name, ms(t.elapsed())));
        for _ in 0..3 {
            frame(&mut self.h);
        }
    }

    /// Checks that the screen measured is the one meant (a benchmark of the wrong screen
    /// would be fast and wrong).
    fn expect(&self, screen: Screen, question: bool) {
        let app = self.h.state();
        assert_eq!(app.screen(), screen);
        let session = app.session();
        assert_eq!(
            session.is_some_and(|s| s.current.is_some() || s.answered.is_some()),
            question
        );
    }
}

pub(super) fn frames(c: &mut Criterion) {
    let mut shown: Option<Shown> = None;
    let mut g = c.benchmark_group("frame");
    g.sample_size(30);
    g.warm_up_time(Duration::from_secs(1));
    g.measurement_time(Duration::from_secs(3));
    g.bench_function("home", |b| {
        let s = shown.get_or_insert_with(Shown::new);
        s.show("home_ms", |app| app.run(Command::GoHome));
        s.expect(Screen::Home, false);
        b.iter(|| frame(&mut s.h))
    });
    g.bench_function("review", |b| {
        let s = shown.get_or_insert_with(Shown::new);
        s.show("review_ms", |app| {
            app.run(Command::Study((0..20).collect()))
        });
        s.expect(Screen::Review, true);
        b.iter(|| frame(&mut s.h))
    });
    g.bench_function("feedback", |b| {
        let s = shown.get_or_insert_with(Shown::new);
        s.show("feedback_ms", |app| {
            if app.session().is_none() {
                app.run(Command::Study((0..20).collect()));
            }
            if let (Some(s), Some(coll)) = (app.session(), app.collection()) {
                let r = respond(coll, s, false);
                app.run(Command::Answer(r, None));
            }
        });
        s.expect(Screen::Review, true);
        b.iter(|| frame(&mut s.h))
    });
    g.bench_function("browser", |b| {
        let s = shown.get_or_insert_with(Shown::new);
        s.show("browser_ms", |app| app.run(Command::Open(Screen::Browser)));
        s.expect(Screen::Browser, false);
        b.iter(|| frame(&mut s.h))
    });
    g.finish();
    if let Some(s) = &shown {
        record("first_frames", &s.first);
    }
}
