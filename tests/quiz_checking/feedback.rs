//! What the user is told: what a wrong answer is instead, what matched, the grade.

use super::*;

#[test]
fn another_sources_figure_is_named() {
    let o = answer("disputed-figures", "fig-death-toll-227", "225");
    assert!(!o.correct);
    assert_eq!(o.suggested, Grade::Again);
    let note = o.note.expect("a note naming the source of 225");
    assert!(note.contains("225"), "{note}");
    // Askarbek's outlet is not named: the note names her instead of "not named".
    assert!(note.contains("Askarbek"), "{note}");
    assert!(!note.contains("not named"), "{note}");
    assert!(
        note.contains("227"),
        "the note says what the card asks: {note}"
    );

    let o = answer("disputed-figures", "fig-detained-total", "nearly 5,000");
    let note = o.note.expect("a note naming the source of 5,000");
    assert!(note.contains("RFE/RL"), "{note}");
    assert!(note.contains("5,000"), "{note}");
}

#[test]
fn another_cards_answer_is_named() {
    let o = answer("people-and-roles", "who-knb-chief-arrested", "Samat Abish");
    assert!(!o.correct);
    let note = o.note.expect("a note");
    assert!(note.contains("another card"), "{note}");
    assert!(note.contains("Samat Abish"), "{note}");

    let o = answer("january-2022-timeline", "when-csto-appeal", "8 January");
    let note = o.note.expect("a note");
    assert!(note.contains("another card"), "{note}");

    // A wrong answer that is nobody's answer gets no note.
    let o = answer("people-and-roles", "who-knb-chief-arrested", "Smith");
    assert_eq!(o.note, None);
}

#[test]
fn a_date_is_never_taken_for_a_claims_figure() {
    // The tweet claim's sources give "six waves": the 6th of January is a date, not that figure.
    let o = answer("disputed-figures", "when-deleted-tweets", "6 January 2022");
    assert!(!o.correct);
    if let Some(note) = &o.note {
        assert!(!note.contains("figure"), "{note}");
    }
}

#[test]
fn the_outcome_carries_what_matched_and_the_grade() {
    let o = answer("people-and-roles", "who-knb-chief-arrested", "Masimov");
    assert!(o.correct);
    assert_eq!(o.matched, Some(Match::Variant("Masimov".into())));
    assert_eq!(o.suggested, Grade::Good);
    assert_eq!(o.expected, "Karim Masimov");

    let o = answer("people-and-roles", "who-knb-chief-arrested", "Masimow");
    assert_eq!(o.matched, Some(Match::Typo("Masimov".into(), 1)));
    assert_eq!(o.suggested, Grade::Hard);
    assert!(o.reading.contains("accepted with a typo"), "{}", o.reading);

    let o = answer("disputed-figures", "fig-terrorists-almaty", "20k");
    assert_eq!(o.matched, Some(Match::Number));
    assert!(o.reading.contains("20,000"), "{}", o.reading);

    let o = answer("january-2022-timeline", "when-csto-appeal", "2022-01-05");
    assert_eq!(o.matched, Some(Match::Date));

    let o = answer("people-and-roles", "who-knb-chief-arrested", "Abish");
    assert!(!o.correct);
    assert_eq!(o.matched, None);
    assert_eq!(o.suggested, Grade::Again);
    assert_eq!(o.credit, 0.0);
}

#[test]
fn a_slow_right_answer_is_hard() {
    let right = answer("people-and-roles", "who-knb-chief-arrested", "Masimov");
    let mut slow = right.clone();
    adjust_for_time(&mut slow, SLOW_TYPED + Duration::from_secs(1), true);
    assert_eq!(slow.suggested, Grade::Hard);
    assert!(slow.correct);
    let mut quick = right.clone();
    adjust_for_time(&mut quick, SLOW_TYPED - Duration::from_secs(1), true);
    assert_eq!(quick.suggested, Grade::Good);
    let mut slow_choice = right.clone();
    adjust_for_time(
        &mut slow_choice,
        SLOW_CHOICE + Duration::from_secs(1),
        false,
    );
    assert_eq!(slow_choice.suggested, Grade::Hard);

    let mut wrong = answer("people-and-roles", "who-knb-chief-arrested", "Abish");
    adjust_for_time(&mut wrong, Duration::from_secs(600), true);
    assert_eq!(wrong.suggested, Grade::Again);
}

#[test]
fn a_response_of_the_wrong_shape_is_refused() {
    let e = env();
    let (deck, card) = find(e, "people-and-roles", "who-knb-chief-arrested");
    for r in [
        Response::Verdict(factquiz::deck::Verdict::Confirmed),
        Response::Order(vec![0, 1, 2]),
        Response::Sources(vec!["x".into()]),
        Response::Choice(0),
    ] {
        let o = respond_in(e, deck, card, r.clone());
        assert!(!o.correct, "{r:?}");
    }
    let kinds: Vec<CardKind> = cards(e).map(|(_, c)| c.kind).collect();
    for k in CardKind::ALL {
        assert!(kinds.contains(&k), "no built-in card of kind {k:?}");
    }
}

#[test]
fn a_note_compares_the_unit_and_names_the_other_cards_real_answer() {
    // 10,000 is the number of people detained, not of terrorists.
    let o = answer(
        "disputed-figures",
        "fig-terrorists-almaty",
        "10,000 terrorists",
    );
    assert!(!o.correct);
    assert!(
        o.note
            .as_deref()
            .is_none_or(|n| !n.contains("another card")),
        "{o:?}"
    );
    let o = answer("disputed-figures", "fig-terrorists-almaty", "10,000");
    let note = o.note.expect("the number alone is another card's answer");
    assert!(note.contains("another card"), "{note}");
    assert!(note.contains("(10,000 people detained)"), "{note}");
    let o = answer(
        "disputed-figures",
        "fig-terrorists-almaty",
        "10,000 people detained",
    );
    let note = o.note.expect("a note");
    assert!(note.contains("(10,000 people detained)"), "{note}");

    // Chosen as an option, the same: no card's answer is "10,000 terrorists".
    let e = env();
    let (deck, card) = find(e, "disputed-figures", "fig-terrorists-almaty");
    let mut q = Question::make(&e.ix, deck, card, factquiz::quiz::Mode::Choice, 1).unwrap();
    q.choices = vec!["20,000 terrorists".into(), "10,000 terrorists".into()];
    q.correct_choice = Some(0);
    let o = check(&e.lib, &e.ix, deck, card, &q, &Response::Choice(1)).unwrap();
    assert!(!o.correct);
    assert_eq!(o.note, None, "{o:?}");

    // A name: the other card's whole answer is named.
    let o = answer("people-and-roles", "who-knb-chief-arrested", "Abish");
    let note = o.note.expect("a note");
    assert!(note.contains("(Samat Abish)"), "{note}");
}

/// Whether an option shows the figure of another card's answer: the same number, and the
/// other card's unit or a word of it ("81 years" for "81 years old").
fn same_figure(option: &str, other: &Answer) -> bool {
    let (Some(r), Answer::Number(n)) = (factquiz::text::number::parse_number(option), other) else {
        return true;
    };
    r.value == n.value.value && factquiz::text::units::names_the_unit(&r.rest, r.sign, &n.unit)
}

#[test]
fn no_wrong_option_is_ever_called_another_cards_answer_falsely() {
    let e = env();
    let mut named = 0;
    let mut failures = Vec::new();
    for (deck, card) in cards(e) {
        if !matches!(
            card.answer,
            Answer::Name(_) | Answer::Phrase(_) | Answer::Number(_) | Answer::Date(_)
        ) {
            continue;
        }
        for seed in 0..12 {
            let q = Question::make(&e.ix, deck, card, factquiz::quiz::Mode::Choice, seed).unwrap();
            for (i, option) in q.choices.iter().enumerate() {
                if Some(i) == q.correct_choice {
                    continue;
                }
                let o = check(&e.lib, &e.ix, deck, card, &q, &Response::Choice(i)).unwrap();
                let Some(note) = o.note.filter(|n| n.contains("the answer to another card")) else {
                    continue;
                };
                named += 1;
                // The card the note names, by its prompt, takes the option as typed, with its
                // unit; and the note shows that card's real answer.
                let other = cards(e).find(|(_, c)| note.contains(&format!("\"{}\"", c.prompt)));
                let Some((other_deck, other)) = other else {
                    failures.push(format!("{}: {note}: names no card", card.id));
                    continue;
                };
                let typed = respond_in(e, other_deck, other, Response::Text(option.clone()));
                let shown = other.answer.display(other_deck);
                if !typed.correct || !note.contains(&shown) || !same_figure(option, &other.answer) {
                    failures.push(format!(
                        "{}/{} seed {seed}: {option:?}: {note} ({})",
                        deck.id, card.id, typed.reading
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} notes misstate a fact:\n{}",
        failures.len(),
        failures.join("\n")
    );
    // Other people, places and dates are other cards' answers: the notes were looked at.
    assert!(named > 100, "only {named} notes named another card");
}
