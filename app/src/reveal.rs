//! Blind answering: who may see a board's figures, and when. Self-ratings
//! anchor on what others chose, so a board can hide its figures until a
//! person has answered, or until the facilitator reveals them. The rule is
//! here, once, and the server applies it at every door (page, API, live
//! socket); the browser only reads it to say why figures are missing.
//! How many people have answered is never hidden.

use crate::i18n::Say;
use serde::{Deserialize, Serialize};

/// When the figures are shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum RevealMode {
    /// To everyone, all the time.
    #[default]
    Live,
    /// To each person once they have answered in the open round.
    AfterSubmit,
    /// To nobody until the admin reveals them.
    Facilitator,
}

impl RevealMode {
    pub const ALL: [RevealMode; 3] = [RevealMode::Live, RevealMode::AfterSubmit, RevealMode::Facilitator];

    /// As stored and as the API spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            RevealMode::Live => "live",
            RevealMode::AfterSubmit => "after_submit",
            RevealMode::Facilitator => "facilitator",
        }
    }

    pub fn parse(text: &str) -> Option<RevealMode> {
        RevealMode::ALL.into_iter().find(|mode| mode.as_str() == text)
    }

    /// How the admin panel offers it.
    pub fn describe(self) -> Say {
        match self {
            RevealMode::Live => Say::RevealLive,
            RevealMode::AfterSubmit => Say::RevealAfterSubmit,
            RevealMode::Facilitator => Say::RevealFacilitator,
        }
    }
}

/// A board's reveal setting; part of its figures, so a change reaches every
/// open page like any new version.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RevealSettings {
    pub reveal: RevealMode,
    /// The admin revealed the figures to everyone (in either blind mode).
    /// A new round starts hidden again.
    #[serde(default)]
    pub revealed: bool,
}

/// What the gate knows of whoever is looking.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Viewer {
    /// They hold the board's admin key.
    pub admin: bool,
    /// The round they last answered in, if they have answered.
    pub answered_round: Option<u32>,
    /// The board's access rule lets them in (always so on a board open to
    /// anyone).
    pub admitted: bool,
}

impl RevealSettings {
    /// Everyone may see the figures now, whoever they are.
    pub fn public(&self) -> bool {
        self.reveal == RevealMode::Live || self.revealed
    }

    /// Whether `viewer` may see the figures while `open_round` is open.
    /// Earlier rounds' figures anchor just as well, so they follow the
    /// same rule as the open round's.
    pub fn shows(&self, viewer: &Viewer, open_round: u32) -> bool {
        let answered = self.reveal == RevealMode::AfterSubmit && viewer.answered_round == Some(open_round);
        self.public() || viewer.admin || answered
    }

    /// What a page says in place of the figures it may not show.
    pub fn hidden_note(&self) -> Say {
        match self.reveal {
            RevealMode::AfterSubmit => Say::HiddenUntilSubmit,
            _ => Say::HiddenUntilReveal,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn who_sees_in_each_mode() {
        let (nobody, admin) = (Viewer::default(), Viewer { admin: true, ..Viewer::default() });
        let answered_2 = Viewer { answered_round: Some(2), ..Viewer::default() };
        let settings = |reveal, revealed| RevealSettings { reveal, revealed };
        assert!(settings(RevealMode::Live, false).shows(&nobody, 2));
        let after_submit = settings(RevealMode::AfterSubmit, false);
        assert!(!after_submit.shows(&nobody, 2));
        assert!(after_submit.shows(&answered_2, 2));
        assert!(!after_submit.shows(&answered_2, 3), "an answer in an earlier round does not count");
        assert!(after_submit.shows(&admin, 2));
        let facilitator = settings(RevealMode::Facilitator, false);
        assert!(!facilitator.shows(&answered_2, 2));
        assert!(facilitator.shows(&admin, 2));
        assert!(settings(RevealMode::Facilitator, true).shows(&nobody, 2));
        assert!(settings(RevealMode::AfterSubmit, true).shows(&nobody, 2));
    }

    #[test]
    fn modes_read_as_written() {
        for mode in RevealMode::ALL {
            assert_eq!(RevealMode::parse(mode.as_str()), Some(mode));
            assert_eq!(serde_json::to_value(mode).unwrap(), mode.as_str());
        }
        assert_eq!(RevealMode::parse("Live"), None);
    }
}
