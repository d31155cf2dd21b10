//! The desktop app (egui/eframe): the only place besides `main.rs` that draws.

pub mod app;
mod home;

pub use app::App;
