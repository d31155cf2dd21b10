//! The subcommands and what each prints. User-facing text lives here; the library returns
//! typed values and errors.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use factquiz::data_dir;
use factquiz::deck::{Library, lint, report};

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

    /// The screen for --screenshot: home, review, feedback, settings, topics, browser,
    /// stats or editor.
    #[arg(long, value_name = "NAME", default_value = "home")]
    pub screen: factquiz::ui::ShotTarget,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Validate deck files (no path: every deck in the library), look their locators up in
    /// their articles, and report on each. Exit status 1 on errors (and on warnings with
    /// --strict).
    Check {
        /// Print the validated decks and the findings as JSON instead.
        #[arg(long)]
        json: bool,
        /// Fail on warnings too (give-aways, wording-only figures, claims not covered).
        #[arg(long)]
        strict: bool,
        /// Also look for the articles that sources name (`text:`) in this folder, after the
        /// deck's own folder and <data dir>/articles (may be given more than once).
        #[arg(long = "articles", value_name = "DIR")]
        articles: Vec<PathBuf>,
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
    /// Print a card's question as the app would ask it (mode, prompt, options shuffled from the
    /// seed) and which option is right. Exit status: 0, or 2 for an unknown deck or card or a
    /// mode the card cannot be asked in.
    Ask {
        deck: String,
        card: String,
        /// How to ask it (default: as the app asks a new card).
        #[arg(long, value_parser = ["choice", "typed", "verdict", "order", "source-said"])]
        mode: Option<String>,
        /// The seed the options are drawn and shuffled from.
        #[arg(long, default_value_t = 0)]
        seed: u64,
        /// Print the question as JSON (deck, card, mode, prompt, options, correct).
        #[arg(long)]
        json: bool,
    },
    /// Fit the FSRS parameters to your reviews (or to a review log from another app), print
    /// them with log loss and RMSE before and after, and keep them only if they predict better.
    Optimize {
        /// A review log in CSV: card_id, review_rating (1-4), review_time (ISO 8601), and
        /// optionally review_duration (ms), with a header row, as Anki exports it.
        #[arg(long, value_name = "FILE.csv")]
        revlog: Option<PathBuf>,
        /// Print the result but keep the current parameters.
        #[arg(long)]
        dry_run: bool,
    },
    /// Import a deck file into your decks: factquiz's RON, CSV or TSV; an Anki package (.apkg,
    /// with its review history) or plain-text export; a Quizlet export or any two-column text.
    /// Any line or note that cannot be read is printed with where and why, and nothing is
    /// written (exit 1) unless --skip-bad.
    Import {
        file: PathBuf,
        /// Import the good lines and leave the bad ones out.
        #[arg(long)]
        skip_bad: bool,
        /// Replace a deck of yours that has the same id (imports from Anki and Quizlet always
        /// replace the decks they made before).
        #[arg(long)]
        replace: bool,
        /// Two-column text: which column is the prompt ("prompt,answer" or "answer,prompt").
        #[arg(long, value_name = "ORDER", default_value = "prompt,answer")]
        columns: factquiz::interop::Columns,
    },
    /// Export a deck (by id) to a file: RON, CSV/TSV, or Anki's plain-text format for a .txt
    /// file (with its # header lines).
    Export { deck: String, file: PathBuf },
    /// Print what a study session would ask now, in order: deck, card, kind, mode, state and
    /// due time of each card (no deck: every deck).
    Queue {
        /// Deck ids (default: every deck).
        decks: Vec<String>,
        /// Print a JSON array of {deck, card, kind, mode, state, due, due_ms}.
        #[arg(long)]
        json: bool,
        /// The seed that orders new cards in random order (default: the clock, as the app).
        #[arg(long)]
        seed: Option<u64>,
    },
    /// Answer a card and record the review exactly as the app would: check the answer,
    /// suggest the grade, schedule, save; print the outcome and the next due time.
    /// Exit status: 0 right, 1 wrong, 2 unknown deck or card, 3 the progress could not be
    /// written.
    Answer(AnswerArgs),
    /// Print the figures the statistics screen shows: reviews per day, the forecast, true
    /// retention per month, cards by state, topics by predicted recall in 7 days, and
    /// calibration (how often answers given sure, think so or guessing were right).
    Stats {
        /// Only this deck (by id).
        #[arg(long, value_name = "ID")]
        deck: Option<String>,
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Write your review log as CSV (the columns `optimize --revlog` reads, plus deck, answer
    /// and confidence).
    ExportReviews {
        /// The CSV file to write ("-" for standard output).
        file: PathBuf,
    },
}

/// What `factquiz answer` takes.
#[derive(clap::Args, Debug)]
pub struct AnswerArgs {
    pub deck: String,
    pub card: String,
    /// The answer as typed. Choice mode: an option's number; verdict: confirmed, false,
    /// disputed or unverified; order: the shown events' numbers in your order ("2,1,3");
    /// source-said: source ids, one per figure, separated by commas; show-answer: anything
    /// (you recalled it or not: say so with --grade).
    pub answer: String,
    /// The grade to record (default: the one the quiz suggests; needed in show-answer mode,
    /// where you grade yourself).
    #[arg(long, value_parser = parse_grade)]
    pub grade: Option<factquiz::quiz::Grade>,
    /// Ask the card in this mode (default: typed recall, or the card's own mode for
    /// verdict, order and source-said cards).
    #[arg(long, value_parser = parse_mode)]
    pub mode: Option<factquiz::quiz::Mode>,
    /// How sure you were before seeing the answer: sure, think or guess. Recorded with the
    /// review; it nudges the suggested grade (right and sure: Good; right but guessing: Hard).
    #[arg(long, value_parser = parse_confidence)]
    pub confidence: Option<factquiz::quiz::Confidence>,
    /// The seed that shuffles options and events (as `factquiz ask --seed`).
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// Print the outcome as JSON.
    #[arg(long)]
    pub json: bool,
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
        Some(Command::Check {
            json,
            strict,
            articles,
            paths,
        }) => check(&data_dir, &paths, &articles, json, strict),
        Some(Command::Try { deck, card, answer }) => {
            let lib = Library::load(Some(&data_dir::user_decks(&data_dir)), &args.decks);
            crate::try_cmd::run(&lib, &deck, &card, &answer)
        }
        Some(Command::Ask {
            deck,
            card,
            mode,
            seed,
            json,
        }) => {
            let lib = Library::load(Some(&data_dir::user_decks(&data_dir)), &args.decks);
            crate::ask_cmd::run(&lib, &deck, &card, mode.as_deref(), seed, json)
        }
        Some(Command::Optimize { revlog, dry_run }) => {
            crate::optimize_cmd::run(&data_dir, revlog.as_deref(), dry_run)
        }
        Some(Command::ExportReviews { file }) => crate::optimize_cmd::export(&data_dir, &file),
        Some(Command::Import {
            file,
            skip_bad,
            replace,
            columns,
        }) => crate::import_cmd::import(&data_dir, &args.decks, &file, skip_bad, replace, columns),
        Some(Command::Export { deck, file }) => {
            let lib = Library::load(Some(&data_dir::user_decks(&data_dir)), &args.decks);
            crate::import_cmd::export(&lib, &deck, &file)
        }
        Some(Command::Queue { decks, json, seed }) => {
            crate::study_cmd::queue(&data_dir, &args.decks, &decks, json, seed)
        }
        Some(Command::Answer(a)) => crate::study_cmd::answer(&data_dir, &args.decks, &a),
        Some(Command::Stats { deck, json }) => {
            crate::stats_cmd::run(&data_dir, &args.decks, deck.as_deref(), json)
        }
        None => crate::ui_main(data_dir, args),
    }
}

fn check(
    data_dir: &std::path::Path,
    paths: &[PathBuf],
    articles: &[PathBuf],
    json: bool,
    strict: bool,
) -> ExitCode {
    if let Some(dir) = articles.iter().find(|d| !d.is_dir()) {
        eprintln!("factquiz: --articles {}: no such folder", dir.display());
        return ExitCode::from(2);
    }
    let lib = if paths.is_empty() {
        Library::load(Some(&data_dir::user_decks(data_dir)), &[])
    } else {
        Library::from_files(paths)
    };
    let mut dirs = vec![data_dir.join("articles")];
    dirs.extend(articles.iter().cloned());
    let lints = lint::lint_library(&lib, &dirs);
    if json {
        emit(&format!("{}\n", report::check_json(&lib, &lints)));
    } else {
        emit(&report::check_report(&lib, &lints));
    }
    let (errors, warnings, _) = lint::counts(&lints);
    if lib.errors.is_empty() && errors == 0 && !(strict && warnings > 0) {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn parse_grade(s: &str) -> Result<factquiz::quiz::Grade, String> {
    factquiz::quiz::Grade::ALL
        .into_iter()
        .find(|g| g.name().eq_ignore_ascii_case(s))
        .ok_or_else(|| "one of: again, hard, good, easy".into())
}

fn parse_confidence(s: &str) -> Result<factquiz::quiz::Confidence, String> {
    factquiz::quiz::Confidence::from_name(s).ok_or_else(|| "one of: sure, think, guess".into())
}

fn parse_mode(s: &str) -> Result<factquiz::quiz::Mode, String> {
    factquiz::quiz::Mode::from_name(s)
        .ok_or_else(|| "one of: choice, typed, verdict, order, source-said".into())
}

/// Writes to standard output; a closed pipe (`factquiz check | head`) ends the output quietly.
pub fn emit(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}
