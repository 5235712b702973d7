//! `GET /api/docs`: the API's document drawn as a page people can read and
//! try, by Swagger UI. Its files ship with the project (`public/api-docs/`,
//! vendored from npm's swagger-ui-dist), so the page loads nothing from
//! elsewhere and keeps to the site's Content-Security-Policy.

use axum::http::header;
use axum::response::IntoResponse;

/// The page: Swagger UI's stylesheet and script, and ours that starts it.
const PAGE: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tally API</title>
<link rel="stylesheet" href="/api-docs/swagger-ui.css">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
</head>
<body>
<main id="api"><noscript>This page draws /api/openapi.json with JavaScript; the document itself is plain JSON, and docs/API.md has the same API in prose.</noscript></main>
<script src="/api-docs/swagger-ui-bundle.js"></script>
<script src="/api-docs/start.js"></script>
</body>
</html>
"#;

/// The API's document as a page.
#[utoipa::path(get, path = "/api/docs", tag = "operations", responses(
    (status = 200, description = "The API's document drawn as a page (Swagger UI, served from this site)", content((String = "text/html"))),
))]
pub async fn page() -> impl IntoResponse {
    // The pages' policy with scripts from this site only: Swagger UI sets
    // element styles from its script (`style-src-attr`) and draws icons as
    // `data:` images, both of which the pages' policy allows already.
    let policy = app::backend::content_policy::with_scripts("'self'", "");
    let headers =
        [(header::CONTENT_TYPE, "text/html; charset=utf-8".to_string()), (header::CONTENT_SECURITY_POLICY, policy)];
    (headers, PAGE)
}
