//! The desktop app (egui/eframe): the only place besides `main.rs` that draws.

pub mod app;
mod browser;
mod calibration;
pub mod command;
mod confidence;
mod editor;
mod evidence;
mod feedback;
mod home;
pub mod icon;
mod overconfident;
mod picker;
pub mod reader;
mod review;
pub mod review_screen;
mod run;
mod run_reader;
pub mod screen;
pub mod screenshot;
mod session_end;
mod settings_screen;
pub mod startup;
mod stats_screen;
pub mod status;
mod sync_bar;
mod sync_settings;
mod theme;
mod topics;
mod when;
mod widgets;

use std::process::ExitCode;
use std::sync::atomic::Ordering;

pub use app::{App, Startup};
pub use command::Command;
pub use screen::{Screen, ShotTarget};

/// Opens the window and runs the app until it closes. The collection is opened on a thread
/// while the window is created (see [`startup`]).
pub fn run(startup: Startup) -> ExitCode {
    let opening = startup::Opening::start(&startup);
    let shooting = startup.screenshot.is_some();
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("factquiz")
        .with_app_id("factquiz")
        .with_icon(icon::icon())
        .with_inner_size([1100.0, 780.0])
        .with_min_inner_size([560.0, 420.0]);
    if shooting {
        viewport = viewport
            .with_inner_size([1100.0, 820.0])
            .with_resizable(false);
    }
    let options = eframe::NativeOptions {
        viewport,
        renderer: eframe::Renderer::Glow,
        // The window's size and place are kept beside the progress, never in the progress file.
        persistence_path: Some(startup.data_dir.join("window.ron")),
        persist_window: !shooting,
        ..Default::default()
    };
    let result = eframe::run_native(
        "factquiz",
        options,
        Box::new(move |cc| Ok(Box::new(startup::create(cc, startup, opening)))),
    );
    match result {
        Err(e) => {
            eprintln!("factquiz: cannot open the window: {e}");
            ExitCode::FAILURE
        }
        Ok(()) if shooting => ExitCode::from(screenshot::STATUS.load(Ordering::SeqCst) as u8),
        Ok(()) => ExitCode::SUCCESS,
    }
}
