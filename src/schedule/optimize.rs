//! Parameter optimisation: the review log becomes FSRS training items, the `fsrs` crate fits
//! parameters, and both parameter sets are evaluated (log loss, RMSE) so that the new ones are
//! kept only when they predict better. Also reads review logs exported from other apps.

use std::collections::BTreeMap;
use std::io::Read;
use std::sync::{Arc, Mutex};

use fsrs::{
    CombinedProgressState, ComputeParametersInput, FSRS, FSRSItem, FSRSReview, compute_parameters,
};

use super::day::study_day;

/// One review, as the optimiser needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Event {
    pub card: i64,
    pub time_ms: i64,
    /// 1 Again, 2 Hard, 3 Good, 4 Easy.
    pub rating: u8,
}

#[derive(Debug, thiserror::Error)]
pub enum OptimizeError {
    #[error("{file}:{line}: {message}")]
    Csv {
        file: String,
        line: u64,
        message: String,
    },
    #[error(
        "not enough reviews to optimise: {0} usable (at least 8 reviews after the first day of a card are needed)"
    )]
    NotEnoughData(usize),
    #[error("the optimiser failed: {0:?}")]
    Fsrs(fsrs::FSRSError),
    #[error("cannot read the review log: {0}")]
    Io(#[from] std::io::Error),
}

/// How well a parameter set predicts the reviews.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Metrics {
    pub log_loss: f32,
    pub rmse: f32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct OptimizeResult {
    pub before: Metrics,
    pub after: Metrics,
    pub parameters: Vec<f32>,
    /// Whether the new parameters predict better (lower log loss) and should be kept.
    pub better: bool,
    pub reviews: usize,
    pub items: usize,
}

/// Training items: for each card, every review after the first that came on a later study day,
/// with the history before it. Returns the items and the card id of each.
pub fn items_from_events(events: &[Event], offset_secs: i32) -> (Vec<FSRSItem>, Vec<i64>) {
    let mut by_card: BTreeMap<i64, Vec<Event>> = BTreeMap::new();
    for e in events.iter().filter(|e| (1..=4).contains(&e.rating)) {
        by_card.entry(e.card).or_default().push(*e);
    }
    let mut items = Vec::new();
    let mut ids = Vec::new();
    for (card, mut evs) in by_card {
        evs.sort_by_key(|e| e.time_ms);
        let mut reviews: Vec<FSRSReview> = Vec::with_capacity(evs.len());
        let mut last_day = None;
        for e in &evs {
            let day = study_day(e.time_ms, offset_secs);
            let delta_t = last_day.map_or(0, |d: i64| (day - d).max(0) as u32);
            last_day = Some(day);
            reviews.push(FSRSReview {
                rating: u32::from(e.rating),
                delta_t,
            });
            if reviews.len() > 1 && delta_t > 0 {
                items.push(FSRSItem {
                    reviews: reviews.clone(),
                });
                ids.push(card);
            }
        }
    }
    (items, ids)
}

/// Evaluates parameters (empty: the defaults) on the items.
pub fn evaluate(
    parameters: &[f32],
    items: &[FSRSItem],
    ids: &[i64],
) -> Result<Metrics, OptimizeError> {
    let fsrs = FSRS::new(parameters).map_err(OptimizeError::Fsrs)?;
    let e = fsrs
        .evaluate_with_card_ids(items.to_vec(), ids.to_vec(), |_| true)
        .map_err(OptimizeError::Fsrs)?;
    Ok(Metrics {
        log_loss: e.log_loss,
        rmse: e.rmse_bins,
    })
}

/// Fits parameters to the events and compares them with `current` (empty: the defaults).
/// `progress` is updated as training goes and may be used to abort it.
pub fn optimize(
    events: &[Event],
    current: &[f32],
    offset_secs: i32,
    progress: Option<Arc<Mutex<CombinedProgressState>>>,
) -> Result<OptimizeResult, OptimizeError> {
    let (items, ids) = items_from_events(events, offset_secs);
    if items.len() < 8 {
        return Err(OptimizeError::NotEnoughData(items.len()));
    }
    let before = evaluate(current, &items, &ids)?;
    let parameters = compute_parameters(ComputeParametersInput {
        train_set: items.clone(),
        card_ids: Some(ids.clone()),
        progress,
        enable_short_term: true,
        ..ComputeParametersInput::default()
    })
    .map_err(OptimizeError::Fsrs)?;
    let after = evaluate(&parameters, &items, &ids)?;
    Ok(OptimizeResult {
        better: after.log_loss < before.log_loss,
        before,
        after,
        parameters,
        reviews: events.len(),
        items: items.len(),
    })
}

/// Reads a review log in CSV with a header: card_id, review_rating (1-4), review_time (ISO 8601),
/// and optionally review_duration (ms). Every bad line is an error naming it.
pub fn read_revlog_csv(input: impl Read, file: &str) -> Result<Vec<Event>, Vec<OptimizeError>> {
    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(input);
    let err = |line: u64, message: String| OptimizeError::Csv {
        file: file.to_string(),
        line,
        message,
    };
    let headers = match rdr.headers() {
        Ok(h) => h.clone(),
        Err(e) => return Err(vec![err(1, format!("cannot read the header: {e}"))]),
    };
    let col = |name: &str| headers.iter().position(|h| h.trim() == name);
    let (Some(c_card), Some(c_rating), Some(c_time)) =
        (col("card_id"), col("review_rating"), col("review_time"))
    else {
        return Err(vec![err(
            1,
            "the header must name card_id, review_rating and review_time".into(),
        )]);
    };
    let mut events = Vec::new();
    let mut errors = Vec::new();
    for (i, rec) in rdr.records().enumerate() {
        let line = rec
            .as_ref()
            .ok()
            .and_then(|r| r.position().map(|p| p.line()))
            .unwrap_or(i as u64 + 2);
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                errors.push(err(line, e.to_string()));
                continue;
            }
        };
        let field = |c: usize| rec.get(c).unwrap_or("").trim();
        let card = field(c_card).parse::<i64>();
        let rating = field(c_rating)
            .parse::<u8>()
            .ok()
            .filter(|r| (1..=4).contains(r));
        let time = chrono::DateTime::parse_from_rfc3339(field(c_time));
        match (card, rating, time) {
            (Ok(card), Some(rating), Ok(t)) => events.push(Event {
                card,
                time_ms: t.timestamp_millis(),
                rating,
            }),
            (Err(_), _, _) => errors.push(err(
                line,
                format!("card_id \"{}\" is not a whole number", field(c_card)),
            )),
            (_, None, _) => errors.push(err(
                line,
                format!("review_rating \"{}\" is not 1, 2, 3 or 4", field(c_rating)),
            )),
            (_, _, Err(_)) => errors.push(err(
                line,
                format!("review_time \"{}\" is not an ISO 8601 time", field(c_time)),
            )),
        }
    }
    if errors.is_empty() {
        Ok(events)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: i64 = 86_400_000;

    #[test]
    fn items_skip_same_day_endings() {
        let t0 = 19_000 * DAY + 10 * 3_600_000;
        let ev = |d: i64, m: i64, r: u8| Event {
            card: 7,
            time_ms: t0 + d * DAY + m * 60_000,
            rating: r,
        };
        let (items, ids) =
            items_from_events(&[ev(0, 0, 1), ev(0, 10, 3), ev(2, 0, 3), ev(9, 0, 3)], 0);
        assert_eq!(items.len(), 2);
        assert_eq!(ids, vec![7, 7]);
        let deltas: Vec<u32> = items[1].reviews.iter().map(|r| r.delta_t).collect();
        assert_eq!(deltas, vec![0, 0, 2, 7]);
    }

    #[test]
    fn bad_csv_lines_are_named() {
        let text = "card_id,review_rating,review_time\n1,3,2024-01-01T10:00:00Z\nx,3,2024-01-01T10:00:00Z\n2,7,2024-01-01T10:00:00Z\n";
        let errors = read_revlog_csv(text.as_bytes(), "log.csv").unwrap_err();
        let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            vec![
                "log.csv:3: card_id \"x\" is not a whole number",
                "log.csv:4: review_rating \"7\" is not 1, 2, 3 or 4"
            ]
        );
    }
}
