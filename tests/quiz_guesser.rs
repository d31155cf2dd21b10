//! A test-wise guesser against every built-in card that can be asked as multiple choice: it
//! sees only the options' texts and picks by a tell (the base the others are multiples of, the
//! middle number, the middle date, the longest option, the option most like the others, and the
//! one least like them, which a generator that shuns the centre too hard would give away). If
//! the distractors carry no tell, no strategy beats chance by more than a few points.
//!
//! The cards are whatever the built-in decks hold, asked with many seeds, so the test holds as
//! decks grow.

use factquiz::deck::{Answer, Deck, Library};
use factquiz::quiz::{Mode, Question, QuizIndex};
use factquiz::text::date::parse_date;

/// Seeds each card is asked with.
const SEEDS: u64 = 60;
/// How far above chance a strategy may score, in points of hit rate.
const SLACK: f64 = 0.04;

/// A strategy's pick: the options it would choose between (it takes one of them at random,
/// so a tie of k options earns 1/k when the right one is among them), or nothing when it
/// sees no tell (it then guesses blindly, as likely right as chance).
type Pick = Option<Vec<usize>>;

/// Factors a lazy generator multiplies the answer by (the ones the issue found: times 2, 0.5,
/// 1.5, 0.75, 3 or 10); a guesser who knows them picks the option the most others are such
/// multiples of.
const FACTORS: [f64; 6] = [2.0, 0.5, 1.5, 0.75, 3.0, 10.0];

/// The number an option starts with ("692,000,000,000 tenge" -> 692e9), read the simple way
/// a person reads it: digits with thousands commas and a decimal point.
fn leading_number(option: &str) -> Option<f64> {
    let digits: String = option
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
        .filter(|c| *c != ',')
        .collect();
    let starts_with_number = option
        .trim_start_matches(['$', '-'])
        .starts_with(|c: char| c.is_ascii_digit());
    starts_with_number
        .then(|| digits.trim_end_matches('.').parse().ok())
        .flatten()
}

fn numbers(options: &[String]) -> Option<Vec<f64>> {
    options.iter().map(|o| leading_number(o)).collect()
}

/// Whether `y` is `x` times one of the factors (within 1%, for rounding).
fn multiple_of(x: f64, y: f64) -> bool {
    FACTORS
        .iter()
        .any(|f| (y - x * f).abs() <= 0.01 * (x * f).abs().max(1e-9))
}

/// The indexes holding the greatest score (none when every score is zero).
fn best(scores: &[f64]) -> Pick {
    let max = scores.iter().copied().fold(f64::MIN, f64::max);
    if max <= 0.0 {
        return None;
    }
    Some(
        (0..scores.len())
            .filter(|&i| (scores[i] - max).abs() < 1e-12)
            .collect(),
    )
}

/// The option that the most others are simple multiples of.
fn base_of_multiples(options: &[String]) -> Pick {
    let v = numbers(options)?;
    let scores: Vec<f64> = (0..v.len())
        .map(|i| {
            (0..v.len())
                .filter(|&j| j != i && multiple_of(v[i], v[j]))
                .count() as f64
        })
        .collect();
    best(&scores)
}

/// The middle of values sorted (for an even count, either of the two middle ones).
fn middle_of(values: &[f64]) -> Pick {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    let n = order.len();
    if n < 3 {
        return None;
    }
    Some(if n % 2 == 1 {
        vec![order[n / 2]]
    } else {
        vec![order[n / 2 - 1], order[n / 2]]
    })
}

fn middle_number(options: &[String]) -> Pick {
    middle_of(&numbers(options)?)
}

fn middle_date(options: &[String]) -> Pick {
    let days: Option<Vec<f64>> = options
        .iter()
        .map(|o| {
            let d = parse_date(o)?;
            let (y, m, day) = (d.year?, d.month.unwrap_or(1), d.day.unwrap_or(1));
            Some(f64::from(y) * 400.0 + f64::from(m) * 32.0 + f64::from(day))
        })
        .collect();
    middle_of(&days?)
}

fn longest(options: &[String]) -> Pick {
    let lengths: Vec<f64> = options.iter().map(|o| o.chars().count() as f64).collect();
    let min = lengths.iter().copied().fold(f64::MAX, f64::min);
    // All of one length: no tell.
    best(&lengths.iter().map(|l| l - min).collect::<Vec<_>>())
}

/// Each option's similarity to all the others (normalised edit distance on the lowercased
/// texts).
fn likeness(options: &[String]) -> Vec<f64> {
    let lower: Vec<String> = options.iter().map(|o| o.to_lowercase()).collect();
    (0..lower.len())
        .map(|i| {
            (0..lower.len())
                .filter(|&j| j != i)
                .map(|j| strsim::normalized_levenshtein(&lower[i], &lower[j]))
                .sum::<f64>()
        })
        .collect()
}

/// The option most like all the others: the centre of a set made of variations of the answer.
fn most_like_the_others(options: &[String]) -> Pick {
    best(
        &likeness(options)
            .iter()
            .map(|l| l + 1.0)
            .collect::<Vec<_>>(),
    )
}

/// The option least like the others: what a guesser tries when a generator avoids making the
/// answer the centre too hard.
fn least_like_the_others(options: &[String]) -> Pick {
    best(
        &likeness(options)
            .iter()
            .map(|l| 10.0 - l)
            .collect::<Vec<_>>(),
    )
}

struct Strategy {
    name: &'static str,
    pick: fn(&[String]) -> Pick,
    /// Questions it applied to, expected hits (a blind guess when it saw no tell), and the
    /// questions where it saw a tell with the hits on those.
    asked: usize,
    hits: f64,
    chance: f64,
    told: usize,
    told_hits: f64,
}

impl Strategy {
    fn new(name: &'static str, pick: fn(&[String]) -> Pick) -> Strategy {
        Strategy {
            name,
            pick,
            asked: 0,
            hits: 0.0,
            chance: 0.0,
            told: 0,
            told_hits: 0.0,
        }
    }

    fn guess(&mut self, options: &[String], right: usize, applies: bool) {
        if !applies {
            return;
        }
        let n = options.len() as f64;
        self.asked += 1;
        self.chance += 1.0 / n;
        match (self.pick)(options) {
            Some(picked) => {
                let hit = f64::from(u8::from(picked.contains(&right))) / picked.len() as f64;
                self.hits += hit;
                self.told += 1;
                self.told_hits += hit;
            }
            None => self.hits += 1.0 / n,
        }
    }

    fn rate(&self) -> f64 {
        self.hits / self.asked.max(1) as f64
    }

    fn chance_rate(&self) -> f64 {
        self.chance / self.asked.max(1) as f64
    }
}

#[test]
fn a_test_wise_guesser_does_no_better_than_chance() {
    let lib = Library::builtin();
    assert!(lib.errors.is_empty(), "{:?}", lib.errors);
    let ix = QuizIndex::build(&lib).unwrap();
    let decks: Vec<Deck> = lib
        .decks
        .iter()
        .map(|d| d.deck.whole().expect("a built-in deck"))
        .collect();
    let mut strategies = [
        Strategy::new("base of multiples", base_of_multiples),
        Strategy::new("middle number", middle_number),
        Strategy::new("middle date", middle_date),
        Strategy::new("longest option", longest),
        Strategy::new("most like the others", most_like_the_others),
        Strategy::new("least like the others", least_like_the_others),
    ];
    let mut questions = 0;
    for deck in &decks {
        for card in &deck.cards {
            let (figure, date) = match card.answer {
                Answer::Number(_) => (true, false),
                Answer::Date(_) => (false, true),
                Answer::Name(_) | Answer::Phrase(_) => (false, false),
                _ => continue,
            };
            for seed in 0..SEEDS {
                let q = Question::make(&ix, deck, card, Mode::Choice, seed).unwrap();
                let Some(right) = q.correct_choice.filter(|_| q.mode == Mode::Choice) else {
                    continue;
                };
                questions += 1;
                let [base, middle_n, middle_d, long, like, unlike] = &mut strategies;
                base.guess(&q.choices, right, figure);
                middle_n.guess(&q.choices, right, figure);
                middle_d.guess(&q.choices, right, date);
                long.guess(&q.choices, right, true);
                like.guess(&q.choices, right, true);
                unlike.guess(&q.choices, right, true);
            }
        }
    }
    assert!(questions > 1000, "only {questions} questions");
    let mut report = Vec::new();
    let mut failures = Vec::new();
    for s in &strategies {
        let line = format!(
            "{:<22} {:5.1}% over {:5} questions (chance {:4.1}%); where it saw a tell: {:5.1}% of {}",
            s.name,
            100.0 * s.rate(),
            s.asked,
            100.0 * s.chance_rate(),
            100.0 * s.told_hits / s.told.max(1) as f64,
            s.told
        );
        if s.asked > 0 && s.rate() > s.chance_rate() + SLACK {
            failures.push(line.clone());
        }
        report.push(line);
    }
    println!("{}", report.join("\n"));
    assert!(
        strategies.iter().all(|s| s.asked >= 100),
        "a strategy was hardly tried:\n{}",
        report.join("\n")
    );
    assert!(
        failures.is_empty(),
        "the options give the answer away:\n{}\n\nall:\n{}",
        failures.join("\n"),
        report.join("\n")
    );
}
