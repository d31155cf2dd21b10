use super::*;
use crate::text::fold::fold;

/// A made-up article (no real one is used in tests).
const ARTICLE: &str = "The Harbour of Velmora\n\
    By Ines Kallas, The Northern Ledger\n\
    12 March 2023\n\
    Velmora's harbour froze on 3 March 2023, the first time since 1987. Mayor Tomas Lund said \
    2,500 residents lost power for nine days.\n\
    The Port Authority of Velmora put the damage at $4.5 million, and about 300 boats stayed \
    in port.\n\
    On January 5 the regional council met in Saarne. In 2019 the council had spent 1.2 billion \
    kroner on the breakwater.\n\
    Lund told the Ledger that 40% of the ice was gone by 20.03.2023, and that 2,000-3,000 \
    tonnes of it had drifted 12 km out.\n";

fn book() -> NameBook {
    let mut b = NameBook::default();
    b.add(&fold("Tomas Lund"), Known::Person("Tomas Lund".into()));
    b.add(&fold("Lund"), Known::Person("Tomas Lund".into()));
    b.add(&fold("Velmora"), Known::Place("Velmora".into()));
    b
}

fn marked(text: &str, book: &NameBook) -> Vec<(FactKind, String)> {
    find_facts(text, book)
        .into_iter()
        .map(|f| (f.kind, text[f.range].to_string()))
        .collect()
}

fn value_of(text: &str, written: &str) -> FactValue {
    find_facts(text, &book())
        .into_iter()
        .find(|f| &text[f.range.clone()] == written)
        .unwrap_or_else(|| panic!("\"{written}\" is not marked"))
        .value
}

#[test]
fn a_made_up_article_has_its_dates_figures_and_names_marked() {
    let got = marked(ARTICLE, &book());
    let want = [
        (FactKind::Date, "12 March 2023"),
        (FactKind::Date, "3 March 2023"),
        (FactKind::Date, "1987"),
        (FactKind::Date, "January 5"),
        (FactKind::Date, "2019"),
        (FactKind::Date, "20.03.2023"),
        (FactKind::Figure, "2,500 residents"),
        (FactKind::Figure, "nine days"),
        (FactKind::Figure, "$4.5 million"),
        (FactKind::Figure, "300 boats"),
        (FactKind::Figure, "1.2 billion kroner"),
        (FactKind::Figure, "40%"),
        (FactKind::Figure, "2,000-3,000 tonnes"),
        (FactKind::Figure, "12 km"),
        (FactKind::Person, "Tomas Lund"),
        (FactKind::Person, "Lund"),
        (FactKind::Place, "Velmora"),
        (FactKind::Name, "Ines Kallas"),
        (FactKind::Name, "Port Authority"),
        (FactKind::Name, "Saarne"),
        (FactKind::Name, "Ledger"),
    ];
    for (kind, text) in want {
        assert!(
            got.contains(&(kind, text.to_string())),
            "{kind:?} \"{text}\" is not marked; marked: {got:?}"
        );
    }
    // Words that open sentences are not names; function words are no units.
    for text in ["On", "In", "Mayor", "The"] {
        assert!(
            !got.iter().any(|(_, t)| t == text),
            "\"{text}\" marked: {got:?}"
        );
    }
}

#[test]
fn facts_are_in_text_order_and_never_overlap() {
    let facts = find_facts(ARTICLE, &book());
    for pair in facts.windows(2) {
        assert!(pair[0].range.end <= pair[1].range.start, "{pair:?}");
    }
    let line = ARTICLE.find("On January").unwrap();
    let in_line = within(&facts, line..line + 50);
    assert_eq!(in_line.len(), 2, "{in_line:?}");
}

#[test]
fn values_are_read_as_the_answer_checker_reads_them() {
    assert_eq!(
        value_of(ARTICLE, "3 March 2023"),
        FactValue::Date {
            year: Some(2023),
            month: Some(3),
            day: Some(3)
        }
    );
    assert_eq!(
        value_of(ARTICLE, "January 5"),
        FactValue::Date {
            year: None,
            month: Some(1),
            day: Some(5)
        }
    );
    let FactValue::Figure {
        value,
        unit,
        number,
        ..
    } = value_of(ARTICLE, "$4.5 million")
    else {
        panic!("not a figure");
    };
    assert_eq!(
        (value, unit.as_str(), number.as_str()),
        (4_500_000.0, "US dollars", "4.5 million")
    );
    let FactValue::Figure {
        value, high, unit, ..
    } = value_of(ARTICLE, "2,000-3,000 tonnes")
    else {
        panic!("not a figure");
    };
    assert_eq!(
        (value, high, unit.as_str()),
        (2000.0, Some(3000.0), "tonnes")
    );
    let FactValue::Figure { value, unit, .. } = value_of(ARTICLE, "nine days") else {
        panic!("not a figure");
    };
    assert_eq!((value, unit.as_str()), (9.0, "days"));
}

#[test]
fn a_known_name_is_found_in_any_spelling() {
    let mut b = NameBook::default();
    b.add(
        &fold("Qasym-Zhomart Toqaev"),
        Known::Person("Qasym-Zhomart Toqaev".into()),
    );
    b.add(
        &fold("Toqaev"),
        Known::Person("Qasym-Zhomart Toqaev".into()),
    );
    let text = "Kassym-Jomart Tokayev spoke first. Later, Токаев and Tokaev's aides left.";
    let got = marked(text, &b);
    assert_eq!(
        got,
        [
            (FactKind::Person, "Kassym-Jomart Tokayev".to_string()),
            (FactKind::Person, "Токаев".to_string()),
            (FactKind::Person, "Tokaev".to_string()),
        ]
    );
    let facts = find_facts(text, &b);
    assert_eq!(
        facts[1].value,
        FactValue::Known(Known::Person("Qasym-Zhomart Toqaev".into()))
    );
}

#[test]
fn a_month_alone_is_a_date_by_its_full_name_only() {
    let got = marked(
        "In January Marc Lunde left. He may return in Sept. 2024.",
        &NameBook::default(),
    );
    assert!(
        got.contains(&(FactKind::Date, "January".to_string())),
        "{got:?}"
    );
    assert!(
        got.contains(&(FactKind::Name, "Marc Lunde".to_string())),
        "{got:?}"
    );
    assert!(
        got.contains(&(FactKind::Date, "Sept. 2024".to_string())),
        "{got:?}"
    );
}

#[test]
fn numbers_inside_words_and_small_bare_numbers_are_not_figures() {
    let got = marked(
        "The COVID-19 wave hit 3 towns. Chapter 2 says so. It cost 45.",
        &NameBook::default(),
    );
    let figures: Vec<&str> = got
        .iter()
        .filter(|(k, _)| *k == FactKind::Figure)
        .map(|(_, t)| t.as_str())
        .collect();
    assert_eq!(figures, ["3 towns", "45"]);
}

#[test]
fn a_figure_at_the_end_of_a_long_window_keeps_its_unit_whole() {
    let text = "Its director said about 300 fishing boats could not leave, and that 40% of the catch \
                promised to buyers never arrived. The ice was 62 cm thick at the harbour mouth, \
                in a cold of minus twenty did not help.";
    let got = marked(text, &NameBook::default());
    for want in ["300 fishing", "40%", "62 cm"] {
        assert!(
            got.contains(&(FactKind::Figure, want.to_string())),
            "{want}: {got:?}"
        );
    }
    assert!(!got.iter().any(|(_, t)| t.contains("did")), "{got:?}");
}
