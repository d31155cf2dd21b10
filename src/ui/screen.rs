//! The screens of the app, by name: the one list that the navigation, the home screen's keys
//! and `--screen` (for `--screenshot`) read.

use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Screen {
    Home,
    Review,
    Settings,
    Topics,
    Browser,
    Stats,
    Editor,
    /// The reading view of an article.
    Article,
}

impl Screen {
    /// Every screen, with its name.
    pub const ALL: [(Screen, &'static str); 8] = [
        (Screen::Home, "home"),
        (Screen::Review, "review"),
        (Screen::Settings, "settings"),
        (Screen::Topics, "topics"),
        (Screen::Browser, "browser"),
        (Screen::Stats, "stats"),
        (Screen::Editor, "editor"),
        (Screen::Article, "article"),
    ];

    pub fn name(self) -> &'static str {
        Screen::ALL
            .iter()
            .find(|(s, _)| *s == self)
            .map_or("home", |(_, n)| n)
    }
}

impl fmt::Display for Screen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The screens the top bar and the home keys lead to: (screen, key, label).
pub const NAV: [(Screen, &str, &str); 4] = [
    (Screen::Topics, "T", "Weak topics"),
    (Screen::Browser, "B", "Browse"),
    (Screen::Stats, "G", "Statistics"),
    (Screen::Editor, "E", "Edit decks"),
];

/// What `--screenshot` shows: a screen, and for the review screen, whether the first card is
/// answered ("feedback": the feedback after an answer).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShotTarget {
    pub screen: Screen,
    pub answered: bool,
}

/// The name of the review screen after an answer, for `--screen`.
pub const FEEDBACK: &str = "feedback";

impl ShotTarget {
    /// Every name `--screen` takes.
    pub fn names() -> Vec<&'static str> {
        let mut names: Vec<&str> = Screen::ALL.iter().map(|(_, n)| *n).collect();
        names.insert(2, FEEDBACK);
        names
    }
}

impl FromStr for ShotTarget {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s == FEEDBACK {
            return Ok(ShotTarget {
                screen: Screen::Review,
                answered: true,
            });
        }
        Screen::ALL
            .iter()
            .find(|(_, n)| *n == s)
            .map(|(screen, _)| ShotTarget {
                screen: *screen,
                answered: false,
            })
            .ok_or_else(|| {
                format!(
                    "no screen \"{s}\"; the screens are: {}",
                    ShotTarget::names().join(", ")
                )
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_parses_back_to_its_screen() {
        for (screen, name) in Screen::ALL {
            let t: ShotTarget = name.parse().unwrap();
            assert_eq!((t.screen, t.answered), (screen, false));
            assert_eq!(screen.name(), name);
        }
        let f: ShotTarget = "feedback".parse().unwrap();
        assert_eq!((f.screen, f.answered), (Screen::Review, true));
        let e = "nowhere".parse::<ShotTarget>().unwrap_err();
        assert!(e.contains("home, review, feedback, settings"), "{e}");
    }
}
