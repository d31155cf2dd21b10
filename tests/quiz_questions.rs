//! Questions made from the built-in decks: multiple choice with plausible, unique distractors
//! that are never right, reproducible from a seed; the adaptive choice of mode; partial credit
//! for orders.

use std::collections::HashSet;
use std::sync::OnceLock;

use factquiz::deck::date::days_from_civil;
use factquiz::deck::{Answer, Card, CardKind, Deck, Library, Precision};
use factquiz::quiz::check::{check_order, longest_run};
use factquiz::quiz::question::{TYPED_AFTER_STABILITY, TYPED_AFTER_STREAK, choice_label};
use factquiz::quiz::{AnswerMode, Grade, Mode, Question, QuizIndex, Response, check, choose_mode};
use factquiz::text::date::parse_date;
use factquiz::text::fold::{fold, normalize};
use factquiz::text::number::parse_number;

#[path = "quiz_questions/modes_and_order.rs"]
mod modes_and_order;

const SEEDS: std::ops::Range<u64> = 0..24;

struct Env {
    lib: Library,
    ix: QuizIndex,
    /// The library's decks with every card read.
    decks: Vec<Deck>,
}

fn env() -> &'static Env {
    static ENV: OnceLock<Env> = OnceLock::new();
    ENV.get_or_init(|| {
        let lib = Library::builtin();
        assert!(
            lib.errors.is_empty(),
            "built-in decks fail: {:?}",
            lib.errors
        );
        let ix = QuizIndex::build(&lib).unwrap();
        let decks = lib.decks.iter().map(|d| d.deck.whole().unwrap()).collect();
        Env { lib, ix, decks }
    })
}

fn cards(e: &Env) -> impl Iterator<Item = (&Deck, &Card)> {
    e.decks
        .iter()
        .flat_map(|d| d.cards.iter().map(move |c| (d, c)))
}

fn find<'a>(e: &'a Env, deck: &str, card: &str) -> (&'a Deck, &'a Card) {
    let d = e.decks.iter().find(|d| d.id == deck).expect("deck");
    (d, d.card(card).expect("card"))
}

/// Cards whose answer can be asked as multiple choice.
fn choosable(card: &Card) -> bool {
    matches!(
        card.answer,
        Answer::Name(_) | Answer::Phrase(_) | Answer::Number(_) | Answer::Date(_)
    )
}

/// Whether a distractor is of the same kind as the card's answer; `None` when it is, else why
/// it is not.
fn kind_problem(e: &Env, deck: &Deck, card: &Card, option: &str) -> Option<String> {
    match &card.answer {
        Answer::Name(v) => {
            // A person of the library, and not the card's own.
            let key = fold(option);
            let person =
                e.ix.persons
                    .iter()
                    .position(|p| p.keys.iter().any(|k| *k == key));
            match person {
                None => Some("is no person of the library".into()),
                Some(p) if Some(p) == e.ix.person_of(v) => {
                    Some("is the answer's own person".into())
                }
                Some(_) => None,
            }
        }
        Answer::Phrase(_) => {
            // A phrase answer of another card of the same kind.
            let key = fold(option);
            let same_kind = cards(e).any(|(_, c)| {
                c.kind == card.kind
                    && matches!(&c.answer, Answer::Phrase(w) if w.iter().any(|x| fold(x) == key))
            });
            (!same_kind).then(|| format!("is no {:?} answer of the library", card.kind))
        }
        Answer::Date(d) => match parse_date(option) {
            None => Some("does not read as a date".into()),
            Some(r) => {
                let precision = match (r.month, r.day) {
                    (Some(_), Some(_)) => Precision::Day,
                    (Some(_), None) => Precision::Month,
                    _ => Precision::Year,
                };
                if precision != d.precision() {
                    return Some(format!("is not as precise as {}", d.to_string_long()));
                }
                // Of the same period: within a few years of the answer.
                let years = r.year.map(|y| (y - d.year).abs());
                (years.is_none_or(|y| y > 3)).then(|| "is not of the same period".into())
            }
        },
        Answer::Number(n) => match parse_number(option) {
            None => Some("does not read as a number".into()),
            Some(r) => {
                if !n.unit.is_empty() && !option.ends_with(n.unit.as_str()) {
                    return Some(format!("does not have the unit {:?}", n.unit));
                }
                let lo = n.min.as_ref().map_or(n.value.value, |a| a.value);
                let hi = n.max.as_ref().map_or(n.value.value, |a| a.value);
                if r.value >= lo && r.value <= hi {
                    return Some("lies in the accepted range".into());
                }
                // Plausible: not a hundred times off the answer.
                let ratio = r.value / n.value.value;
                (!(0.01..=100.0).contains(&ratio)).then(|| "is not of the answer's size".into())
            }
        },
        _ => {
            let _ = deck;
            Some("is not a choice card".into())
        }
    }
}

#[test]
fn every_choice_question_has_unique_plausible_options_and_one_right_one() {
    let e = env();
    let mut failures = Vec::new();
    let mut asked = 0;
    for (deck, card) in cards(e).filter(|(_, c)| choosable(c)) {
        let right = choice_label(deck, card);
        for seed in SEEDS {
            let q = Question::make(&e.ix, deck, card, Mode::Choice, seed).unwrap();
            let at = format!("{}/{} seed {seed}", deck.id, card.id);
            asked += 1;
            if q.mode != Mode::Choice {
                failures.push(format!("{at}: asked as {:?}, not as choices", q.mode));
                continue;
            }
            if !(2..=4).contains(&q.choices.len()) {
                failures.push(format!("{at}: {} options", q.choices.len()));
            }
            // The issue asks for four options; every built-in card has enough material.
            if q.choices.len() != 4 {
                failures.push(format!(
                    "{at}: {} options, not 4: {:?}",
                    q.choices.len(),
                    q.choices
                ));
            }
            let keys: HashSet<String> = q.choices.iter().map(|c| normalize(c)).collect();
            if keys.len() != q.choices.len() {
                failures.push(format!("{at}: duplicate options {:?}", q.choices));
            }
            let Some(ci) = q.correct_choice else {
                failures.push(format!("{at}: no correct choice"));
                continue;
            };
            if q.choices.get(ci) != Some(&right) {
                failures.push(format!(
                    "{at}: correct choice is not {right:?}: {:?}",
                    q.choices
                ));
            }
            let mut right_by_index = 0;
            let mut right_by_text = 0;
            for (i, option) in q.choices.iter().enumerate() {
                let by_index = check(&e.lib, &e.ix, deck, card, &q, &Response::Choice(i)).unwrap();
                let typed = Question::typed(deck, card);
                let by_text = check(
                    &e.lib,
                    &e.ix,
                    deck,
                    card,
                    &typed,
                    &Response::Text(option.clone()),
                )
                .unwrap();
                right_by_index += usize::from(by_index.correct);
                right_by_text += usize::from(by_text.correct);
                if by_index.correct != (i == ci) {
                    failures.push(format!("{at}: choice {i} {option:?} judged {by_index:?}"));
                }
                if by_index.correct {
                    assert_eq!(by_index.suggested, Grade::Good, "{at}");
                } else {
                    assert_eq!(by_index.suggested, Grade::Again, "{at}");
                }
                if i != ci {
                    if by_text.correct {
                        failures.push(format!(
                            "{at}: distractor {option:?} is an accepted answer ({})",
                            by_text.reading
                        ));
                    }
                    if let Some(why) = kind_problem(e, deck, card, option) {
                        failures.push(format!("{at}: distractor {option:?} {why}"));
                    }
                }
            }
            if right_by_index != 1 || right_by_text != 1 {
                failures.push(format!(
                    "{at}: {right_by_index} right by index, {right_by_text} right as typed: {:?}",
                    q.choices
                ));
            }
        }
    }
    assert!(asked > 1000, "only {asked} questions");
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_right_option_looks_like_the_others() {
    // A figure's right option must not stand out by its form, e.g. by showing the range the card
    // accepts ("3,000 soldiers (accepted: 2,000–3,000)" next to "5,000 soldiers").
    let e = env();
    for (deck, card) in cards(e) {
        let Answer::Number(n) = &card.answer else {
            continue;
        };
        for seed in SEEDS {
            let q = Question::make(&e.ix, deck, card, Mode::Choice, seed).unwrap();
            for option in &q.choices {
                let r = parse_number(option).expect("a number");
                assert_eq!(
                    r.rest,
                    n.unit.to_lowercase(),
                    "{}: {option:?} in {:?}",
                    card.id,
                    q.choices
                );
                assert!(r.high.is_none() && r.hedge.is_none(), "{option:?}");
            }
            let right = &q.choices[q.correct_choice.expect("a right option")];
            let typed = Question::typed(deck, card);
            let o = check(
                &e.lib,
                &e.ix,
                deck,
                card,
                &typed,
                &Response::Text(right.clone()),
            )
            .unwrap();
            assert!(o.correct, "{right:?}");
        }
    }
}

#[test]
fn choices_are_reproducible_from_the_seed_and_vary_with_it() {
    let e = env();
    for (deck, card) in cards(e).filter(|(_, c)| choosable(c)) {
        let mut seen = HashSet::new();
        for seed in SEEDS {
            let a = Question::make(&e.ix, deck, card, Mode::Choice, seed).unwrap();
            let b = Question::make(&e.ix, deck, card, Mode::Choice, seed).unwrap();
            assert_eq!(a, b, "{}/{} seed {seed}", deck.id, card.id);
            seen.insert(a.choices.clone());
        }
        assert!(
            seen.len() > 1,
            "{}/{}: the same options in the same order for every seed",
            deck.id,
            card.id
        );
    }
}

#[test]
fn the_right_answer_is_not_always_in_the_same_place() {
    let e = env();
    let (deck, card) = find(e, "people-and-roles", "who-knb-chief-arrested");
    let places: HashSet<Option<usize>> = SEEDS
        .map(|s| {
            Question::make(&e.ix, deck, card, Mode::Choice, s)
                .unwrap()
                .correct_choice
        })
        .collect();
    assert!(places.len() >= 3, "{places:?}");
}

#[test]
fn figure_distractors_include_the_other_sources_values() {
    let e = env();
    // The death toll: Askarbek gave 225; the card asks for 227.
    let (deck, card) = find(e, "disputed-figures", "fig-death-toll-227");
    for seed in SEEDS {
        let q = Question::make(&e.ix, deck, card, Mode::Choice, seed).unwrap();
        assert!(
            q.choices.iter().any(|c| c.starts_with("225 ")),
            "seed {seed}: {:?}",
            q.choices
        );
    }
    // Detained: 5,000 (RFE/RL early count) for 10,000.
    let (deck, card) = find(e, "disputed-figures", "fig-detained-total");
    for seed in SEEDS {
        let q = Question::make(&e.ix, deck, card, Mode::Choice, seed).unwrap();
        assert!(
            q.choices.iter().any(|c| c.starts_with("5,000 ")),
            "seed {seed}: {:?}",
            q.choices
        );
    }
}

#[test]
fn who_distractors_are_other_people_and_when_distractors_other_dates() {
    let e = env();
    let (deck, card) = find(e, "people-and-roles", "who-nephew-deputy-knb");
    let mut all = HashSet::new();
    for seed in SEEDS {
        let q = Question::make(&e.ix, deck, card, Mode::Choice, seed).unwrap();
        all.extend(q.choices);
    }
    assert!(all.contains("Samat Abish"));
    assert!(all.len() > 6, "the distractors vary: {all:?}");
    assert!(!all.contains("Abish"));

    // The CSTO appeal, 5 January 2022: other days of those weeks.
    let (deck, card) = find(e, "january-2022-timeline", "when-csto-appeal");
    let answer = days_from_civil(2022, 1, 5);
    for seed in SEEDS {
        let q = Question::make(&e.ix, deck, card, Mode::Choice, seed).unwrap();
        for c in &q.choices {
            let r = parse_date(c).expect("a date");
            let day = days_from_civil(
                r.year.expect("a year"),
                r.month.expect("a month"),
                r.day.expect("a day"),
            );
            assert!((day - answer).abs() <= 31, "{c} is not of the same weeks");
        }
    }
    // Masimov became KNB chief in 2016: other years, not the 2020s of the unrest's aftermath.
    let (deck, card) = find(e, "people-and-roles", "when-masimov-became-knb-chief");
    for seed in SEEDS {
        let q = Question::make(&e.ix, deck, card, Mode::Choice, seed).unwrap();
        for c in &q.choices {
            let y: i32 = c.parse().expect("a year");
            assert!((2013..=2019).contains(&y), "{c}");
        }
    }
}

#[test]
fn cards_that_are_not_choices_keep_their_own_mode() {
    let e = env();
    for (deck, card) in cards(e) {
        let q = Question::make(&e.ix, deck, card, Mode::Choice, 7).unwrap();
        match &card.answer {
            Answer::Verdict(v) => {
                assert_eq!(q.mode, Mode::Verdict);
                assert_eq!(q.choices.len(), 4);
                assert_eq!(q.choices[q.correct_choice.expect("right")], v.name());
            }
            Answer::Order(events) => {
                assert_eq!(q.mode, Mode::Order);
                let mut sorted = q.events.clone();
                sorted.sort_unstable();
                assert_eq!(sorted, (0..events.len()).collect::<Vec<_>>());
                assert_ne!(q.events, sorted, "{}: shown already in order", card.id);
                let again = Question::make(&e.ix, deck, card, Mode::Order, 7).unwrap();
                assert_eq!(q.events, again.events);
            }
            Answer::SourceSaid(pairs) => {
                assert_eq!(q.mode, Mode::SourceSaid);
                assert_eq!(q.figures.len(), pairs.len());
                for p in pairs {
                    assert!(q.sources.iter().any(|(id, _)| *id == p.source));
                }
            }
            _ => {
                let typed = Question::make(&e.ix, deck, card, Mode::Typed, 7).unwrap();
                assert_eq!(typed.mode, Mode::Typed);
                assert!(typed.choices.is_empty());
                assert_eq!(typed.correct_choice, None);
            }
        }
    }
}
