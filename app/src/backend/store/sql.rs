//! The statements both databases run as they are. Each binds its own
//! types (PostgreSQL wants `int4` rounds, SQLite takes any integer) and
//! SQLite binds `$N` by name (see `sqlite::numbered`). The hot paths (a
//! batch's statements) and statements that need one database's own JSON,
//! casts or common table expressions stay beside their backend.

/// One board joined with its open round's non-zero counts (summed over
/// groups and roles), in one snapshot (`$1`: the board): one row per count,
/// or one with empty count columns.
pub const BOARD: &str = "SELECT b.id, b.matrix_id, b.title, b.private, b.created_at, b.version, b.respondents,
        c.row_id, c.level, c.n, b.closed, b.matrix_rev, b.shape, b.round,
        b.groups, b.min_group_size, b.reveal, b.revealed, b.access, b.admission_rev, b.member_domains
     FROM boards b LEFT JOIN (
        SELECT row_id, level, CAST(SUM(n) AS BIGINT) AS n FROM counts
        WHERE board_id = $1 AND round = (SELECT round FROM boards WHERE id = $1)
        GROUP BY row_id, level HAVING SUM(n) > 0
     ) c ON TRUE
     WHERE b.id = $1";

/// A board's matrix, read apart from its counts so a large matrix is not
/// repeated on each count's row (`$1`: the board).
pub const MATRIX: &str = "SELECT matrix FROM boards WHERE id = $1";

/// Boards by the start of their id (`$1`, a join code): compared as text
/// of a fixed length, so no collation can order it differently.
pub const STARTING_WITH: &str = "SELECT id FROM boards WHERE substr(id, 1, length($1)) = $1 ORDER BY id LIMIT 2";

pub const ADMIN_HASH: &str = "SELECT admin_hash FROM boards WHERE id = $1";

/// Gives a board from before boards kept their matrix the one it was created on.
pub const FILL_MATRIX: &str = "UPDATE boards SET matrix = $2 WHERE id = $1 AND matrix IS NULL";

pub const SET_CLOSED: &str = "UPDATE boards SET closed = $2, version = version + 1 WHERE id = $1 RETURNING version";

pub const SET_GROUPS: &str =
    "UPDATE boards SET groups = $2, min_group_size = $3, version = version + 1 WHERE id = $1 RETURNING version";

pub const SET_REVEAL: &str =
    "UPDATE boards SET reveal = $2, revealed = $3, version = version + 1 WHERE id = $1 RETURNING version";

/// Keeps the first secret any instance offers (`$1`: the candidate).
pub const KEEP_SECRET: &str = "INSERT INTO server_secret (id, secret) VALUES (1, $1) ON CONFLICT (id) DO NOTHING";

pub const SECRET: &str = "SELECT secret FROM server_secret";

/// A board's rounds, oldest first, the open one's respondents as of now
/// (`$1`: the board).
pub const ROUNDS: &str = "SELECT r.round, r.label, r.started_at, r.ended_at,
        CASE WHEN r.round = b.round THEN b.respondents ELSE r.respondents END
     FROM rounds r JOIN boards b ON b.id = r.board_id WHERE r.board_id = $1 ORDER BY r.round";

/// One round's non-zero counts, by the (board, round) key prefix.
pub const ROUND_COUNTS: &str = "SELECT row_id, level, CAST(SUM(n) AS BIGINT) FROM counts
     WHERE board_id = $1 AND round = $2 GROUP BY row_id, level HAVING SUM(n) > 0";

/// One round's non-zero counts of one group (`$3`) and role (`$4`), either
/// `NULL` for any, by the (board, round) key prefix; `''` in the table is
/// no group or no role.
pub const SLICE_COUNTS: &str = "SELECT row_id, level, CAST(SUM(n) AS BIGINT) FROM counts
     WHERE board_id = $1 AND round = $2 AND group_name = COALESCE($3, group_name) AND role = COALESCE($4, role)
     GROUP BY row_id, level HAVING SUM(n) > 0";

/// How many answered one round per (group, role) given, `NULL` for none.
pub const SLICE_SIZES: &str = "SELECT NULLIF(group_name, ''), NULLIF(role, ''), n FROM slice_respondents
     WHERE board_id = $1 AND round = $2 AND n > 0";

/// A respondent's answers in the latest round they answered, whether that
/// is the open round, its label, and the group and role they gave (`$1`: the board,
/// `$2`: the respondent). Driven from the board's rounds, so each round costs
/// one probe of the `(board, round, respondent)` key and no index by
/// respondent is needed (on SQLite, keeping one cost a tenth of the
/// submission rate on a board with many rounds).
pub const PREVIOUS: &str =
    "SELECT CAST(s.answers AS TEXT), s.submitted_at, s.round = b.round, r.label, s.group_name, s.role
     FROM rounds r JOIN boards b ON b.id = r.board_id
     JOIN submissions s ON s.board_id = r.board_id AND s.round = r.round
     WHERE r.board_id = $1 AND s.respondent = $2 ORDER BY r.round DESC LIMIT 1";

/// A respondent's answers in every round they answered, oldest first, with
/// each round's label; found as [`PREVIOUS`] is.
pub const HISTORY: &str = "SELECT r.round, r.label, CAST(s.answers AS TEXT), s.submitted_at, s.group_name, s.role
     FROM rounds r JOIN submissions s ON s.board_id = r.board_id AND s.round = r.round
     WHERE r.board_id = $1 AND s.respondent = $2 ORDER BY r.round";

/// Who may answer changed: a new version, and a new `admission_rev`.
/// `$3`: the member domains, a JSON list.
pub const SET_ACCESS: &str = "UPDATE boards SET access = $2, member_domains = $3, version = version + 1,
     admission_rev = version + 1 WHERE id = $1 RETURNING version";

/// Reads invitations, their columns in [`StoredInvitation`](super::StoredInvitation)'s order.
macro_rules! select_invitations {
    ($condition:literal) => {
        concat!(
            "SELECT board_id, id, token_hash, name, email, group_name, created_at, generation, revoked, role
             FROM invitations WHERE ",
            $condition
        )
    };
}

/// The board's invitations, oldest first (`$1`: the board).
pub const INVITATIONS: &str = select_invitations!("board_id = $1 ORDER BY created_at, name, id");

/// The invitation whose link hashes to `$1`.
pub const INVITATION_BY_TOKEN: &str = select_invitations!("token_hash = $1");

pub const INVITATION_COUNT: &str = "SELECT COUNT(*) FROM invitations WHERE board_id = $1";

/// The statements that change one invitation (`$1`: the board, `$2`: its
/// id), as literals: PostgreSQL runs each inside the statement that also
/// makes the change a new board version (see `postgres::invitations`).
macro_rules! reissue_invitation {
    // A new link (`$3`: its hash), which also lifts a revocation.
    () => {
        "UPDATE invitations SET token_hash = $3, generation = generation + 1, revoked = FALSE
         WHERE board_id = $1 AND id = $2"
    };
}
macro_rules! revoke_invitation {
    () => {
        "UPDATE invitations SET revoked = TRUE WHERE board_id = $1 AND id = $2"
    };
}
macro_rules! delete_invitation {
    () => {
        "DELETE FROM invitations WHERE board_id = $1 AND id = $2"
    };
}
/// Every change to a board's invitations is a new board version, which
/// `admission_rev` remembers: instances holding them in memory read them
/// again when it moves, and answers admitted before it are refused (`$1`:
/// the board).
macro_rules! new_invitations_version {
    () => {
        "UPDATE boards SET version = version + 1, admission_rev = version + 1 WHERE id = $1"
    };
}
pub(super) use {delete_invitation, new_invitations_version, reissue_invitation, revoke_invitation};

pub const REISSUE_INVITATION: &str = reissue_invitation!();
pub const REVOKE_INVITATION: &str = revoke_invitation!();
pub const DELETE_INVITATION: &str = delete_invitation!();
pub const NEW_INVITATIONS_VERSION: &str = concat!(new_invitations_version!(), " RETURNING version");

pub const FORGET_SHOWN_PARTICIPATION: &str =
    "DELETE FROM participation_shown WHERE board_id = $1 AND invitation_id = $2";

/// Who answered one round, by the (board, round) key prefix.
pub const ROUND_RESPONDENTS: &str = "SELECT respondent FROM submissions WHERE board_id = $1 AND round = $2";

pub const PARTICIPATION_SHOWN: &str =
    "SELECT invitation_id FROM participation_shown WHERE board_id = $1 AND round = $2";

pub const CLEAR_PARTICIPATION_SHOWN: &str = "DELETE FROM participation_shown WHERE board_id = $1 AND round = $2";

pub const ADD_PARTICIPATION_SHOWN: &str =
    "INSERT INTO participation_shown (board_id, round, invitation_id) VALUES ($1, $2, $3)";

pub const ADD_INVITATION: &str =
    "INSERT INTO invitations (board_id, id, token_hash, name, email, group_name, created_at, role)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";

/// Deleted as it is read, so a state is good once (`$1`: its keyed hash).
pub const TAKE_SIGN_IN: &str =
    "DELETE FROM sign_ins WHERE state_hash = $1 RETURNING state_hash, verifier, nonce, return_to, expires_at";

/// A session that has not expired (`$1`: its keyed hash, `$2`: now).
pub const SESSION: &str =
    "SELECT id_hash, account, email, name, expires_at FROM sessions WHERE id_hash = $1 AND expires_at > $2";
pub const END_SESSION: &str = "DELETE FROM sessions WHERE id_hash = $1";

pub const ADD_OWNER: &str =
    "INSERT INTO board_owners (board_id, email, account) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING";
pub const OWNERS: &str = "SELECT email, account FROM board_owners WHERE board_id = $1 ORDER BY email, account";
pub const REMOVE_OWNER: &str = "DELETE FROM board_owners WHERE board_id = $1 AND email = $2";
/// The boards an account owns, as [`super::ListedBoard`]s.
pub const OWNED_BOARDS: &str = "SELECT b.id, b.title, b.round, b.access, b.respondents, b.closed FROM boards b
     WHERE b.id IN (SELECT board_id FROM board_owners WHERE account = $1) ORDER BY b.id";
pub const IS_OWNER: &str = "SELECT COUNT(*) FROM board_owners WHERE board_id = $1 AND account = $2";
pub const NOTE_ANSWERED: &str =
    "INSERT INTO answered_boards (account, board_id) VALUES ($1, $2) ON CONFLICT DO NOTHING";
/// The boards an account answered, as [`super::ListedBoard`]s.
pub const ANSWERED_BOARDS: &str = "SELECT b.id, b.title, b.round, b.access, b.respondents, b.closed FROM boards b
     WHERE b.id IN (SELECT board_id FROM answered_boards WHERE account = $1) ORDER BY b.id";

/// Adds an endpoint ($1 id, $2 board, $3 url, $4 events, $5 format, $6
/// secret, $7 participation, $8 created) unless the board holds $9 already.
pub const ADD_WEBHOOK: &str =
    "INSERT INTO webhooks (id, board_id, url, events, format, secret, participation, created_at)
     SELECT $1, $2, $3, $4, $5, $6, $7, $8 WHERE (SELECT COUNT(*) FROM webhooks WHERE board_id = $2) < $9";
pub const WEBHOOKS: &str = "SELECT id, board_id, url, events, format, secret, participation, created_at
     FROM webhooks WHERE board_id = $1 ORDER BY created_at, id";
/// The columns of a [`crate::webhooks::Delivery`], in `rows::DeliveryRow`'s order.
macro_rules! delivery_columns {
    () => {
        "id, webhook_id, url, event, state, attempts, last_status, last_error, created_at, next_at"
    };
}
pub const DELIVERIES: &str =
    concat!("SELECT ", delivery_columns!(), " FROM webhook_deliveries WHERE board_id = $1 ORDER BY id DESC LIMIT $2");
/// Forgets a board's finished deliveries but the newest $2.
pub const PRUNE_DELIVERIES: &str = "DELETE FROM webhook_deliveries WHERE board_id = $1 AND state <> 'pending'
     AND id <= (SELECT id FROM webhook_deliveries WHERE board_id = $1 AND state <> 'pending'
                ORDER BY id DESC LIMIT 1 OFFSET $2)";
/// Records an attempt ($1 delivery, $2 state, $3 status, $4 error, $5 next) and releases it.
pub const RECORD_ATTEMPT: &str = "UPDATE webhook_deliveries SET state = $2, attempts = attempts + 1,
     last_status = $3, last_error = $4, next_at = $5, lease_until = 0 WHERE id = $1";
/// Makes a delivery pending again, due at $3.
pub const RESEND: &str = concat!(
    "UPDATE webhook_deliveries SET state = 'pending', next_at = $3, last_error = ''
     WHERE board_id = $1 AND id = $2 RETURNING ",
    delivery_columns!()
);
/// Endpoints whose board's open round reached their participation number
/// and that were not yet sent it for that round.
pub const PARTICIPATION_REACHED: &str = "SELECT w.id, w.board_id, b.round, b.respondents, b.title
     FROM webhooks w JOIN boards b ON b.id = w.board_id
     WHERE w.participation IS NOT NULL AND b.respondents >= w.participation AND w.participation_round < b.round";

/// When the board `$1` was deleted.
pub const DELETED_AT: &str = "SELECT deleted_at FROM deleted_boards WHERE id = $1";

/// Keeps a deleted board's id (`$1`) as deleted at `$2`.
pub const TOMBSTONE: &str = "INSERT INTO deleted_boards (id, deleted_at) VALUES ($1, $2)";

/// Closes the board `$1` before it is deleted; its version then.
pub const CLOSE_FOR_DELETION: &str =
    "UPDATE boards SET closed = TRUE, version = version + 1 WHERE id = $1 RETURNING version";

/// Boards idle since `$1`, but `$2`, least recently active first, `$3` at most.
pub const IDLE_BOARDS: &str = "SELECT id FROM boards WHERE active_at < $1 AND id <> $2 ORDER BY active_at LIMIT $3";

/// An admin's action on the board `$1` at `$2`; the board counts as active then.
pub const RECORD_AUDIT: &str =
    "INSERT INTO audit_log (board_id, at, action, credential, detail) VALUES ($1, $2, $3, $4, $5)";
pub const ACTIVE_AT: &str = "UPDATE boards SET active_at = $2 WHERE id = $1 AND active_at < $2";

/// The board `$1`'s newest `$2` audit entries, newest first.
pub const AUDIT_TRAIL: &str =
    "SELECT at, action, credential, detail FROM audit_log WHERE board_id = $1 ORDER BY id DESC LIMIT $2";
