//! The command line: no subcommand opens the app; `check`, `try`, `optimize` and the others
//! are tools for deck authors and for moving history in and out.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Args::parse();
    cli::run(args)
}

fn ui_main(data_dir: std::path::PathBuf, args: cli::Args) -> ExitCode {
    let startup = factquiz::ui::app::Startup {
        data_dir,
        extra_decks: args.decks,
    };
    let options = eframe::NativeOptions::default();
    match eframe::run_native(
        "factquiz",
        options,
        Box::new(|cc| Ok(Box::new(factquiz::ui::App::new(cc, startup)))),
    ) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("factquiz: cannot open the window: {e}");
            ExitCode::FAILURE
        }
    }
}
