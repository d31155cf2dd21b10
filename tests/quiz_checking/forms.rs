//! Tables of the forms people write answers in: names surname-first (with or without a comma),
//! with a patronymic, with initials, after a title; remarks in brackets or after a comma or
//! dash; units under their synonyms, plurals and abbreviations; numbers in words; and what is
//! refused (a contradicting unit, initials or a patronymic that are someone else's, a remark
//! that names another answer), and what is taken but only as Hard.

use super::*;

/// Runs a table and checks that each accepted row's reading says what was done to read it.
fn table_saying(deck: &str, card: &str, rows: &[(&str, Want, &str)]) {
    let plain: Vec<(&str, Want)> = rows.iter().map(|&(i, w, _)| (i, w)).collect();
    table(deck, card, &plain);
    let mut failures = Vec::new();
    for &(input, _, says) in rows {
        let o = answer(deck, card, input);
        if !o.reading.contains(says) {
            failures.push(format!(
                "  {input:?}: {:?} does not say {says:?}",
                o.reading
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{deck}/{card}:\n{}",
        failures.join("\n")
    );
}

#[test]
fn names_surname_first_with_patronymics_titles_and_initials() {
    table_saying(
        "people-and-roles",
        "who-security-council-predecessor",
        &[
            (
                "Nursultan Abishevich Nazarbayev",
                Want::Exact,
                "ignored the patronymic \"Abishevich\"",
            ),
            (
                "Nazarbayev Nursultan",
                Want::Exact,
                "read the name surname-first",
            ),
            (
                "Nazarbaev, Nursultan",
                Want::Exact,
                "read the name surname-first",
            ),
            (
                "Nazarbayev Nursultan Abishevich",
                Want::Exact,
                "surname-first",
            ),
            ("Назарбаев Нурсултан Абишевич", Want::Exact, "surname-first"),
            (
                "ex-president Nazarbayev",
                Want::Exact,
                "ignored the title \"ex-president\"",
            ),
            (
                "President Nazarbayev",
                Want::Exact,
                "ignored the title \"President\"",
            ),
            ("Mr. Nazarbaev", Want::Exact, "ignored the title \"Mr.\""),
            ("Президент Назарбаев", Want::Exact, "ignored the title"),
            ("N. Nazarbayev", Want::Initials, "the initials fit"),
            ("N.Nazarbayev", Want::Initials, "the initials fit"),
            ("Nazarbayev N.", Want::Initials, "the initials fit"),
            ("Nazarbaev N. A.", Want::Initials, "the initials fit"),
            ("Н. Назарбаев", Want::Initials, "the initials fit"),
            (
                "Nazarbaev (Elbasy)",
                Want::Exact,
                "ignored the remark \"Elbasy\"",
            ),
            (
                "Nazarbaev, the former president",
                Want::Exact,
                "ignored the remark",
            ),
            ("Nazarbaev (maybe)", Want::Unsure, "sounds unsure"),
            ("Nazarbaev, not sure", Want::Unsure, "sounds unsure"),
            // Someone else's initials, a second person named, someone else after a title.
            ("B. Nazarbayev", Want::Wrong, "fit none of the names"),
            ("Nazarbaev, or Bolat", Want::Wrong, "names another answer"),
            ("President Bolat Nazarbaev", Want::Wrong, ""),
            ("Bolat Nazarbaev (Elbasy)", Want::Wrong, ""),
        ],
    );
    table_saying(
        "people-and-roles",
        "who-brother-fled-kyrgyzstan",
        &[
            ("Nazarbaev, Bolat", Want::Exact, "surname-first"),
            ("Nazarbayev Bolat", Want::Exact, "surname-first"),
            (
                "B. Nazarbaev",
                Want::Initials,
                "the initials fit \"Bolat Nazarbaev\"",
            ),
            ("N. Nazarbaev", Want::Wrong, "fit none of the names"),
            ("Nazarbaev, Nursultan", Want::Wrong, ""),
        ],
    );
    // The card knows his patronymic ("Abai Aidarkhanovich"): another one is refused.
    table_saying(
        "people-and-roles",
        "who-aide-drove-to-airport",
        &[
            (
                "Abay Aidarkhanovich Bisembaev",
                Want::Exact,
                "ignored the patronymic",
            ),
            (
                "Bisembaev Abay Aidarkhanovich",
                Want::Exact,
                "surname-first",
            ),
            ("Bisembaev, Abai", Want::Exact, "surname-first"),
            ("A. Bisembaev", Want::Initials, "the initials fit"),
            ("A. A. Bisembaev", Want::Initials, "the initials fit"),
            (
                "Abai Nurlanovich Bisembaev",
                Want::Wrong,
                "not the one the card knows",
            ),
        ],
    );
    // Initials that fit two people of the library are no answer.
    table_saying(
        "people-and-roles",
        "who-nephew-deputy-knb",
        &[
            (
                "S. Abish",
                Want::Initials,
                "the initials fit \"Samat Abish\"",
            ),
            ("A. Abish", Want::Wrong, ""),
        ],
    );
}

#[test]
fn a_remark_in_brackets_or_after_a_comma_or_dash() {
    table_saying(
        "aftermath-2022-2024",
        "where-nazarbaev-during-unrest",
        &[
            (
                "Almaty (former capital)",
                Want::Exact,
                "ignored the remark \"former capital\"",
            ),
            (
                "Almaty - the former capital",
                Want::Exact,
                "ignored the remark",
            ),
            ("Almaty, his home city", Want::Exact, "ignored the remark"),
            ("Almaty (not Astana)", Want::Exact, "ignored the remark"),
            ("Almaty [Alma-Ata]", Want::Exact, "ignored the remark"),
            ("Almaty (or Astana)", Want::Wrong, "names another answer"),
            (
                "Almaty, or maybe Nur-Sultan",
                Want::Wrong,
                "names another answer",
            ),
            ("Almaty (not sure)", Want::Unsure, "sounds unsure"),
            ("Almaty, I think", Want::Unsure, "sounds unsure"),
            ("Almaty (never)", Want::Unsure, "may say otherwise"),
            ("Astana (former capital)", Want::Wrong, ""),
        ],
    );
}

#[test]
fn units_under_their_synonyms_plurals_and_abbreviations() {
    table_saying(
        "january-2022-timeline",
        "figure-taldyqorghan-distance",
        &[
            ("225 kilometers", Want::Number, "kilometers = km"),
            ("225 kilometres", Want::Number, "kilometres = km"),
            ("225 kms", Want::Number, "read as 225"),
            ("225 km", Want::Number, "read as 225"),
            (
                "225 Kilometer north-east of Almaty",
                Want::Number,
                "kilometer = km",
            ),
            ("225", Want::Number, "read as 225"),
            ("225 miles", Want::Wrong, "in miles, but the card counts km"),
            ("225 metres", Want::Wrong, "but the card counts km"),
        ],
    );
    table_saying(
        "disputed-figures",
        "fig-cash-for-toqaev",
        &[
            ("$25 million", Want::Number, "$ = US dollars"),
            ("25 million USD", Want::Number, "usd = US dollars"),
            ("25 million dollars", Want::Number, "read as 25,000,000"),
            ("25m US dollars", Want::Number, "read as 25,000,000"),
            (
                "25 million tenge",
                Want::Wrong,
                "in tenge, but the card counts US dollars",
            ),
            (
                "25 million euros",
                Want::Wrong,
                "but the card counts US dollars",
            ),
        ],
    );
    table_saying(
        "disputed-figures",
        "fig-rop-earnings",
        &[
            ("692 billion KZT", Want::Number, "kzt = tenge"),
            ("692bn ₸", Want::Number, "read as 692,000,000,000"),
            (
                "$692 billion",
                Want::Wrong,
                "in $, but the card counts tenge",
            ),
        ],
    );
    table_saying(
        "disputed-figures",
        "fig-confession-companions",
        &[
            ("10 persons", Want::Number, "read as 10"),
            ("ten people", Want::Number, "read as 10"),
            ("10 individuals", Want::Number, "read as 10"),
            (
                "10 years",
                Want::Wrong,
                "in years, but the card counts people",
            ),
        ],
    );
}

#[test]
fn numbers_in_words_and_a_unit_that_contradicts() {
    table_saying(
        "aftermath-2022-2024",
        "fig-sons-in-law",
        &[
            ("all three", Want::Number, "read as 3"),
            ("three", Want::Number, "read as 3"),
            ("3 sons-in-law", Want::Number, "read as 3"),
            ("3 people", Want::Number, "read as 3"),
            (
                "Three years",
                Want::Wrong,
                "in years, but the card counts sons-in-law",
            ),
            ("3 months", Want::Wrong, "in months"),
            ("two", Want::Wrong, "read as 2"),
        ],
    );
    table_saying(
        "aftermath-2022-2024",
        "fig-satybaldy-sentence",
        &[
            ("half a dozen", Want::Number, "read as 6"),
            ("six years", Want::Number, "read as 6"),
            ("6 years in prison", Want::Number, "read as 6"),
            (
                "6 months",
                Want::Wrong,
                "in months, but the card counts years",
            ),
            // A word that is no unit where the card counts years: taken, but Hard...
            ("6 boxes", Want::Unsure, "is not a unit of that"),
            // ...unless the text, as typed, is another card's answer (the six waves of
            // attacks Toqaev tweeted about).
            ("6 waves", Want::Wrong, "another card's answer"),
        ],
    );
    table(
        "disputed-figures",
        "fig-csto-size",
        &[
            ("two and a half thousand", Want::Number),
            ("two and a half thousand soldiers", Want::Number),
            ("a dozen", Want::Wrong),
        ],
    );
}

#[test]
fn a_near_miss_is_taken_only_as_unsure() {
    table_saying(
        "disputed-figures",
        "fig-death-toll-227",
        &[
            ("about 230", Want::Unsure, "230 is 227 rounded"),
            ("230", Want::Unsure, "not 227 itself"),
            // Another source's figure is no rounding: it is wrong, and the note names it.
            ("225", Want::Wrong, "read as 225"),
            ("200", Want::Wrong, "read as 200"),
            ("226", Want::Wrong, "read as 226"),
        ],
    );
    table(
        "disputed-figures",
        "fig-released-3337",
        &[
            ("3,300", Want::Unsure),
            ("about 3,300 people", Want::Unsure),
            ("3,000", Want::Wrong),
            ("3,337", Want::Number),
        ],
    );
    table(
        "disputed-figures",
        "fig-still-held-711",
        &[
            ("700", Want::Unsure),
            ("711", Want::Number),
            ("800", Want::Wrong),
        ],
    );
}
