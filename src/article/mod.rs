//! Articles: the texts that decks are made from. Reading one (`file`: `.txt`, `.md` or HTML
//! as a reader sees it, refused over 5 MB or when not text), finding it for a source
//! (`shelf`), looking a locator up in it (`folded`, `passage`), what its first lines and meta
//! tags say about it (`meta`), its candidate facts (`facts`: dates, figures with their units,
//! names), and a card drafted from a span of it (`draft`). `check` and the reading view share
//! these; nothing here draws.

pub mod draft;
pub mod facts;
mod file;
pub mod folded;
pub mod meta;
pub mod passage;
pub mod sentence;
pub mod shelf;

pub use file::{
    Article, ArticleError, ArticleFormat, HTML_BLOCKS, MAX_ARTICLE_BYTES, MAX_HTML_DEPTH,
    html_text, read_bytes,
};
pub use passage::{Lookup, excerpt, look_up};
