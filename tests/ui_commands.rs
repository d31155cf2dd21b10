//! The command path of the real app, driven headless with egui_kittest: every command a screen
//! can return is run through `App::run` and does what it says; a change of the FSRS
//! parameters or of the settings refreshes the figures the screens show (they key their caches
//! on the collection's versions, nothing else tells them).

mod common;

use std::collections::BTreeSet;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use std::path::Path;

use factquiz::article::draft::{SourceRef, draft_card};
use factquiz::article::facts::{FactKind, NameBook, find_facts};
use factquiz::article::{Article, ArticleFormat};
use factquiz::deck::{Answer, Library};
use factquiz::quiz::{Grade, Mode, Response};
use factquiz::schedule::queue::Slot;
use factquiz::study::articles::ArticleInput;
use factquiz::study::{Collection, StudySession};
use factquiz::ui::reader::{DraftedCard, Origin};
use factquiz::ui::status::Message;
use factquiz::ui::{App, Command, Screen};

/// A made-up article.
const THAW: &str = "Thaw in Kelvik\nBy Rhona Vance\n2 April 2024\n\nThe port of Kelvik reopened on 28 March 2024.\n";

/// The name of a command's kind; the match lists every command, so a new one cannot be left
/// out of [`every_command_runs_through_the_command_path`].
fn kind(c: &Command) -> &'static str {
    match c {
        Command::Open(_) => "Open",
        Command::GoHome => "GoHome",
        Command::Study(_) => "Study",
        Command::StudyCards(_) => "StudyCards",
        Command::Answer(..) => "Answer",
        Command::Grade(_) => "Grade",
        Command::Undo => "Undo",
        Command::SuspendCurrent => "SuspendCurrent",
        Command::BuryCurrent => "BuryCurrent",
        Command::SetSuspended(..) => "SetSuspended",
        Command::SaveSettings(_) => "SaveSettings",
        Command::KeepParameters(_) => "KeepParameters",
        Command::RestoreBackup(_) => "RestoreBackup",
        Command::DismissNotice => "DismissNotice",
        Command::SaveDeck { .. } => "SaveDeck",
        Command::ImportDeck(_) => "ImportDeck",
        Command::ImportForeign(..) => "ImportForeign",
        Command::EditCard(_) => "EditCard",
        Command::ShowInBrowser(_) => "ShowInBrowser",
        Command::SetSync { .. } => "SetSync",
        Command::SyncNow => "SyncNow",
        Command::Say(_) => "Say",
        Command::AddArticle(_) => "AddArticle",
        Command::ReadEvidence(..) => "ReadEvidence",
        Command::ReadDraftSource { .. } => "ReadDraftSource",
        Command::DraftCard(_) => "DraftCard",
        Command::OpenBackedCard { .. } => "OpenBackedCard",
        Command::CloseReader => "CloseReader",
    }
}
const KINDS: usize = 28;

struct Driver {
    h: Harness<'static, App>,
    seen: BTreeSet<&'static str>,
}

impl Driver {
    fn run(&mut self, c: Command) {
        self.seen.insert(kind(&c));
        self.h.state_mut().run(c);
        // Stepped, not settled: the statistics show a spinner while their worker computes.
        self.h.run_steps(4);
    }

    /// Frames until the merge running on its worker is taken in.
    fn wait_for_merge(&mut self) {
        for _ in 0..500 {
            self.h.run_steps(1);
            if !self.coll().syncing() {
                self.h.run_steps(1);
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        panic!("the merge did not end");
    }

    fn coll(&self) -> &Collection {
        self.h.state().collection().expect("the collection")
    }

    fn screen(&self) -> Screen {
        self.h.state().screen()
    }

    fn status(&self) -> String {
        self.h
            .state()
            .status()
            .map(|m| m.text.clone())
            .unwrap_or_default()
    }

    /// The card on screen, answered rightly.
    fn right_answer(&self) -> (Slot, Response) {
        let cur = self
            .h
            .state()
            .session()
            .and_then(|s| s.current.clone())
            .expect("a question on screen");
        let card = self.coll().card(cur.slot).unwrap();
        let r = match (cur.question.mode, &card.answer) {
            (Mode::Choice, _) => Response::Choice(cur.question.correct_choice.unwrap()),
            (_, Answer::Verdict(v)) => Response::Verdict(*v),
            (_, Answer::Name(v) | Answer::Phrase(v)) => Response::Text(v[0].to_string()),
            (_, Answer::Order(e)) => Response::Order((0..e.len()).collect()),
            (_, a) => Response::Text(a.display(&self.coll().deck(cur.slot).unwrap().deck)),
        };
        (cur.slot, r)
    }
}

#[test]
fn every_command_runs_through_the_command_path() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = Driver {
        h: common::harness(dir.path(), [1100.0, 900.0]),
        seen: BTreeSet::new(),
    };
    d.h.run();
    for (screen, _) in Screen::ALL {
        if screen != Screen::Review {
            d.run(Command::Open(screen));
            assert_eq!(d.screen(), screen);
        }
    }
    d.run(Command::GoHome);
    assert_eq!(d.screen(), Screen::Home);

    // A session: answer, grade, undo, suspend, bury.
    d.run(Command::Study(vec![0]));
    assert_eq!(d.screen(), Screen::Review);
    let (slot, r) = d.right_answer();
    d.run(Command::Answer(r, None));
    assert!(d.h.state().session().unwrap().answered.is_some());
    d.run(Command::Grade(Grade::Good));
    assert_eq!(d.coll().store().review_count().unwrap(), 1);
    assert_eq!(d.coll().state(slot).unwrap().reps, 1);
    d.run(Command::Undo);
    assert_eq!(d.coll().store().review_count().unwrap(), 0);
    assert!(d.coll().state(slot).is_none());
    assert_eq!(d.status(), "Undone.");
    let on_screen =
        d.h.state()
            .session()
            .unwrap()
            .current
            .as_ref()
            .unwrap()
            .slot;
    d.run(Command::SuspendCurrent);
    assert!(d.coll().state(on_screen).unwrap().suspended);
    let next =
        d.h.state()
            .session()
            .unwrap()
            .current
            .as_ref()
            .unwrap()
            .slot;
    d.run(Command::BuryCurrent);
    let today = d.coll().clock().today();
    assert_eq!(d.coll().state(next).unwrap().buried_until_day, today);
    d.run(Command::SetSuspended(on_screen, false));
    assert!(!d.coll().state(on_screen).unwrap().suspended);
    d.run(Command::StudyCards(vec![on_screen]));
    let cur =
        d.h.state()
            .session()
            .unwrap()
            .current
            .as_ref()
            .unwrap()
            .slot;
    assert_eq!(cur, on_screen);

    // Settings and parameters.
    let mut s = d.coll().settings().clone();
    s.new_per_day = 3;
    d.run(Command::SaveSettings(Box::new(s)));
    assert_eq!(d.coll().settings().new_per_day, 3);
    assert_eq!(d.screen(), Screen::Home);
    let mut p = fsrs::DEFAULT_PARAMETERS.to_vec();
    p[20] = 0.5;
    d.run(Command::KeepParameters(p.clone()));
    assert_eq!(d.coll().settings().fsrs_parameters, p);
    assert!((d.coll().scheduler().decay() - 0.5).abs() < 1e-6);
    d.run(Command::DismissNotice);
    assert!(d.coll().notice().is_none());

    // The browser and the editor.
    d.run(Command::ShowInBrowser(slot));
    assert_eq!(d.screen(), Screen::Browser);
    let prompt = d.coll().card(slot).unwrap().prompt.to_string();
    d.h.get_all_by_label_contains(&prompt)
        .next()
        .expect("the card shown");
    d.run(Command::EditCard(slot));
    assert_eq!(d.screen(), Screen::Editor);
    d.h.get_by_label("unsaved changes");
    // A copy of a built-in deck is unsaved: leaving asks first.
    d.run(Command::GoHome);
    assert_eq!(d.screen(), Screen::Editor);
    d.h.get_by_label("You have unsaved changes");
    let deck = d.coll().library().decks[0].deck.whole().unwrap();
    d.run(Command::SaveDeck {
        deck: Box::new(deck.clone()),
        file: None,
        leave: true,
    });
    assert_eq!(d.screen(), Screen::Home);
    let saved = dir.path().join(format!("decks/{}.ron", deck.id));
    assert!(saved.exists(), "{}", d.status());
    assert!(d.status().starts_with("Saved "), "{}", d.status());
    let mut other = deck.clone();
    other.id = "imported-copy".into();
    d.run(Command::ImportDeck(Box::new(other)));
    assert!(d.status().starts_with("Imported "), "{}", d.status());
    assert!(d.coll().library().get("imported-copy").is_some());
    let terms = dir.path().join("terms.txt");
    std::fs::write(&terms, "Astana\tcapital\nAlmaty\tlargest city\n").unwrap();
    let foreign = factquiz::interop::read(&terms, &Default::default(), &|_| {}).unwrap();
    d.run(Command::ImportForeign(Box::new(foreign), false));
    assert!(
        d.status().starts_with("Imported 2 card(s) in 1 deck(s)"),
        "{}",
        d.status()
    );
    assert!(d.coll().library().get("quizlet-terms").is_some());

    // Articles and the reading view.
    let elsewhere = tempfile::tempdir().unwrap();
    let path = elsewhere.path().join("thaw.txt");
    std::fs::write(&path, THAW).unwrap();
    d.run(Command::AddArticle(ArticleInput::File(path)));
    assert_eq!(d.screen(), Screen::Editor);
    assert!(d.status().starts_with("Copied thaw.txt"), "{}", d.status());
    d.h.get_by_label("[Enter]  Add this source and read the article")
        .click();
    d.h.run_steps(4);
    assert_eq!(d.screen(), Screen::Article);
    let source = d.h.state().editor_draft().unwrap().sources[0].id.clone();
    d.run(Command::CloseReader);
    assert_eq!(d.screen(), Screen::Editor);
    d.run(Command::ReadDraftSource {
        source: source.clone(),
        locator: Some("reopened on 28 March".into()),
    });
    assert_eq!(d.screen(), Screen::Article);
    let target = d.h.state().reader().target().expect("the passage");
    assert_eq!(&THAW[target], "reopened on 28 March");
    let article = Article::from_bytes(Path::new("thaw.txt"), ArticleFormat::Text, THAW.into());
    let article = article.unwrap();
    let facts = find_facts(&article.text, &NameBook::default());
    let date = facts.iter().rfind(|f| f.kind == FactKind::Date).unwrap();
    let year = Some(2024);
    let draft = draft_card(
        &article,
        &facts,
        date.range.clone(),
        &SourceRef { id: source, year },
    );
    let draft = draft.unwrap();
    let origin = Origin::Editor;
    let drafted = DraftedCard { origin, draft };
    d.run(Command::DraftCard(Box::new(drafted)));
    assert_eq!(d.screen(), Screen::Editor);
    let card = d.h.state().editor_draft().unwrap().cards[0].clone();
    assert_eq!(card.answer, "2024-03-28");
    d.run(Command::OpenBackedCard {
        origin: Origin::Editor,
        card: card.id,
    });
    assert_eq!(d.screen(), Screen::Editor);
    // A built-in card's evidence: its article is not in the data folder.
    d.run(Command::ReadEvidence(slot, 0));
    assert!(
        d.status()
            .starts_with("To read this passage, put the article's text as"),
        "{}",
        d.status()
    );

    // The import took a backup: restore it.
    let backup = factquiz::study::backups::backups(dir.path())
        .unwrap()
        .into_iter()
        .next()
        .expect("a backup before the import");
    d.run(Command::RestoreBackup(backup.path.clone()));
    assert!(d.status().starts_with("Restored"), "{}", d.status());
    assert_eq!(d.screen(), Screen::Home);
    // Sync through a folder: on, a merge on its worker, the top bar says so; off.
    let folder = tempfile::tempdir().unwrap();
    d.run(Command::SetSync {
        folder: Some(folder.path().to_path_buf()),
        name: "test box".into(),
    });
    assert!(d.status().starts_with("Sync is on"), "{}", d.status());
    d.wait_for_merge();
    d.h.get_by_label_contains("Synced today");
    d.run(Command::SyncNow);
    d.wait_for_merge();
    d.run(Command::SetSync {
        folder: None,
        name: String::new(),
    });
    assert!(d.status().starts_with("Sync is off"), "{}", d.status());
    assert!(d.h.query_by_label_contains("Synced").is_none());
    d.run(Command::Say(Message::warn("Hello from the test")));
    d.h.get_by_label("Hello from the test");

    assert_eq!(d.seen.len(), KINDS, "every command was run: {:?}", d.seen);
}

/// The texts of the progress bars on screen (predicted recall), top to bottom.
fn bars(h: &Harness<'_, App>) -> Vec<String> {
    h.query_all_by_role(Role::ProgressIndicator)
        .map(|n| n.accesskit_node().label().unwrap_or_default())
        .collect()
}

/// Runs frames until `ready` holds (a worker's figures arrive), at most five seconds.
fn until(h: &mut Harness<'_, App>, ready: impl Fn(&Harness<'_, App>) -> bool) {
    for _ in 0..500 {
        if ready(h) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        h.step();
    }
    panic!("the figures never arrived");
}

#[test]
fn a_parameter_or_settings_change_refreshes_what_the_screens_show() {
    let dir = tempfile::tempdir().unwrap();
    // Twenty answers ten days ago, half of them wrong.
    let then = common::clock(common::NOON);
    {
        let mut c = Collection::from_parts(
            Library::builtin(),
            factquiz::store::Store::open(dir.path()).unwrap(),
        )
        .unwrap();
        c.set_clock(Some(then));
        let queue = (0..20).map(|card| Slot { deck: 1, card }).collect();
        let mut s = StudySession::with_queue(&c, vec![1], queue, 3);
        for i in 0..20 {
            let cur = s.current.clone().unwrap();
            let r = match cur.question.correct_choice {
                Some(k) if i % 2 == 0 => Response::Choice(k),
                _ => Response::Text("no idea".into()),
            };
            s.answer(&c, r);
            s.grade(&mut c, if i % 2 == 0 { Grade::Good } else { Grade::Hard })
                .unwrap();
        }
    }
    let mut h = common::harness(dir.path(), [1100.0, 2400.0]);
    h.state_mut()
        .collection_mut()
        .unwrap()
        .set_clock(Some(common::clock(common::NOON + 10 * common::DAY)));
    h.run();

    // Weak topics: recomputed when the parameters change the forgetting curve.
    h.state_mut().run(Command::Open(Screen::Topics));
    h.run();
    let before = bars(&h);
    assert!(before.iter().any(|b| b.ends_with('%')), "{before:?}");
    let mut p = fsrs::DEFAULT_PARAMETERS.to_vec();
    p[20] = 0.8;
    h.state_mut().run(Command::KeepParameters(p));
    h.run();
    let after = bars(&h);
    assert_ne!(before, after, "the weak topics kept the old recall");

    // Statistics: the worker computes again with the new parameters.
    h.state_mut().run(Command::Open(Screen::Stats));
    until(&mut h, |h| {
        h.query_by_label_contains("Reviews in the last year")
            .is_some()
    });
    let stats_before = bars(&h);
    let mut p = fsrs::DEFAULT_PARAMETERS.to_vec();
    p[20] = 0.2;
    h.state_mut().run(Command::KeepParameters(p));
    until(&mut h, |h| bars(h) != stats_before);

    // A settings change: the home screen counts the day's new cards again.
    let mut s = h.state().collection().unwrap().settings().clone();
    s.new_per_day = 4;
    h.state_mut().run(Command::SaveSettings(Box::new(s)));
    h.run();
    assert_eq!(h.state().screen(), Screen::Home);
    let counts = h.state().collection().unwrap().deck_counts().unwrap();
    assert!(counts.iter().all(|c| c.new <= 4), "{counts:?}");
    assert!(
        h.query_all_by_label("4").count() >= 4,
        "the home screen shows the new limit"
    );
}
