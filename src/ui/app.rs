//! The eframe application: which screen is shown, and the state the screens share.

use std::path::PathBuf;

use crate::deck::Library;

/// What the app was started with.
#[derive(Debug, Clone, Default)]
pub struct Startup {
    pub data_dir: PathBuf,
    pub extra_decks: Vec<PathBuf>,
}

pub struct App {
    pub library: Library,
    pub startup: Startup,
}

impl App {
    pub fn new(cc: &eframe::CreationContext<'_>, startup: Startup) -> Self {
        let _ = cc;
        let library = Library::load(
            Some(&crate::data_dir::user_decks(&startup.data_dir)),
            &startup.extra_decks,
        );
        App { library, startup }
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            super::home::show(ui, &self.library);
        });
    }
}
