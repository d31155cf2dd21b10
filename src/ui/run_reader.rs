//! Running the commands of articles and the reading view, once a frame is drawn: an article
//! opened is copied into the data folder through the collection and its source offered in
//! the editor; the reading view opens at a card's evidence or a source of the deck in the
//! editor; a card drafted there goes to the editor; a passage's card opens.

use std::path::Path;

use super::app::App;
use super::command::Command;
use super::reader::open::{deck_dir, open, opened};
use super::reader::{DraftedCard, Opened, Origin};
use super::screen::Screen;
use super::status::Message;
use crate::article::facts::find_facts;
use crate::article::{Article, ArticleFormat};
use crate::deck::validate::ARTICLE_EXTENSIONS;
use crate::schedule::queue::Slot;
use crate::study::articles::{ArticleInput, Reading};

/// Whether a file dropped on the window is an article (by its extension).
pub fn is_article(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// A made-up article and a deck made from it, for `--screenshot --screen article`.
const SAMPLE_ARTICLE: &str = include_str!("../../assets/sample/velmora-ice.md");
const SAMPLE_DECK: &str = include_str!("../../assets/sample/velmora.ron");

impl App {
    /// Runs a command of articles and the reading view.
    pub(super) fn run_reader(&mut self, command: Command) {
        match command {
            Command::AddArticle(input) => self.add_article(&input),
            Command::ReadEvidence(slot, nth) => self.read_evidence(slot, nth),
            Command::ReadDraftSource { source, locator } => {
                self.read_draft_source(&source, locator.as_deref())
            }
            Command::DraftCard(d) => self.drafted_card(*d),
            Command::OpenBackedCard { origin, card } => self.open_backed(origin, &card),
            Command::CloseReader => {
                let back = match self.reader.back {
                    Some(Screen::Review) if self.review.session().is_none() => Screen::Home,
                    Some(s) => s,
                    None => Screen::Home,
                };
                self.screen = back;
            }
            _ => {}
        }
    }

    fn add_article(&mut self, input: &ArticleInput) {
        let Ok(coll) = &mut self.coll else { return };
        match coll.add_article(input) {
            Ok(added) => {
                self.editor.offer_source(&added);
                self.open(Screen::Editor);
                self.status.set(Message::info(format!(
                    "Copied {} ({} words) into {}: check the source read from it, then add it.",
                    added.file,
                    added.words,
                    added
                        .path
                        .parent()
                        .map_or(String::new(), |p| p.display().to_string())
                )));
            }
            Err(e) => self
                .status
                .set(Message::error(format!("The article was not opened: {e}"))),
        }
    }

    /// Shows the reading view of `opened`, coming from the screen on show.
    fn show_reader(&mut self, result: Result<(Opened, Option<Message>), Message>) {
        match result {
            Ok((opened, note)) => {
                let back = if self.screen == Screen::Article {
                    self.reader.back.unwrap_or(Screen::Home)
                } else {
                    self.screen
                };
                self.reader.open(opened, back);
                self.screen = Screen::Article;
                match note {
                    Some(m) => self.status.set(m),
                    None => self.status.clear(),
                }
            }
            Err(m) => self.status.set(m),
        }
    }

    fn read_evidence(&mut self, slot: Slot, nth: usize) {
        let Ok(coll) = &self.coll else { return };
        let Some(d) = coll.deck(slot) else { return };
        let card = match coll.card(slot) {
            Ok(card) => card,
            Err(e) => return self.status.set(Message::error(e.to_string())),
        };
        let Some(e) = card.evidence.get(nth) else {
            return;
        };
        let deck = match d.deck.whole() {
            Ok(deck) => deck,
            Err(err) => {
                let m = Message::error(format!("The cards of {} cannot be read: {err}", d.file));
                return self.status.set(m);
            }
        };
        let origin = Origin::Library {
            deck: slot.deck,
            id: deck.id.clone(),
        };
        let dir = deck_dir(&d.origin);
        let result = open(
            coll,
            origin,
            &deck,
            dir.as_deref(),
            &e.source,
            Some(&e.locator),
        );
        self.show_reader(result);
    }

    fn read_draft_source(&mut self, source: &str, locator: Option<&str>) {
        let (Ok(coll), Some(draft)) = (&self.coll, self.editor.draft()) else {
            return;
        };
        let (deck, _) = draft.build();
        let dir = draft
            .file
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf);
        let result = open(coll, Origin::Editor, &deck, dir.as_deref(), source, locator);
        self.show_reader(result);
    }

    /// A card drafted in the reading view goes to the deck it is of, in the editor (a deck
    /// of the library is opened there first, a built-in one as a copy).
    fn drafted_card(&mut self, d: DraftedCard) {
        if let Origin::Library { deck, id } = &d.origin {
            let open_here = self
                .editor
                .draft()
                .is_some_and(|e| e.editing.as_deref() == Some(id.as_str()));
            if !open_here {
                if self.editor.dirty() {
                    let m = format!(
                        "Save or close the deck open in the editor first; then make the card for {id}."
                    );
                    return self.status.set(Message::warn(m));
                }
                let Some(loaded) = self
                    .coll
                    .as_ref()
                    .ok()
                    .and_then(|c| c.library().decks.get(*deck))
                else {
                    return;
                };
                if let Err(e) = self.editor.open_deck(loaded, !loaded.origin.is_builtin()) {
                    return self.status.set(Message::error(e));
                }
            }
        }
        self.editor.add_drafted(&d.draft);
        self.open(Screen::Editor);
    }

    fn open_backed(&mut self, origin: Origin, card: &str) {
        match origin {
            Origin::Editor => {
                self.editor.select_id(card);
                self.open(Screen::Editor);
            }
            Origin::Library { id, .. } => {
                let slot = self.coll.as_ref().ok().and_then(|c| c.find(&id, card));
                if let Some(slot) = slot {
                    self.edit_card(slot);
                }
            }
        }
    }

    /// The reading view of the sample article, opened from its deck in the editor, a fact
    /// selected: what `--screenshot FILE --screen article` shows.
    pub(super) fn show_sample_article(&mut self) {
        let Ok(coll) = &self.coll else { return };
        let deck = match crate::deck::parse_deck(SAMPLE_DECK, "assets/sample/velmora.ron") {
            Ok(deck) => deck,
            Err(e) => return self.status.set(Message::error(e.to_string())),
        };
        let name = "velmora-ice.md";
        let path = Path::new(name);
        let Ok(article) = Article::from_bytes(path, ArticleFormat::Text, SAMPLE_ARTICLE.into())
        else {
            return;
        };
        let book = match super::reader::open::name_book(coll, &deck) {
            Ok(book) => book,
            Err(m) => return self.status.set(m),
        };
        let facts = find_facts(&article.text, &book);
        let reading = Reading { article, facts };
        let locator = deck
            .cards
            .first()
            .and_then(|c| c.evidence.first())
            .map(|e| e.locator.to_string());
        let (opened, _) = opened(
            Origin::Editor,
            &deck,
            "ledger-ice",
            name,
            reading,
            locator.as_deref(),
        );
        self.editor
            .open_draft(crate::deck::draft::DeckDraft::of(&deck), true);
        self.reader.open(opened, Screen::Editor);
        self.reader.select_fact_at_word("2,500");
        self.screen = Screen::Article;
    }
}
