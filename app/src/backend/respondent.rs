//! Anonymous respondents. Nothing about a person is stored; what ties a
//! resubmission to the answers it replaces is a token only this server
//! issues, kept in an HttpOnly cookie (or, by an API client, in its body).
//!
//! * **Issued, not chosen**: a token is 128 random bits and an HMAC of
//!   them under the server's secret ([`Signer`]), so a client cannot pick
//!   one, and guessing another person's is hopeless.
//! * **Scoped per board**: a board never stores the token, only an id
//!   derived from it and the board's id. Knowing what one board stored
//!   (a database copy, say) opens nothing, on that board or any other.

use super::signer::{Signer, TAG_LEN};
use super::site_cookie::SiteCookie;
use axum::http::{HeaderMap, HeaderValue};

/// How an owner's pass begins, which no admin key does (those are hex).
pub const OWNER_PASS: &str = "owner.";

/// Issues and checks respondent tokens, and names the cookie they live in.
pub struct Respondents {
    /// Signs tokens and the ids derived from them.
    signer: Signer,
    /// `tally_respondent`, kept a year.
    cookie: SiteCookie,
}

/// A token this server issued: the only way to answer as that respondent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// The random part, 32 hex digits.
    random: String,
    /// `random.tag`, as handed to the client.
    text: String,
}

impl Token {
    /// As the client holds it.
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

impl Respondents {
    /// `https`: whether the site is served over HTTPS (`TALLY_PUBLIC_URL`).
    pub fn new(signer: Signer, https: bool) -> Respondents {
        Respondents { signer, cookie: SiteCookie::new("tally_respondent", https) }
    }

    /// The cookie listing the boards this browser created or answered
    /// (see `your_boards`).
    pub fn boards_cookie(&self) -> SiteCookie {
        self.cookie.sibling("tally_boards")
    }

    /// The cookie keeping a refused form's choices (see `form_draft`).
    pub fn draft_cookie(&self) -> SiteCookie {
        self.cookie.sibling("tally_draft")
    }

    /// A new respondent.
    pub fn issue(&self) -> Token {
        let random = format!("{:032x}", rand::random::<u128>());
        let text = format!("{random}.{}", self.signer.tag(&["token", &random]));
        Token { random, text }
    }

    /// The token, if this server issued it.
    pub fn verify(&self, text: &str) -> Option<Token> {
        let (random, tag) = text.split_once('.')?;
        let hex = |s: &str| s.len() == TAG_LEN && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
        (hex(random) && hex(tag) && self.signer.verify(&["token", random], tag))
            .then(|| Token { random: random.to_string(), text: text.to_string() })
    }

    /// The id `token`'s respondent has on `board`: what the board stores.
    pub fn on_board(&self, token: &Token, board: &str) -> String {
        self.signer.tag(&["board", board, &token.random])
    }

    /// A pass that lets a live socket show the figures of `board` while
    /// `round` is open, in `after_submit` mode, to the respondent whose id
    /// on the board is `respondent`: the page gets one with each submission
    /// and sends it on its socket (the token itself stays in its HttpOnly
    /// cookie, out of the page's reach). `round.respondent.tag`. Bound to
    /// the respondent so that it holds only while their answers do (see
    /// [`check_pass`](Respondents::check_pass)): a withdrawal revokes it.
    pub fn pass(&self, board: &str, round: u32, respondent: &str) -> String {
        format!("{round}.{respondent}.{}", self.signer.tag(&["pass", board, &round.to_string(), respondent]))
    }

    /// The round and respondent a [`pass`](Respondents::pass) for `board`
    /// was issued for, if this server issued it. Whether the respondent
    /// still has answers in that round is the caller's to check.
    pub fn check_pass(&self, board: &str, pass: &str) -> Option<(u32, String)> {
        let mut parts = pass.split('.');
        let (round, respondent, tag) = (parts.next()?, parts.next()?, parts.next()?);
        let number: u32 = round.parse().ok()?;
        let signed = tag.len() == TAG_LEN
            && parts.next().is_none()
            && self.signer.verify(&["pass", board, &number.to_string(), respondent], tag);
        signed.then(|| (number, respondent.to_string()))
    }

    /// A new personal invitation link's token (128 random bits, hex) and
    /// the keyed hash it is stored as.
    pub fn new_link(&self) -> (String, String) {
        let token = format!("{:032x}", rand::random::<u128>());
        let hash = self.link_hash(&token);
        (token, hash)
    }

    /// The keyed hash a link's token is stored and looked up as: a copy of
    /// the database gives no link back, and without the secret no hash can
    /// be made for a guessed token.
    pub fn link_hash(&self, token: &str) -> String {
        self.signer.tag(&["invitation-link", token])
    }

    /// The id an invited person has on `board`: what the board stores
    /// their answers under, the same on every device they open the link on.
    pub fn invitee_on_board(&self, board: &str, invitation: &str) -> String {
        self.signer.tag(&["invitee", board, invitation])
    }

    /// The id a signed-in person has on `board`, the same on every device:
    /// derived from their account, so no table relates the two.
    pub fn member_on_board(&self, board: &str, account: &str) -> String {
        self.signer.tag(&["member", board, account])
    }

    /// A signed-in person's account: derived from who their provider says
    /// they are, so the database holds no provider's identifiers.
    pub fn account(&self, issuer: &str, subject: &str) -> String {
        self.signer.tag(&["account", issuer, subject])
    }

    /// The keyed hash a sign-in's `state`, or a session's token, is stored
    /// and looked up as: a copy of the database signs no one in.
    pub fn sign_in_hash(&self, what: &str, secret: &str) -> String {
        self.signer.tag(&["sign-in", what, secret])
    }

    /// A pass that lets `account`, an owner of `board`, manage it as its
    /// admin key does, until `expires` (Unix seconds): handed to the owner's
    /// browser in the admin link's fragment, never stored.
    pub fn owner_pass(&self, board: &str, account: &str, expires: i64) -> String {
        let tag = self.signer.tag(&["owner", board, account, &expires.to_string()]);
        format!("{OWNER_PASS}{expires}.{account}.{tag}")
    }

    /// The account an [`owner_pass`](Respondents::owner_pass) for `board`
    /// names, if this server signed it and it has not expired by `now`.
    /// Whether the account still owns the board is the caller's to check.
    pub fn check_owner_pass(&self, board: &str, pass: &str, now: i64) -> Option<String> {
        let mut parts = pass.strip_prefix(OWNER_PASS)?.split('.');
        let (expires, account, tag) = (parts.next()?, parts.next()?, parts.next()?);
        let until: i64 = expires.parse().ok()?;
        let signed = parts.next().is_none() && self.signer.verify(&["owner", board, account, &until.to_string()], tag);
        (signed && until > now).then(|| account.to_string())
    }

    /// The session cookie, `tally_session`.
    pub fn session_cookie(&self) -> SiteCookie {
        self.cookie.sibling("tally_session")
    }

    /// The cookie listing the invitations this browser opened (see `invited`).
    pub fn invited_cookie(&self) -> SiteCookie {
        self.cookie.sibling("tally_invited")
    }

    /// Signs one entry of that cookie.
    pub fn invited_tag(&self, board: &str, invitation: &str, generation: u32) -> String {
        self.signer.tag(&["invited", board, invitation, &generation.to_string()])
    }

    /// Whether `tag` is [`Self::invited_tag`] of the entry.
    pub fn invited_tag_holds(&self, board: &str, invitation: &str, generation: u32, tag: &str) -> bool {
        self.signer.verify(&["invited", board, invitation, &generation.to_string()], tag)
    }

    /// The token in the request's cookie, as sent (checked by [`verify`]).
    ///
    /// [`verify`]: Respondents::verify
    pub fn from_cookie(&self, headers: &HeaderMap) -> Option<String> {
        self.cookie.read(headers)
    }

    /// A year-long cookie holding `token`.
    pub fn set_cookie(&self, token: &Token) -> HeaderValue {
        self.cookie.set(&token.text, 365 * 24 * 3600)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::header;

    fn respondents(secret: u8) -> Respondents {
        Respondents::new(Signer::new([secret; 32]), false)
    }

    #[test]
    fn only_issued_tokens_verify() {
        let token = respondents(7).issue();
        assert_eq!(respondents(7).verify(token.as_str()), Some(token.clone()));
        assert_ne!(token, respondents(7).issue());
        let (random, _) = token.as_str().split_once('.').unwrap();
        for forged in [random.to_string(), format!("{random}.{}", "0".repeat(32)), "my-own-id-00000001".into()] {
            assert_eq!(respondents(7).verify(&forged), None, "{forged}");
        }
        assert_eq!(respondents(8).verify(token.as_str()), None, "another server's secret");
    }

    #[test]
    fn each_board_sees_its_own_id() {
        let token = respondents(7).issue();
        let (a, b) = (respondents(7).on_board(&token, "a"), respondents(7).on_board(&token, "b"));
        assert_ne!(a, b);
        assert!(!token.as_str().contains(&a) && a.len() == 32);
        assert_eq!(a, respondents(7).on_board(&respondents(7).verify(token.as_str()).unwrap(), "a"));
    }

    #[test]
    fn a_pass_is_for_one_board_round_and_respondent() {
        let pass = respondents(7).pass("a", 3, "r1");
        assert_eq!(respondents(7).check_pass("a", &pass), Some((3, "r1".to_string())));
        assert_eq!(respondents(7).check_pass("b", &pass), None);
        assert_eq!(respondents(8).check_pass("a", &pass), None);
        let forged = pass.replacen('3', "4", 1);
        assert_eq!(respondents(7).check_pass("a", &forged), None);
        assert_eq!(respondents(7).check_pass("a", &pass.replacen("r1", "r2", 1)), None, "another respondent's");
        assert_eq!(respondents(7).check_pass("a", "3"), None);
        assert_eq!(respondents(7).check_pass("a", &format!("{pass}.x")), None);
    }

    #[test]
    fn the_cookie_round_trips() {
        let token = respondents(7).issue();
        let set = respondents(7).set_cookie(&token);
        assert!(set.to_str().unwrap().starts_with(&format!("tally_respondent={}; Path=/;", token.as_str())));
        let mut headers = HeaderMap::new();
        let sent = format!("other=1; tally_respondent={}", token.as_str());
        headers.insert(header::COOKIE, HeaderValue::from_str(&sent).unwrap());
        assert_eq!(respondents(7).from_cookie(&headers).as_deref(), Some(token.as_str()));
    }

    #[test]
    fn an_owner_pass_holds_for_its_board_and_account_until_it_expires() {
        let (ours, theirs) = (respondents(1), respondents(2));
        let pass = ours.owner_pass("team", "acc0", 1_000);
        assert!(pass.starts_with(OWNER_PASS));
        assert_eq!(ours.check_owner_pass("team", &pass, 999).as_deref(), Some("acc0"));
        assert_eq!(ours.check_owner_pass("team", &pass, 1_000), None, "expired");
        assert_eq!(ours.check_owner_pass("other", &pass, 999), None, "another board");
        assert_eq!(theirs.check_owner_pass("team", &pass, 999), None, "another server");
        let longer = pass.replacen("owner.1000.", "owner.9000.", 1);
        assert_eq!(ours.check_owner_pass("team", &longer, 999), None, "its expiry cannot be moved");
    }
}
