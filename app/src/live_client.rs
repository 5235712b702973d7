//! The browser's end of live push: one WebSocket per open board page that
//! feeds every message to the page's live model (`board_feed`), and reconnects with capped
//! exponential backoff plus jitter when the connection drops. The page works
//! without it (figures as rendered); it only makes them move. Hand-written
//! on `web-sys`: the socket crates for the browser leave reconnection to the
//! caller, and this is the whole of it in under a hundred lines.

use crate::i18n::{say, say_with, Say};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LiveStatus {
    /// No connection (before hydration, or without JavaScript).
    Offline,
    /// Hydrated, the socket opening for the first time.
    Connecting,
    Live,
    Reconnecting,
}

impl LiveStatus {
    /// The page's `data-status`, for styles and tests.
    pub fn name(self) -> &'static str {
        match self {
            LiveStatus::Offline => "offline",
            LiveStatus::Connecting => "connecting",
            LiveStatus::Live => "live",
            LiveStatus::Reconnecting => "reconnecting",
        }
    }

    /// The status line pages show: "● Live · 3 watching", and so on.
    pub fn describe(self, watching: Option<u64>) -> String {
        match (self, watching) {
            (LiveStatus::Live, Some(n)) => say_with(Say::LiveWatching, &[("count", n.into())]),
            (LiveStatus::Live, None) => say(Say::LiveOn),
            (LiveStatus::Connecting, _) => say(Say::LiveConnecting),
            (LiveStatus::Reconnecting, _) => say(Say::LiveReconnecting),
            // Also what a page says while its script loads: true, and no alarm.
            (LiveStatus::Offline, _) => say(Say::LiveOffline),
        }
    }
}

#[cfg(feature = "hydrate")]
pub use browser::subscribe;

#[cfg(feature = "hydrate")]
mod browser {
    use super::LiveStatus;
    use crate::live_message::{ClientMessage, LiveMessage};
    use leptos::prelude::*;
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;
    use std::time::Duration;
    use wasm_bindgen::{closure::Closure, JsCast};
    use web_sys::{MessageEvent, WebSocket};

    const FIRST_RETRY: Duration = Duration::from_millis(500);
    const LONGEST_RETRY: Duration = Duration::from_secs(15);

    struct Follower {
        url: String,
        on_message: Box<dyn Fn(LiveMessage)>,
        status: RwSignal<LiveStatus>,
        /// Sent on every connection once it opens, and again when they
        /// change: they let the server send figures the board hides.
        credentials: Signal<Vec<ClientMessage>>,
        failures: Cell<u32>,
        /// The open socket and its handlers, dropped when it is replaced.
        current: RefCell<Option<Connection>>,
        /// Set when the page part that subscribed goes away (the visitor
        /// navigated within the app): no message reaches it after that, and
        /// no reconnection is tried.
        stopped: Cell<bool>,
    }

    struct Connection {
        socket: WebSocket,
        _handlers: [Closure<dyn FnMut(web_sys::Event)>; 3],
    }

    /// Follows `board`'s live figures for as long as the calling component
    /// lives: its clean-up closes the socket. `credentials` (a submission's
    /// pass, the admin key) are sent on the socket whenever it opens and
    /// whenever they change.
    pub fn subscribe(
        board: &str,
        status: RwSignal<LiveStatus>,
        credentials: Signal<Vec<ClientMessage>>,
        on_message: impl Fn(LiveMessage) + 'static,
    ) {
        let location = window().location();
        let scheme = if location.protocol().as_deref() == Ok("https:") { "wss" } else { "ws" };
        let host = location.host().unwrap_or_default();
        let follower = Rc::new(Follower {
            url: format!("{scheme}://{host}/api/boards/{board}/live"),
            on_message: Box::new(on_message),
            status,
            credentials,
            failures: Cell::new(0),
            current: RefCell::new(None),
            stopped: Cell::new(false),
        });
        // Clean-ups must be `Send`; this one only ever runs on the page's thread.
        let owned = send_wrapper::SendWrapper::new(follower.clone());
        on_cleanup(move || {
            owned.stopped.set(true);
            if let Some(connection) = owned.current.borrow_mut().take() {
                connection.socket.set_onclose(None);
                let _ = connection.socket.close();
            }
        });
        let sender = send_wrapper::SendWrapper::new(follower.clone());
        Effect::new(move |_| {
            credentials.track();
            send_credentials(&sender);
        });
        connect(follower);
    }

    /// Sends every credential on the open socket, if one is open.
    fn send_credentials(follower: &Follower) {
        if let Some(connection) = follower.current.borrow().as_ref() {
            if connection.socket.ready_state() == WebSocket::OPEN {
                for credential in follower.credentials.get_untracked() {
                    let _ = connection.socket.send_with_str(&credential.to_text());
                }
            }
        }
    }

    fn connect(follower: Rc<Follower>) {
        if follower.stopped.get() {
            return;
        }
        let Ok(socket) = WebSocket::new(&follower.url) else {
            return retry_later(follower);
        };
        let opened = {
            let follower = follower.clone();
            Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
                follower.failures.set(0);
                follower.status.set(LiveStatus::Live);
                send_credentials(&follower);
            })
        };
        let received = {
            let follower = follower.clone();
            Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
                let text = event.dyn_ref::<MessageEvent>().and_then(|m| m.data().as_string());
                let message = text.and_then(|t| LiveMessage::from_text(&t));
                if let Some(message) = message.filter(|_| !follower.stopped.get()) {
                    (follower.on_message)(message);
                }
            })
        };
        let closed = {
            let follower = follower.clone();
            Closure::<dyn FnMut(web_sys::Event)>::new(move |_| retry_later(follower.clone()))
        };
        socket.set_onopen(Some(opened.as_ref().unchecked_ref()));
        socket.set_onmessage(Some(received.as_ref().unchecked_ref()));
        socket.set_onclose(Some(closed.as_ref().unchecked_ref()));
        *follower.current.borrow_mut() = Some(Connection { socket, _handlers: [opened, received, closed] });
    }

    /// Waits a random time between half and all of 0.5 s × 2^failures
    /// (capped at 15 s), so a restarted server is not hit by every page at once.
    fn retry_later(follower: Rc<Follower>) {
        follower.status.set(LiveStatus::Reconnecting);
        let failures = follower.failures.get();
        follower.failures.set(failures.saturating_add(1));
        let ceiling = FIRST_RETRY.saturating_mul(1 << failures.min(10)).min(LONGEST_RETRY);
        let delay = ceiling.mul_f64(0.5 + js_sys::Math::random() / 2.0);
        set_timeout(move || connect(follower), delay);
    }
}
