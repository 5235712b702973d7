//! Which language a page comes in: the browser's `Accept-Language` when
//! nothing else says, a `?lang=` address (remembered in a cookie) before
//! it, and the right-to-left pseudo-locale turning the whole page around.

use crate::common;

use common::TestServer;
use reqwest::header::{ACCEPT_LANGUAGE, COOKIE, SET_COOKIE, VARY};

/// The home page as a client with these headers gets it: (html, `Set-Cookie`, `Vary`).
async fn home(
    server: &TestServer,
    query: &str,
    headers: &[(reqwest::header::HeaderName, &str)],
) -> (String, String, String) {
    let mut request = reqwest::Client::new().get(server.url(&format!("/{query}")));
    for (name, value) in headers {
        request = request.header(name, *value);
    }
    let response = request.send().await.unwrap();
    assert_eq!(response.status(), 200);
    let header = |name| {
        response.headers().get_all(name).iter().map(|v| v.to_str().unwrap().to_string()).collect::<Vec<_>>().join(", ")
    };
    let (cookie, vary) = (header(SET_COOKIE), header(VARY));
    (response.text().await.unwrap(), cookie, vary)
}

/// The page at `path` (which ends with its query so far, or `?`) in `lang`.
async fn page_in(server: &TestServer, path: &str, lang: &str) -> String {
    let separator = if path.ends_with('?') { "" } else { "&" };
    let url = server.url(&format!("{path}{separator}lang={lang}"));
    reqwest::get(url).await.unwrap().text().await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_browser_language_the_address_and_the_cookie_choose_the_page_language() {
    let server = TestServer::start();
    let (english, _, _) = home(&server, "", &[]).await;
    assert!(english.contains(r#"<html lang="en" dir="ltr""#), "{}", &english[..200]);
    assert!(english.contains("Join a board"));

    let (german, cookie, vary) = home(&server, "", &[(ACCEPT_LANGUAGE, "de-DE,de;q=0.9,en;q=0.5")]).await;
    assert!(german.contains(r#"<html lang="de""#) && german.contains("Einem Board beitreten"));
    assert!(!german.contains("Join a board"), "the header is German through and through");
    assert!(cookie.is_empty(), "a browser's language is not remembered: {cookie}");
    assert!(vary.contains("Accept-Language") && vary.contains("Cookie"), "{vary}");

    let (french, cookie, _) = home(&server, "?lang=fr", &[(ACCEPT_LANGUAGE, "de")]).await;
    assert!(french.contains(r#"<html lang="fr""#) && french.contains("Rejoindre un tableau"));
    assert!(cookie.starts_with("tally_lang=fr;") && cookie.contains("Max-Age=31536000"), "{cookie}");
    let (remembered, _, _) = home(&server, "", &[(ACCEPT_LANGUAGE, "de"), (COOKIE, "tally_lang=fr")]).await;
    assert!(remembered.contains(r#"<html lang="fr""#), "the remembered language beats the browser's");
    // The switcher links to this page in each language, marking the current one.
    assert!(remembered.contains(r#"href="/?lang=es""#) && remembered.contains(r#"aria-current="true""#));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_pseudo_locales_are_reached_by_name_and_one_turns_the_page_around() {
    let server = TestServer::start();
    let (mirrored, _, _) = home(&server, "?lang=ar-XB", &[]).await;
    assert!(mirrored.contains(r#"<html lang="ar-XB" dir="rtl""#), "{}", &mirrored[..200]);
    let (accented, _, _) = home(&server, "?lang=en-XA", &[]).await;
    assert!(accented.contains(r#"lang="en-XA""#) && !accented.contains("Join a board"));
    let (unknown, cookie, _) = home(&server, "?lang=xx", &[]).await;
    assert!(unknown.contains(r#"<html lang="en""#) && cookie.is_empty(), "an unknown name is ignored");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refusal_is_worded_in_the_page_language_with_what_was_typed() {
    let server = TestServer::start();
    let page = |lang| page_in(&server, "/join?code=zz-top", lang);
    assert!(page("de").await.contains("Kein Board hat den Code oder die Adresse „zz-top“"));
    assert!(page("es").await.contains("Ningún tablero tiene el código o la dirección «zz-top»"));
    assert!(page("en").await.contains("No board has the code or address “zz-top”"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_start_page_counts_each_template_in_the_page_language() {
    let server = TestServer::start();
    let page = |lang| page_in(&server, "/start?", lang);
    let spanish = page("es").await;
    assert!(spanish.contains("32 competencias, 4 niveles") && spanish.contains(">Crear tablero</button>"), "{spanish}");
    let german = page("de").await;
    assert!(german.contains("32 Kompetenzen, 4 Stufen") && german.contains("Öffentliche Adresse (optional)"));
    assert!(page("en").await.contains("32 competencies, 4 levels"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_board_form_and_its_props_come_in_the_page_language_only() {
    let server = TestServer::start();
    let french = page_in(&server, "/b/default?", "fr").await;
    for said in ["Envoyer", "Vous et le groupe", "Pas encore de réponse", "Chiffres au chargement de la page"] {
        assert!(french.contains(said), "{said}");
    }
    assert!(!french.contains("Figures as of page load"), "the live status is French too");
    // The island's messages travel in its props, in French and no other language.
    let props = french.split("data-props=\"").nth(1).expect("the form's props").split('"').next().unwrap();
    assert!(props.contains("Mettre à jour mes réponses") && props.contains("personnes ont répondu"));
    for elsewhere in ["Update my answers", "Antworten aktualisieren", "Actualizar mis respuestas"] {
        assert!(!props.contains(elsewhere), "{elsewhere} in the props");
    }
    let spanish = page_in(&server, "/b/default/present?", "es").await;
    assert!(spanish.contains("Pantalla completa") && spanish.contains("Escanea o ve a"), "{spanish}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_comparison_the_trends_and_the_gaps_come_in_the_page_language() {
    let server = TestServer::start();
    let trends = page_in(&server, "/b/default/trends?", "de").await;
    assert!(trends.contains("Verlauf: Kompetenzmatrix für Programmierende"), "{trends}");
    assert!(trends.contains("Median-Stufe je Zeile, Runde für Runde") && trends.contains("Zurück zum Board"));
    let compare = page_in(&server, "/b/default/compare?", "es").await;
    assert!(compare.contains("Comparación: Matriz de competencias de programación"), "{compare}");
    assert!(compare.contains("Volver al tablero") && !compare.contains("Back to the board"));
    let gaps = page_in(&server, "/b/default/gaps?", "fr").await;
    assert!(gaps.contains("Compétence et niveau attendu") && gaps.contains("Retour au tableau"), "{gaps}");
}

/// A round nobody named is "Round N" in the reader's language on every page,
/// while the API, and a round named by its admin, keep the words as stored.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_round_nobody_named_is_called_so_in_the_page_language() {
    use common::{get_json, send};
    use reqwest::Method;
    let server = TestServer::start();
    let created = server.create_board(serde_json::json!({ "matrix": "programmer", "slug": "quarters" })).await;
    let key = created["admin_key"].as_str();
    let groups = r#"{"groups": ["Platform"], "min_group_size": 3}"#.to_string();
    assert_eq!(send(&server, Method::PUT, "/api/boards/quarters/groups", key, groups).await.0, 200);
    assert_eq!(send(&server, Method::POST, "/api/boards/quarters/rounds", key, "{}".into()).await.0, 201);
    let named = r#"{"label": "Round 2026"}"#.to_string();
    assert_eq!(send(&server, Method::POST, "/api/boards/quarters/rounds", key, named).await.0, 201);

    let trends = page_in(&server, "/b/quarters/trends?", "de").await;
    assert!(trends.contains("Runde 1") && trends.contains("Runde 2"), "{trends}");
    assert!(!trends.contains("Round 1") && !trends.contains("Round 2<"), "stored English shown: {trends}");
    assert!(trends.contains("Round 2026"), "a name the admin gave is shown as typed");
    let compare = page_in(&server, "/b/quarters/compare?", "es").await;
    assert!(compare.contains(">Ronda 1<") && compare.contains("Platform en Ronda 2"), "{compare}");
    let gaps = page_in(&server, "/b/quarters/gaps?", "fr").await;
    assert!(gaps.contains("Tour 1"), "{gaps}");
    // Positive control: the same page in English says it as stored.
    assert!(page_in(&server, "/b/quarters/trends?", "en").await.contains("Round 1"));
    let (_, rounds) = get_json(&server, "/api/boards/quarters/rounds").await;
    assert_eq!(rounds[0]["label"], "Round 1", "the API keeps what is stored: {rounds}");
}

/// The pages that refuse: their heading, their reason and the way back are
/// in the page's language, and the API's refusal stays English.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_page_says_why_in_the_page_language() {
    use common::send;
    use reqwest::Method;
    let server = TestServer::start();
    let missing = page_in(&server, "/b/nope?", "de").await;
    assert!(missing.contains("Dieses Board gibt es nicht") && missing.contains("Unter /b/nope gibt es kein Board"));
    assert!(missing.contains("Zur Startseite") && !missing.contains("There is no such board"), "{missing}");

    let created = server.create_board(serde_json::json!({ "matrix": "programmer", "slug": "closed-circle" })).await;
    let body = r#"{"access": "invited"}"#.to_string();
    let path = "/api/boards/closed-circle/access";
    assert_eq!(send(&server, Method::PUT, path, created["admin_key"].as_str(), body).await.0, 200);
    let invited = page_in(&server, "/b/closed-circle?", "es").await;
    assert!(invited.contains("Este tablero solo está abierto a las personas invitadas"), "{invited}");
    assert!(invited.contains("abre el enlace personal que recibiste"), "{invited}");

    let hidden = server.create_board(serde_json::json!({ "matrix": "programmer", "slug": "blind" })).await;
    let reveal = r#"{"reveal": "facilitator"}"#.to_string();
    assert_eq!(
        send(&server, Method::PUT, "/api/boards/blind/settings", hidden["admin_key"].as_str(), reveal).await.0,
        200
    );
    let compare = page_in(&server, "/b/blind/compare?", "de").await;
    assert!(
        compare.contains("Diese Zahlen werden noch nicht gezeigt") && compare.contains("Zurück zum Board"),
        "{compare}"
    );
    // Positive control: the API, in no page's language, says it in English.
    let api = reqwest::Client::new().get(server.url("/api/boards/closed-circle/stats")).header(ACCEPT_LANGUAGE, "es");
    let refusal: serde_json::Value = api.send().await.unwrap().json().await.unwrap();
    assert!(refusal["error"].as_str().unwrap().starts_with("This board is for invited people only"), "{refusal}");
}

/// The editor speaks the page's language, and so do the problems its check
/// finds while the admin types; the API, with no page, keeps them English.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_editor_and_the_problems_it_shows_come_in_the_page_language() {
    let server = TestServer::start();
    let editor = page_in(&server, "/new?", "fr").await;
    assert!(editor.contains("Écrivez votre propre matrice") && editor.contains("Partir d’un modèle"), "{editor}");
    assert!(editor.contains("Ajouter un niveau") && !editor.contains("Add level"), "{editor}");

    let mut matrix = server.matrix().await;
    matrix["title"] = "".into();
    let check = |lang: &'static str, path: &'static str, body: serde_json::Value| {
        let request = reqwest::Client::new().post(server.url(path)).header(ACCEPT_LANGUAGE, lang);
        async move { request.body(body.to_string()).send().await.unwrap().text().await.unwrap() }
    };
    let german = check("de", "/api/check_matrix", serde_json::json!({ "matrix": matrix })).await;
    assert!(german.contains("Titel der Matrix: leer"), "{german}");
    // Positive control: the same problem through the JSON API, asked in German.
    let api = check("de", "/api/boards", serde_json::json!({ "matrix": matrix })).await;
    assert!(api.contains("matrix title is empty") && !api.contains("Titel der Matrix"), "{api}");
}

/// What the admin's forms refuse is worded in the page's language: a group
/// named twice, a person's address that is not one.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_admin_forms_say_what_is_wrong_in_the_page_language() {
    let server = TestServer::start();
    let created = server.create_board(serde_json::json!({ "matrix": "programmer", "slug": "forms" })).await;
    let key = created["admin_key"].as_str().unwrap();
    let post = |lang: &'static str, path: &'static str, form: Vec<(&'static str, String)>| {
        let request = reqwest::Client::new().post(server.url(path)).header(ACCEPT_LANGUAGE, lang).form(&form);
        async move { request.send().await.unwrap().text().await.unwrap() }
    };
    let groups = |lang| {
        let form = vec![("board", "forms".into()), ("key", key.into()), ("groups", "Data\nData".into())];
        post(lang, "/api/set_groups", [form, vec![("min_group_size", "3".into())]].concat())
    };
    let french = groups("fr").await;
    assert!(french.contains("le groupe «\u{a0}Data\u{a0}» figure deux fois"), "{french}");
    let people = vec![("board", "forms".into()), ("key", key.into()), ("people", "Ada, ada-at-home".into())];
    let spanish = post("es", "/api/invite", people).await;
    assert!(spanish.contains("línea 1: «ada-at-home» no es una dirección de correo"), "{spanish}");
    // Positive control: the same form in English.
    assert!(groups("en").await.contains("group 'Data' is listed twice"));
}
