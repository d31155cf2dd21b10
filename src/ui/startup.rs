//! Start-up: the collection (decks, progress, card states) is opened on a thread while eframe
//! creates the window and its GL context, and joined when eframe asks for the app. A failure,
//! or a panic of that thread, becomes the message the app shows instead of the decks. The quiz
//! index is built on a worker once the first frame is on screen. With `FACTQUIZ_TIMINGS=1` the
//! phases are printed on stderr.

use std::any::Any;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Instant;

use super::app::{App, Startup};
use crate::study::Collection;

/// The collection, or why it could not be opened, in the words the app shows.
pub type Opened = Result<Collection, String>;

/// Opens the collection of a data directory (see [`Collection::open`]).
pub fn open_collection(data_dir: &Path, extra_decks: &[PathBuf]) -> Opened {
    Collection::open(data_dir, extra_decks).map_err(|e| cannot_open(data_dir, &e.to_string()))
}

fn cannot_open(data_dir: &Path, why: &str) -> String {
    format!(
        "factquiz could not open your progress in {}: {why}",
        data_dir.display()
    )
}

/// The collection being opened on its own thread.
pub struct Opening {
    data_dir: PathBuf,
    job: Job,
}

enum Job {
    /// The thread, which returns the collection and when it was done.
    Thread(JoinHandle<(Opened, Instant)>),
    /// No thread could be started: the opening to run when the collection is asked for.
    Here(Arc<OpenFn>),
    /// Joined (only `drop` sees this).
    Done,
}

type OpenFn = dyn Fn() -> Opened + Send + Sync;

impl Opening {
    /// Starts opening the collection of `startup` on a thread.
    pub fn start(startup: &Startup) -> Opening {
        let dir = startup.data_dir.clone();
        let extra = startup.extra_decks.clone();
        Opening::with(startup.data_dir.clone(), move || {
            open_collection(&dir, &extra)
        })
    }

    /// Runs `open` on a thread.
    fn with(data_dir: PathBuf, open: impl Fn() -> Opened + Send + Sync + 'static) -> Opening {
        let open: Arc<OpenFn> = Arc::new(open);
        let on_thread = Arc::clone(&open);
        let job = match std::thread::Builder::new()
            .name("open-collection".into())
            .spawn(move || (on_thread(), Instant::now()))
        {
            Ok(thread) => Job::Thread(thread),
            Err(_) => Job::Here(open),
        };
        Opening { data_dir, job }
    }

    /// Waits for the collection; returns it and when it was opened.
    pub fn join(mut self) -> (Opened, Instant) {
        match std::mem::replace(&mut self.job, Job::Done) {
            Job::Thread(thread) => thread.join().unwrap_or_else(|panic| {
                let why = format!(
                    "opening it stopped on an internal error ({}). Please report this.",
                    panic_text(panic.as_ref())
                );
                (Err(cannot_open(&self.data_dir, &why)), Instant::now())
            }),
            Job::Here(open) => (open(), Instant::now()),
            Job::Done => (
                Err(cannot_open(&self.data_dir, "it was handed over already")),
                Instant::now(),
            ),
        }
    }
}

impl Drop for Opening {
    /// Never joined (the window could not be opened): the opening is let finish, so that the
    /// process does not end in the middle of a migration or a backup.
    fn drop(&mut self) {
        if let Job::Thread(thread) = std::mem::replace(&mut self.job, Job::Done) {
            let _ = thread.join();
        }
    }
}

/// The message a panic was raised with.
fn panic_text(panic: &(dyn Any + Send)) -> &str {
    panic
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| panic.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("no message")
}

/// The app, made in eframe's creator once the window exists: waits for the collection.
pub fn create(cc: &eframe::CreationContext<'_>, startup: Startup, opening: Opening) -> App {
    let window = Instant::now();
    let (coll, opened) = opening.join();
    if startup.timings {
        let ms = |at: Instant| at.saturating_duration_since(startup.started).as_secs_f64() * 1e3;
        let waited = Instant::now().saturating_duration_since(window);
        eprintln!("factquiz: window created after {:.1} ms", ms(window));
        eprintln!(
            "factquiz: collection opened after {:.1} ms (on a thread beside the window; the \
             window waited {:.1} ms for it)",
            ms(opened),
            waited.as_secs_f64() * 1e3
        );
    }
    App::with_collection(cc, startup, coll)
}

/// Once the first frame is on screen: the time it took (with `FACTQUIZ_TIMINGS=1`), and the
/// collection's workers start (the quiz index, which the home screen does not need; the
/// integrity check and the day's backup), waking the window through `waker`.
pub fn first_frame_painted(startup: &Startup, coll: &mut Opened, waker: &crate::study::Waker) {
    if startup.timings {
        eprintln!(
            "factquiz: first frame painted after {:.1} ms",
            startup.started.elapsed().as_secs_f64() * 1000.0
        );
    }
    if let Ok(c) = coll {
        c.start_workers(waker.clone());
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::Opening;

    #[test]
    fn a_panic_while_opening_becomes_the_message_shown() {
        let opening = Opening::with(PathBuf::from("/no/such/place"), || {
            panic!("the decks were odd")
        });
        let (coll, _) = opening.join();
        let Err(e) = coll else {
            panic!("opened after a panic");
        };
        assert!(
            e.starts_with("factquiz could not open your progress in /no/such/place"),
            "{e}"
        );
        assert!(e.contains("the decks were odd"), "{e}");
    }

    #[test]
    fn an_error_while_opening_is_the_message_shown() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("not-a-folder");
        std::fs::write(&file, "x").unwrap();
        let startup = super::Startup::new(file.clone());
        let (coll, _) = Opening::start(&startup).join();
        let Err(e) = coll else {
            panic!("a file opened as a data folder");
        };
        assert!(
            e.starts_with(&format!(
                "factquiz could not open your progress in {}: ",
                file.display()
            )),
            "{e}"
        );
    }
}
