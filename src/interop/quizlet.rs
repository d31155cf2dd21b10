//! Quizlet's export and any other two-column text without a header row: a term and its
//! definition per row. Quizlet lets the user pick what goes between term and definition (tab,
//! comma, or their own text) and between rows (a new line, a semicolon, or their own text), so
//! both are found from the text: the pair that splits every row in two wins. The user says
//! which column is the prompt.

use std::sync::Arc;

use super::note::{Note, NoteKind};

/// What separates a term from its definition, and one row from the next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Separators {
    pub field: String,
    pub row: String,
}

impl Separators {
    /// The separators in words, for the preview.
    pub fn describe(&self) -> String {
        let name = |s: &str| match s {
            "\t" => "tab".to_string(),
            "\n" => "new line".to_string(),
            "," => "comma".to_string(),
            ";" => "semicolon".to_string(),
            other => format!("\"{other}\""),
        };
        format!(
            "{} between term and definition, {} between rows",
            name(&self.field),
            name(&self.row)
        )
    }
}

/// Which column holds the prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Columns {
    /// Term, then definition: the term is asked (Quizlet's default).
    #[default]
    PromptAnswer,
    /// The definition is asked, the term is the answer.
    AnswerPrompt,
}

impl std::str::FromStr for Columns {
    type Err = String;
    fn from_str(s: &str) -> Result<Columns, String> {
        match s.replace(' ', "").to_lowercase().as_str() {
            "prompt,answer" => Ok(Columns::PromptAnswer),
            "answer,prompt" => Ok(Columns::AnswerPrompt),
            _ => Err(format!(
                "--columns is \"prompt,answer\" or \"answer,prompt\", not \"{s}\""
            )),
        }
    }
}

/// Candidates, most telling first: Quizlet's own choices and the usual custom ones.
const FIELD: [&str; 6] = ["\t", " - ", " – ", ";", ",", ":"];
const ROW: [&str; 3] = ["\n", "\n\n", ";"];

/// The rows of a text split by `row`, trimmed, without empty ones.
fn rows<'a>(text: &'a str, row: &'a str) -> impl Iterator<Item = &'a str> {
    text.split(row)
        .map(|r| r.trim_matches(['\r', '\n', ' ']))
        .filter(|r| !r.is_empty())
}

/// The separators that split every row of the text in two (most rows, then fewest rows with
/// the field separator more than once): Quizlet's own and the usual ones first, then the
/// runs of symbols the text holds (a custom separator such as "|||" or "@@"); `None` when no
/// pair does.
pub fn detect(text: &str) -> Option<Separators> {
    best_pair(text, &ROW, &FIELD).or_else(|| {
        let custom = symbol_runs(text);
        let custom: Vec<&str> = custom.iter().map(String::as_str).collect();
        let rows: Vec<&str> = ROW.iter().copied().chain(custom.iter().copied()).collect();
        best_pair(text, &rows, &custom)
    })
}

/// The longest runs of symbols a custom separator is made of, at most this many, the most
/// frequent first.
const MAX_CUSTOM: usize = 12;

/// The distinct runs of symbols in the text (no letters, digits, spaces, brackets, quotes or
/// sentence punctuation alone), the most frequent first.
fn symbol_runs(text: &str) -> Vec<String> {
    let sentence = |c: char| "()[]{}\"'.?!".contains(c);
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for run in text.split(|c: char| c.is_alphanumeric() || c.is_whitespace()) {
        if !run.is_empty() && run.chars().count() <= 8 && !run.chars().all(sentence) {
            *counts.entry(run).or_default() += 1;
        }
    }
    let mut runs: Vec<(&str, usize)> = counts.into_iter().collect();
    runs.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    runs.into_iter()
        .take(MAX_CUSTOM)
        .map(|(r, _)| r.to_string())
        .collect()
}

/// The pair of `rows` and `fields` separators that splits every row in two, as [`detect`]
/// ranks them.
fn best_pair(text: &str, rows_at: &[&str], fields: &[&str]) -> Option<Separators> {
    let mut best: Option<((usize, usize, usize), Separators)> = None;
    for &row in rows_at {
        for &field in fields {
            if field == row || row.contains(field) {
                continue;
            }
            let (mut n, mut split, mut extra) = (0, 0, 0);
            for r in rows(text, row) {
                n += 1;
                let k = r.matches(field).count();
                split += usize::from(k >= 1);
                extra += usize::from(k > 1);
            }
            if n == 0 || split < n {
                continue;
            }
            let score = (n, usize::MAX - extra, usize::MAX - field.len());
            if best.as_ref().is_none_or(|(s, _)| score > *s) {
                best = Some((
                    score,
                    Separators {
                        field: field.to_string(),
                        row: row.to_string(),
                    },
                ));
            }
        }
    }
    best.map(|(_, s)| s)
}

/// The rows as (row number, first column, second column): split at the first separator, so a
/// definition may hold the separator itself. A row without one is reported.
pub fn split_rows(text: &str, seps: &Separators) -> (Vec<(usize, String, String)>, Vec<usize>) {
    let mut good = Vec::new();
    let mut bad = Vec::new();
    for (i, r) in rows(text.trim_start_matches('\u{feff}'), &seps.row).enumerate() {
        match r.split_once(seps.field.as_str()) {
            Some((a, b)) => good.push((i + 1, a.trim().to_string(), b.trim().to_string())),
            None => bad.push(i + 1),
        }
    }
    (good, bad)
}

/// The notes of a two-column text, each a Basic note asking the prompt column; the term
/// (prompt or not) names the note, so that a re-import updates it. Also "file: row N: why".
pub fn read_two_columns(
    text: &str,
    seps: &Separators,
    columns: Columns,
    file: &str,
    deck: &str,
) -> (Vec<Note>, Vec<String>) {
    let (good, bad) = split_rows(text, seps);
    let kind = Arc::new(NoteKind::Basic);
    let notes = good
        .into_iter()
        .map(|(row, term, definition)| {
            let guid = format!("two-columns:{term}");
            let fields = match columns {
                Columns::PromptAnswer => vec![term, definition],
                Columns::AnswerPrompt => vec![definition, term],
            };
            Note {
                guid,
                kind: Arc::clone(&kind),
                fields,
                html: false,
                tags: Vec::new(),
                deck: deck.to_string(),
                at: format!("{file}: row {row}"),
            }
        })
        .collect();
    let problems = bad
        .into_iter()
        .map(|row| {
            format!(
                "{file}: row {row}: no separator between a term and its definition (the file has {})",
                seps.describe()
            )
        })
        .collect();
    (notes, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seps(field: &str, row: &str) -> Option<Separators> {
        Some(Separators {
            field: field.into(),
            row: row.into(),
        })
    }

    #[test]
    fn finds_quizlet_separators() {
        assert_eq!(detect("a\tb\nc\td, e\n"), seps("\t", "\n"));
        assert_eq!(detect("a,b\nc,d\n"), seps(",", "\n"));
        assert_eq!(detect("a\tb;c\td;e\tf"), seps("\t", ";"));
        assert_eq!(
            detect("Astana - capital\nAlmaty - largest city\n"),
            seps(" - ", "\n")
        );
        assert_eq!(detect("one\ntwo\n"), None);
    }

    #[test]
    fn finds_custom_separators_when_the_usual_ones_do_not_split() {
        // Quizlet's "custom" boxes: any text between term and definition, and between rows.
        assert_eq!(
            detect("Astana|||capital city\nAlmaty|||largest city\n"),
            seps("|||", "\n")
        );
        assert_eq!(
            detect("Astana => capital@@Almaty => largest city@@"),
            seps("=>", "@@")
        );
        // Brackets, quotes and full stops alone are not taken for a separator.
        assert_eq!(detect("Astana (capital)\nAlmaty (city)\n"), None);
        // The usual separators still come first.
        assert_eq!(detect("a - b|c\nd - e|f\n"), seps(" - ", "\n"));
    }

    #[test]
    fn columns_can_be_swapped() {
        let s = detect("Astana\tcapital of Kazakhstan\n").unwrap();
        let (notes, bad) = read_two_columns(
            "Astana\tcapital of Kazakhstan\n",
            &s,
            Columns::AnswerPrompt,
            "q.txt",
            "q",
        );
        assert!(bad.is_empty());
        assert_eq!(notes[0].fields, vec!["capital of Kazakhstan", "Astana"]);
        assert_eq!(
            "answer, prompt".parse::<Columns>(),
            Ok(Columns::AnswerPrompt)
        );
    }
}
