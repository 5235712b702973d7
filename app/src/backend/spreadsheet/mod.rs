//! Matrices as spreadsheets: read from and written to CSV and `.xlsx`, in
//! one layout ([`layout`]), for the editor and the API alike. People who
//! write competency frameworks keep them in spreadsheets; a file with
//! mistakes is refused whole, each mistake named by sheet, row and column.
//!
//! A spreadsheet carries one language, the matrix's own: translations stay
//! in TOML (`backend::matrix_file`).

mod layout;
mod xlsx;

pub use layout::{to_sheet, Sheet, SHEET};

use crate::error::TallyError;
use crate::matrix::{Matrix, MatrixProblem};

/// The spreadsheet formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
}

impl Format {
    /// By a file name's extension or a media type.
    pub fn named(name: &str) -> Option<Format> {
        let name = name.to_ascii_lowercase();
        match () {
            _ if name.ends_with(".csv") || name.starts_with("text/csv") => Some(Format::Csv),
            _ if name.ends_with(".xlsx") || name.starts_with(XLSX_TYPE) => Some(Format::Xlsx),
            _ => None,
        }
    }

    /// By its extension alone (`csv`, `xlsx`, in any case), as the `format` parameters spell it.
    pub fn from_extension(extension: &str) -> Option<Format> {
        [Format::Csv, Format::Xlsx].into_iter().find(|f| f.extension().eq_ignore_ascii_case(extension))
    }

    pub fn media_type(self) -> &'static str {
        match self {
            Format::Csv => "text/csv; charset=utf-8",
            Format::Xlsx => XLSX_TYPE,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
        }
    }
}

/// The media type of an `.xlsx` workbook.
pub const XLSX_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The matrix a file holds, checked: its ids made from titles where the
/// file has none. Refused with `InvalidMatrix` naming each mistake's cell,
/// or `BadRequest` for a file that is not a spreadsheet of this format.
pub fn read(format: Format, bytes: &[u8]) -> Result<Matrix, TallyError> {
    let sheet = match format {
        Format::Csv => csv_sheet(bytes)?,
        Format::Xlsx => xlsx::read(bytes)?,
    };
    let (matrix, cells) = layout::from_sheet(&sheet).map_err(TallyError::InvalidMatrix)?;
    match crate::backend::matrix_body::checked(matrix) {
        Err(TallyError::InvalidMatrix(problems)) => {
            Err(TallyError::InvalidMatrix(problems.into_iter().map(|p| placed(&sheet.name, &cells, p)).collect()))
        }
        other => other,
    }
}

/// The matrix as a file of `format`.
pub fn write(format: Format, matrix: &Matrix) -> Result<Vec<u8>, TallyError> {
    let sheet = to_sheet(matrix);
    match format {
        Format::Csv => csv_bytes(&sheet),
        Format::Xlsx => xlsx::write(&sheet),
    }
}

/// A matrix's problem at the cell its field came from: the nearest field
/// the reading placed, else the sheet's first cell.
fn placed(sheet: &str, cells: &layout::Cells, problem: MatrixProblem) -> MatrixProblem {
    let mut pointer = problem.path.as_str();
    let (row, column) = loop {
        if let Some(&cell) = cells.get(pointer) {
            break cell;
        }
        match pointer.rfind('/') {
            Some(cut) if cut > 0 => pointer = &pointer[..cut],
            _ => break (0, 0),
        }
    };
    layout::at_cell(sheet, row, column, &problem.message)
}

fn csv_sheet(bytes: &[u8]) -> Result<Sheet, TallyError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(bytes);
    let mut rows: Vec<Vec<String>> = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| TallyError::BadRequest(format!("not a CSV file: {e}")))?;
        // A record's line is its row, as a spreadsheet that saved the file numbers it
        // (the reader skips blank lines; a quoted line break makes a row span lines).
        let line = record.position().map_or(rows.len() + 1, |p| p.line() as usize).max(rows.len() + 1);
        rows.resize(line - 1, Vec::new());
        rows.push(record.iter().map(str::to_string).collect());
    }
    Ok(Sheet { name: SHEET.into(), rows })
}

fn csv_bytes(sheet: &Sheet) -> Result<Vec<u8>, TallyError> {
    let mut writer = csv::WriterBuilder::new().flexible(true).from_writer(Vec::new());
    for row in &sheet.rows {
        writer.write_record(row).map_err(|e| TallyError::Internal(format!("writing CSV: {e}")))?;
    }
    writer.into_inner().map_err(|e| TallyError::Internal(format!("writing CSV: {e}")))
}

#[cfg(test)]
mod tests;
