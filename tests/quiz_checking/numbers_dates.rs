//! Tables of numbers and dates written the ways people write them.

use super::*;

#[test]
fn one_number_in_every_spelling() {
    table(
        "disputed-figures",
        "fig-terrorists-almaty",
        &[
            ("20000", Want::Number),
            ("20,000", Want::Number),
            ("20 000", Want::Number),
            ("20\u{a0}000", Want::Number),
            ("20\u{202f}000", Want::Number),
            ("20k", Want::Number),
            ("20K", Want::Number),
            ("twenty thousand", Want::Number),
            ("Twenty Thousand", Want::Number),
            ("about 20,000", Want::Number),
            ("About 20,000 terrorists", Want::Number),
            ("some 20,000", Want::Number),
            ("20 thousand", Want::Number),
            ("  20000  ", Want::Number),
            ("2000", Want::Wrong),
            ("200,000", Want::Wrong),
            ("20", Want::Wrong),
            ("twenty", Want::Wrong),
            ("19,999", Want::Wrong),
            ("lots", Want::Wrong),
            ("", Want::Wrong),
        ],
    );
    table(
        "disputed-figures",
        "fig-police-cars-burned",
        &[
            ("five hundred", Want::Number),
            ("500", Want::Number),
            ("a hundred", Want::Wrong),
            ("five", Want::Wrong),
        ],
    );
    table(
        "disputed-figures",
        "fig-death-toll-227",
        &[
            ("227", Want::Number),
            ("two hundred twenty-seven", Want::Number),
            ("two hundred and twenty-seven", Want::Number),
            ("227 dead", Want::Number),
            ("225", Want::Wrong),
            ("228", Want::Wrong),
        ],
    );
    table(
        "disputed-figures",
        "fig-rop-earnings",
        &[
            ("692 billion", Want::Number),
            ("692bn", Want::Number),
            ("692 bn tenge", Want::Number),
            ("692,000,000,000", Want::Number),
            ("692 000 000 000", Want::Number),
            ("692 million", Want::Wrong),
        ],
    );
    table(
        "disputed-figures",
        "fig-cash-for-toqaev",
        &[
            ("$25 million", Want::Number),
            ("25m", Want::Number),
            ("25 mln", Want::Number),
            ("twenty-five million", Want::Number),
            ("25,000,000", Want::Number),
            // "25 m" may be metres: a lone letter is a scale only when glued to the digits.
            ("25 m", Want::Wrong),
            ("25", Want::Wrong),
        ],
    );
    table(
        "aftermath-2022-2024",
        "fig-satybaldy-assets",
        &[
            ("1.4 billion", Want::Number),
            ("$1.4bn", Want::Number),
            ("1,400,000,000", Want::Number),
            ("1.4", Want::Wrong),
            ("14 billion", Want::Wrong),
        ],
    );
}

#[test]
fn a_range_card_takes_any_answer_inside_its_range() {
    table(
        "disputed-figures",
        "fig-csto-size",
        &[
            ("2,000", Want::Number),
            ("2,500", Want::Number),
            ("3,000", Want::Number),
            ("about 2,500 troops", Want::Number),
            ("two thousand five hundred", Want::Number),
            ("2,000-3,000", Want::Number),
            ("2000–3000", Want::Number),
            ("2-3 thousand", Want::Number),
            ("2,000 to 3,000", Want::Number),
            ("1,999", Want::Wrong),
            ("3,001", Want::Wrong),
            ("3,500", Want::Wrong),
            ("1,000-3,000", Want::Wrong),
            ("2,000-4,000", Want::Wrong),
        ],
    );
}

// ------------------------------------------------------------------------------ dates

#[test]
fn one_day_in_every_spelling() {
    table(
        "january-2022-timeline",
        "when-csto-appeal",
        &[
            ("5 January", Want::Date),
            ("January 5", Want::Date),
            ("Jan 5 2022", Want::Date),
            ("Jan. 5, 2022", Want::Date),
            ("2022-01-05", Want::Date),
            ("05.01.2022", Want::Date),
            ("5.1.2022", Want::Date),
            ("05.01.22", Want::Date),
            ("5/1/2022", Want::Date),
            ("January 5th, 2022", Want::Date),
            ("the 5th of January", Want::Date),
            ("  5 JANUARY ", Want::Date),
            ("5 January 2022", Want::Date),
            // Day first: 01.05.2022 is the 1st of May.
            ("01.05.2022", Want::Wrong),
            ("2022-05-01", Want::Wrong),
            ("6 January", Want::Wrong),
            ("5 January 2021", Want::Wrong),
            ("January 2022", Want::Wrong),
            ("January", Want::Wrong),
            ("5", Want::Wrong),
            ("32 January", Want::Wrong),
            ("yesterday", Want::Wrong),
        ],
    );
}

#[test]
fn a_card_that_knows_only_the_month_accepts_the_month() {
    table(
        "aftermath-2022-2024",
        "when-abish-case-opened",
        &[
            ("September 2023", Want::Date),
            ("Sept 2023", Want::Date),
            ("sep 2023", Want::Date),
            ("2023-09", Want::Date),
            ("September", Want::Date),
            ("in September 2023", Want::Date),
            // A day in that month is that month.
            ("5 September 2023", Want::Date),
            ("August 2023", Want::Wrong),
            ("September 2022", Want::Wrong),
            ("2023", Want::Wrong),
        ],
    );
    table(
        "people-and-roles",
        "when-masimov-became-knb-chief",
        &[
            ("2016", Want::Date),
            ("in 2016", Want::Date),
            ("2015", Want::Wrong),
            ("January", Want::Wrong),
        ],
    );
}
