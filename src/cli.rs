//! The subcommands and what each prints. User-facing text lives here; the library returns
//! typed values and errors.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use factquiz::data_dir;
use factquiz::deck::{Library, report};

#[derive(Parser, Debug)]
#[command(
    name = "factquiz",
    version,
    about = "Learn who did what, when, and which figures are disputed, from news articles."
)]
pub struct Args {
    /// The folder for progress, your decks and backups (default: the platform's data folder;
    /// also FACTQUIZ_DATA_DIR).
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Also load this deck file (may be given more than once).
    #[arg(long = "deck", value_name = "FILE")]
    pub decks: Vec<PathBuf>,

    /// Render one screen to a PNG file and exit.
    #[arg(long, value_name = "FILE")]
    pub screenshot: Option<PathBuf>,

    /// The screen for --screenshot.
    #[arg(long, value_name = "NAME", default_value = "home")]
    pub screen: String,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Validate deck files (no path: every deck in the library) and report on each.
    Check {
        /// Print the validated decks as JSON instead.
        #[arg(long)]
        json: bool,
        paths: Vec<PathBuf>,
    },
    /// Check an answer against a card as the quiz would, and say why it is accepted or not.
    /// Exit status: 0 accepted, 1 not accepted, 2 unknown deck or card.
    Try {
        deck: String,
        card: String,
        /// The answer as typed. For verdict cards: confirmed, false, disputed or unverified;
        /// for order cards: the events' numbers in your order ("2,1,3"); for source-said cards:
        /// source ids separated by commas, one per figure.
        answer: String,
    },
}

pub fn run(args: Args) -> ExitCode {
    let data_dir = match data_dir::resolve(args.data_dir.clone()) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("factquiz: {e}");
            return ExitCode::from(2);
        }
    };
    match args.command {
        Some(Command::Check { json, paths }) => check(&data_dir, &paths, json),
        Some(Command::Try { deck, card, answer }) => {
            let lib = Library::load(Some(&data_dir::user_decks(&data_dir)), &args.decks);
            crate::try_cmd::run(&lib, &deck, &card, &answer)
        }
        None => crate::ui_main(data_dir, args),
    }
}

fn check(data_dir: &std::path::Path, paths: &[PathBuf], json: bool) -> ExitCode {
    let lib = if paths.is_empty() {
        Library::load(Some(&data_dir::user_decks(data_dir)), &[])
    } else {
        Library::from_files(paths)
    };
    if json {
        println!("{}", report::check_json(&lib));
    } else {
        print!("{}", report::check_report(&lib));
    }
    if lib.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
