//! The command line: no subcommand opens the app; `check`, `try`, `ask`, `optimize` and the
//! others are tools for deck authors and for moving history in and out.

/// `println!` for the commands' output, through [`cli::emit`]: a reader that stops early
/// (`factquiz check | head`) ends the output quietly instead of a panic on the broken pipe.
macro_rules! outln {
    ($($arg:tt)*) => {
        $crate::cli::emit(&format!("{}\n", format_args!($($arg)*)))
    };
}

mod ask_cmd;
mod cli;
mod import_cmd;
mod import_foreign_cmd;
mod optimize_cmd;
mod stats_cmd;
mod study_cmd;
mod try_cmd;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    factquiz::malloc::tune();
    let args = cli::Args::parse();
    cli::run(args)
}

fn ui_main(data_dir: std::path::PathBuf, args: cli::Args) -> ExitCode {
    let mut startup = factquiz::ui::Startup::new(data_dir);
    startup.extra_decks = args.decks;
    startup.timings = std::env::var_os("FACTQUIZ_TIMINGS").is_some_and(|v| v == "1");
    startup.screenshot = args.screenshot.map(|p| (p, args.screen));
    factquiz::ui::run(startup)
}
