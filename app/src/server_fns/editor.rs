//! The matrix editor's server functions. They take and give whole matrices
//! as JSON (`input = Json`): a matrix does not fit a flat form. Each calls
//! one use case, like the page's other doors; the rules are checked on the
//! server (the id derivation and the TOML reader stay out of the browser's
//! bundle).

use crate::error::TallyError;
use crate::matrix::{Matrix, MatrixProblem};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Served at `/api/editor_templates`: the built-in templates, whole, for
/// the editor's gallery.
#[server(endpoint = "editor_templates")]
pub async fn editor_templates() -> Result<Vec<Matrix>, TallyError> {
    crate::backend::context::run(None, |door| async move {
        Ok(door.tally.templates().iter().map(|m| (**m).clone()).collect())
    })
    .await
}

/// Served at `/api/check_matrix`: every problem that would stop the matrix
/// from being saved, with the path of its field; none means it can be.
/// Problems are this request's answer, not its failure.
#[server(endpoint = "check_matrix", input = Json)]
pub async fn check_matrix(matrix: Matrix) -> Result<Vec<MatrixProblem>, TallyError> {
    crate::backend::context::run(None, |_| async move {
        match crate::backend::matrix_body::checked(matrix) {
            Ok(_) => Ok(Vec::new()),
            Err(TallyError::InvalidMatrix(problems)) => Ok(problems),
            Err(other) => Err(other),
        }
    })
    .await
}

/// Served at `/api/import_matrix`: a matrix file's text (TOML, as the
/// templates and `?format=toml` are written, or JSON) as a matrix, for the
/// editor to show and fix; only a file that is not a matrix at all is refused.
#[server(endpoint = "import_matrix", input = Json)]
pub async fn import_matrix(text: String) -> Result<Matrix, TallyError> {
    crate::backend::context::run(None, |_| async move { crate::backend::matrix_file::read(&text) }).await
}

/// Served at `/api/export_matrix`: the matrix as a TOML file's text.
#[server(endpoint = "export_matrix", input = Json)]
pub async fn export_matrix(matrix: Matrix) -> Result<String, TallyError> {
    crate::backend::context::run(None, |_| async move { crate::backend::matrix_file::write(&matrix) }).await
}

/// Served at `/api/import_spreadsheet`: a matrix from a spreadsheet (`name`
/// ends in `.csv` or `.xlsx`), refused whole with each mistake at its cell.
#[server(endpoint = "import_spreadsheet", input = Json)]
pub async fn import_spreadsheet(name: String, bytes: Vec<u8>) -> Result<Matrix, TallyError> {
    use crate::backend::spreadsheet::{self, Format};
    crate::backend::context::run(None, |_| async move {
        let format = Format::named(&name)
            .ok_or_else(|| TallyError::BadRequest("a spreadsheet's name ends in .csv or .xlsx".into()))?;
        spreadsheet::read(format, &bytes)
    })
    .await
}

/// Served at `/api/export_spreadsheet`: the matrix as a spreadsheet,
/// `format` `csv` or `xlsx`.
#[server(endpoint = "export_spreadsheet", input = Json)]
pub async fn export_spreadsheet(matrix: Matrix, format: String) -> Result<Vec<u8>, TallyError> {
    use crate::backend::spreadsheet::{self, Format};
    crate::backend::context::run(None, |_| async move {
        let format = Format::from_extension(&format)
            .ok_or_else(|| TallyError::BadRequest(format!("format '{format}' is not one of csv, xlsx")))?;
        spreadsheet::write(format, &matrix)
    })
    .await
}

/// Served at `/api/create_custom_board`: a board on the editor's matrix;
/// answers with its admin link, which the editor opens.
#[server(endpoint = "create_custom_board", input = Json)]
pub async fn create_custom_board(matrix: Matrix, title: String, slug: String) -> Result<String, TallyError> {
    use crate::backend::use_cases::boards::{MatrixChoice, NewBoard};
    super::create(NewBoard { matrix: MatrixChoice::Custom(matrix), slug: Some(slug), title: Some(title) }).await
}

/// Served at `/api/edit_matrix`: the admin's edit of revision `base`;
/// answers with the new revision.
#[server(endpoint = "edit_matrix", input = Json)]
pub async fn edit_matrix(board: String, key: String, matrix: Matrix, base: u64) -> Result<u64, TallyError> {
    crate::backend::context::run(Some(key), |door| async move {
        Ok(door.tally.edit_matrix(&door.caller, &board, matrix, Some(base)).await?.matrix_rev)
    })
    .await
}
