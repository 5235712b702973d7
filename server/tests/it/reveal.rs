//! Blind answering against the real binary: in each reveal mode, every door
//! a client can read a board through — the page's HTML and the data it
//! hydrates from, the presenter, the stats API (whole board, a round, a
//! group), the server functions, the live socket, `/metrics` and the log —
//! shows no figure to whoever may not see them, and shows them to whoever
//! may; a socket starts getting them without reconnecting.

use crate::common;

use common::live_frames::{next_stats, Socket};
use common::{answers, get_json, row_ids, send, TestServer};
use futures_util::SinkExt;
use reqwest::header::COOKIE;
use reqwest::{Client, Method};
use serde_json::{json, Value};
use tokio_tungstenite::connect_async;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::Message;

/// Three people answered level 2 ("n") in every row, so the full figures
/// carry these wherever they are shown; a withheld door carries none.
/// (Filled in: the form's props carry its messages' templates, with
/// `{k}` where a figure goes, on every page.)
const FIGURES: [&str; 10] = [
    "3 of 3 (100%) rated themselves here",
    "crowd median: n",
    "--share: 1.000",
    "(100%)",
    "n 100%",
    "flex-grow: 1.0",
    "[0,0,3,0]",
    "counts\":",
    "counts\\\":",
    // An island's data: JSON in an HTML attribute, quotes as `&quot;`.
    "counts&quot;:",
];

fn figures_in(text: &str) -> Vec<&'static str> {
    FIGURES.into_iter().filter(|marker| text.contains(marker)).collect()
}

/// A server function's form fields.
type Form = [(&'static str, &'static str)];

/// One door's answer to one client.
struct Look {
    door: &'static str,
    status: u16,
    body: String,
}

/// What a client holding `cookie` (a respondent token) and `key` (the admin
/// key, where a door takes one) reads of board `blind` through every door.
async fn every_door(server: &TestServer, cookie: Option<&str>, key: Option<&str>) -> Vec<Look> {
    let client = Client::new();
    let with = |request: reqwest::RequestBuilder| {
        let request = match cookie {
            Some(token) => request.header(COOKIE, format!("tally_respondent={token}")),
            None => request,
        };
        match key {
            Some(key) => request.bearer_auth(key),
            None => request,
        }
    };
    let gets = [
        ("page", "/b/blind"),
        ("compare page", "/b/blind/compare?a=r:1&b=g:1:Team"),
        ("trends page", "/b/blind/trends"),
        ("presenter", "/b/blind/present"),
        ("stats", "/api/boards/blind/stats"),
        ("stats of round 1", "/api/boards/blind/stats?round=1"),
        ("stats of a group", "/api/boards/blind/stats?group=Team"),
    ];
    let posts: [(&str, &str, &Form); 6] = [
        ("load_board", "/api/load_board", &[("board", "blind")]),
        ("present_board", "/api/present_board", &[("board", "blind")]),
        ("compare_figures", "/api/compare_figures", &[("board", "blind"), ("a", "r:1"), ("b", "g:1:Team")]),
        ("board_trends", "/api/board_trends", &[("board", "blind")]),
        ("my_rounds", "/api/my_rounds", &[("board", "blind")]),
        ("open_round", "/api/open_round", &[("board", "blind")]),
    ];
    let mut looks = Vec::new();
    for (door, path) in gets {
        let response = with(client.get(server.url(path))).send().await.unwrap();
        looks.push(Look { door, status: response.status().as_u16(), body: response.text().await.unwrap() });
    }
    for (door, path, form) in posts {
        // The page's doors take the admin key as a field, as the admin's tab sends it.
        let mut fields: Vec<(&str, &str)> = form.to_vec();
        fields.extend(key.map(|key| ("key", key)));
        let response = with(client.post(server.url(path)).form(&fields)).send().await.unwrap();
        looks.push(Look { door, status: response.status().as_u16(), body: response.text().await.unwrap() });
    }
    let mut socket = open_socket(server, cookie).await;
    looks.push(Look { door: "socket", status: 101, body: next_stats(&mut socket).await.to_string() });
    looks
}

async fn open_socket(server: &TestServer, cookie: Option<&str>) -> Socket {
    let mut request = server.ws_url("/api/boards/blind/live").into_client_request().unwrap();
    if let Some(token) = cookie {
        request.headers_mut().insert("Cookie", format!("tally_respondent={token}").parse().unwrap());
    }
    connect_async(request).await.expect("live connection opens").0
}

/// Every door shows no figure (`hidden`) or every figure-showing door shows
/// them (`my_rounds` and `open_round` never carry the board's figures).
fn assert_doors(looks: &[Look], hidden: bool, who: &str) {
    for look in looks {
        let found = figures_in(&look.body);
        assert!(look.status < 500, "{who}: {} answered {}", look.door, look.status);
        if hidden {
            assert!(found.is_empty(), "{who}: {} leaks {found:?}: {}", look.door, look.body);
        } else if !matches!(look.door, "my_rounds" | "open_round") {
            assert!(!found.is_empty(), "{who}: {} shows no figure: {}", look.door, look.body);
        }
    }
}

/// A respondent's answers, level 2 in every row, in group Team; returns
/// the reply (token and pass).
async fn answer(server: &TestServer, rows: &[String]) -> Value {
    let body = json!({ "answers": answers(rows, |_| 2), "group": "Team" });
    let (status, reply) = send(server, Method::POST, "/api/boards/blind/submissions", None, body.to_string()).await;
    assert_eq!(status, 200, "{reply}");
    reply
}

/// The reply of the page's own submit door to `token` resubmitting level 2
/// in group Team (left out, they would leave the group, and the whole board
/// minus Team would be their answers: Team would be withheld).
async fn resubmit_through_the_page(server: &TestServer, rows: &[String], token: &str) -> String {
    let mut form: Vec<(String, String)> = rows.iter().map(|r| (format!("answers[{r}]"), "2".to_string())).collect();
    form.push(("board".into(), "blind".into()));
    form.push(("group".into(), "Team".into()));
    let request = Client::new().post(server.url("/api/submit_answers")).form(&form);
    let response = request.header(COOKIE, format!("tally_respondent={token}")).send().await.unwrap();
    assert_eq!(response.status(), 200);
    response.text().await.unwrap()
}

async fn settings(server: &TestServer, key: Option<&str>, body: Value) -> (u16, Value) {
    send(server, Method::PUT, "/api/boards/blind/settings", key, body.to_string()).await
}

/// The first frame on `socket` that `wanted` accepts; frames announcing
/// watchers who came and went are passed over.
async fn frame_where(socket: &mut Socket, wanted: impl Fn(&Value) -> bool) -> Value {
    for _ in 0..100 {
        let frame = next_stats(socket).await;
        if wanted(&frame) {
            return frame;
        }
    }
    panic!("no such frame in 100");
}

#[tokio::test]
async fn each_mode_shows_the_figures_only_to_whoever_may_see_them_at_every_door() {
    let server = TestServer::start_with(&[("RUST_LOG", "info")]);
    let key = server.create_board(json!({ "matrix": "programmer", "slug": "blind" })).await["admin_key"]
        .as_str()
        .unwrap()
        .to_string();
    let key = key.as_str();
    let rows = row_ids(&server.matrix().await);
    let groups = json!({ "groups": ["Team"], "min_group_size": 3 }).to_string();
    assert_eq!(send(&server, Method::PUT, "/api/boards/blind/groups", Some(key), groups).await.0, 200);
    let first = answer(&server, &rows).await;
    answer(&server, &rows).await;
    answer(&server, &rows).await;
    let token = first["respondent"].as_str().unwrap();

    // Live, the default: everyone sees, through every door.
    assert_doors(&every_door(&server, None, None).await, false, "anyone, live");

    // Refused changes change nothing.
    let before = get_json(&server, "/api/boards/blind/stats").await.1;
    for (who, body, status) in [
        (None, json!({ "reveal": "facilitator" }), 401),
        (Some("0".repeat(64)), json!({ "reveal": "facilitator" }), 403),
        (Some(key.to_string()), json!({ "reveal": "secret" }), 400),
        (Some(key.to_string()), json!({}), 400),
        (Some(key.to_string()), json!({ "reveal": "live", "hidden": true }), 400),
        (Some(key.to_string()), json!({ "revealed": "yes" }), 400),
    ] {
        let (got, reply) = settings(&server, who.as_deref(), body.clone()).await;
        assert_eq!(got, status, "{body}: {reply}");
        assert!(!reply["error"].as_str().unwrap_or_default().is_empty(), "{body}: the error says what: {reply}");
    }
    assert_eq!(get_json(&server, "/api/boards/blind/stats").await.1, before);

    // After submitting: nobody new sees, the one who answered does, so does the admin.
    let set = settings(&server, Some(key), json!({ "reveal": "after_submit" })).await;
    assert_eq!(set, (200, json!({ "reveal": "after_submit", "revealed": false })));
    let mut anonymous = open_socket(&server, None).await;
    assert_doors(&every_door(&server, None, None).await, true, "a newcomer, after_submit");
    let (_, withheld) = get_json(&server, "/api/boards/blind/stats").await;
    let mut fields: Vec<&String> = withheld.as_object().unwrap().keys().collect();
    fields.sort();
    let expected =
        ["board", "closed", "matrix_rev", "respondents", "reveal", "revealed", "round", "version", "withheld"];
    assert_eq!(fields, expected, "{withheld}");
    assert_eq!((&withheld["withheld"], &withheld["respondents"]), (&json!(true), &json!(3)), "the count stays");
    let refused = Client::new().post(server.url("/api/board_trends")).form(&[("board", "blind")]).send().await.unwrap();
    assert_eq!(refused.status(), 403);
    assert!(refused.text().await.unwrap().contains("once you submit"), "the trends door says why");
    assert_doors(&every_door(&server, Some(token), None).await, false, "who answered, after_submit");
    assert!(!figures_in(&resubmit_through_the_page(&server, &rows, token).await).is_empty());
    let admin = Client::new().get(server.url("/api/boards/blind/stats")).bearer_auth(key).send().await.unwrap();
    assert_eq!(admin.json::<Value>().await.unwrap()["counts"][&rows[0]], json!([0, 0, 3, 0]));

    // The newcomer's socket: withheld until their own submission's pass.
    assert!(figures_in(&next_stats(&mut anonymous).await.to_string()).is_empty());
    let fourth = answer(&server, &rows).await;
    let after = frame_where(&mut anonymous, |f| f["respondents"] == 4).await;
    assert_eq!(after.get("counts"), None, "{after}");
    anonymous.send(Message::text(json!({ "pass": "1.00000000000000000000000000000000" }).to_string())).await.unwrap();
    let refused = frame_where(&mut anonymous, |f| f["type"] != "stats" || f.get("counts").is_some()).await;
    assert_eq!(refused["type"], "refused", "a forged pass shows nothing: {refused}");
    anonymous.send(Message::text(json!({ "pass": fourth["pass"] }).to_string())).await.unwrap();
    let shown = frame_where(&mut anonymous, |f| f.get("counts").is_some()).await;
    assert_eq!((&shown["version"], &shown["counts"][&rows[0]]), (&after["version"], &json!([0, 0, 4, 0])));

    // Facilitator: hidden even from who answered, until the reveal; hidden again after a hide.
    let set = settings(&server, Some(key), json!({ "reveal": "facilitator" })).await;
    assert_eq!(set, (200, json!({ "reveal": "facilitator", "revealed": false })));
    let hidden = frame_where(&mut anonymous, |f| f["reveal"] == "facilitator").await;
    assert!(figures_in(&hidden.to_string()).is_empty(), "a mode change reaches an open socket: {hidden}");
    assert_doors(&every_door(&server, Some(token), None).await, true, "who answered, facilitator");
    let reply = resubmit_through_the_page(&server, &rows, token).await;
    assert!(figures_in(&reply).is_empty() && reply.contains("\"pass\""), "the submit reply: {reply}");
    let mut admin_socket = open_socket(&server, None).await;
    assert!(next_stats(&mut admin_socket).await.get("counts").is_none());
    admin_socket.send(Message::text(json!({ "admin": "0".repeat(64) }).to_string())).await.unwrap();
    assert_eq!(
        frame_where(&mut admin_socket, |f| f["type"] == "refused").await["message"],
        "the admin key does not match this board"
    );
    admin_socket.send(Message::text(json!({ "admin": key }).to_string())).await.unwrap();
    let seen = frame_where(&mut admin_socket, |f| f.get("counts").is_some()).await;
    assert_eq!(seen["counts"][&rows[0]], json!([0, 0, 4, 0]), "the admin sees");
    assert_eq!(settings(&server, Some(key), json!({ "revealed": true })).await.0, 200);
    let revealed = frame_where(&mut anonymous, |f| f["revealed"] == true).await;
    assert_eq!(revealed["counts"][&rows[0]], json!([0, 0, 4, 0]), "revealed without reconnecting");
    assert_doors(&every_door(&server, None, None).await, false, "anyone, revealed");
    assert_eq!(settings(&server, Some(key), json!({ "revealed": false })).await.0, 200);
    let hidden = frame_where(&mut anonymous, |f| f["revealed"] == false).await;
    assert!(hidden.get("counts").is_none(), "hidden again, live");
    assert_doors(&every_door(&server, None, None).await, true, "anyone, hidden again");
    // The admin's tab sends its key to the compare and trends doors: they
    // show the figures; with a wrong key, no door shows any.
    let admin = every_door(&server, None, Some(key)).await;
    for door in ["compare_figures", "board_trends"] {
        let look = admin.iter().find(|look| look.door == door).unwrap();
        assert!(!figures_in(&look.body).is_empty(), "the admin's {door} shows no figure: {}", look.body);
    }
    assert_doors(&every_door(&server, None, Some(&"0".repeat(64))).await, true, "a wrong admin key");

    // The setting survives a restart.
    let first_log = server.log();
    let dir = server.terminate().0;
    let server = TestServer::start_in(dir, &[("RUST_LOG", "info")]);
    assert_doors(&every_door(&server, Some(token), None).await, true, "after a restart");
    let (_, stats) = get_json(&server, "/api/boards/blind/stats").await;
    assert_eq!(
        (&stats["reveal"], &stats["revealed"], &stats["respondents"]),
        (&json!("facilitator"), &json!(false), &json!(4))
    );

    // A new round starts hidden again.
    assert_eq!(settings(&server, Some(key), json!({ "revealed": true })).await.0, 200);
    assert_eq!(send(&server, Method::POST, "/api/boards/blind/rounds", Some(key), String::new()).await.0, 201);
    assert_eq!(get_json(&server, "/api/boards/blind/stats").await.1["revealed"], false);

    // Metrics and the log never carry a figure, nor a row of the board.
    let metrics = reqwest::get(server.url("/metrics")).await.unwrap().text().await.unwrap();
    for text in [metrics, first_log, server.log()] {
        assert!(figures_in(&text).is_empty() && !text.contains(&rows[0]), "{text}");
    }
}

/// In `after_submit` mode a pass opens the figures to its own respondent
/// only while their answers stand: once they withdraw, a socket that sends
/// the same pass stays withheld. A pass edited to name another respondent
/// is refused.
#[tokio::test]
async fn a_withdrawal_revokes_the_respondents_pass() {
    let server = TestServer::start();
    let created = server.create_board(json!({ "matrix": "programmer", "slug": "blind" })).await;
    let key = created["admin_key"].as_str().unwrap();
    let rows = row_ids(&server.matrix().await);
    let groups = json!({ "groups": ["Team"], "min_group_size": 3 }).to_string();
    assert_eq!(send(&server, Method::PUT, "/api/boards/blind/groups", Some(key), groups).await.0, 200);
    assert_eq!(settings(&server, Some(key), json!({ "reveal": "after_submit" })).await.0, 200);
    let (mine, other) = (answer(&server, &rows).await, answer(&server, &rows).await);
    let pass = mine["pass"].as_str().unwrap().to_string();

    let shows = |pass: String| {
        let server = &server;
        async move {
            let mut socket = open_socket(server, None).await;
            assert!(next_stats(&mut socket).await.get("counts").is_none(), "withheld before the pass");
            socket.send(Message::text(json!({ "pass": pass }).to_string())).await.unwrap();
            let answer = frame_where(&mut socket, |f| f["type"] == "refused" || f.get("counts").is_some()).await;
            answer.get("counts").is_some()
        }
    };
    assert!(shows(pass.clone()).await, "the pass works while the answers stand (the check can pass)");
    let other_id = other["pass"].as_str().unwrap().split('.').nth(1).unwrap();
    let (round, _, tag) = {
        let parts: Vec<&str> = pass.split('.').collect();
        (parts[0], parts[1], parts[2])
    };
    assert!(!shows(format!("{round}.{other_id}.{tag}")).await, "a pass re-pointed at another respondent");

    let body = json!({ "respondent": mine["respondent"] }).to_string();
    let (status, withdrawn) = send(&server, Method::DELETE, "/api/boards/blind/respondents/me", None, body).await;
    assert_eq!((status, &withdrawn["withdrawn_rounds"]), (200, &json!(1)));
    assert!(!shows(pass).await, "a withdrawal revokes the pass");
    assert!(shows(other["pass"].as_str().unwrap().to_string()).await, "another respondent's own still works");
}
