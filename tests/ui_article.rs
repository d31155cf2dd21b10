//! From an article to a deck, in the real app driven headless (egui_kittest): an article
//! dropped on the window is copied into the data folder and its source offered with the
//! fields read from it; the reading view marks its facts; a marked fact or a dragged span
//! becomes a card whose locator is the article's exact words (and `check` finds it there); the
//! drafted prompt must be rewritten before saving; the saved card is studied, and its evidence
//! opens the reading view at its passage. Without the article's text, the evidence says which
//! file to put where. The article is made up here; the seed articles are never used.

mod common;

use std::ops::Range;
use std::path::{Path, PathBuf};

use egui::{Key, Modifiers, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use factquiz::article::draft::REWRITE_LINE;
use factquiz::article::facts::FactKind;
use factquiz::deck::lint::{DeckInput, Rule, Shelf, lint_deck};
use factquiz::ui::{App, Command, Screen};

const ARTICLE: &str = "Thaw reaches the port of Kelvik\n\
    By Rhona Vance, The Coastal Courier\n\
    2 April 2024\n\n\
    The port of Kelvik reopened on 28 March 2024 after the ice broke up.\n\n\
    Harbour master Edda Brun said 1,400 containers had waited offshore for a week.\n\n\
    The town council met in Drossholm and voted to dredge the channel before winter.\n";

/// A file dropped on the window, as the window system hands it over.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn harness(data: &Path) -> Harness<'static, App> {
    let mut h = common::harness(data, [1200.0, 1000.0]);
    h.run();
    h
}

fn status(h: &Harness<'_, App>) -> String {
    h.state()
        .status()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

/// Writes the article outside the data folder and drops it on the window; confirms the
/// source read from it, which opens the reading view.
fn open_article(h: &mut Harness<'_, App>, folder: &Path) -> PathBuf {
    let path = folder.join("kelvik.txt");
    std::fs::write(&path, ARTICLE).unwrap();
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(path.clone())));
    h.run();
    assert_eq!(h.state().screen(), Screen::Editor);
    assert!(
        status(h).starts_with("Copied kelvik.txt (57 words)"),
        "{}",
        status(h)
    );
    // The source's fields, read from the article, for the user to check.
    for value in [
        "Thaw reaches the port of Kelvik",
        "Rhona Vance",
        "The Coastal Courier",
        "2024-04-02",
        "kelvik.txt",
    ] {
        assert!(
            h.query_all_by_value(value).next().is_some(),
            "no field holds {value}"
        );
    }
    h.get_by_label("[Enter]  Add this source and read the article")
        .click();
    h.run();
    assert_eq!(h.state().screen(), Screen::Article, "{}", status(h));
    path
}

/// A new data folder and the app over it, the article opened from another folder.
fn with_article() -> (tempfile::TempDir, Harness<'static, App>) {
    let data = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let mut h = harness(data.path());
    open_article(&mut h, elsewhere.path());
    (data, h)
}

/// The range of the first mark of `kind` whose words are `words`.
fn mark(h: &Harness<'_, App>, kind: FactKind, words: &str) -> Range<usize> {
    let r = h.state().reader();
    let text = r.text().unwrap();
    r.facts()
        .iter()
        .find(|f| f.kind == kind && &text[f.range.clone()] == words)
        .unwrap_or_else(|| panic!("{kind:?} \"{words}\" is not marked"))
        .range
        .clone()
}

fn range_of(h: &Harness<'_, App>, words: &str) -> Range<usize> {
    let at = h.state().reader().text().unwrap().find(words).unwrap();
    at..at + words.len()
}

/// Where a range of the text is on screen.
fn rect_of(h: &Harness<'_, App>, range: Range<usize>) -> egui::Rect {
    h.state()
        .reader()
        .range_rect(range)
        .expect("the passage is in view")
}

fn click_at(h: &mut Harness<'_, App>, pos: Pos2) {
    h.hover_at(pos);
    h.run();
    h.drag_at(pos);
    h.drop_at(pos);
    h.run();
}

/// Types `text` into the field labelled `label`, over what it held.
fn retype(h: &mut Harness<'_, App>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label(label).type_text(text);
    h.run();
}

/// Studies the deck at `deck` and answers its first question rightly, by the option's key
/// (a new card is asked as a choice), sure of it when asked; the card asked.
fn study_and_answer(h: &mut Harness<'_, App>, deck: usize) -> factquiz::schedule::queue::Slot {
    h.state_mut().run(Command::Study(vec![deck]));
    h.run();
    let cur = h.state().session().and_then(|s| s.current.clone());
    let cur = cur.expect("a question on screen");
    let right = cur.question.correct_choice.expect("a choice question");
    h.key_press([Key::Num1, Key::Num2, Key::Num3, Key::Num4][right]);
    h.run();
    common::say_how_sure(h, Key::Q);
    cur.slot
}

/// Clicks the evidence's "Read it in the article"; the reading view is open at `words`.
fn read_it_at(h: &mut Harness<'_, App>, words: &str) {
    h.get_by_label("[R]  Read it in the article").click();
    h.run();
    assert_opened_at(h, words);
}

/// The reading view is on show, opened at the passage `words`, highlighted and in view.
fn assert_opened_at(h: &Harness<'_, App>, words: &str) {
    assert_eq!(h.state().screen(), Screen::Article, "{}", status(h));
    let passage = range_of(h, words);
    assert_eq!(h.state().reader().target(), Some(passage.clone()));
    assert!(h.state().reader().range_rect(passage).is_some());
}

/// The only card of the deck in the editor: its kind, answer and evidence.
fn drafted(h: &Harness<'_, App>) -> (String, String, String, String) {
    let d = h.state().editor_draft().expect("a deck in the editor");
    let c = d.cards.last().expect("a card");
    (
        c.kind.clone(),
        c.answer.clone(),
        c.prompt.clone(),
        c.evidence.clone(),
    )
}

#[test]
fn open_an_article_mark_a_fact_save_the_card_and_study_it() {
    let (data, mut h) = with_article();
    let copied = data.path().join("articles/kelvik.txt");
    assert_eq!(std::fs::read_to_string(&copied).unwrap(), ARTICLE);

    // Mark: click the date; make a card of it.
    let date = mark(&h, FactKind::Date, "28 March 2024");
    let at = rect_of(&h, date.clone()).center();
    click_at(&mut h, at);
    assert_eq!(h.state().reader().selection(), Some(date.clone()));
    h.get_by_label("“28 March 2024”");
    h.key_press(Key::C);
    h.run();
    assert_eq!(h.state().screen(), Screen::Editor);
    let (kind, answer, prompt, evidence) = drafted(&h);
    assert_eq!((kind.as_str(), answer.as_str()), ("when", "2024-03-28"));
    assert_eq!(
        prompt,
        format!("The port of Kelvik reopened on _____ after the ice broke up.\n{REWRITE_LINE}")
    );
    assert_eq!(evidence, "coastal-courier-2024-04-02 :: 28 March 2024 :: ");

    // The drafted prompt is the article's sentence: it cannot be saved until rewritten.
    h.get_by_label_contains("rewrite it in your own words and delete its last line");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert_eq!(
        status(&h),
        "Not saved: fix the problems shown in red first."
    );
    retype(
        &mut h,
        "Prompt",
        "The port of Kelvik reopened on which day?",
    );
    h.get_by_label_contains(
        "the prompt repeats the article's words \"the port of kelvik reopened on\"",
    );
    retype(
        &mut h,
        "Prompt",
        "On what day did ships move through Kelvik again?",
    );
    h.get_by_label("No problems");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    let deck_id = h.state().editor_draft().unwrap().id.clone();
    let saved = data.path().join(format!("decks/{deck_id}.ron"));
    assert!(saved.exists(), "{}", status(&h));

    // `check` finds the locator in the article: copied into <data dir>/articles/, and from
    // another data folder, in the folder given with --articles.
    let elsewhere = tempfile::TempDir::new().unwrap();
    let articles = data.path().join("articles");
    for extra in [None, Some(["--articles".as_ref(), articles.as_os_str()])] {
        let dir = if extra.is_some() {
            elsewhere.path()
        } else {
            data.path()
        };
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_factquiz"))
            .arg("--data-dir")
            .arg(dir)
            .arg("check")
            .args(extra.iter().flatten())
            .arg("--strict")
            .arg(&saved)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{extra:?}: {stdout}");
        assert!(
            stdout.contains("locators: 1 checked in 1 article(s)"),
            "{extra:?}: {stdout}"
        );
    }

    // Study it: the new deck's card, answered rightly by its key.
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(h.state().screen(), Screen::Home);
    let deck = common::deck_place(&h, &deck_id);
    let asked = study_and_answer(&mut h, deck);
    assert_eq!(asked.deck, deck);
    assert!(
        h.state()
            .session()
            .unwrap()
            .answered
            .as_ref()
            .unwrap()
            .outcome
            .correct
    );

    // Its evidence opens the reading view at its passage, highlighted and in view.
    read_it_at(&mut h, "28 March 2024");
    assert_eq!(h.state().reader().backing().len(), 1);
    // Back to the card, still answered: grade it.
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(h.state().screen(), Screen::Review);
    h.key_press(Key::Num3);
    h.run();
    assert_eq!(common::review_count(&h), 1);
}

#[test]
fn a_dragged_span_keeps_its_exact_words_and_its_passage_opens_its_card() {
    let (data, mut h) = with_article();

    // Drag from inside "Edda" to inside "containers": the span grows to whole words.
    let span = range_of(&h, "Edda Brun said 1,400 containers");
    let from = rect_of(&h, span.start + 1..span.start + 2).center();
    let to = rect_of(&h, span.end - 3..span.end - 2).center();
    h.hover_at(from);
    h.run();
    h.drag_at(from);
    h.run();
    h.hover_at(Pos2::new(from.x + 30.0, from.y));
    h.run();
    h.hover_at(to);
    h.run();
    h.drop_at(to);
    h.run();
    let selected = h.state().reader().selection().expect("a selection");
    assert!(
        selected.start <= span.start + 1 && selected.end >= span.end - 3,
        "{selected:?}"
    );
    h.key_press(Key::C);
    h.run();
    let (kind, answer, _, evidence) = drafted(&h);
    assert_eq!((kind.as_str(), answer.as_str()), ("who", "Edda Brun"));
    assert_eq!(
        evidence,
        "coastal-courier-2024-04-02 :: Edda Brun said 1,400 containers :: "
    );

    // The deck in the editor passes check's locator rule against the copied article.
    let (deck, _) = h.state().editor_draft().unwrap().build();
    let mut shelf = Shelf::new(vec![data.path().join("articles")]);
    let input = DeckInput {
        deck: &deck,
        file: "new deck",
        text: None,
        dir: None,
    };
    let lint = lint_deck(&input, &mut shelf);
    assert_eq!(lint.locators.checked, 1);
    let locator_findings: Vec<_> = lint
        .findings
        .iter()
        .filter(|f| matches!(f.rule, Rule::Locator | Rule::Article))
        .collect();
    assert!(locator_findings.is_empty(), "{locator_findings:?}");

    // R reads the selected card's evidence: its passage backs the card; O opens it.
    h.key_press(Key::R);
    h.run();
    assert_eq!(h.state().screen(), Screen::Article);
    assert_eq!(h.state().reader().target(), Some(span.clone()));
    let card_id = h.state().editor_draft().unwrap().cards[0].id.clone();
    assert_eq!(h.state().reader().backing()[0].card, card_id);
    let at = rect_of(&h, range_of(&h, "said 1,400")).center();
    click_at(&mut h, at);
    h.get_by_label(&format!("[O]  Open card {card_id}"));
    h.key_press(Key::O);
    h.run();
    assert_eq!(h.state().screen(), Screen::Editor);
    // The card's form is on show: its id field.
    let field = h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Card id");
    assert_eq!(field.value().as_deref(), Some(card_id.as_str()));

    // Evidence that names its source by title, as a deck may, is read as the deck reads it:
    // Read the article opens at its passage too.
    let title = h.state().editor_draft().unwrap().sources[0].title.clone();
    let line = format!("{title} :: Edda Brun said 1,400 containers :: the count");
    retype(&mut h, "Evidence", &line);
    h.get_by_label("[R]  Read the article").click();
    h.run();
    assert_eq!(h.state().screen(), Screen::Article, "{}", status(&h));
    assert_eq!(h.state().reader().target(), Some(span));
}

#[test]
fn the_article_is_searched_with_case_and_spacing_folded() {
    let (_data, mut h) = with_article();
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.get_by_label("Search:").type_text("harbour   MASTER edda");
    h.run();
    h.get_by_label("1 found");
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label("1 of 1");
    h.get_by_label("Search:").type_text(" nobody");
    h.run();
    h.get_by_label("0 found");
}

/// Writes `<data>/decks/kelvik.ron`: one card whose evidence is `locator` in the source whose
/// text is the file `text`; the decks folder.
fn write_deck(data: &Path, text: &str, locator: &str) -> PathBuf {
    let decks = data.join("decks");
    std::fs::create_dir_all(&decks).unwrap();
    let deck = format!(
        r#"Deck(id: "kelvik", title: "Kelvik", sources: [(id: "courier", title: "Thaw", published: "2024-04-02", text: "{text}")],
        cards: [(id: "c1", kind: What, prompt: "What happened in the port?", answer: Phrase(["the port reopened"]),
        evidence: [(source: "courier", locator: "{locator}", says: "What happened there.")])])"#
    );
    std::fs::write(decks.join("kelvik.ron"), deck).unwrap();
    decks
}

#[test]
fn evidence_without_its_text_says_which_file_to_put_where() {
    let data = tempfile::tempdir().unwrap();
    write_deck(
        data.path(),
        "missing-article.txt",
        "The port of Kelvik reopened",
    );
    let mut h = harness(data.path());
    let deck = common::deck_place(&h, "kelvik");
    study_and_answer(&mut h, deck);
    let articles = data.path().join("articles");
    let want = format!(
        "put the article's text as missing-article.txt in {}/",
        articles.display()
    );
    h.get_by_label_contains(&want);
    assert!(h.query_by_label("[R]  Read it in the article").is_none());
    // Once the file is there, the passage opens.
    std::fs::create_dir_all(&articles).unwrap();
    std::fs::write(articles.join("missing-article.txt"), ARTICLE).unwrap();
    h.run();
    read_it_at(&mut h, "The port of Kelvik reopened");
}

#[test]
fn the_browser_opens_a_cards_evidence_at_its_passage_found_beside_the_deck() {
    let data = tempfile::tempdir().unwrap();
    let decks = write_deck(data.path(), "kelvik.txt", "Edda Brun said 1,400 containers");
    // The article beside the deck file, not in <data dir>/articles/.
    std::fs::write(decks.join("kelvik.txt"), ARTICLE).unwrap();
    let mut h = harness(data.path());
    let slot = h
        .state()
        .collection()
        .unwrap()
        .find("kelvik", "c1")
        .unwrap();
    h.state_mut().run(Command::ShowInBrowser(slot));
    h.run();
    assert_eq!(h.state().screen(), Screen::Browser);
    h.get_by_label("[R]  Read it in the article");
    h.key_press(Key::R);
    h.run();
    assert_opened_at(&h, "Edda Brun said 1,400 containers");
    assert_eq!(h.state().reader().backing()[0].card, "c1");
    // Esc goes back to the browser.
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(h.state().screen(), Screen::Browser);
}
