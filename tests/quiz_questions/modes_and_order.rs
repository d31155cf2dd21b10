//! The mode a card is asked in (adaptive or forced), and partial credit for orders.

use super::*;

const ASKABLE: [CardKind; 5] = [
    CardKind::Who,
    CardKind::When,
    CardKind::Figure,
    CardKind::Where,
    CardKind::What,
];

#[test]
fn adaptive_starts_with_choices_and_moves_to_typed_recall() {
    assert_eq!(TYPED_AFTER_STREAK, 2);
    for kind in ASKABLE {
        let mode = |streak, stability| choose_mode(kind, AnswerMode::Adaptive, streak, stability);
        assert_eq!(AnswerMode::default(), AnswerMode::Adaptive);
        assert_eq!(mode(0, None), Mode::Choice, "{kind:?}: a new card");
        assert_eq!(mode(1, None), Mode::Choice, "{kind:?}: one right");
        assert_eq!(mode(2, None), Mode::Typed, "{kind:?}: two right in a row");
        assert_eq!(mode(7, None), Mode::Typed);
        assert_eq!(mode(0, Some(0.5)), Mode::Choice, "{kind:?}: low stability");
        assert_eq!(mode(0, Some(1.9)), Mode::Choice);
        assert_eq!(mode(1, Some(TYPED_AFTER_STABILITY - 0.01)), Mode::Choice);
        assert_eq!(mode(0, Some(TYPED_AFTER_STABILITY)), Mode::Typed);
        assert_eq!(mode(0, Some(30.0)), Mode::Typed, "{kind:?}: well known");
    }
    // "A few days".
    assert!((2.0..=7.0).contains(&TYPED_AFTER_STABILITY));
}

#[test]
fn a_setting_forces_one_mode() {
    for kind in ASKABLE {
        for (streak, stability) in [(0, None), (5, Some(100.0)), (1, Some(0.1))] {
            assert_eq!(
                choose_mode(kind, AnswerMode::Choices, streak, stability),
                Mode::Choice
            );
            assert_eq!(
                choose_mode(kind, AnswerMode::Typed, streak, stability),
                Mode::Typed
            );
        }
    }
    for setting in [AnswerMode::Adaptive, AnswerMode::Choices, AnswerMode::Typed] {
        assert_eq!(
            choose_mode(CardKind::Verdict, setting, 0, None),
            Mode::Verdict
        );
        assert_eq!(choose_mode(CardKind::Order, setting, 9, None), Mode::Order);
        assert_eq!(
            choose_mode(CardKind::SourceSaid, setting, 0, Some(50.0)),
            Mode::SourceSaid
        );
    }
}

#[test]
fn mode_names_round_trip() {
    for m in [
        Mode::Choice,
        Mode::Typed,
        Mode::Verdict,
        Mode::Order,
        Mode::SourceSaid,
    ] {
        assert_eq!(Mode::from_name(m.name()), Some(m));
    }
    assert_eq!(Mode::from_name("nonsense"), None);
}

// ------------------------------------------------------------------------------ order

#[test]
fn order_credit_is_the_longest_correctly_ordered_run() {
    let cases: &[(&[usize], usize)] = &[
        (&[0, 1, 2, 3], 4),
        (&[1, 0, 2, 3], 2),
        (&[3, 0, 1, 2], 3),
        (&[0, 1, 3, 2], 2),
        (&[3, 2, 1, 0], 1),
        (&[2, 3, 0, 1], 2),
        (&[1, 2, 3, 0], 3),
        (&[0, 2, 1, 3], 1),
    ];
    for &(order, run) in cases {
        assert_eq!(longest_run(order), run, "{order:?}");
        let o = check_order(order, 4, "a → b → c → d");
        assert!(
            (o.credit - run as f32 / 4.0).abs() < 1e-6,
            "{order:?}: {o:?}"
        );
        assert_eq!(o.correct, run == 4, "{order:?}");
        let want = match run {
            4 => Grade::Good,
            3 => Grade::Hard,
            _ => Grade::Again,
        };
        assert_eq!(o.suggested, want, "{order:?}");
        assert!(o.reading.contains(&format!("{run} of 4")), "{}", o.reading);
    }
}

#[test]
fn an_order_that_is_not_every_event_once_earns_nothing() {
    for order in [
        vec![0, 1, 2],
        vec![0, 1, 2, 3, 4],
        vec![],
        // Indexes of events the card does not have, or one event twice.
        vec![1, 2, 3, 4],
        vec![0, 1, 2, 2],
        vec![0, 0, 0, 0],
        vec![usize::MAX, 0, 1, 2],
        vec![0, 1, 2, usize::MAX],
    ] {
        let o = check_order(&order, 4, "a → b → c → d");
        assert!(!o.correct, "{order:?}: {o:?}");
        assert_eq!(o.credit, 0.0, "{order:?}: {o:?}");
        assert_eq!(o.suggested, Grade::Again, "{order:?}");
    }
}

#[test]
fn order_cards_of_the_library_give_partial_credit() {
    let e = env();
    for (deck, card) in cards(e) {
        let Answer::Order(events) = &card.answer else {
            continue;
        };
        let n = events.len();
        let q = Question::make(&e.ix, deck, card, Mode::Order, 1).unwrap();
        let run = |order: Vec<usize>| {
            check(&e.lib, &e.ix, deck, card, &q, &Response::Order(order)).unwrap()
        };
        let right = run((0..n).collect());
        assert!(right.correct && right.credit == 1.0, "{}", card.id);
        // The first event moved to the end: the rest still stand in order.
        let mut rotated: Vec<usize> = (1..n).collect();
        rotated.push(0);
        let o = run(rotated);
        assert!(!o.correct, "{}", card.id);
        assert!(
            (o.credit - (n - 1) as f32 / n as f32).abs() < 1e-6,
            "{}: {o:?}",
            card.id
        );
        let shown = run(q.events.clone());
        assert!(
            !shown.correct,
            "{}: the shuffled order is already right",
            card.id
        );
    }
}

#[test]
fn show_answer_for_long_answers_a_setting_and_a_card_of_its_own() {
    use factquiz::deck::AskMode;
    use factquiz::quiz::Asking;
    let long = Asking {
        kind: CardKind::What,
        forced: None,
        long: true,
    };
    // The adaptive mode asks an answer too long to type or choose as "show answer".
    assert_eq!(
        choose_mode(long, AnswerMode::Adaptive, 0, None),
        Mode::ShowAnswer
    );
    assert_eq!(
        choose_mode(long, AnswerMode::Adaptive, 9, Some(50.0)),
        Mode::ShowAnswer
    );
    // The other settings are the learner's choice.
    assert_eq!(choose_mode(long, AnswerMode::Typed, 0, None), Mode::Typed);
    assert_eq!(
        choose_mode(CardKind::Who, AnswerMode::ShowAnswer, 0, None),
        Mode::ShowAnswer
    );
    // Verdict, order and source-said cards keep their own way under the setting...
    assert_eq!(
        choose_mode(CardKind::Verdict, AnswerMode::ShowAnswer, 0, None),
        Mode::Verdict
    );
    // ...and a card's own mode comes first.
    let forced = |kind, mode| Asking {
        kind,
        forced: Some(mode),
        long: false,
    };
    assert_eq!(
        choose_mode(
            forced(CardKind::Order, AskMode::ShowAnswer),
            AnswerMode::Adaptive,
            0,
            None
        ),
        Mode::ShowAnswer
    );
    assert_eq!(
        choose_mode(
            forced(CardKind::Who, AskMode::Typed),
            AnswerMode::Choices,
            0,
            None
        ),
        Mode::Typed
    );
    assert_eq!(
        choose_mode(
            forced(CardKind::Order, AskMode::Choice),
            AnswerMode::Adaptive,
            0,
            None
        ),
        Mode::Order
    );
    // What is too long: a sentence, several lines, a list of four; not a name or a phrase.
    let phrase = |a: &str| factquiz::deck::Answer::Phrase(vec![a.into()]);
    assert!(
        phrase("the security forces were ordered to fire without warning at them")
            .too_long_to_ask()
    );
    assert!(phrase("one\ntwo").too_long_to_ask());
    assert!(phrase("Almaty, Aktobe, Taraz, Shymkent").too_long_to_ask());
    assert!(!phrase("criminal, extremist, and terrorist networks").too_long_to_ask());
    assert!(!phrase("Collective Security Treaty Organization").too_long_to_ask());
}
