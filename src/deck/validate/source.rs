//! The rules of a deck's source: a title, texts within their limits, and a `text:` file name
//! that can only name a file inside the folders searched for articles.

use super::super::model::{DateKnown, Source};
use super::{MAX_ANSWER_CHARS, MAX_TEXT_CHARS, text_problem};

/// The extensions an article's text file may have: plain text, markdown, HTML.
pub const ARTICLE_EXTENSIONS: [&str; 4] = ["txt", "md", "html", "htm"];

/// The problems of one source (its id's uniqueness is checked by the caller), as messages.
pub(super) fn source_problems(s: &Source) -> Vec<String> {
    let mut out = Vec::new();
    if s.title.trim().is_empty() {
        out.push(format!("source \"{}\" has no title", s.id));
    }
    let inferred = match &s.date_known {
        DateKnown::Inferred(how) => how.as_str(),
        DateKnown::Printed | DateKnown::Unknown => "",
    };
    let url = s.url.as_deref().unwrap_or("");
    for (what, text) in [
        ("source's title", s.title.as_str()),
        ("source's outlet", s.outlet.as_str()),
        ("source's author", s.author.as_str()),
        ("source's url", url),
        ("source's inferred date", inferred),
    ] {
        out.extend(text_problem(what, text, MAX_TEXT_CHARS));
    }
    if let Some(name) = &s.text {
        out.extend(
            text_problem("source's text file", name, MAX_ANSWER_CHARS)
                .or_else(|| article_file_problem(name)),
        );
    }
    out
}

/// What is wrong with a source's `text:` file name, if anything: it must be a plain file name
/// or a relative path (folders separated by `/`), with no `..`, not absolute, ending in
/// `.txt`, `.md`, `.html` or `.htm`. So a deck can never make the app read a file outside
/// the folders searched for articles.
pub fn article_file_problem(name: &str) -> Option<String> {
    let bad = |why: &str| Some(format!("the source's text file \"{name}\" {why}"));
    if name.trim().is_empty() {
        return Some("the source's text file name is empty".into());
    }
    if name.trim() != name {
        return bad("has spaces around it");
    }
    if name.contains('\\') {
        return bad("holds a backslash: separate folders with '/'");
    }
    let drive = name.as_bytes().get(1) == Some(&b':');
    if name.starts_with('/') || name.starts_with('~') || drive {
        return bad("is an absolute path: give a file name or a path relative to the deck");
    }
    for part in name.split('/') {
        match part {
            ".." => return bad("goes up a folder (..): give a path inside the articles' folder"),
            "" | "." => return bad("has an empty folder name: write it as dir/file.txt"),
            _ => {}
        }
    }
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .filter(|e| !e.contains('/'))
        .unwrap_or_default();
    if !ARTICLE_EXTENSIONS.contains(&ext.as_str()) {
        return bad("must end in .txt, .md, .html or .htm");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_names_and_relative_paths_pass() {
        for ok in [
            "000_3ee86deb81df295b.txt",
            "notes.md",
            "page.HTML",
            "2022/january/piece.htm",
            "a file with spaces.txt",
        ] {
            assert_eq!(article_file_problem(ok), None, "{ok}");
        }
    }

    #[test]
    fn escapes_and_other_files_are_refused() {
        for (bad, why) in [
            ("", "empty"),
            ("/etc/passwd.txt", "absolute"),
            ("~/a.txt", "absolute"),
            ("C:/articles/a.txt", "absolute"),
            ("../secret.txt", ".."),
            ("a/../../b.txt", ".."),
            ("a\\b.txt", "backslash"),
            ("a//b.txt", "empty folder"),
            ("./a.txt", "empty folder"),
            ("article.pdf", ".txt, .md"),
            ("article", ".txt, .md"),
            ("dir.txt/article", ".txt, .md"),
            (" a.txt", "spaces"),
        ] {
            let m = article_file_problem(bad).unwrap_or_else(|| panic!("{bad:?} passed"));
            assert!(m.contains(why), "{bad:?}: {m}");
        }
    }
}
