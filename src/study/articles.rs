//! The articles the app knows: opening one (a file or pasted text) copies it into
//! `<data dir>/articles/` and reads what it says about itself, for a new source the user
//! confirms; reading one for the reading view finds it as `check` does (beside the deck file,
//! then in `<data dir>/articles/`) and marks its candidate facts, names looked up in the
//! library's quiz index.

use std::path::{Path, PathBuf};

use super::Collection;
use super::error::{StudyError, StudyResult};
use crate::article::facts::{Fact, NameBook, find_facts};
use crate::article::meta::{SourceMeta, read_meta};
use crate::article::shelf::locate;
use crate::article::{Article, ArticleError, ArticleFormat, MAX_ARTICLE_BYTES, read_bytes};
use crate::deck::csv::slug;
use crate::deck::save::write_atomic;
use crate::deck::validate::ARTICLE_EXTENSIONS;

/// What the user opened as an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArticleInput {
    /// A file (picked, dropped or typed).
    File(PathBuf),
    /// Text pasted into the app.
    Pasted(String),
}

/// An article copied into the data folder, and what it says about itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddedArticle {
    /// Its file name in `<data dir>/articles/`: what a source's `text:` names.
    pub file: String,
    pub path: PathBuf,
    pub meta: SourceMeta,
    /// Its words, as a reader sees them.
    pub words: usize,
}

/// An article read for the reading view, with its candidate facts.
#[derive(Debug)]
pub struct Reading {
    pub article: Article,
    pub facts: Vec<Fact>,
}

/// The folder of the articles the user opened, inside a data folder.
pub fn articles_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("articles")
}

/// A file name for the articles folder: letters, digits, '-', '_' and '.', other characters
/// made '-', the extension lowercased; `None` when the extension is not an article's.
fn file_name_for(path: &Path) -> Option<String> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    if !ARTICLE_EXTENSIONS.contains(&ext.as_str()) {
        return None;
    }
    let stem = path.file_stem()?.to_string_lossy();
    let clean: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let clean = clean.trim_matches('-');
    let stem = if clean.is_empty() { "article" } else { clean };
    Some(format!("{}.{ext}", &stem[..stem.len().min(80)]))
}

/// A name in `dir` for `bytes`: `name` itself when it is free or already holds these bytes,
/// else `name` with "-2", "-3"... before its extension.
fn free_name(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, "txt"));
    (1..)
        .map(|n| {
            if n == 1 {
                name.to_string()
            } else {
                format!("{stem}-{n}.{ext}")
            }
        })
        .find(|candidate| match std::fs::read(dir.join(candidate)) {
            Ok(existing) => existing == bytes,
            Err(_) => true,
        })
        .unwrap_or_else(|| name.to_string())
}

impl Collection {
    /// `<data dir>/articles/`, when there is a data folder.
    pub fn articles_dir(&self) -> Option<PathBuf> {
        self.data_dir().map(articles_dir)
    }

    /// Copies an article into `<data dir>/articles/` (a file already there with the same text
    /// is used again) and reads its title, outlet, author, date and link. An article over
    /// 5 MB, or not text, is refused with the reason; nothing is written then.
    pub fn add_article(&mut self, input: &ArticleInput) -> StudyResult<AddedArticle> {
        self.writable()?;
        let dir = self.articles_dir().ok_or_else(|| {
            StudyError::Deck("there is no data folder to keep articles in".into())
        })?;
        let (name, format, bytes) = match input {
            ArticleInput::File(path) => {
                let name = file_name_for(path).ok_or_else(|| {
                    StudyError::Deck(format!(
                        "{} is not an article: open a .txt, .md or .html file",
                        path.display()
                    ))
                })?;
                (name, ArticleFormat::of(path), read_bytes(path)?)
            }
            ArticleInput::Pasted(text) => {
                if text.len() > MAX_ARTICLE_BYTES {
                    let path = "the pasted text".to_string();
                    let size = text.len() as u64;
                    return Err(ArticleError::TooBig { path, size }.into());
                }
                let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
                let name: String = slug(first).chars().take(60).collect();
                let name = name.trim_end_matches('-');
                let name = if first.trim().is_empty() || name.is_empty() {
                    "pasted-article"
                } else {
                    name
                };
                (
                    format!("{name}.txt"),
                    ArticleFormat::Text,
                    text.clone().into_bytes(),
                )
            }
        };
        let shown = Path::new(&name);
        let article = Article::from_bytes(shown, format, bytes.clone())?;
        if article.words.is_empty() {
            return Err(StudyError::Deck(format!("{name} holds no words to read")));
        }
        let raw = String::from_utf8_lossy(&bytes);
        let meta = read_meta(raw.trim_start_matches('\u{feff}'), format, &article.text);
        std::fs::create_dir_all(&dir)?;
        let file = free_name(&dir, &name, &bytes);
        let path = dir.join(&file);
        if !path.exists() {
            write_atomic(&path, &String::from_utf8_lossy(&bytes))?;
        }
        Ok(AddedArticle {
            file,
            path,
            meta,
            words: article.words.len(),
        })
    }

    /// Where the article `name` of a deck in `deck_dir` is: beside the deck, then in
    /// `<data dir>/articles/`; or every folder looked in.
    pub fn find_article(
        &self,
        name: &str,
        deck_dir: Option<&Path>,
    ) -> Result<PathBuf, Vec<PathBuf>> {
        let dirs: Vec<PathBuf> = self.articles_dir().into_iter().collect();
        locate(name, deck_dir, &dirs)
    }

    /// The names the library knows (persons and places, every spelling), to mark in articles;
    /// an error when the library's cards cannot be read to know them.
    pub fn name_book(&self) -> StudyResult<NameBook> {
        Ok(NameBook::from_index(self.index()?))
    }

    /// Reads the article at `path` and finds its candidate facts, names looked up in `book`.
    pub fn read_article(&self, path: &Path, book: &NameBook) -> StudyResult<Reading> {
        let article = Article::read(path)?;
        let facts = find_facts(&article.text, book);
        Ok(Reading { article, facts })
    }
}
