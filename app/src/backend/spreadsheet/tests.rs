use super::*;
use crate::matrix::tests::sample_with_roles;

fn problems(result: Result<Matrix, TallyError>) -> Vec<(String, String)> {
    match result {
        Err(TallyError::InvalidMatrix(problems)) => problems.into_iter().map(|p| (p.path, p.message)).collect(),
        other => panic!("expected problems, got {other:?}"),
    }
}

#[test]
fn a_matrix_goes_through_both_formats_and_back_unchanged() {
    let matrix = crate::backend::matrix_body::checked(sample_with_roles()).unwrap();
    for format in [Format::Csv, Format::Xlsx] {
        let file = write(format, &matrix).unwrap();
        let read_back = read(format, &file).unwrap();
        assert_eq!(read_back.roles, matrix.roles, "{format:?}");
        assert_eq!(Matrix { id: matrix.id.clone(), ..read_back }, matrix, "{format:?}");
    }
}

#[test]
fn the_template_files_round_trip_cell_for_cell() {
    let matrix = crate::backend::matrix_body::checked(sample_with_roles()).unwrap();
    let csv = write(Format::Csv, &matrix).unwrap();
    assert_eq!(write(Format::Csv, &read(Format::Csv, &csv).unwrap()).unwrap(), csv, "byte for byte");
    let xlsx = write(Format::Xlsx, &matrix).unwrap();
    let again = write(Format::Xlsx, &read(Format::Xlsx, &xlsx).unwrap()).unwrap();
    assert_eq!(xlsx::read(&again).unwrap(), xlsx::read(&xlsx).unwrap(), "the same cells");
    let text = String::from_utf8(csv).unwrap();
    assert!(
        text.starts_with("Title,Sample\nMatrix id,sample\nDescription,\nRows may be skipped,no\nCategory,Category id,"),
        "{text}"
    );
}

#[test]
fn a_sheet_written_by_hand_needs_no_ids_and_continues_categories() {
    let text = "Title,Team skills\n\
        Category,Competency,Starting (S),Fluent (F),Role: Lead\n\
        Craft,Testing,Writes no tests,Tests first,F\n\
        ,Reviews,Skims,Reads closely,\n\
        \n\
        People,Mentoring,Has not yet,Guides others,Fluent\n";
    let matrix = read(Format::Csv, text.as_bytes()).unwrap();
    assert_eq!(matrix.id, "team-skills");
    let rows: Vec<(&str, &str)> =
        matrix.categories.iter().flat_map(|c| c.rows.iter().map(move |r| (c.id.as_str(), r.id.as_str()))).collect();
    assert_eq!(rows, [("craft", "testing"), ("craft", "reviews"), ("people", "mentoring")]);
    assert_eq!((matrix.levels[1].label.as_str(), matrix.levels[1].short.as_str()), ("Fluent", "F"));
    let lead = &matrix.roles[0];
    assert_eq!((lead.id.as_str(), lead.expects.len()), ("lead", 2));
    assert_eq!(matrix.expected_level(lead, "mentoring"), Some(1));
}

#[test]
fn each_mistake_is_named_at_its_cell_and_nothing_is_read() {
    let text = "Title,Broken\n\
        Owner,someone\n\
        Category,Competency,Starting (S),Fluent (F),Role: Lead\n\
        Craft,Testing,Writes no tests,,F\n\
        Craft,Reviews,Skims,Reads closely,Expert\n";
    let found = problems(read(Format::Csv, text.as_bytes()));
    let cells: Vec<&str> = found.iter().map(|(cell, _)| cell.as_str()).collect();
    assert_eq!(cells, ["Matrix!A2", "Matrix!E5"], "{found:?}");
    assert!(found[0].1.starts_with("sheet 'Matrix', row 2, column A: 'Owner' is not one of"), "{found:?}");
    assert!(found[1].1.contains("'Expert' is not one of the levels"), "{found:?}");
    // Once the layout is right, the matrix's own rules are named at their cells too.
    let fixed = text.replace("Owner,someone\n", "").replace("Expert", "F");
    let found = problems(read(Format::Csv, fixed.as_bytes()));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "Matrix!D3", "the empty description: {found:?}");
    assert!(found[0].1.starts_with("sheet 'Matrix', row 3, column D: "), "{found:?}");
}

#[test]
fn what_is_not_a_spreadsheet_is_refused_as_such() {
    assert!(matches!(read(Format::Xlsx, b"Title,Nope\n"), Err(TallyError::BadRequest(m)) if m.contains(".xlsx")));
    let found = problems(read(Format::Csv, b"Title,Only a title\n"));
    assert!(found[0].1.contains("no heading row"), "{found:?}");
}

#[test]
fn a_workbook_that_unpacks_to_too_much_is_refused_before_it_is_read() {
    use std::io::Write;
    let mut packed = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    packed.start_file("xl/worksheets/sheet1.xml", zip::write::SimpleFileOptions::default()).unwrap();
    for _ in 0..40 {
        packed.write_all(&vec![b' '; 1 << 20]).unwrap();
    }
    let bomb = packed.finish().unwrap().into_inner();
    assert!(bomb.len() < 512 * 1024, "small when packed: {}", bomb.len());
    let refused = read(Format::Xlsx, &bomb).unwrap_err().to_string();
    assert!(refused.contains("unpacks to more than"), "{refused}");
}
