//! Whether a prompt drafted from an article has been rewritten: the drafting line gone, and
//! no run of [`COPIED_WORDS`] words of the article's sentence left in it.

use super::REWRITE_LINE;

/// What is wrong with a card's prompt that was drafted from an article, if anything: the
/// drafting line is still there, or it still repeats a run of the article's sentence.
pub fn prompt_problem(prompt: &str, sentence: Option<&str>) -> Option<String> {
    if prompt.contains(REWRITE_LINE) {
        return Some(
            "the prompt was drafted from the article: rewrite it in your own words and delete \
             its last line"
                .into(),
        );
    }
    let sentence = sentence?;
    let run = copied_run(prompt, sentence)?;
    Some(format!(
        "the prompt repeats the article's words \"{run}\": rewrite it in your own words"
    ))
}

/// The longest run of at least [`COPIED_WORDS`] words that `prompt` shares with `sentence`,
/// compared folded.
fn copied_run(prompt: &str, sentence: &str) -> Option<String> {
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (p, s) = (words(prompt), words(sentence));
    let mut best: Option<(usize, usize)> = None;
    for i in 0..p.len() {
        for j in 0..s.len() {
            let n = p[i..]
                .iter()
                .zip(&s[j..])
                .take_while(|(a, b)| a == b)
                .count();
            if n >= COPIED_WORDS && best.is_none_or(|(_, m)| n > m) {
                best = Some((i, n));
            }
        }
    }
    best.map(|(i, n)| p[i..i + n].join(" "))
}

/// How many words in a row a prompt may share with the article's sentence.
pub const COPIED_WORDS: usize = 6;
