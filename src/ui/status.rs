//! The status line: the one place where the app tells the user what just happened (saved,
//! undone, not saved and why), in the top bar, until the next message.

use egui::{RichText, Ui};

use super::theme;

/// How a message reads: news, something to notice, or something that failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    Warn,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub tone: Tone,
    pub text: String,
}

impl Message {
    pub fn info(text: impl Into<String>) -> Message {
        Message {
            tone: Tone::Info,
            text: text.into(),
        }
    }

    pub fn warn(text: impl Into<String>) -> Message {
        Message {
            tone: Tone::Warn,
            text: text.into(),
        }
    }

    pub fn error(text: impl Into<String>) -> Message {
        Message {
            tone: Tone::Error,
            text: text.into(),
        }
    }
}

/// The message on show, if any.
#[derive(Debug, Default)]
pub struct Status(Option<Message>);

impl Status {
    pub fn set(&mut self, m: Message) {
        self.0 = Some(m);
    }

    pub fn clear(&mut self) {
        self.0 = None;
    }

    pub fn message(&self) -> Option<&Message> {
        self.0.as_ref()
    }

    /// Draws the message (nothing when there is none).
    pub fn show(&self, ui: &mut Ui) {
        if let Some(m) = &self.0 {
            let color = match m.tone {
                Tone::Info => theme::muted(ui),
                Tone::Warn => theme::warn(ui),
                Tone::Error => theme::wrong(ui),
            };
            ui.add(egui::Label::new(RichText::new(&m.text).color(color)).truncate())
                .on_hover_text(&m.text);
        }
    }
}
