//! Where the article a source names (`text: "FILE"`) is found: beside the deck file, then in
//! `<data dir>/articles/`, then in each `--articles DIR`, in that order ([`locate`], for the
//! reading view too); `check`'s shelf reads each article once however many decks cite it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use super::file::{Article, ArticleError};

/// The folders searched for articles after the deck's own, and the articles read so far.
#[derive(Debug, Default)]
pub struct Shelf {
    dirs: Vec<PathBuf>,
    read: HashMap<PathBuf, Rc<Result<Article, ArticleError>>>,
}

/// What looking for a source's text found.
#[derive(Debug, Clone)]
pub enum Found {
    /// The article, read (or why it could not be).
    Article(Rc<Result<Article, ArticleError>>),
    /// No such file in any of these folders.
    Missing(Vec<PathBuf>),
}

impl Shelf {
    /// A shelf searching `dirs` (after each deck's own folder), in order.
    pub fn new(dirs: Vec<PathBuf>) -> Shelf {
        Shelf {
            dirs,
            read: HashMap::new(),
        }
    }

    /// The article `name` for a deck in `deck_dir` (none for a deck built into the program).
    pub fn find(&mut self, name: &str, deck_dir: Option<&Path>) -> Found {
        let path = match locate(name, deck_dir, &self.dirs) {
            Ok(path) => path,
            Err(folders) => return Found::Missing(folders),
        };
        let key = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
        let article = self
            .read
            .entry(key)
            .or_insert_with(|| Rc::new(Article::read(&path)));
        Found::Article(Rc::clone(article))
    }
}

/// The file `name` of a deck in `deck_dir` (none for a deck built into the program): the first
/// of the deck's folder and `dirs` that holds it, or every folder searched.
pub fn locate(
    name: &str,
    deck_dir: Option<&Path>,
    dirs: &[PathBuf],
) -> Result<PathBuf, Vec<PathBuf>> {
    let folders: Vec<PathBuf> = deck_dir
        .map(Path::to_path_buf)
        .into_iter()
        .chain(dirs.iter().cloned())
        .collect();
    folders
        .iter()
        .map(|d| d.join(name))
        .find(|p| p.is_file())
        .ok_or(folders)
}
