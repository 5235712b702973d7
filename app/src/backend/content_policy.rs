//! The page's Content-Security-Policy. Scripts run only from this site or
//! with the per-response nonce the page's loader script carries; the
//! wasm bundle needs `'wasm-unsafe-eval'`; styles come from the stylesheet
//! plus the `style` attributes that carry each cell's shading; the page may
//! open connections (the live socket) only to this site; nobody may frame
//! it. Set while the page renders, because the nonce is made per response.

use leptos::config::LeptosOptions;
use leptos::nonce::use_nonce;
use leptos::prelude::use_context;
use leptos_axum::ResponseOptions;

pub fn apply(options: &LeptosOptions) {
    let (Some(nonce), Some(response)) = (use_nonce(), use_context::<ResponseOptions>()) else { return };
    // `cargo leptos watch` reloads the page over a socket on its own port.
    let reload = match options.env {
        leptos::config::Env::DEV => format!(" ws://{}:{}", options.site_addr.ip(), options.reload_port),
        leptos::config::Env::PROD => String::new(),
    };
    let policy = with_scripts(&format!("'self' 'nonce-{nonce}' 'wasm-unsafe-eval'"), &reload);
    if let Ok(value) = policy.parse() {
        response.insert_header(axum::http::header::CONTENT_SECURITY_POLICY, value);
    }
}

/// The site's policy for a page whose scripts come from `scripts` (its
/// `script-src`) and which may also connect to `connect` (a space, then
/// addresses; or nothing). The API's page (`/api/docs`) takes it too.
pub fn with_scripts(scripts: &str, connect: &str) -> String {
    format!(
        "default-src 'self'; script-src {scripts}; \
         style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:; connect-src 'self'{connect}; \
         object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}
