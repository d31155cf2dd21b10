//! `--screenshot FILE --screen NAME`: render one screen with the current data, write a PNG, exit.
//! The frame is read back from the renderer, so it is exactly what a user would see.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::{Arc, Mutex};

use super::app::App;
use super::screen::{Screen, ShotTarget};
use crate::quiz::{Mode, Response};
use crate::study::StudySession;

/// The process's exit status after a screenshot run: 0 written, 1 failed.
pub static STATUS: AtomicI32 = AtomicI32::new(1);

/// Frames drawn before the picture is taken, so that layout and fonts have settled.
const SETTLE_FRAMES: u64 = 6;

pub struct Shot {
    pub path: PathBuf,
    pub target: ShotTarget,
    frames: u64,
    requested: bool,
    result: Arc<Mutex<Option<Result<(), String>>>>,
}

impl Shot {
    pub fn new(path: PathBuf, target: ShotTarget) -> Shot {
        Shot {
            path,
            target,
            frames: 0,
            requested: false,
            result: Arc::new(Mutex::new(None)),
        }
    }
}

/// Writes an egui image as a PNG.
pub fn save_png(image: &egui::ColorImage, path: &Path) -> Result<(), String> {
    let [w, h] = image.size;
    let bytes: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_array()).collect();
    let img = image::RgbaImage::from_raw(w as u32, h as u32, bytes)
        .ok_or_else(|| "the screenshot had the wrong size".to_string())?;
    img.save_with_format(path, image::ImageFormat::Png)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Advances a screenshot run by one frame: wait, take the picture, then close.
pub fn step(app: &mut App, ctx: &egui::Context) {
    let Some(shot) = &mut app.shot else { return };
    shot.frames += 1;
    ctx.request_repaint();
    if !shot.requested && shot.frames >= SETTLE_FRAMES {
        shot.requested = true;
        let path = shot.path.clone();
        let result = Arc::clone(&shot.result);
        ctx.request_screenshot(move |image| {
            let r = save_png(&image, &path);
            if let Ok(mut slot) = result.lock() {
                *slot = Some(r);
            }
        });
    }
    let done = shot.result.lock().ok().and_then(|mut r| r.take());
    if let Some(r) = done {
        match r {
            Ok(()) => {
                eprintln!("factquiz: wrote {}", shot.path.display());
                STATUS.store(0, Ordering::SeqCst);
            }
            Err(e) => eprintln!("factquiz: {e}"),
        }
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
    } else if shot.frames > 600 {
        eprintln!("factquiz: no screenshot arrived from the renderer");
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
    }
}

/// Sets up the state a screenshot of `--screen` needs.
pub fn prepare(app: &mut App) {
    let Some(target) = app.shot.as_ref().map(|s| s.target) else {
        return;
    };
    match target.screen {
        Screen::Review => {
            if let Ok(coll) = &app.coll {
                let all = (0..coll.library().decks.len()).collect();
                if let Ok(s) = StudySession::start(coll, all, 7) {
                    app.review.start(s);
                }
                app.screen = Screen::Review;
            }
            if target.answered {
                answer_for_show(app);
            }
        }
        Screen::Browser => {
            // With a card selected: its evidence and review history show.
            app.screen = Screen::Browser;
            app.browser
                .select(crate::schedule::queue::Slot { deck: 0, card: 0 });
        }
        Screen::Editor => {
            if let Ok(coll) = &app.coll
                && let Some(d) = coll.library().decks.first()
            {
                // Shown as opened, not as an unsaved copy (which would ask before closing).
                let _ = app.editor.open_deck(d, true);
            }
            app.screen = Screen::Editor;
        }
        Screen::Article => app.show_sample_article(),
        other => app.screen = other,
    }
}

/// Answers the first card of the session (wrongly where it can, and "sure", to show the most
/// feedback), without saving anything, for a screenshot of the feedback screen.
pub fn answer_for_show(app: &mut App) {
    let (Some(session), Ok(coll)) = (app.review.session_mut(), &app.coll) else {
        return;
    };
    let Some(cur) = &session.current else { return };
    let q = &cur.question;
    let response = match q.mode {
        Mode::Choice | Mode::Verdict => {
            let wrong = (0..q.choices.len())
                .find(|i| Some(*i) != q.correct_choice)
                .unwrap_or(0);
            if q.mode == Mode::Verdict {
                Response::Verdict(crate::deck::Verdict::ALL[wrong.min(3)])
            } else {
                Response::Choice(wrong)
            }
        }
        Mode::Typed => Response::Text("I am not sure".into()),
        Mode::ShowAnswer => Response::Revealed,
        Mode::Order => Response::Order(q.events.clone()),
        Mode::SourceSaid => Response::Sources(
            q.sources
                .iter()
                .take(1)
                .map(|s| s.0.clone())
                .cycle()
                .take(q.figures.len())
                .collect(),
        ),
    };
    session.answer_with_confidence(coll, response, Some(crate::quiz::Confidence::Sure));
}
