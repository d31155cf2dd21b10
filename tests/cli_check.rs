//! `factquiz check [--json] [PATH...]`, run as the built binary: what it prints for good and
//! bad decks, its exit status, and where it finds the user's decks (`--data-dir DIR`, else
//! `FACTQUIZ_DATA_DIR`, else the platform's data folder).
//!
//! Every run gets a temporary HOME and data folder: the real ones are never read or written.
//! Fixture paths are given relative to the crate root, so the output is the same everywhere.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use factquiz::deck::Library;
use serde_json::{Value, json};
use tempfile::TempDir;

const GOOD: &str = "tests/fixtures/good_deck.ron";
const BAD: &str = "tests/fixtures/bad_deck.ron";
const MALFORMED: &str = "tests/fixtures/malformed_deck.ron";

/// The report of `good_deck.ron`, as `check` prints it.
const GOOD_REPORT: &str = "\
tests/fixtures/good_deck.ron (fixture-good): A good fixture deck
  3 cards (Who 1, Figure 1, Order 1), 1 claim(s)
  topics: event/Fuel protests (1), event/Shoot-to-kill order (1), figure/Death toll (1), \
person/Toqaev (1), place/Zhanaozen (1)
  sources:
    Article A (Outlet A, 2022-01-12)
    Article B (Outlet B, 2024)
  tests/fixtures/good_deck.ron:12:13: warning: claim \"toll\": this disputed claim, with values \
from 1 source(s), lacks a verdict card of the claim
  0 error(s), 1 warning(s), 0 note(s)
";

/// The errors of `bad_deck.ron`, as `check` prints them.
const BAD_REPORT: &str = "\
tests/fixtures/bad_deck.ron: 3 error(s)
  tests/fixtures/bad_deck.ron:21:13: card \"who-order\": evidence names source \"src-z\", \
which the deck does not list
  tests/fixtures/bad_deck.ron:29:13: card \"fig-toll\": the card refers to claim \"death-toll\", \
which the deck does not have
  tests/fixtures/bad_deck.ron:38:13: card \"order-start\": an order card needs 3 to 6 events; \
it has 2
";

/// A temporary home for one test: HOME, and a data folder in it.
struct Sandbox {
    home: TempDir,
}

impl Sandbox {
    fn new() -> Sandbox {
        Sandbox {
            home: tempfile::tempdir().unwrap(),
        }
    }

    /// A folder inside the sandbox, created, with `decks/` holding copies of the given fixtures.
    fn data_dir(&self, name: &str, fixtures: &[&str]) -> PathBuf {
        let dir = self.home.path().join(name);
        let decks = dir.join("decks");
        std::fs::create_dir_all(&decks).unwrap();
        for f in fixtures {
            let from = root().join(f);
            std::fs::copy(&from, decks.join(from.file_name().unwrap())).unwrap();
        }
        dir
    }

    /// The binary, run from the crate root with HOME in the sandbox and no data-dir variable.
    fn factquiz(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_factquiz"));
        cmd.current_dir(root())
            .env("HOME", self.home.path())
            .env_remove("XDG_DATA_HOME")
            .env_remove("FACTQUIZ_DATA_DIR");
        cmd
    }

    /// `factquiz --data-dir <sandbox>/data check ARGS...`.
    fn check(&self, args: &[&str]) -> Output {
        let args: Vec<&OsStr> = args.iter().map(OsStr::new).collect();
        self.check_paths(&args)
    }

    /// [`Sandbox::check`] with arguments that are paths.
    fn check_paths(&self, args: &[&OsStr]) -> Output {
        let data = self.data_dir("data", &[]);
        self.factquiz()
            .arg("--data-dir")
            .arg(&data)
            .arg("check")
            .args(args)
            .output()
            .unwrap()
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

fn status(out: &Output) -> i32 {
    out.status.code().expect("exited with a status")
}

fn json_out(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("stdout is JSON ({e}):\n{}", stdout(out)))
}

/// The ids of the decks in `check --json` output.
fn json_deck_ids(v: &Value) -> Vec<String> {
    v["decks"]
        .as_array()
        .expect("a decks array")
        .iter()
        .map(|d| d["id"].as_str().expect("a deck id").to_string())
        .collect()
}

fn builtin_ids() -> Vec<String> {
    Library::builtin()
        .decks
        .into_iter()
        .map(|d| d.deck.id)
        .collect()
}

/// The last lines of a report: the totals of the decks, then of the rules' findings (the good
/// fixture has one warning: its disputed claim has no verdict card).
fn totals(decks: usize, cards: usize, failed: usize, warnings: usize) -> String {
    format!(
        "{} deck(s) valid with {} card(s); {} file(s) with errors\n\
         rules: 0 error(s), {} warning(s), 0 note(s)\n",
        decks, cards, failed, warnings
    )
}

/// The line of a report that totals the decks.
fn deck_totals(decks: usize, cards: usize, failed: usize) -> String {
    format!("{decks} deck(s) valid with {cards} card(s); {failed} file(s) with errors\n")
}

// ------------------------------------------------------------------------ named files

#[test]
fn a_good_deck_is_reported_and_exits_0() {
    let out = Sandbox::new().check(&[GOOD]);
    assert_eq!(stdout(&out), format!("{GOOD_REPORT}{}", totals(1, 3, 0, 1)));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    assert_eq!(status(&out), 0);
}

#[test]
fn a_deck_that_breaks_rules_gets_each_error_located_and_exits_1() {
    let out = Sandbox::new().check(&[BAD]);
    assert_eq!(stdout(&out), format!("{BAD_REPORT}{}", totals(0, 0, 1, 0)));
    assert_eq!(status(&out), 1);
}

#[test]
fn a_deck_that_does_not_parse_gets_its_error_located_and_exits_1() {
    let out = Sandbox::new().check(&[MALFORMED]);
    assert_eq!(
        stdout(&out),
        format!(
            "tests/fixtures/malformed_deck.ron: 1 error(s)\n  \
             tests/fixtures/malformed_deck.ron:30:19: card \"fig-toll\": unknown variant `Number`: \
             expected one of Who, When, Figure, Where, What, Verdict, Order, SourceSaid\n{}",
            totals(0, 0, 1, 0)
        )
    );
    assert_eq!(status(&out), 1);
}

#[test]
fn a_bad_deck_does_not_stop_the_good_one_and_the_status_is_1() {
    let out = Sandbox::new().check(&[BAD, GOOD]);
    assert_eq!(
        stdout(&out),
        format!("{GOOD_REPORT}{BAD_REPORT}{}", totals(1, 3, 1, 1))
    );
    assert_eq!(status(&out), 1);
}

#[test]
fn a_missing_file_is_an_error() {
    let out = Sandbox::new().check(&["tests/fixtures/no_such_deck.ron"]);
    let text = stdout(&out);
    assert!(
        text.starts_with(
            "tests/fixtures/no_such_deck.ron: 1 error(s)\n  \
             tests/fixtures/no_such_deck.ron:1:1: cannot read the file: "
        ),
        "{text}"
    );
    assert!(text.ends_with(&totals(0, 0, 1, 0)), "{text}");
    assert_eq!(status(&out), 1);
}

#[test]
fn named_files_are_checked_alone() {
    // With paths, neither the built-in decks nor the user's decks are checked.
    let sandbox = Sandbox::new();
    let data = sandbox.data_dir("data", &[BAD]);
    let out = sandbox
        .factquiz()
        .arg("--data-dir")
        .arg(&data)
        .args(["check", GOOD])
        .output()
        .unwrap();
    assert_eq!(stdout(&out), format!("{GOOD_REPORT}{}", totals(1, 3, 0, 1)));
    assert_eq!(status(&out), 0);
}

// ------------------------------------------------------------------------------ --json

#[test]
fn json_of_a_good_deck_is_the_validated_deck() {
    let out = Sandbox::new().check(&["--json", GOOD]);
    assert_eq!(status(&out), 0);
    let v = json_out(&out);
    assert_eq!(v["errors"], json!([]));
    assert_eq!(json_deck_ids(&v), ["fixture-good"]);
    let deck = &v["decks"][0];
    assert_eq!(deck["title"], "A good fixture deck");
    assert_eq!(
        deck["sources"][1],
        json!({
            "id": "src-b",
            "title": "Article B",
            "outlet": "Outlet B",
            "author": "Author B",
            "published": "2024",
            "date_known": {"Inferred": "from the events it reports"},
            "url": null,
        })
    );
    assert_eq!(deck["claims"][0]["id"], "toll");
    assert_eq!(deck["claims"][0]["status"], "Disputed");
    let cards = deck["cards"].as_array().unwrap();
    let ids: Vec<&str> = cards.iter().map(|c| c["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["who-order", "fig-toll", "order-start"]);
    assert_eq!(
        cards[0],
        json!({
            "id": "who-order",
            "kind": "Who",
            "topics": ["person/Toqaev", "event/Shoot-to-kill order"],
            "prompt": "Who gave the order to fire without warning?",
            "answer": {"Name": ["Kassym-Jomart Toqaev", "Tokayev"]},
            "explanation": "",
            "evidence": [
                {"source": "src-a", "locator": "On 7 January", "says": "Toqaev gave the order."}
            ],
            "claim": null,
        })
    );
    assert_eq!(
        cards[1]["answer"],
        json!({"Number": {"value": 227, "unit": "people", "min": null, "max": null}})
    );
    assert_eq!(cards[1]["claim"], "toll");
    assert_eq!(
        cards[2]["answer"],
        json!({"Order": ["Fuel prices rise", "Protests in Zhanaozen", "State of emergency"]})
    );
}

#[test]
fn json_of_a_bad_deck_lists_each_error_with_its_place() {
    let out = Sandbox::new().check(&["--json", BAD]);
    assert_eq!(status(&out), 1);
    assert_eq!(
        json_out(&out),
        json!({
            "decks": [],
            "errors": [
                {
                    "file": BAD, "line": 21, "col": 13, "card": "who-order",
                    "message": "evidence names source \"src-z\", which the deck does not list",
                },
                {
                    "file": BAD, "line": 29, "col": 13, "card": "fig-toll",
                    "message": "the card refers to claim \"death-toll\", which the deck does not have",
                },
                {
                    "file": BAD, "line": 38, "col": 13, "card": "order-start",
                    "message": "an order card needs 3 to 6 events; it has 2",
                },
            ],
            "findings": [],
        })
    );
}

#[test]
fn json_of_a_good_and_a_bad_deck_has_both() {
    let out = Sandbox::new().check(&["--json", GOOD, MALFORMED]);
    assert_eq!(status(&out), 1);
    let v = json_out(&out);
    assert_eq!(json_deck_ids(&v), ["fixture-good"]);
    assert_eq!(
        v["errors"],
        json!([{
            "file": MALFORMED, "line": 30, "col": 19, "card": "fig-toll",
            "message": "unknown variant `Number`: expected one of Who, When, Figure, Where, \
                        What, Verdict, Order, SourceSaid",
        }])
    );
}

// ------------------------------------------------------------- no path: the whole library

#[test]
fn without_paths_every_built_in_deck_is_checked_and_valid() {
    let lib = Library::builtin();
    let out = Sandbox::new().check(&[]);
    let text = stdout(&out);
    assert_eq!(status(&out), 0, "{text}");
    for d in &lib.decks {
        let heading = format!("{} ({}): {}\n", d.file, d.deck.id, d.deck.title);
        assert!(text.contains(&heading), "{heading:?} in\n{text}");
    }
    // Warnings (give-aways, claims not covered) do not fail the check without --strict.
    assert!(!text.contains(": error: "), "{text}");
    assert!(
        text.contains(&deck_totals(lib.decks.len(), lib.card_count(), 0)),
        "{text}"
    );

    let out = Sandbox::new().check(&["--json"]);
    assert_eq!(status(&out), 0);
    let v = json_out(&out);
    assert_eq!(json_deck_ids(&v), builtin_ids());
    assert_eq!(v["errors"], json!([]));
}

#[test]
fn without_paths_a_bad_user_deck_fails_the_check_but_the_others_are_reported() {
    let sandbox = Sandbox::new();
    let data = sandbox.data_dir("data", &[GOOD, BAD]);
    let out = sandbox
        .factquiz()
        .arg("--data-dir")
        .arg(&data)
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(status(&out), 1);
    let text = stdout(&out);
    let bad = data.join("decks/bad_deck.ron").display().to_string();
    let good = data.join("decks/good_deck.ron").display().to_string();
    assert!(
        text.contains(&format!(
            "{good} (fixture-good): A good fixture deck\n  3 cards (Who 1, Figure 1, Order 1)"
        )),
        "{text}"
    );
    assert!(text.contains(&BAD_REPORT.replace(BAD, &bad)), "{text}");
    let lib = Library::builtin();
    assert!(
        text.contains(&deck_totals(lib.decks.len() + 1, lib.card_count() + 3, 1)),
        "{text}"
    );
}

// --------------------------------------------------------------------------- data dir

/// The user decks that `check --json` (no path) finds, beyond the built-in decks.
fn user_deck_ids(out: &Output) -> Vec<String> {
    let ids = json_deck_ids(&json_out(out));
    let builtin = builtin_ids();
    assert_eq!(
        ids[..builtin.len()],
        builtin[..],
        "the built-in decks come first"
    );
    ids[builtin.len()..].to_vec()
}

#[test]
fn the_data_dir_flag_says_where_the_user_decks_are() {
    let sandbox = Sandbox::new();
    let data = sandbox.data_dir("flag-data", &[GOOD]);
    let out = sandbox
        .factquiz()
        .arg("--data-dir")
        .arg(&data)
        .args(["check", "--json"])
        .output()
        .unwrap();
    assert_eq!(status(&out), 0);
    assert_eq!(user_deck_ids(&out), ["fixture-good"]);

    // The flag is global: it may come after the subcommand too.
    let out = sandbox
        .factquiz()
        .args(["check", "--json", "--data-dir"])
        .arg(&data)
        .output()
        .unwrap();
    assert_eq!(user_deck_ids(&out), ["fixture-good"]);
}

#[test]
fn the_environment_variable_says_where_the_user_decks_are() {
    let sandbox = Sandbox::new();
    let data = sandbox.data_dir("env-data", &[GOOD]);
    let out = sandbox
        .factquiz()
        .env("FACTQUIZ_DATA_DIR", &data)
        .args(["check", "--json"])
        .output()
        .unwrap();
    assert_eq!(status(&out), 0);
    assert_eq!(user_deck_ids(&out), ["fixture-good"]);
}

#[test]
fn the_flag_wins_over_the_environment_variable() {
    let sandbox = Sandbox::new();
    let flag = sandbox.data_dir("flag-data", &[GOOD]);
    let env = sandbox.data_dir("env-data", &[BAD]);
    let out = sandbox
        .factquiz()
        .env("FACTQUIZ_DATA_DIR", &env)
        .arg("--data-dir")
        .arg(&flag)
        .args(["check", "--json"])
        .output()
        .unwrap();
    assert_eq!(status(&out), 0, "{}", stdout(&out));
    assert_eq!(user_deck_ids(&out), ["fixture-good"]);
}

#[test]
fn a_data_dir_without_decks_holds_only_the_built_in_decks() {
    let sandbox = Sandbox::new();
    let empty = sandbox.home.path().join("nothing-here");
    let out = sandbox
        .factquiz()
        .arg("--data-dir")
        .arg(&empty)
        .args(["check", "--json"])
        .output()
        .unwrap();
    assert_eq!(status(&out), 0);
    assert_eq!(user_deck_ids(&out), Vec::<String>::new());
}

/// With neither the flag nor the variable (an empty variable counts as unset), the data
/// folder is the platform's: `$HOME/.local/share/factquiz` on Linux. HOME is the sandbox.
#[cfg(target_os = "linux")]
#[test]
fn without_an_override_the_platform_data_dir_is_used() {
    let sandbox = Sandbox::new();
    let platform = sandbox.data_dir(".local/share/factquiz", &[GOOD]);
    assert!(platform.starts_with(sandbox.home.path()));
    for env in [None, Some("")] {
        let mut cmd = sandbox.factquiz();
        if let Some(v) = env {
            cmd.env("FACTQUIZ_DATA_DIR", v);
        }
        let out = cmd.args(["check", "--json"]).output().unwrap();
        assert_eq!(status(&out), 0, "FACTQUIZ_DATA_DIR={env:?}");
        assert_eq!(
            user_deck_ids(&out),
            ["fixture-good"],
            "FACTQUIZ_DATA_DIR={env:?}"
        );
    }
}

#[test]
fn check_writes_nothing_into_the_data_dir() {
    let sandbox = Sandbox::new();
    let data = sandbox.data_dir("data", &[GOOD]);
    let before = list(&data);
    let out = sandbox
        .factquiz()
        .arg("--data-dir")
        .arg(&data)
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(status(&out), 0);
    assert_eq!(list(&data), before);
}

/// Every path under a folder, sorted.
fn list(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                todo.push(p.clone());
            }
            out.push(p);
        }
    }
    out.sort();
    out
}

// ------------------------------------------------- articles, the rules, --strict, exit codes

/// A made-up article for the rule tests (never one of the seed articles).
const DUNMERE: &str = "\
Dunmere Ferry Notes

The ferry to Orla Island stopped on 2 May after a storm.

Repairs took eleven days, the operator said.

The operator said the new engine came from Ardwick.
";

/// A deck with one source naming `dunmere.txt` and one card citing it at `locator`.
fn dunmere_deck(locator: &str) -> String {
    format!(
        r#"Deck(
    id: "dunmere",
    title: "The Dunmere ferry",
    sources: [
        (id: "notes", title: "Dunmere Ferry Notes", published: "2024-05-20", text: "dunmere.txt"),
    ],
    cards: [
        (
            id: "who-operator",
            kind: Who,
            prompt: "Which company ran the Orla Island ferry?",
            answer: Name(["Orla Lines"]),
            evidence: [(source: "notes", locator: "{locator}", says: "The operator spoke.")],
        ),
    ],
)
"#
    )
}

impl Sandbox {
    /// A folder in the sandbox holding these files (name, contents).
    fn folder(&self, name: &str, files: &[(&str, &str)]) -> PathBuf {
        let dir = self.home.path().join(name);
        std::fs::create_dir_all(&dir).unwrap();
        for (file, contents) in files {
            std::fs::write(dir.join(file), contents).unwrap();
        }
        dir
    }
}

#[test]
fn locators_are_looked_up_in_the_articles_folder_given() {
    let sandbox = Sandbox::new();
    let decks = sandbox.folder(
        "decks",
        &[("dunmere.ron", &dunmere_deck("Repairs took eleven days"))],
    );
    let articles = sandbox.folder("articles", &[("dunmere.txt", DUNMERE)]);
    let deck = decks.join("dunmere.ron");
    let out = sandbox.check_paths(&[
        "--strict".as_ref(),
        "--articles".as_ref(),
        articles.as_os_str(),
        deck.as_os_str(),
    ]);
    let text = stdout(&out);
    assert!(
        text.contains("\n  locators: 1 checked in 1 article(s)\n  ok\n"),
        "{text}"
    );
    assert!(
        text.ends_with("rules: 0 error(s), 0 warning(s), 0 note(s)\n"),
        "{text}"
    );
    assert_eq!(status(&out), 0, "{text}");

    // Without the folder: a note, and the check passes.
    let out = sandbox.check_paths(&["--strict".as_ref(), deck.as_os_str()]);
    let text = stdout(&out);
    let data_articles = sandbox.home.path().join("data/articles");
    assert!(
        text.contains(&format!(
            "  {}:5:10: note: source \"notes\" names the text \"dunmere.txt\", which is in none \
             of: {}/, {}/; its locators were not checked (give its folder with --articles DIR)\n  ok\n",
            deck.display(),
            decks.display(),
            data_articles.display()
        )),
        "{text}"
    );
    assert_eq!(status(&out), 0, "{text}");

    // <data dir>/articles is searched too, before the folders given.
    sandbox.folder(
        "data/articles",
        &[("dunmere.txt", &DUNMERE.replace("Repairs", "Works"))],
    );
    let out = sandbox.check_paths(&[
        "--articles".as_ref(),
        articles.as_os_str(),
        deck.as_os_str(),
    ]);
    // Not found there: an error with the deck file, the card and the closest passage.
    let text = stdout(&out);
    assert!(
        text.contains(&format!(
            "  {}:13:42: error: card \"who-operator\": locator \"Repairs took eleven days\" is \
             not in dunmere.txt (source \"notes\"); the closest passage is at line 5: \"Works \
             took eleven days\"\n",
            deck.display()
        )),
        "{text}"
    );
    assert_eq!(status(&out), 1);
}

#[test]
fn a_locator_found_twice_is_an_error_with_its_place_and_fails_the_check() {
    let sandbox = Sandbox::new();
    let decks = sandbox.folder(
        "decks",
        &[
            ("dunmere.ron", &dunmere_deck("the operator said")),
            ("dunmere.txt", DUNMERE),
        ],
    );
    let deck = decks.join("dunmere.ron");
    let out = sandbox.check_paths(&[deck.as_os_str()]);
    let text = stdout(&out);
    assert!(
        text.contains(&format!(
            "  locators: 1 checked in 1 article(s)\n  {}:13:42: error: card \"who-operator\": \
             locator \"the operator said\" is found 2 times in dunmere.txt (source \"notes\"): \
             line 5: \"the operator said.\"; line 7: \"The operator said the new engine came \
             from Ardwick\"; lengthen it so that it points to one passage\n  1 error(s), 0 \
             warning(s), 0 note(s)\n",
            deck.display()
        )),
        "{text}"
    );
    assert!(
        text.ends_with("rules: 1 error(s), 0 warning(s), 0 note(s)\n"),
        "{text}"
    );
    assert_eq!(status(&out), 1);

    let out = sandbox.check_paths(&["--json".as_ref(), deck.as_os_str()]);
    assert_eq!(status(&out), 1);
    let v = json_out(&out);
    assert_eq!(v["errors"], json!([]));
    assert_eq!(json_deck_ids(&v), ["dunmere"]);
    let finding = &v["findings"][0];
    assert_eq!(
        (
            &finding["severity"],
            &finding["rule"],
            &finding["line"],
            &finding["col"]
        ),
        (&json!("error"), &json!("locator"), &json!(13), &json!(42))
    );
    assert_eq!(finding["card"], "who-operator");
    assert_eq!(finding["file"], deck.display().to_string());
    assert!(
        finding["message"]
            .as_str()
            .unwrap()
            .starts_with("locator \"the operator said\" is found 2 times")
    );
}

#[test]
fn warnings_fail_the_check_only_with_strict() {
    // The good fixture's disputed claim has no verdict card: one warning.
    let out = Sandbox::new().check(&[GOOD]);
    assert_eq!(status(&out), 0);
    let out = Sandbox::new().check(&["--strict", GOOD]);
    assert_eq!(stdout(&out), format!("{GOOD_REPORT}{}", totals(1, 3, 0, 1)));
    assert_eq!(status(&out), 1);
    let out = Sandbox::new().check(&["--strict", "--json", GOOD]);
    assert_eq!(status(&out), 1);
    assert_eq!(
        json_out(&out)["findings"],
        json!([{
            "severity": "warning", "rule": "coverage", "file": GOOD, "line": 12, "col": 13,
            "card": null, "claim": "toll", "source": null,
            "message": "this disputed claim, with values from 1 source(s), lacks a verdict card \
                        of the claim",
        }])
    );
}

#[test]
fn an_articles_folder_that_does_not_exist_is_refused() {
    let out = Sandbox::new().check(&["--articles", "tests/no-such-folder", GOOD]);
    assert_eq!(stdout(&out), "");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "factquiz: --articles tests/no-such-folder: no such folder\n"
    );
    assert_eq!(status(&out), 2);
}
