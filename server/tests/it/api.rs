//! The public JSON API and the page's server functions, driven over HTTP
//! against the real server binary.

use crate::common;

use common::{answers, row_ids, Lcg, TestServer};
use reqwest::{header, Client, StatusCode};
use serde_json::{json, Value};
use std::collections::HashMap;

async fn post_json(server: &TestServer, path: &str, body: impl Into<reqwest::Body>) -> (StatusCode, Value) {
    let response = Client::new()
        .post(server.url(path))
        .header(header::CONTENT_TYPE, "application/json")
        .body(body)
        .send()
        .await
        .unwrap();
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn matrix_and_empty_stats() {
    let server = TestServer::start();
    let matrix = server.matrix().await;
    assert_eq!(matrix["id"], "programmer");
    assert_eq!(matrix["levels"].as_array().unwrap().len(), 4);
    let rows = row_ids(&matrix);
    assert!(rows.len() >= 28);
    let stats = server.stats("default").await;
    assert_eq!(stats["board"], "default");
    assert_eq!(stats["version"], 0);
    assert_eq!(stats["respondents"], 0);
    assert_eq!(stats["counts"]["data-structures"], json!([0, 0, 0, 0]));
    let unknown = reqwest::get(server.url("/api/boards/nope/stats")).await.unwrap();
    assert_eq!(unknown.status(), 404);
    assert_eq!(unknown.json::<Value>().await.unwrap()["error"], "unknown board 'nope'");
}

#[tokio::test]
async fn resubmitting_replaces_earlier_answers() {
    let server = TestServer::start();
    let rows = row_ids(&server.matrix().await);
    let (status, first) =
        post_json(&server, "/api/boards/default/submissions", json!({ "answers": answers(&rows, |_| 1) }).to_string())
            .await;
    assert_eq!(status, 200, "{first}");
    assert_eq!(first["version"], 1);
    let respondent = first["respondent"].as_str().unwrap().to_string();
    assert_eq!(respondent.len(), 65, "an issued token: 128 random bits and a 128-bit tag, in hex");

    let body = json!({ "answers": answers(&rows, |i| if i == 0 { 3 } else { 1 }), "respondent": respondent });
    let (status, second) = post_json(&server, "/api/boards/default/submissions", body.to_string()).await;
    assert_eq!((status, second["version"].clone()), (StatusCode::OK, json!(2)));
    let stats = server.stats("default").await;
    assert_eq!(stats["respondents"], 1);
    assert_eq!(stats["counts"][&rows[0]], json!([0, 0, 0, 1]));
    assert_eq!(stats["counts"][&rows[1]], json!([0, 1, 0, 0]));
}

#[tokio::test]
async fn the_cookie_identifies_a_returning_respondent() {
    let server = TestServer::start();
    let rows = row_ids(&server.matrix().await);
    let client = Client::new();
    let body = json!({ "answers": answers(&rows, |_| 0) }).to_string();
    let first = client.post(server.url("/api/boards/default/submissions")).body(body.clone()).send().await.unwrap();
    let cookie = first.headers()[header::SET_COOKIE].to_str().unwrap().to_string();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), "{cookie}");
    let pair = cookie.split(';').next().unwrap().to_string();
    let again = client
        .post(server.url("/api/boards/default/submissions"))
        .header(header::COOKIE, pair)
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 200);
    assert!(again.headers().get(header::SET_COOKIE).is_none());
    assert_eq!(server.stats("default").await["respondents"], 1);
}

#[tokio::test]
async fn bad_input_is_refused_with_a_clear_message_and_changes_nothing() {
    let server = TestServer::start();
    let rows = row_ids(&server.matrix().await);
    let complete = answers(&rows, |_| 2);
    let with = |row: &str, value: Value| {
        let mut a = complete.clone();
        a[row] = value;
        json!({ "answers": a }).to_string().into_bytes()
    };
    let mut missing = complete.clone();
    missing.as_object_mut().unwrap().remove(&rows[3]);
    let mut unknown = complete.clone();
    unknown["not-a-row"] = json!(1);
    let huge = format!("{{\"answers\": {{\"{}\": {}}}}}", rows[0], "9".repeat(40)).into_bytes();
    let mut invalid_utf8 = b"{\"answers\": {\"".to_vec();
    invalid_utf8.extend_from_slice(&[0xff, 0xfe]);
    invalid_utf8.extend_from_slice(b"\": 1}}");
    let cases: Vec<(&str, &str, Vec<u8>, u16, String)> = vec![
        ("malformed JSON", "default", b"{\"answers\": ".to_vec(), 400, "invalid JSON body".into()),
        ("wrong type for answers", "default", b"{\"answers\": [1, 2]}".to_vec(), 400, "invalid JSON body".into()),
        ("unknown field", "default", b"{\"answers\": {}, \"extra\": 1}".to_vec(), 400, "unknown field `extra`".into()),
        (
            "level as text",
            "default",
            with(&rows[0], json!("two")),
            422,
            format!("({}): level must be a whole number from 0 to 3, got \"two\"", rows[0]),
        ),
        ("negative level", "default", with(&rows[0], json!(-1)), 422, "got -1".into()),
        ("level out of range", "default", with(&rows[0], json!(4)), 422, "level 4 does not exist".into()),
        ("huge number", "default", huge, 422, "must be a whole number".into()),
        (
            "missing row",
            "default",
            json!({ "answers": missing }).to_string().into_bytes(),
            422,
            format!("({}): no level chosen", rows[3]),
        ),
        (
            "unknown row",
            "default",
            json!({ "answers": unknown }).to_string().into_bytes(),
            422,
            "unknown row 'not-a-row'".into(),
        ),
        ("unknown board", "nope", with(&rows[0], json!(1)), 404, "unknown board 'nope'".into()),
        (
            "bad respondent",
            "default",
            json!({ "answers": complete, "respondent": "x" }).to_string().into_bytes(),
            400,
            "respondent is not a token this server issued".into(),
        ),
        ("invalid UTF-8", "default", invalid_utf8, 400, "invalid JSON body".into()),
        ("oversized body", "default", vec![b' '; 70 * 1024], 413, "larger than 65536 bytes".into()),
        (
            "a row answered twice",
            "default",
            format!("{{\"answers\": {{\"{0}\": 1, \"{0}\": 2}}}}", rows[0]).into_bytes(),
            400,
            format!("row '{}' is answered twice", rows[0]),
        ),
        (
            "answers given twice",
            "default",
            b"{\"answers\": {}, \"answers\": {}}".to_vec(),
            400,
            "duplicate field `answers`".into(),
        ),
    ];
    for (what, board, body, status, message) in cases {
        let (got, response) = post_json(&server, &format!("/api/boards/{board}/submissions"), body).await;
        assert_eq!(got.as_u16(), status, "{what}: {response}");
        let error = response["error"].as_str().unwrap_or_default();
        assert!(error.contains(&message), "{what}: expected '{message}' in '{error}'");
        // The stable name clients branch on (docs/API.md, "Error codes").
        let code = match status {
            400 => "bad_request",
            404 => "unknown_board",
            413 => "too_large",
            _ => "invalid_submission",
        };
        assert_eq!(response["code"], code, "{what}: {response}");
    }
    let stats = server.stats("default").await;
    assert_eq!((stats["version"].clone(), stats["respondents"].clone()), (json!(0), json!(0)));
}

/// A 10 MB body is refused as soon as the limit is passed: the server answers
/// 413 and closes without reading the rest (so a client writing it all sees
/// the connection close under it, which is why this test writes by hand).
#[tokio::test]
async fn a_ten_megabyte_body_is_refused_early() {
    let server = TestServer::start();
    let address = server.base.trim_start_matches("http://").to_string();
    let response = tokio::task::spawn_blocking(move || {
        use std::io::{Read, Write};
        let mut stream = std::net::TcpStream::connect(&address).unwrap();
        let size = 10 * 1024 * 1024;
        write!(
            stream,
            "POST /api/boards/default/submissions HTTP/1.1\r\nHost: {address}\r\nContent-Length: {size}\r\n\r\n"
        )
        .unwrap();
        let chunk = vec![b'{'; 64 * 1024];
        for _ in 0..size / chunk.len() {
            if stream.write_all(&chunk).is_err() {
                break; // the server has answered and closed
            }
        }
        let mut response = Vec::new();
        let _ = stream.read_to_end(&mut response);
        String::from_utf8_lossy(&response).to_string()
    })
    .await
    .unwrap();
    assert!(response.starts_with("HTTP/1.1 413"), "{}", &response[..response.len().min(300)]);
    assert!(response.contains("larger than 65536 bytes"), "{response}");
    assert_eq!(server.stats("default").await["version"], 0);
}

#[tokio::test]
async fn the_page_is_rendered_on_the_server_with_the_figures_in_it() {
    let server = TestServer::start();
    let rows = row_ids(&server.matrix().await);
    post_json(&server, "/api/boards/default/submissions", json!({ "answers": answers(&rows, |_| 2) }).to_string())
        .await;
    let html = reqwest::get(server.url("/")).await.unwrap().text().await.unwrap();
    assert!(html.contains("<tbody>") && html.contains("Programmer Competency Matrix"));
    assert!(html.contains("1 of 1 (100%) rated themselves here"));
    assert!(html.contains("1 person has answered"));
}

#[tokio::test]
async fn the_submit_server_function_over_http() {
    let server = TestServer::start();
    let rows = row_ids(&server.matrix().await);
    let client = Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let form = |pick: &dyn Fn(usize) -> Option<&'static str>| {
        let mut fields = vec![("board".to_string(), "default".to_string())];
        for (i, row) in rows.iter().enumerate() {
            if let Some(level) = pick(i) {
                fields.push((format!("answers[{row}]"), level.to_string()));
            }
        }
        fields
    };
    // Hydrated page: the body is the outcome as JSON.
    let good = client.post(server.url("/api/submit_answers")).form(&form(&|_| Some("1"))).send().await.unwrap();
    assert_eq!(good.status(), 200);
    assert!(good.headers()[header::SET_COOKIE].to_str().unwrap().starts_with("tally_respondent="));
    let outcome: Value = good.json().await.unwrap();
    assert_eq!(outcome["stats"]["version"], 1);
    assert_eq!(outcome["stats"]["counts"][&rows[0]], json!([0, 1, 0, 0]));

    // Missing and malformed answers: 422 naming the rows, nothing counted.
    let bad = client
        .post(server.url("/api/submit_answers"))
        .form(&form(&|i| match i {
            0 => None,
            1 => Some("x"),
            _ => Some("2"),
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 422);
    let error = bad.json::<Value>().await.unwrap();
    assert_eq!(error["kind"], "InvalidSubmission", "{error}");
    let problems = error["problems"].clone();
    let text = problems.to_string();
    assert!(text.contains(&format!("({}): no level chosen", rows[0])), "{text}");
    assert!(text.contains(&format!("({}): level must be a whole number", rows[1])), "{text}");

    // A plain form post (no JavaScript) is redirected back to the page,
    // carrying the error in the URL when there is one.
    let plain = |fields: Vec<(String, String)>| {
        client
            .post(server.url("/api/submit_answers"))
            .header(header::ACCEPT, "text/html")
            .header(header::REFERER, server.url("/"))
            .form(&fields)
            .send()
    };
    let ok = plain(form(&|_| Some("3"))).await.unwrap();
    assert_eq!(ok.status(), 302);
    let back = ok.headers()[header::LOCATION].to_str().unwrap();
    assert!(back.starts_with(&server.url("/")) && !back.contains("__err"), "{back}");
    let rejected = plain(form(&|_| None)).await.unwrap();
    assert_eq!(rejected.status(), 302);
    assert!(rejected.headers()[header::LOCATION].to_str().unwrap().contains("__err="));

    let stats = server.stats("default").await;
    assert_eq!((stats["version"].clone(), stats["respondents"].clone()), (json!(2), json!(2)));
}

/// 1,000 submissions at once from 300 respondents: 200 answer once, the
/// other 100 answer ten times each, racing their own earlier answers.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_submissions_equal_an_independent_recount() {
    let server = TestServer::start();
    let rows = row_ids(&server.matrix().await);
    let mut rng = Lcg(7);
    let mut planned = Vec::new();
    for (k, respondent) in server.respondents(300).await.into_iter().enumerate() {
        let times = if k < 100 { 8 } else { 1 };
        for _ in 0..times {
            let picks: Vec<u64> = rows.iter().map(|_| rng.next(4)).collect();
            planned.push((respondent.clone(), picks));
        }
    }
    assert_eq!(planned.len(), 1000);
    let client = Client::new();
    let tasks: Vec<_> = planned
        .into_iter()
        .map(|(respondent, picks)| {
            let (client, url, rows) = (client.clone(), server.url("/api/boards/default/submissions"), rows.clone());
            tokio::spawn(async move {
                let body = json!({ "answers": answers(&rows, |i| picks[i]), "respondent": respondent });
                let response = client.post(url).body(body.to_string()).send().await.unwrap();
                assert_eq!(response.status(), 200);
                let version = response.json::<Value>().await.unwrap()["version"].as_u64().unwrap();
                (respondent, version, picks)
            })
        })
        .collect();
    // The last version acknowledged to each respondent is the answer that stands.
    let mut standing: HashMap<String, (u64, Vec<u64>)> = HashMap::new();
    let mut versions = Vec::new();
    for task in tasks {
        let (respondent, version, picks) = task.await.unwrap();
        versions.push(version);
        let entry = standing.entry(respondent).or_insert((0, Vec::new()));
        if version > entry.0 {
            *entry = (version, picks);
        }
    }
    versions.sort_unstable();
    assert_eq!(versions, (1..=1000).collect::<Vec<_>>(), "every submission got its own version");
    let mut expected: HashMap<&str, Vec<u64>> = rows.iter().map(|r| (r.as_str(), vec![0; 4])).collect();
    for (_, picks) in standing.values() {
        for (row, level) in rows.iter().zip(picks) {
            expected.get_mut(row.as_str()).unwrap()[*level as usize] += 1;
        }
    }
    let stats = server.stats("default").await;
    assert_eq!(stats["version"], 1000);
    assert_eq!(stats["respondents"], 300);
    for row in &rows {
        assert_eq!(stats["counts"][row], json!(expected[row.as_str()]), "row {row}");
    }
}

#[tokio::test]
async fn malformed_form_bodies_to_the_server_function_are_refused() {
    let server = TestServer::start();
    let client = Client::new();
    let cases: [(&str, &[u8]); 4] = [
        ("no board field", b"answers%5Bdata-structures%5D=1"),
        ("broken percent-encoding", b"board=default&answers%5Bx%5D=%zz%"),
        ("invalid UTF-8", b"board=default&answers%5B\xff\xfe%5D=1"),
        ("not a form at all", b"{\"board\": \"default\"}"),
    ];
    for (what, body) in cases {
        let response = client
            .post(server.url("/api/submit_answers"))
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(body.to_vec())
            .send()
            .await
            .unwrap();
        let status = response.status().as_u16();
        let text = response.text().await.unwrap();
        assert!((400..500).contains(&status), "{what}: {status} {text}");
        assert!(!text.is_empty(), "{what}: the error says something");
    }
    assert_eq!(server.stats("default").await["version"], 0, "nothing was counted");
}
