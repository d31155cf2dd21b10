//! `factquiz optimize` and `factquiz export-reviews`: parameter optimisation and the review log
//! as CSV, from the command line.

use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use factquiz::schedule::day::local_offset_secs;
use factquiz::schedule::optimize::{Event, OptimizeResult, optimize, read_revlog_csv};
use factquiz::study::Collection;

pub fn run(data_dir: &Path, revlog: Option<&Path>, dry_run: bool) -> ExitCode {
    let mut coll = match Collection::open(data_dir, &[]) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("factquiz: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Some(why) = coll.read_only()
        && !dry_run
    {
        eprintln!("factquiz: {why}; nothing was optimised (--dry-run works read-only)");
        return ExitCode::FAILURE;
    }
    let events: Vec<Event> = match revlog {
        Some(path) => {
            let file = match std::fs::File::open(path) {
                Ok(f) => f,
                Err(e) => {
                    eprintln!("factquiz: cannot open {}: {e}", path.display());
                    return ExitCode::FAILURE;
                }
            };
            match read_revlog_csv(std::io::BufReader::new(file), &path.display().to_string()) {
                Ok(ev) => ev,
                Err(errors) => {
                    for e in errors.iter().take(20) {
                        eprintln!("{e}");
                    }
                    if errors.len() > 20 {
                        eprintln!("... and {} more bad lines", errors.len() - 20);
                    }
                    eprintln!(
                        "factquiz: the review log has {} bad line(s); nothing was changed",
                        errors.len()
                    );
                    return ExitCode::FAILURE;
                }
            }
        }
        None => match coll.store().optimizer_events() {
            Ok(ev) => ev,
            Err(e) => {
                eprintln!("factquiz: cannot read your reviews: {e}");
                return ExitCode::FAILURE;
            }
        },
    };
    let offset = local_offset_secs(events.last().map_or(0, |e| e.time_ms));
    eprintln!("factquiz: optimising over {} reviews...", events.len());
    let progress = fsrs::CombinedProgressState::new_shared();
    let p = Arc::clone(&progress);
    let current = coll.settings().fsrs_parameters.clone();
    let worker = std::thread::spawn(move || optimize(&events, &current, offset, Some(p)));
    let mut last = -1;
    while !worker.is_finished() {
        std::thread::sleep(Duration::from_millis(250));
        if let Ok(p) = progress.lock()
            && p.total() > 0
        {
            let pct = (100 * p.current() / p.total()) as i64;
            if pct / 10 != last / 10 {
                eprintln!("factquiz: {pct}%");
                last = pct;
            }
        }
    }
    let result = match worker.join() {
        Ok(Ok(r)) => r,
        Ok(Err(e)) => {
            eprintln!("factquiz: {e}");
            return ExitCode::FAILURE;
        }
        Err(_) => {
            eprintln!("factquiz: the optimiser stopped unexpectedly");
            return ExitCode::FAILURE;
        }
    };
    print_result(&result);
    if result.better && !dry_run {
        if let Err(e) = coll.keep_parameters(result.parameters.clone()) {
            eprintln!("factquiz: the parameters could not be saved: {e}");
            return ExitCode::FAILURE;
        }
        outln!("kept: the new parameters are now used for scheduling");
    } else if result.better {
        outln!("not kept (--dry-run)");
    } else {
        outln!("not kept: the current parameters predict at least as well");
    }
    ExitCode::SUCCESS
}

fn print_result(r: &OptimizeResult) {
    let params: Vec<String> = r.parameters.iter().map(|p| format!("{p:.4}")).collect();
    outln!("reviews: {} ({} training items)", r.reviews, r.items);
    outln!("parameters: {}", params.join(", "));
    outln!(
        "log loss: {:.4} before, {:.4} after",
        r.before.log_loss,
        r.after.log_loss
    );
    outln!(
        "RMSE (bins): {:.4} before, {:.4} after",
        r.before.rmse,
        r.after.rmse
    );
}

pub fn export(data_dir: &Path, file: &Path) -> ExitCode {
    let coll = match Collection::open(data_dir, &[]) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("factquiz: {e}");
            return ExitCode::FAILURE;
        }
    };
    let store = coll.store();
    let result = if file == Path::new("-") {
        store.export_reviews_csv(std::io::stdout().lock())
    } else {
        let tmp = file.with_extension("csv.tmp");
        let written = std::fs::File::create(&tmp)
            .map_err(factquiz::store::StoreError::from)
            .and_then(|f| store.export_reviews_csv(std::io::BufWriter::new(f)))
            .and_then(|n| std::fs::rename(&tmp, file).map(|()| n).map_err(Into::into));
        if written.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        written
    };
    match result {
        Ok(n) => {
            eprintln!("factquiz: wrote {n} reviews");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("factquiz: {e}");
            ExitCode::FAILURE
        }
    }
}
