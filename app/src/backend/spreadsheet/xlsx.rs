//! `.xlsx` workbooks: read with calamine (its first sheet), written with
//! rust_xlsxwriter (one sheet, the heading row bold and frozen).

use super::layout::Sheet;
use crate::error::TallyError;
use calamine::{Reader, Xlsx};
use std::io::Cursor;

/// The most a workbook may hold once unpacked: a 512 KiB upload could
/// otherwise unpack into gigabytes of cells.
const MAX_UNPACKED: u64 = 32 * 1024 * 1024;

pub fn read(bytes: &[u8]) -> Result<Sheet, TallyError> {
    let not_xlsx = |e: &dyn std::fmt::Display| TallyError::BadRequest(format!("not an .xlsx workbook: {e}"));
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| not_xlsx(&e))?;
    let mut unpacked = 0u64;
    for i in 0..archive.len() {
        unpacked += archive.by_index_raw(i).map_err(|e| not_xlsx(&e))?.size();
    }
    if unpacked > MAX_UNPACKED {
        return Err(TallyError::BadRequest(format!(
            "the workbook unpacks to more than {} MiB; a matrix is far smaller",
            MAX_UNPACKED >> 20
        )));
    }
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| not_xlsx(&e))?;
    let Some(name) = book.sheet_names().first().cloned() else {
        return Err(TallyError::BadRequest("the workbook has no sheet".into()));
    };
    let range = book.worksheet_range(&name).map_err(|e| not_xlsx(&e))?;
    let (top, left) = range.start().unwrap_or((0, 0));
    let mut rows = vec![Vec::new(); top as usize];
    for cells in range.rows() {
        let mut row = vec![String::new(); left as usize];
        row.extend(cells.iter().map(|cell| cell.to_string()));
        rows.push(row);
    }
    Ok(Sheet { name, rows })
}

pub fn write(sheet: &Sheet) -> Result<Vec<u8>, TallyError> {
    use rust_xlsxwriter::{Format, Workbook};
    let failed = |e: rust_xlsxwriter::XlsxError| TallyError::Internal(format!("writing the workbook: {e}"));
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let wrapped = Format::new().set_text_wrap();
    let page = book.add_worksheet();
    page.set_name(&sheet.name).map_err(failed)?;
    let heading =
        sheet.rows.iter().position(|row| row.first().is_some_and(|c| c == super::layout::CATEGORY)).unwrap_or(0);
    for (r, row) in sheet.rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            let format = if r == heading || c == 0 && r < heading { &bold } else { &wrapped };
            page.write_string_with_format(r as u32, c as u16, text, format).map_err(failed)?;
        }
    }
    let width = sheet.rows.iter().map(Vec::len).max().unwrap_or(0);
    for c in 0..width {
        page.set_column_width(c as u16, if c < 4 { 22 } else { 40 }).map_err(failed)?;
    }
    page.set_freeze_panes(heading as u32 + 1, 4).map_err(failed)?;
    book.save_to_buffer().map_err(failed)
}
