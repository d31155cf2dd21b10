//! Checking a typed name or phrase the ways people write one. As written first; then read
//! with its title left out ("President Tokayev"), a remark set aside ("Almaty (former
//! capital)"), the surname first ("Nazarbaev, Nursultan", "Nazarbayev Nursultan"), the
//! patronymic left out ("Nursultan Abishevich Nazarbayev"), or as initials ("N. Nazarbayev");
//! the reading says each step. A reading is taken exactly before any is taken with a typo.

use super::remark::{RemarkVerdict, judge_remark};
use super::words::Wordings;
use crate::deck::Text;
use crate::quiz::index::QuizIndex;
use crate::quiz::outcome::{Match, Outcome};
use crate::text::fold::{distance, fold, words};
use crate::text::names;

/// Checks a typed name (`person` true) or phrase against the card's accepted wordings.
pub fn check_text(ix: &QuizIndex, variants: &[Text], person: bool, given: &str) -> Outcome {
    let w = Wordings::new(ix, variants, person);
    let as_written = w.exact(ix, given);
    if let Some(o) = &as_written
        && (o.correct || fold(given).is_empty())
    {
        return o.clone();
    }
    let readings = readings(given, person);
    let mut refused: Option<Outcome> = None;
    for r in &readings {
        if let Some(o) = w.exact(ix, &r.text).filter(|o| o.correct) {
            match r.finish(ix, &w, o) {
                o if o.correct => return o,
                o => refused = refused.or(Some(o)),
            }
        }
    }
    if person {
        let texts = std::iter::once(given).chain(readings.iter().map(|r| r.text.as_str()));
        for (i, text) in texts.enumerate() {
            let Some(o) = by_initials(ix, &w, text) else {
                continue;
            };
            let o = match i.checked_sub(1).and_then(|i| readings.get(i)) {
                Some(r) if o.correct => r.finish(ix, &w, o),
                _ => o,
            };
            if o.correct {
                return o;
            }
            refused = refused.or(Some(o));
        }
    }
    if let Some(o) = refused.or(as_written) {
        return o;
    }
    let typo = w.typo(ix, given);
    if typo.correct {
        return typo;
    }
    for r in &readings {
        let o = w.typo(ix, &r.text);
        if o.correct {
            return r.finish(ix, &w, o);
        }
    }
    typo
}

/// A way of reading the typed text: the text so read, the steps taken (as the outcome tells
/// them), a remark set aside, and patronymics left out.
#[derive(Debug, Clone, Default)]
struct Reading {
    text: String,
    steps: Vec<String>,
    remark: Option<String>,
    patronymics: Vec<String>,
}

impl Reading {
    fn then(&self, text: String, step: String) -> Reading {
        let mut r = self.clone();
        r.text = text;
        r.steps.push(step);
        r
    }

    /// A right outcome of this reading, with its steps told; refused when the remark or the
    /// patronymic left out contradicts the answer, unsure when the remark may.
    fn finish(&self, ix: &QuizIndex, w: &Wordings, o: Outcome) -> Outcome {
        let o = o.read_after(&self.steps);
        if let Some(why) = self.wrong_patronymic(w) {
            return Outcome::wrong(format!("{}; {why}", self.steps.join("; ")), o.expected);
        }
        match self
            .remark
            .as_deref()
            .map(|r| judge_remark(ix, &w.own_keys, r))
        {
            Some(RemarkVerdict::Contradicts(why)) => {
                Outcome::wrong(format!("{}; {why}", self.steps.join("; ")), o.expected)
            }
            Some(RemarkVerdict::Unsure(why)) => o.unsure(why),
            Some(RemarkVerdict::Fine) | None => o,
        }
    }

    /// A patronymic left out that is not the one the card knows for the person.
    fn wrong_patronymic(&self, w: &Wordings) -> Option<String> {
        let known: Vec<&str> = w
            .own_keys
            .iter()
            .flat_map(|k| words(k))
            .filter(|x| names::is_patronymic(x))
            .collect();
        self.patronymics.iter().find_map(|p| {
            let typed = fold(p);
            let fits = known.is_empty() || known.iter().any(|k| distance(k, &typed) <= 1);
            (!fits).then(|| format!("the patronymic \"{p}\" is not the one the card knows"))
        })
    }
}

/// The texts a typed answer is read as besides as written (without a title or a remark, with
/// the surname put last, ...), as [`check_text`] reads it: the feedback note looks for other
/// cards' answers under the same readings.
pub fn reading_texts(given: &str, person: bool) -> Vec<String> {
    readings(given, person)
        .into_iter()
        .map(|r| r.text)
        .collect()
}

/// The readings of a typed text other than as written, fewest steps first.
fn readings(given: &str, person: bool) -> Vec<Reading> {
    type Step = fn(&Reading) -> Option<Reading>;
    let steps: &[Step] = if person {
        &[title, comma, remark, patronymic, rotation]
    } else {
        &[remark]
    };
    let mut all = vec![Reading {
        text: given.to_string(),
        ..Reading::default()
    }];
    for step in steps {
        let more: Vec<Reading> = all.iter().filter_map(step).collect();
        all.extend(more);
    }
    all.remove(0);
    all.sort_by_key(|r| r.steps.len());
    let mut seen: Vec<String> = vec![crate::text::fold::normalize(given)];
    all.retain(|r| {
        let key = crate::text::fold::normalize(&r.text);
        !seen.contains(&key) && {
            seen.push(key);
            true
        }
    });
    all
}

fn remark(r: &Reading) -> Option<Reading> {
    let split = names::split_remark(&r.text)?;
    let mut out = r.then(
        split.core,
        format!("ignored the remark \"{}\"", split.remark),
    );
    out.remark = Some(split.remark);
    Some(out)
}

fn title(r: &Reading) -> Option<Reading> {
    let (title, rest) = names::strip_titles(&r.text)?;
    Some(r.then(rest, format!("ignored the title \"{title}\"")))
}

fn comma(r: &Reading) -> Option<Reading> {
    let swapped = names::comma_swapped(&r.text)?;
    Some(r.then(swapped, "read the name surname-first".into()))
}

fn patronymic(r: &Reading) -> Option<Reading> {
    let (rest, dropped) = names::without_patronymics(&r.text)?;
    let told = dropped.join(" ");
    let mut out = r.then(rest, format!("ignored the patronymic \"{told}\""));
    out.patronymics.extend(dropped);
    Some(out)
}

fn rotation(r: &Reading) -> Option<Reading> {
    let rotated = names::surname_last(&r.text)?;
    Some(r.then(rotated, "read the name surname-first".into()))
}

/// A name written with initials ("N. Nazarbayev", "K.-Zh. Tokayev"): right, as exact, when the
/// initials fit one of the person's spellings and no other person's; wrong, and said why, when
/// they fit another's too or none of this person's ("B. Nazarbayev" is not Nursultan); none
/// when the text holds no initials or the card knows no given name to fit them to.
fn by_initials(ix: &QuizIndex, w: &Wordings, text: &str) -> Option<Outcome> {
    let (initials, typed) = names::initials(text)?;
    if !w.own_keys.iter().any(|k| words(k).count() >= 2) {
        return None;
    }
    let Some(fit) = w
        .own_keys
        .iter()
        .find(|k| names::initials_fit(&initials, &typed, k))
    else {
        return Some(Outcome::wrong(
            format!(
                "the initials in \"{text}\" fit none of the names of \"{}\"",
                w.expected
            ),
            w.expected.clone(),
        ));
    };
    let shown = w
        .variants
        .iter()
        .find(|v| fold(v) == **fit)
        .map_or_else(|| w.expected.clone(), Text::to_string);
    let surname = fold(typed.last()?);
    let last = words(&surname).last()?;
    if let Some(other) = ix.other_person_fitting(last, &w.own_keys, |k| {
        names::initials_fit(&initials, &typed, k)
    }) {
        return Some(Outcome::wrong(
            format!("\"{text}\" fits \"{shown}\" and \"{other}\" alike: give the name"),
            w.expected.clone(),
        ));
    }
    Some(Outcome::right(
        Match::Initials(shown.clone()),
        format!("\"{text}\": the initials fit \"{shown}\" and no one else here"),
        w.expected.clone(),
    ))
}
