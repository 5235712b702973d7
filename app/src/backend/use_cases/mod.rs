//! The use cases: everything a person or program can ask of Tally, each
//! written once. The page's server functions (`crate::server_fns`) and the
//! JSON API (`server/src/api/`) are two doors onto these methods: a door
//! decodes its request into a [`Caller`] and arguments, calls one method,
//! and encodes the typed outcome or the [`TallyError`] (whose status and
//! headers come from one place, [`crate::backend::http_error`]).
//!
//! Who the respondent is, and whether a limit refuses them, is decided here,
//! once, whatever door the request came through.
//!
//! * [`submit`] — answer a board (or replace earlier answers);
//! * [`boards`] — create a board, read its matrix, figures and page;
//! * [`admin`] — close, reopen, start a round, set groups, edit the matrix
//!   and export a board, with its admin key;
//! * [`join`] — find a board by its join code or a pasted link;
//! * [`compare`] — two rounds or two groups side by side; [`gaps`] — a
//!   role's people against what it expects;
//! * [`reveal`] — who sees the figures, and the gate every figure passes;
//! * [`access`], [`invitations`], [`sign_in`] — who may answer, personal
//!   links, and signing in with an OpenID Connect provider;
//! * [`webhooks`] — the endpoints a board's events are sent to, and its
//!   delivery log;
//! * [`audit`] — what admins did to a board; [`personal_data`] — all a
//!   board holds about the caller; deleting a board is in [`admin`].
//!
//! [`TallyError`]: crate::error::TallyError

pub mod access;
pub mod admin;
pub mod audit;
pub mod boards;
pub mod compare;
pub mod gaps;
pub mod invitations;
pub mod join;
pub mod owners;
pub mod personal_data;
pub mod reveal;
pub mod sign_in;
pub mod submit;
pub mod webhooks;

use crate::backend::engine::Engine;
use crate::backend::limits::Limits;
use crate::backend::oidc::Provider;
use crate::backend::respondent::Respondents;
use crate::backend::webhooks::{Outbox, WebhookSettings};
use std::net::IpAddr;
use std::sync::Arc;

/// The application: the engine and the limits it is guarded by. Cheap to
/// clone; every door holds one.
#[derive(Clone)]
pub struct Tally {
    /// Boards, their figures and the group-commit writer.
    pub engine: Engine,
    /// Abuse limits, shared with live push.
    pub limits: Arc<Limits>,
    /// Issues and checks respondent tokens.
    pub respondents: Arc<Respondents>,
    /// `TALLY_PUBLIC_URL` without its trailing slash, when set: the base of
    /// the absolute links handed out (a new board's address).
    pub public_url: Option<String>,
    /// How far one board may grow, and how much of it one answer may carry.
    pub bounds: Bounds,
    /// The OpenID Connect provider people sign in with, when configured.
    pub provider: Option<Arc<Provider>>,
    /// Where the boards' events are queued and sent from.
    pub outbox: Arc<Outbox>,
}

/// Bounds on what one board holds and one response carries, so that no
/// page, comparison, trend or export grows without limit with a board.
#[derive(Clone, Copy, Debug)]
pub struct Bounds {
    /// Rounds one board may have (`TALLY_MAX_ROUNDS`).
    pub max_rounds: u32,
    /// Group figures (groups × rounds) one response may carry
    /// (`TALLY_MAX_GROUP_FIGURES`): the comparison's choices. (Exports
    /// carry every one, streamed.)
    pub max_group_figures: usize,
}

impl Default for Bounds {
    fn default() -> Self {
        Bounds { max_rounds: 100, max_group_figures: 1000 }
    }
}

/// Who is asking, whatever door they came through.
#[derive(Clone, Debug, Default)]
pub struct Caller {
    /// The client's address, for the per-IP limits; `None` in-process.
    pub ip: Option<IpAddr>,
    /// The respondent token the client presented: from the API body as
    /// sent (checked by the use case), or from a cookie if it verified (a
    /// stale cookie is as good as none: the page must keep working).
    pub respondent: Option<String>,
    /// The board admin key the client sent, if any.
    pub admin_key: Option<String>,
    /// The invitations this browser opened (`tally_invited`), as sent:
    /// checked by the use case (see `backend::invited`).
    pub invited: Option<String>,
    /// The session cookie's token, as sent (checked by the use case).
    pub session: Option<String>,
}

impl Tally {
    pub fn new(engine: Engine, limits: Arc<Limits>, respondents: Respondents) -> Tally {
        let respondents = Arc::new(respondents);
        let outbox = Outbox::new(WebhookSettings::default()).expect("the webhook client builds with fixed settings");
        let outbox = Arc::new(outbox);
        Tally { engine, limits, respondents, public_url: None, bounds: Bounds::default(), provider: None, outbox }
    }

    /// Webhooks are sent by `outbox` (whose settings say where they may go).
    pub fn with_webhooks(mut self, outbox: Arc<Outbox>) -> Tally {
        self.outbox = outbox;
        self
    }

    /// Absolute links start with `url` (its trailing slash dropped).
    pub fn with_public_url(mut self, url: Option<&str>) -> Tally {
        self.public_url = url.map(|u| u.trim_end_matches('/').to_string());
        self
    }

    pub fn with_bounds(mut self, bounds: Bounds) -> Tally {
        self.bounds = bounds;
        self
    }

    /// People may sign in with `provider`.
    pub fn with_sign_in(mut self, provider: Option<Provider>) -> Tally {
        self.provider = provider.map(Arc::new);
        self
    }

    /// The caller as the request's cookies present them: the respondent
    /// token if this server issued it (a stale one is as good as none), the
    /// invitations opened and the session, as sent (checked on use). The
    /// door adds the address and any admin key.
    pub fn caller_from_cookies(&self, headers: &axum::http::HeaderMap) -> Caller {
        let respondent = self.respondents.from_cookie(headers).filter(|token| self.respondents.verify(token).is_some());
        Caller {
            respondent,
            invited: self.respondents.invited_cookie().read(headers),
            session: self.respondents.session_cookie().read(headers),
            ..Caller::default()
        }
    }
}
