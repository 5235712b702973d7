//! A matrix in several languages: its translations go in and out through
//! the API as written, a page shows the reader's language where there is
//! a translation and says how much is left in the matrix's own, and a
//! translation that does not fit the matrix is refused at its field.

use crate::common;

use common::{get_json, TestServer};
use reqwest::Client;
use serde_json::{json, Value};

/// Two levels, one row, in English, translated into German in part and
/// into French not at all.
fn bilingual() -> Value {
    json!({
        "id": "bilingual",
        "title": "Team skills",
        "levels": [{ "id": "low", "label": "Beginner", "short": "B" }, { "id": "high", "label": "Expert", "short": "E" }],
        "categories": [{ "id": "code", "title": "Coding", "rows": [
            { "id": "tests", "title": "Writing tests", "descriptions": ["Runs the tests", "Designs the test suite"] }
        ] }],
        "translations": { "de": {
            "title": "Teamfähigkeiten",
            "levels": { "low": { "label": "Einsteiger", "short": "A" }, "high": { "label": "Expertin", "short": "X" } },
            "categories": { "code": "Programmieren" },
            "rows": { "tests": { "title": "Tests schreiben", "descriptions": ["Führt die Tests aus"] } }
        } }
    })
}

async fn create(server: &TestServer, matrix: Value, slug: &str) -> (u16, Value) {
    let body = json!({ "matrix": matrix, "slug": slug }).to_string();
    let response = Client::new().post(server.url("/api/boards")).body(body).send().await.unwrap();
    (response.status().as_u16(), response.json().await.unwrap_or(Value::Null))
}

async fn page(server: &TestServer, path: &str) -> String {
    reqwest::get(server.url(path)).await.unwrap().text().await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_page_shows_the_readers_language_and_says_what_is_left_untranslated() {
    let server = TestServer::start();
    let (status, created) = create(&server, bilingual(), "skills").await;
    assert_eq!(status, 201, "{created}");

    let german = page(&server, "/b/skills?lang=de").await;
    for words in ["Teamfähigkeiten", "Einsteiger", "Programmieren", "Tests schreiben", "Führt die Tests aus"] {
        assert!(german.contains(words), "{words} missing from the German page");
    }
    assert!(german.contains("Designs the test suite"), "the untranslated description falls back to English");
    assert!(german.contains("Ein Text dieser Matrix ist noch nicht auf Deutsch übersetzt: Er steht auf Englisch da."));
    for english in ["Writing tests", "Runs the tests", ">Coding<", "Beginner"] {
        assert!(!german.contains(english), "{english}: a page carries one language's words");
    }

    let french = page(&server, "/b/skills?lang=fr").await;
    assert!(french.contains("Writing tests") && !french.contains("Tests schreiben"), "French falls back to English");
    assert!(french.contains("textes de cette matrice ne sont pas encore traduits en français"), "{french}");
    let english = page(&server, "/b/skills?lang=en").await;
    assert!(english.contains("Writing tests"), "the matrix's own language");
    assert!(!english.contains("not translated"), "no notice in the matrix's own language");

    // The comparison and the trends name the rows as the board page does.
    for path in ["/b/skills/compare?lang=de", "/b/skills/trends?lang=de"] {
        let shown = page(&server, path).await;
        assert!(shown.contains("Tests schreiben") && !shown.contains("Writing tests"), "{path}: {shown}");
    }
    // The API and the editor keep the matrix as written, translations and all.
    let (_, matrix) = get_json(&server, "/api/boards/skills/matrix").await;
    assert_eq!(matrix["title"], "Team skills");
    assert_eq!(matrix["translations"]["de"]["rows"]["tests"]["title"], "Tests schreiben");
    let editor = page(&server, "/b/skills/edit?lang=de").await;
    assert!(editor.contains("Writing tests") && editor.contains("Tests schreiben"), "the editor has both");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_translation_that_does_not_fit_the_matrix_is_refused_at_its_field() {
    let server = TestServer::start();
    let mut matrix = bilingual();
    matrix["translations"]["de"]["rows"]["gone"] = json!({ "title": "Weg" });
    matrix["translations"]["de"]["rows"]["tests"]["descriptions"] = json!(["a", "b", "c"]);
    matrix["translations"]["en"] = json!({ "title": "Again" });
    matrix["translations"]["pt"] = json!({ "title": "Equipe" });
    let (status, refused) = create(&server, matrix, "skills").await;
    assert_eq!((status, refused["code"].as_str()), (422, Some("invalid_matrix")), "{refused}");
    let paths: Vec<&str> =
        refused["problems"].as_array().unwrap().iter().map(|p| p["path"].as_str().unwrap()).collect();
    for path in [
        "/translations/de/rows/gone",
        "/translations/de/rows/tests/descriptions",
        "/translations/en",
        "/translations/pt",
    ] {
        assert!(paths.contains(&path), "{path} not among {paths:?}");
    }
    assert_eq!(get_json(&server, "/api/boards/skills/stats").await.0, 404, "nothing stored");
    // Positive control: the matrix as it should be is taken.
    assert_eq!(create(&server, bilingual(), "skills").await.0, 201);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_programmer_template_reads_fully_in_every_language_down_to_its_gaps() {
    let server = TestServer::start();
    let (status, created) = create(&server, json!("programmer"), "team").await;
    assert_eq!(status, 201, "{created}");
    for (tag, row) in [("de", "Datenstrukturen"), ("fr", "Structures de données"), ("es", "Estructuras de datos")] {
        let shown = page(&server, &format!("/b/team?lang={tag}")).await;
        assert!(shown.contains(row) && !shown.contains("Data structures"), "{tag}: the rows are translated");
        assert!(!shown.contains("untranslated-notice"), "{tag}: nothing is left to fall back on");
    }

    // Three engineers answer, so that their gaps are shown.
    let rows = common::row_ids(&get_json(&server, "/api/boards/team/matrix").await.1);
    for _ in 0..3 {
        let body = json!({ "answers": common::answers(&rows, |_| 1), "role": "engineer" }).to_string();
        let post = Client::new().post(server.url("/api/boards/team/submissions")).body(body);
        assert_eq!(post.send().await.unwrap().status(), 200);
    }
    let form = [("board", "team"), ("role", "engineer")];
    let ask = Client::new().post(server.url("/api/board_gaps")).header("accept-language", "de").form(&form);
    let german: Value = ask.send().await.unwrap().json().await.unwrap();
    let titles: Vec<&str> =
        german["figures"]["rows"].as_array().unwrap().iter().map(|r| r["title"].as_str().unwrap()).collect();
    assert!(titles.contains(&"Datenstrukturen") && !titles.contains(&"Data structures"), "{titles:?}");
    assert!(german["roles"].to_string().contains("Entwickler:in"), "{}", german["roles"]);
    let gaps_page = page(&server, "/b/team/gaps?lang=de&role=engineer").await;
    assert!(gaps_page.contains("Datenstrukturen") && !gaps_page.contains("Data structures"), "the gaps page too");
    // The API names them as the matrix is written (positive control).
    let (_, api) = get_json(&server, "/api/boards/team/gaps?role=engineer").await;
    assert!(api.to_string().contains("Data structures") && !api.to_string().contains("Datenstrukturen"), "{api}");
}
