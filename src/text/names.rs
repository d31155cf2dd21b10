//! Reading a typed name the ways people write one: a title or role before it ("President",
//! "ex-president", "Mr", "General"), a remark in brackets or after a comma or dash, the surname
//! first with or without a comma ("Nazarbaev, Nursultan"), a patronymic ("Abishevich", "uly"),
//! initials ("N. Nazarbayev", "K.-Zh. Tokayev"). Cyrillic is read through its transliteration.
//! These are readings only: whether one fits a card is the quiz's to say.

use super::fold::{fold, normalize};

/// Titles and roles that may stand before a name (normalised).
const TITLES: &[&str] = &[
    "president",
    "prezident",
    "minister",
    "premier",
    "pm",
    "mr",
    "mrs",
    "ms",
    "miss",
    "mister",
    "madam",
    "sir",
    "dame",
    "lord",
    "lady",
    "dr",
    "doctor",
    "prof",
    "professor",
    "general",
    "gen",
    "colonel",
    "col",
    "major",
    "lieutenant",
    "lt",
    "captain",
    "capt",
    "admiral",
    "marshal",
    "sergeant",
    "senator",
    "deputy",
    "judge",
    "justice",
    "comrade",
    "chairman",
    "chairwoman",
    "speaker",
    "ambassador",
    "governor",
    "mayor",
    "akim",
    "secretary",
    "chief",
    "director",
    "commander",
    "activist",
    "journalist",
    "blogger",
    "businessman",
    "oligarch",
    "gospodin",
];

/// Words that may stand before a title: "former president", "ex-president", "the late".
const MODIFIERS: &[&str] = &[
    "former",
    "ex",
    "then",
    "late",
    "the",
    "acting",
    "vice",
    "prime",
    "first",
    "interim",
    "outgoing",
    "incumbent",
];

/// Leading titles split off a name: the titles as written ("ex-president") and the rest; none
/// when there is no title, or nothing after it.
pub fn strip_titles(text: &str) -> Option<(String, String)> {
    let mut end = 0;
    let mut titled = false;
    let mut rest_start = None;
    for (start, token) in tokens(text) {
        let words = normalize(token);
        let mut words = words.split(' ').filter(|w| !w.is_empty()).peekable();
        if words.peek().is_none() {
            continue;
        }
        let mut all_titles = true;
        for w in words {
            if TITLES.contains(&w) {
                titled = true;
            } else if !MODIFIERS.contains(&w) {
                all_titles = false;
            }
        }
        if !all_titles {
            rest_start = Some(start);
            break;
        }
        end = start + token.len();
    }
    let rest = text[rest_start?..].trim();
    (titled && end > 0).then(|| (text[..end].trim().to_string(), rest.to_string()))
}

/// The whitespace-separated tokens of a text, with where each starts.
fn tokens(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_whitespace()
        .map(move |t| (t.as_ptr() as usize - text.as_ptr() as usize, t))
}

/// A remark the writer added to an answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Remark {
    /// The answer without the remark.
    pub core: String,
    /// The remark, without its brackets or the comma or dash before it.
    pub remark: String,
}

/// What is in brackets ("Almaty (former capital)"), or else what follows the first comma,
/// semicolon or spaced dash ("Almaty - the former capital"); none when either part is empty.
/// Whether the character at byte `i` of `text` stands between two digits.
fn between_digits(text: &str, i: usize) -> bool {
    let before = text[..i].chars().next_back();
    let after = text[i..].chars().nth(1);
    before.is_some_and(|c| c.is_ascii_digit()) && after.is_some_and(|c| c.is_ascii_digit())
}

pub fn split_remark(text: &str) -> Option<Remark> {
    let (mut core, mut remark) = (String::new(), Vec::new());
    let mut depth = 0usize;
    let mut inside = String::new();
    for c in text.chars() {
        match c {
            '(' | '[' => {
                depth += 1;
                if depth == 1 {
                    inside.clear();
                    continue;
                }
            }
            ')' | ']' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    remark.push(inside.trim().to_string());
                    continue;
                }
            }
            _ => {}
        }
        if depth > 0 {
            inside.push(c);
        } else {
            core.push(c);
        }
    }
    if depth > 0 {
        remark.push(inside.trim().to_string());
    }
    remark.retain(|r| !r.is_empty());
    if !remark.is_empty() && has_letters_or_digits(&core) {
        return Some(Remark {
            core: core.split_whitespace().collect::<Vec<_>>().join(" "),
            remark: remark.join("; "),
        });
    }
    // A comma between digits is a thousands separator ("3,000"), not the start of a remark.
    let at = [",", ";", " - ", " – ", " — ", " -- "]
        .iter()
        .filter_map(|sep| {
            text.match_indices(sep)
                .find(|(i, _)| *sep != "," || !between_digits(text, *i))
                .map(|(i, _)| (i, sep.len()))
        })
        .min()?;
    let (core, remark) = (text[..at.0].trim(), text[at.0 + at.1..].trim());
    (has_letters_or_digits(core) && has_letters_or_digits(remark)).then(|| Remark {
        core: core.to_string(),
        remark: remark.to_string(),
    })
}

fn has_letters_or_digits(s: &str) -> bool {
    s.chars().any(char::is_alphanumeric)
}

/// "Nazarbaev, Nursultan" read surname-first: "Nursultan Nazarbaev" (one word before the
/// comma, one to three after).
pub fn comma_swapped(text: &str) -> Option<String> {
    let (surname, given) = text.split_once(',')?;
    let (surname, given) = (surname.trim(), given.trim());
    let n = given.split_whitespace().count();
    let name_like = |s: &str| s.chars().all(|c| !c.is_ascii_digit() && c != ',');
    (surname.split_whitespace().count() == 1 && (1..=3).contains(&n) && name_like(given))
        .then(|| format!("{given} {surname}"))
}

/// "Nazarbayev Nursultan" with its first word put last: "Nursultan Nazarbayev" (two or three
/// words).
pub fn surname_last(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    if !(2..=3).contains(&words.len()) {
        return None;
    }
    let mut out: Vec<&str> = words[1..].to_vec();
    out.push(words[0]);
    Some(out.join(" "))
}

/// Whether a folded word looks like a patronymic: Russian -ovich, -evich, -ovna, -evna,
/// -ichna; Kazakh -uly, -kyzy (folded "uli", "kizi").
pub fn is_patronymic(folded: &str) -> bool {
    folded.len() >= 6
        && ["ovich", "evich", "ovna", "evna", "ichna", "uli", "kizi"]
            .iter()
            .any(|s| folded.ends_with(s))
}

/// A name without its patronymic-looking words, and those words as written; none when there
/// is none, or nothing else.
pub fn without_patronymics(text: &str) -> Option<(String, Vec<String>)> {
    let (mut kept, mut dropped) = (Vec::new(), Vec::new());
    for token in text.split_whitespace() {
        if is_patronymic(&fold(token)) {
            dropped.push(token.to_string());
        } else {
            kept.push(token);
        }
    }
    (!dropped.is_empty() && !kept.is_empty()).then(|| (kept.join(" "), dropped))
}

/// Two-letter initials of transliterated Cyrillic ("Zh." for Ж).
const DIGRAPHS: [&str; 11] = [
    "zh", "kh", "sh", "ch", "ts", "ya", "yu", "ye", "yo", "gh", "dz",
];

/// A name written with initials: the initials folded, in order ("K.-Zh. Tokayev" -> "k", "j"),
/// and the other words as written; none without an initial or without another word.
pub fn initials(text: &str) -> Option<(Vec<String>, Vec<String>)> {
    let ascii = deunicode::deunicode(text);
    let (mut found, mut words) = (Vec::new(), Vec::new());
    for token in ascii.split_whitespace() {
        let mut rest = token;
        loop {
            let letters: String = rest.chars().take_while(char::is_ascii_alphabetic).collect();
            let dotted = rest[letters.len()..].starts_with('.');
            let is_initial = match letters.len() {
                1 => dotted || (rest.len() == 1 && letters.chars().all(|c| c.is_uppercase())),
                2 => dotted && DIGRAPHS.contains(&letters.to_lowercase().as_str()),
                _ => false,
            };
            if !is_initial {
                break;
            }
            found.push(fold(&letters));
            rest = rest[letters.len()..].trim_start_matches(['.', '-']);
        }
        if has_letters_or_digits(rest) {
            words.push(rest.to_string());
        }
    }
    (!found.is_empty() && !words.is_empty()).then_some((found, words))
}

/// Whether initials and the words written with them fit a folded wording: the words are its
/// last words, and each initial begins the word it stands for ("n" fits "nursultan"); one
/// initial more than the given names may stand for a patronymic ("Nursultan A. Nazarbayev").
pub fn initials_fit(initials: &[String], words: &[String], wording: &str) -> bool {
    let typed: Vec<String> = words.iter().map(|w| fold(w)).collect();
    let typed: Vec<&str> = typed.iter().flat_map(|w| w.split(' ')).collect();
    let all: Vec<&str> = wording.split(' ').filter(|w| !w.is_empty()).collect();
    if typed.is_empty() || all.len() < typed.len() || all[all.len() - typed.len()..] != typed {
        return false;
    }
    let given = &all[..all.len() - typed.len()];
    (1..=given.len() + 1).contains(&initials.len())
        && (!given.is_empty() || all.len() >= 2)
        && initials
            .iter()
            .zip(given)
            .all(|(i, g)| !i.is_empty() && g.starts_with(i.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_split_off() {
        let t = strip_titles;
        assert_eq!(
            t("President Tokayev"),
            Some(("President".into(), "Tokayev".into()))
        );
        assert_eq!(
            t("ex-president Nazarbayev"),
            Some(("ex-president".into(), "Nazarbayev".into()))
        );
        assert_eq!(
            t("the former Prime Minister Karim Masimov"),
            Some(("the former Prime Minister".into(), "Karim Masimov".into()))
        );
        assert_eq!(
            t("Президент Токаев").map(|x| x.1),
            Some("Токаев".to_string())
        );
        assert_eq!(t("President"), None);
        assert_eq!(t("Karim Masimov"), None);
        assert_eq!(t("former Masimov"), None);
    }

    #[test]
    fn remarks_are_split_off() {
        let r = split_remark("Almaty (former capital)").unwrap();
        assert_eq!(
            (r.core.as_str(), r.remark.as_str()),
            ("Almaty", "former capital")
        );
        let r = split_remark("Almaty - the former capital").unwrap();
        assert_eq!(r.core, "Almaty");
        let r = split_remark("Nazarbaev, Nursultan").unwrap();
        assert_eq!(
            (r.core.as_str(), r.remark.as_str()),
            ("Nazarbaev", "Nursultan")
        );
        assert_eq!(split_remark("Nur-Sultan"), None);
        assert_eq!(split_remark("(Almaty)"), None);
    }

    #[test]
    fn surname_first() {
        assert_eq!(
            comma_swapped("Nazarbaev, Nursultan").as_deref(),
            Some("Nursultan Nazarbaev")
        );
        assert_eq!(comma_swapped("Almaty, 5 January"), None);
        assert_eq!(
            surname_last("Tokayev Kassym-Jomart").as_deref(),
            Some("Kassym-Jomart Tokayev")
        );
        assert_eq!(surname_last("Tokayev"), None);
    }

    #[test]
    fn patronymics() {
        assert_eq!(
            without_patronymics("Nursultan Abishevich Nazarbayev"),
            Some((
                "Nursultan Nazarbayev".to_string(),
                vec!["Abishevich".to_string()]
            ))
        );
        assert!(is_patronymic(&fold("Aidarkhanovich")));
        assert!(is_patronymic(&fold("Абишевич")));
        assert!(is_patronymic(&fold("Abishuly")));
        assert!(!is_patronymic(&fold("Nazarbayev")));
        assert_eq!(without_patronymics("Abishevich"), None);
    }

    #[test]
    fn initials_are_read_and_fitted() {
        let (i, w) = initials("N. Nazarbayev").unwrap();
        assert_eq!(
            (i.clone(), w.clone()),
            (vec!["n".into()], vec!["Nazarbayev".into()])
        );
        assert!(initials_fit(&i, &w, "nursultan nazarbaev"));
        assert!(!initials_fit(&i, &w, "bolat nazarbaev"));
        assert!(!initials_fit(&i, &w, "nazarbaev"));
        let (i, w) = initials("K.-Zh. Tokayev").unwrap();
        assert_eq!(i, vec!["k".to_string(), "j".to_string()]);
        assert!(initials_fit(&i, &w, "kasim jomart tokaev"));
        let (i, w) = initials("К.-Ж. Токаев").unwrap();
        assert!(initials_fit(&i, &w, "kasim jomart tokaev"));
        let (i, w) = initials("Nazarbayev N.A.").unwrap();
        assert!(initials_fit(&i, &w, "nursultan nazarbaev"));
        let (i, w) = initials("Nursultan A. Nazarbayev").unwrap();
        assert!(initials_fit(&i, &w, "nursultan nazarbaev"));
        assert_eq!(initials("Nursultan Nazarbayev"), None);
        assert_eq!(initials("N."), None);
        assert_eq!(initials("Mr. Masimov"), None);
    }
}
