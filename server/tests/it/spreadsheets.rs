//! Matrices as spreadsheets over HTTP against the real binary: the template
//! files in both formats read back into the same matrix and start a board,
//! a board's matrix comes out in both, and a sheet with mistakes is refused
//! with each at its cell.

use crate::common;

use common::{send, TestServer};
use reqwest::Method;
use serde_json::{json, Value};

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async fn read_file(server: &TestServer, content_type: &str, body: Vec<u8>) -> (u16, Value) {
    let response = reqwest::Client::new()
        .post(server.url("/api/matrices/read"))
        .header(reqwest::header::CONTENT_TYPE, content_type)
        .body(body)
        .send()
        .await
        .unwrap();
    (response.status().as_u16(), response.json().await.unwrap_or(Value::Null))
}

async fn download(server: &TestServer, path: &str) -> (String, Vec<u8>) {
    let response = reqwest::get(server.url(path)).await.unwrap();
    assert_eq!(response.status(), 200, "{path}");
    let kind = response.headers()[reqwest::header::CONTENT_TYPE].to_str().unwrap().to_string();
    (kind, response.bytes().await.unwrap().to_vec())
}

#[tokio::test]
async fn the_template_files_read_back_into_the_template_and_start_a_board() {
    let server = TestServer::start();
    let (_, template) = common::get_json(&server, "/api/templates/programmer").await;
    for (format, kind) in [("csv", "text/csv"), ("xlsx", XLSX)] {
        let (served, file) = download(&server, &format!("/api/templates/programmer?format={format}")).await;
        assert!(served.starts_with(kind), "{served}");
        let (status, matrix) = read_file(&server, kind, file).await;
        assert_eq!(status, 200, "{matrix}");
        for field in ["id", "title", "levels", "categories", "roles"] {
            assert_eq!(matrix[field], template[field], "{format}: {field}");
        }
        assert!(matrix.get("translations").is_none(), "a spreadsheet holds one language");
        let slug = format!("from-{format}");
        server.create_board(json!({ "matrix": matrix, "slug": slug })).await;
        let (_, on_board) = common::get_json(&server, &format!("/api/boards/{slug}/matrix")).await;
        assert_eq!(on_board["categories"], template["categories"]);
    }
}

#[tokio::test]
async fn a_boards_matrix_comes_out_as_a_spreadsheet_and_goes_back_unchanged() {
    let server = TestServer::start();
    let created = server.create_board(json!({ "matrix": "programmer", "slug": "sheets" })).await;
    let key = created["admin_key"].as_str().unwrap();
    let (_, csv) = download(&server, "/api/boards/sheets/matrix?format=csv").await;
    let text = String::from_utf8(csv.clone()).unwrap();
    assert!(text.starts_with("Title,Programmer Competency Matrix"), "{}", &text[..80]);
    let (status, matrix) = read_file(&server, "text/csv; charset=utf-8", csv).await;
    assert_eq!(status, 200);
    let (status, _) = send(&server, Method::PUT, "/api/boards/sheets/matrix", Some(key), matrix.to_string()).await;
    assert_eq!(status, 200, "the same rows and levels, so the edit is taken");
    assert_eq!(common::get_json(&server, "/api/boards/sheets/matrix?format=ods").await.0, 400);
}

#[tokio::test]
async fn a_sheet_with_mistakes_is_refused_with_each_at_its_cell() {
    let server = TestServer::start();
    let sheet = "Title,Broken\n\
        Category,Competency,Starting (S),Fluent (F)\n\
        Craft,Testing,Writes no tests,\n\
        Craft,,Skims,Reads closely\n\
        Craft,Reviews,Skims,Reads closely\n";
    let (status, refused) = read_file(&server, "text/csv", sheet.as_bytes().to_vec()).await;
    assert_eq!(status, 422, "{refused}");
    let cells: Vec<&str> =
        refused["problems"].as_array().unwrap().iter().map(|p| p["path"].as_str().unwrap()).collect();
    assert!(cells.contains(&"Matrix!D3"), "the empty description: {refused}");
    assert!(cells.contains(&"Matrix!B4"), "the competency without a title: {refused}");
    assert_eq!(cells.len(), 2, "{refused}");
    let (status, refused) = read_file(&server, XLSX, b"not a workbook".to_vec()).await;
    assert_eq!((status, refused["code"].as_str()), (400, Some("bad_request")));
    assert_eq!(read_file(&server, "image/png", b"x".to_vec()).await.0, 400);
}
