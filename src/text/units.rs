//! Units as people write them: a unit's synonyms, plurals and abbreviations are one unit (km =
//! kms = kilometres = kilometers; $ = USD = US dollars = dollars; tenge = KZT; people =
//! persons), and what each measures, so that "3 years" is never read as "3 sons-in-law".

use super::fold::normalize;

/// What a unit measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    Time,
    Length,
    Money,
    Mass,
    Share,
    People,
}

/// A unit of measure (or of people), by its short name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unit {
    pub name: &'static str,
    pub measure: Measure,
}

use Measure::*;

/// Each unit: its name, what it measures, and its forms (normalised and singular; a sign is
/// read as the code after it: "$" as "usd").
const UNITS: &[(&str, Measure, &[&str])] = &[
    ("second", Time, &["second", "sec"]),
    ("minute", Time, &["minute", "min"]),
    ("hour", Time, &["hour", "hr"]),
    ("day", Time, &["day"]),
    ("week", Time, &["week", "wk"]),
    ("month", Time, &["month"]),
    ("year", Time, &["year", "yr"]),
    ("decade", Time, &["decade"]),
    ("century", Time, &["century"]),
    ("metre", Length, &["metre", "meter", "m"]),
    ("km", Length, &["km", "kilometre", "kilometer"]),
    ("mile", Length, &["mile", "mi"]),
    ("cm", Length, &["cm", "centimetre", "centimeter"]),
    ("foot", Length, &["foot", "feet", "ft"]),
    (
        "dollar",
        Money,
        &[
            "dollar",
            "usd",
            "us dollar",
            "us usd",
            "buck",
            "american dollar",
        ],
    ),
    ("tenge", Money, &["tenge", "kzt"]),
    ("euro", Money, &["euro", "eur"]),
    ("rouble", Money, &["rouble", "ruble", "rub"]),
    ("pound", Money, &["gbp", "pound sterling"]),
    ("kg", Mass, &["kg", "kilogram", "kilo"]),
    ("tonne", Mass, &["tonne", "ton"]),
    ("percent", Share, &["percent", "per cent", "pct"]),
    ("person", People, &["person", "people", "individual"]),
];

/// Signs and the code each is read as.
const SIGNS: [(char, &str); 6] = [
    ('$', "usd"),
    ('€', "eur"),
    ('£', "gbp"),
    ('₸', "kzt"),
    ('₽', "rub"),
    ('%', "percent"),
];

/// A word without its plural ending: "kms" -> "km", "centuries" -> "century", "businesses"
/// -> "business", "sons" -> "son"; short words ("us") and "-ss" words are kept.
pub fn singular(word: &str) -> String {
    if let Some(stem) = word.strip_suffix("ies")
        && word.len() > 4
    {
        return format!("{stem}y");
    }
    if ["sses", "shes", "ches", "xes"]
        .iter()
        .any(|e| word.ends_with(e))
    {
        return word[..word.len() - 2].to_string();
    }
    match word.strip_suffix('s') {
        Some(stem) if word.len() > 2 && !stem.ends_with('s') => stem.to_string(),
        _ => word.to_string(),
    }
}

/// The words of a unit as written, normalised and singular, signs read as their codes.
fn unit_words(text: &str) -> Vec<String> {
    let mut spelled = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match SIGNS.iter().find(|(s, _)| *s == c) {
            Some((_, code)) => {
                spelled.push(' ');
                spelled.push_str(code);
                spelled.push(' ');
            }
            None => spelled.push(c),
        }
    }
    normalize(&spelled)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(singular)
        .collect()
}

fn unit_named(form: &str) -> Option<Unit> {
    UNITS
        .iter()
        .find(|(_, _, forms)| forms.contains(&form))
        .map(|&(name, measure, _)| Unit { name, measure })
}

/// The unit written at `words[i..]` (two words or one) and how many words it takes.
fn unit_at(words: &[String], i: usize) -> Option<(Unit, usize)> {
    if let Some(next) = words.get(i + 1)
        && let Some(u) = unit_named(&format!("{} {next}", words[i]))
    {
        return Some((u, 2));
    }
    unit_named(words.get(i)?).map(|u| (u, 1))
}

/// The unit a text starts with ("kilometers north of Almaty" -> km), with its words as
/// written ("kilometers"; a sign as the sign).
pub fn read_unit(text: &str) -> Option<(Unit, String)> {
    let text = text.trim_start();
    let words = unit_words(text);
    let (unit, n) = unit_at(&words, 0)?;
    let first = text.chars().next()?;
    let written = if SIGNS.iter().any(|(s, _)| *s == first) {
        first.to_string()
    } else {
        normalize(text)
            .split(' ')
            .take(n)
            .collect::<Vec<_>>()
            .join(" ")
    };
    Some((unit, written))
}

/// The unit named anywhere in a card's unit ("people detained" -> person, "US dollars" ->
/// dollar, "years old" -> year); none for a count noun ("sons-in-law", "police cars").
pub fn unit_in(phrase: &str) -> Option<Unit> {
    let words = unit_words(phrase);
    (0..words.len()).find_map(|i| unit_at(&words, i).map(|(u, _)| u))
}

/// A unit compared loosely, so that units that count the same thing have one key: synonyms
/// and abbreviations as the unit's name, other words singular ("US dollars" -> "dollar",
/// "kilometres" -> "km", "people detained" -> "person detained", "sons-in-law" -> "son in law").
pub fn unit_key(unit: &str) -> String {
    let words = unit_words(unit);
    let mut out: Vec<&str> = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        match unit_at(&words, i) {
            Some((u, n)) => {
                out.push(u.name);
                i += n;
            }
            None => {
                out.push(&words[i]);
                i += 1;
            }
        }
    }
    out.join(" ")
}

/// Why a unit typed after a number is not the card's ("in years, but the card counts
/// sons-in-law"); none when it is the card's unit, a synonym of it, or people for a count of
/// people.
pub fn conflict(typed: Unit, written: &str, card_unit: &str) -> Option<String> {
    let agrees = match unit_in(card_unit) {
        Some(u) => u == typed || (u.measure == People && typed.measure == People),
        // A count of something ("terrorists", "sons-in-law"): people may be what is counted.
        None => typed.measure == People,
    };
    (!agrees).then(|| format!("in {written}, but the card counts {card_unit}"))
}

/// "kilometers = km" when a typed unit is the card's under another name.
pub fn synonym_note(typed: Unit, written: &str, card_unit: &str) -> Option<String> {
    if unit_in(card_unit) != Some(typed) {
        return None;
    }
    let card_words = unit_words(card_unit);
    let typed_words = unit_words(written);
    let same = typed_words.iter().all(|w| card_words.contains(w));
    (!same).then(|| format!("{written} = {card_unit}"))
}

/// Whether what was typed after a number names what another card counts, so that the number
/// may be called that card's answer: nothing typed, the same unit, or a word of its unit.
pub fn names_the_unit(typed_rest: &str, sign: Option<char>, other_unit: &str) -> bool {
    let typed = match sign {
        Some(s) => read_unit(&s.to_string()),
        None => read_unit(typed_rest),
    };
    if let Some((u, _)) = typed {
        return unit_in(other_unit) == Some(u);
    }
    match unit_words(typed_rest).first() {
        None => true,
        Some(w) => unit_words(other_unit).contains(w),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(text: &str) -> Option<&'static str> {
        read_unit(text).map(|(u, _)| u.name)
    }

    #[test]
    fn synonyms_plurals_and_abbreviations_are_one_unit() {
        for s in [
            "km",
            "kms",
            "kilometre",
            "kilometres",
            "kilometers",
            "Kilometer",
        ] {
            assert_eq!(name(s), Some("km"), "{s}");
        }
        for s in ["$", "US dollars", "USD", "dollars", "dollar", "US$"] {
            assert_eq!(name(s), Some("dollar"), "{s}");
        }
        assert_eq!(name("tenge"), Some("tenge"));
        assert_eq!(name("KZT"), Some("tenge"));
        assert_eq!(name("₸"), Some("tenge"));
        assert_eq!(name("people"), Some("person"));
        assert_eq!(name("persons"), Some("person"));
        assert_eq!(name("years in prison"), Some("year"));
        assert_eq!(name("%"), Some("percent"));
        assert_eq!(name("terrorists"), None);
        assert_eq!(name(""), None);
    }

    #[test]
    fn a_cards_unit_names_its_unit_anywhere() {
        assert_eq!(unit_in("people detained").map(|u| u.name), Some("person"));
        assert_eq!(unit_in("US dollars").map(|u| u.name), Some("dollar"));
        assert_eq!(unit_in("years old").map(|u| u.name), Some("year"));
        assert_eq!(unit_in("sons-in-law"), None);
        assert_eq!(unit_in("police cars"), None);
    }

    #[test]
    fn keys_join_what_counts_the_same_thing() {
        assert_eq!(unit_key("US dollars"), unit_key("dollars"));
        assert_eq!(unit_key("kilometres"), unit_key("km"));
        assert_eq!(unit_key("people"), unit_key("persons"));
        assert_eq!(unit_key("sons-in-law"), "son in law");
        assert_eq!(unit_key("businesses"), "business");
        assert_eq!(unit_key("centuries"), "century");
        assert_ne!(unit_key("people detained"), unit_key("people"));
    }

    #[test]
    fn a_contradicting_unit_says_why() {
        let years = read_unit("years").unwrap();
        assert_eq!(
            conflict(years.0, &years.1, "sons-in-law").as_deref(),
            Some("in years, but the card counts sons-in-law")
        );
        let months = read_unit("months").unwrap();
        assert_eq!(
            conflict(months.0, &months.1, "years").as_deref(),
            Some("in months, but the card counts years")
        );
        assert_eq!(conflict(years.0, &years.1, "years old"), None);
        let people = read_unit("people").unwrap();
        assert_eq!(conflict(people.0, &people.1, "terrorists"), None);
        assert_eq!(conflict(people.0, &people.1, "people detained"), None);
        assert!(conflict(people.0, &people.1, "minutes").is_some());
        let miles = read_unit("miles").unwrap();
        assert!(conflict(miles.0, &miles.1, "kilometres").is_some());
    }

    #[test]
    fn a_synonym_is_named() {
        let k = read_unit("kilometers").unwrap();
        assert_eq!(
            synonym_note(k.0, &k.1, "km").as_deref(),
            Some("kilometers = km")
        );
        let d = read_unit("$").unwrap();
        assert_eq!(
            synonym_note(d.0, &d.1, "US dollars").as_deref(),
            Some("$ = US dollars")
        );
        let y = read_unit("years").unwrap();
        assert_eq!(synonym_note(y.0, &y.1, "years"), None);
    }

    #[test]
    fn another_cards_unit_is_named_only_when_typed() {
        assert!(names_the_unit("", None, "people detained"));
        assert!(names_the_unit("people detained", None, "people detained"));
        assert!(names_the_unit("people", None, "people detained"));
        assert!(!names_the_unit("terrorists", None, "people detained"));
        assert!(names_the_unit("", Some('$'), "US dollars"));
        assert!(!names_the_unit("tenge", None, "US dollars"));
    }
}
