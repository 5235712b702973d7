//! What the server sends the page, shared by both sides so the browser
//! decodes exactly what the server encodes.

use crate::answers::{Draft, PreviousAnswers};
use crate::matrix::Matrix;
use crate::stats::Stats;
use serde::{Deserialize, Serialize};

/// Everything the page needs to render one board.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BoardPageData {
    /// The board's id, as in its address.
    pub board: String,
    /// The heading.
    pub title: String,
    /// Rows, categories and levels.
    pub matrix: Matrix,
    /// The board version at which `matrix` was stored; figures announcing a
    /// newer one make the page fetch the matrix again.
    pub matrix_rev: u64,
    /// The figures as of rendering; live push moves them on.
    pub stats: Stats,
    /// The name of the round `stats` is of ("2026 Q4", or "Round 2").
    pub round_label: String,
    /// The visitor's own answers, if they answered before.
    pub previous: Option<PreviousAnswers>,
    /// The groups a respondent may pick from (none: no choice offered).
    pub groups: Vec<String>,
    /// What the visitor had picked in a form the server just refused;
    /// the form starts from it rather than from `previous`.
    #[serde(default)]
    pub draft: Option<Draft>,
    /// How many of the matrix's texts are not in the page's language and
    /// are shown as written (0 when the page speaks the matrix's language).
    #[serde(default)]
    pub untranslated: usize,
}

impl BoardPageData {
    /// The page with its matrix in `language` where it is translated: a
    /// page carries one language's text only.
    pub fn in_language(mut self, language: &str) -> BoardPageData {
        self.untranslated = in_language(&mut self.title, &mut self.matrix, language);
        self
    }
}

/// Puts a board's `matrix` in `language` where it is translated (its
/// translations stay behind), and its `title` too when the board is named
/// after its matrix; how many texts are left as written.
pub fn in_language(title: &mut String, matrix: &mut Matrix, language: &str) -> usize {
    let shown = matrix.in_language(language);
    title_as_shown(title, matrix, &shown.matrix);
    *matrix = shown.matrix;
    shown.untranslated
}

/// A board's `title` as a page shows it: its matrix's title in the page's
/// language (`shown`) when the board is named after its matrix (`written`).
pub fn title_as_shown(title: &mut String, written: &Matrix, shown: &Matrix) {
    if *title == written.title {
        title.clone_from(&shown.title);
    }
}

/// What the presenter screen shows: the board, and the address people
/// join it at (the one its QR code carries).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PresentData {
    /// The board as its own page has it.
    pub page: BoardPageData,
    /// Absolute: `https://tally.example.org/b/team-a`.
    pub address: String,
    /// How many people are invited (links not withdrawn); 0 when the board
    /// has no invitations.
    #[serde(default)]
    pub invited: u64,
}

/// What the page needs after a successful submission.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SubmitOutcome {
    /// The board's figures with this submission in them.
    pub stats: Stats,
    /// Unix seconds, shown as "You submitted on …".
    pub submitted_at: i64,
    /// Sent on the page's live socket, so that it shows the figures of the
    /// round just answered where they are shown only to those who answered.
    pub pass: String,
}

/// A board this browser created or answered, as "Your boards" lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KnownBoard {
    pub id: String,
    pub title: String,
    /// Created here (else answered here).
    pub created: bool,
}

/// A template as the start page offers it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TemplateCard {
    pub id: String,
    pub title: String,
    pub description: String,
    pub rows: usize,
    pub levels: usize,
}

/// The start page's form as it is shown: the templates, and what was typed
/// and found wrong when a creation was refused.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StartForm {
    pub templates: Vec<TemplateCard>,
    /// The chosen template's id.
    pub matrix: String,
    pub title: String,
    /// The public address typed, if any.
    pub slug: String,
    pub title_problem: Option<String>,
    pub address_problem: Option<String>,
    /// About the form as a whole (a limit reached, a failure).
    pub problem: Option<String>,
}
