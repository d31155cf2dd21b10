//! Properties over every built-in card: its own answers are taken, the answers of other cards of
//! the same kind are not (unless they are the same answer).

use super::*;

/// Ways of writing a wording that must not matter: case, spacing, punctuation around it.
fn respellings(v: &str) -> Vec<String> {
    vec![
        v.to_string(),
        v.to_uppercase(),
        v.to_lowercase(),
        format!("  {}  ", v.replace(' ', "   ")),
        format!("{v}."),
        format!("\"{v}\"!"),
    ]
}

/// Transliteration variants of a name: k for q and q for k (not in "kh"), j for zh (not in
/// "dzh"), doubled letters, y between vowels.
fn transliterations(v: &str) -> Vec<String> {
    let lower = v.to_lowercase();
    let mut out = Vec::new();
    let chars: Vec<char> = lower.chars().collect();
    let swap_k: String = chars
        .iter()
        .enumerate()
        .map(|(i, &c)| match c {
            'k' if chars.get(i + 1) != Some(&'h') => 'q',
            'q' => 'k',
            c => c,
        })
        .collect();
    out.push(swap_k);
    let mut j = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let zh = c == 'z' && chars.get(i + 1) == Some(&'h') && (i == 0 || chars[i - 1] != 'd');
        if zh {
            j.push('j');
        } else if c == 'h' && i > 0 && chars[i - 1] == 'z' && (i < 2 || chars[i - 2] != 'd') {
            // the h of a replaced "zh"
        } else {
            j.push(c);
        }
    }
    out.push(j);
    // "ae" -> "aye": a y between two vowels is a transliteration choice.
    out.push(lower.replace("ae", "aye"));
    // A doubled consonant: Masimov -> Massimov.
    if let Some(pos) = lower.find('s') {
        let mut doubled = lower.clone();
        doubled.insert(pos, 's');
        out.push(doubled);
    }
    out
}

#[test]
fn every_accepted_wording_of_every_card_is_accepted() {
    let e = env();
    let mut failures = Vec::new();
    let mut checked = 0;
    for (deck, card) in cards(e) {
        let mut expect = |resp: Response, good_only: bool| {
            let o = respond_in(e, deck, card, resp.clone());
            checked += 1;
            if !o.correct || (good_only && o.suggested != Grade::Good) {
                failures.push(format!(
                    "{}/{}: {resp:?} -> {} ({:?})",
                    deck.id, card.id, o.reading, o.suggested
                ));
            }
        };
        match &card.answer {
            Answer::Name(variants) | Answer::Phrase(variants) => {
                for v in variants {
                    for s in respellings(v) {
                        expect(Response::Text(s), true);
                    }
                    if matches!(card.answer, Answer::Name(_)) {
                        for s in transliterations(v) {
                            expect(Response::Text(s), true);
                        }
                    }
                }
            }
            Answer::Number(n) => {
                let v = n.value.value;
                let plain = factquiz::text::number::format_number(v);
                let mut texts = vec![
                    card.answer.display(deck),
                    plain.clone(),
                    plain.replace(',', ""),
                    plain.replace(',', " "),
                    format!("{plain} {}", n.unit),
                    format!("about {plain}"),
                    format!("approximately {plain} {}", n.unit),
                ];
                if let Some(t) = &n.value.text {
                    texts.push(t.clone());
                }
                if v >= 1000.0 && v.fract() == 0.0 && (v % 1000.0) == 0.0 && v < 1e6 {
                    texts.push(format!("{}k", v / 1000.0));
                }
                if let (Some(lo), Some(hi)) = (&n.min, &n.max) {
                    texts.push(factquiz::text::number::format_number(lo.value));
                    texts.push(factquiz::text::number::format_number(hi.value));
                    texts.push(format!(
                        "{}-{}",
                        factquiz::text::number::format_number(lo.value),
                        factquiz::text::number::format_number(hi.value)
                    ));
                }
                for t in texts {
                    expect(Response::Text(t), true);
                }
            }
            Answer::Date(d) => {
                for t in date_spellings(d) {
                    expect(Response::Text(t), true);
                }
            }
            Answer::Verdict(v) => expect(Response::Verdict(*v), true),
            Answer::Order(events) => expect(Response::Order((0..events.len()).collect()), true),
            Answer::SourceSaid(pairs) => expect(
                Response::Sources(pairs.iter().map(|p| p.source.to_string()).collect()),
                true,
            ),
        }
    }
    assert!(checked > 500, "only {checked} answers checked");
    assert!(
        failures.is_empty(),
        "{} accepted answers were refused:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The ways a user may write a card's date, as precise as the card.
fn date_spellings(d: &PartialDate) -> Vec<String> {
    let y = d.year;
    match (d.month, d.day) {
        (Some(m), Some(day)) => {
            let name = MONTHS[usize::from(m) - 1];
            vec![
                d.to_string_long(),
                d.to_string(),
                format!("{day} {name}"),
                format!("{name} {day}"),
                format!("{} {day} {y}", &name[..3]),
                format!("{name} {day}, {y}"),
                format!("{day:02}.{m:02}.{y}"),
                format!("{day}/{m}/{y}"),
            ]
        }
        (Some(m), None) => {
            let name = MONTHS[usize::from(m) - 1];
            vec![
                d.to_string_long(),
                d.to_string(),
                format!("{name}"),
                format!("{} {y}", &name[..3]),
            ]
        }
        _ => vec![d.to_string_long()],
    }
}

/// Whether another card's answer is the same as this card's, so that accepting it is right.
fn same_answer(ix: &QuizIndex, a: &Answer, b: &Answer) -> bool {
    match (a, b) {
        (Answer::Name(x), Answer::Name(y)) => {
            ix.person_of(x).is_some() && ix.person_of(x) == ix.person_of(y)
        }
        (Answer::Phrase(x), Answer::Phrase(y)) => {
            let kx: Vec<String> = x.iter().map(|v| fold(v)).collect();
            y.iter().any(|v| kx.contains(&fold(v)))
                || ix.phrases.values().flatten().any(|p| {
                    x.iter()
                        .chain(y)
                        .all(|v| p.keys.iter().any(|k| *k == fold(v)))
                })
        }
        (Answer::Number(x), Answer::Number(y)) => {
            let lo = x.min.as_ref().map_or(x.value.value, |a| a.value);
            let hi = x.max.as_ref().map_or(x.value.value, |a| a.value);
            (lo..=hi).contains(&y.value.value)
        }
        (Answer::Date(x), Answer::Date(y)) => {
            x.year == y.year
                && (x.month.is_none() || x.month == y.month)
                && (x.day.is_none() || x.day == y.day)
        }
        _ => a == b,
    }
}

/// What another card's answer is typed as: every wording of a name or phrase, a number as
/// shown, a date as shown and in ISO form.
fn typed_forms(deck: &Deck, a: &Answer) -> Vec<String> {
    match a {
        Answer::Name(v) | Answer::Phrase(v) => v.iter().map(|s| s.to_string()).collect(),
        Answer::Number(n) => vec![
            a.display(deck),
            factquiz::text::number::format_number(n.value.value),
        ],
        Answer::Date(d) => vec![d.to_string_long(), d.to_string()],
        _ => Vec::new(),
    }
}

#[test]
fn answers_of_other_cards_of_the_same_kind_are_refused_unless_the_same() {
    let e = env();
    let all: Vec<(&Deck, &Card)> = cards(e).collect();
    let mut failures = Vec::new();
    let mut refused = 0;
    for &(deck, card) in &all {
        for &(other_deck, other) in &all {
            if other.kind != card.kind || std::ptr::eq(other, card) {
                continue;
            }
            if same_answer(&e.ix, &card.answer, &other.answer) {
                continue;
            }
            for given in typed_forms(other_deck, &other.answer) {
                let o = respond_in(e, deck, card, Response::Text(given.clone()));
                if o.correct {
                    failures.push(format!(
                        "{}/{} ({:?}) accepted {given:?}, the answer of {}/{}: {}",
                        deck.id,
                        card.id,
                        card.answer.display(deck),
                        other_deck.id,
                        other.id,
                        o.reading
                    ));
                    continue;
                }
                refused += 1;
                // The feedback says what the wrong answer is: another card's, or a source's.
                if o.note.is_none() {
                    failures.push(format!(
                        "{}/{}: {given:?} (the answer of {}/{}) was refused with no note",
                        deck.id, card.id, other_deck.id, other.id
                    ));
                }
            }
        }
    }
    assert!(refused > 1000, "only {refused} answers refused");
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn wrong_verdicts_orders_and_attributions_are_refused() {
    let e = env();
    for (deck, card) in cards(e) {
        match &card.answer {
            Answer::Verdict(right) => {
                for v in factquiz::deck::Verdict::ALL {
                    let o = respond_in(e, deck, card, Response::Verdict(v));
                    assert_eq!(o.correct, v == *right, "{}: {v:?}", card.id);
                }
            }
            Answer::Order(events) => {
                let reversed: Vec<usize> = (0..events.len()).rev().collect();
                let o = respond_in(e, deck, card, Response::Order(reversed));
                assert!(!o.correct, "{}", card.id);
                assert!(o.credit < 0.5, "{}: {}", card.id, o.credit);
            }
            Answer::SourceSaid(pairs) => {
                let none = vec!["no-such-source".to_string(); pairs.len()];
                let o = respond_in(e, deck, card, Response::Sources(none));
                assert!(!o.correct, "{}", card.id);
                assert_eq!(o.credit, 0.0);
                assert_eq!(o.suggested, Grade::Again);
            }
            _ => {}
        }
    }
}
