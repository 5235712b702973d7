-- Deleting boards, keeping them only so long, and an audit trail.
-- `deleted_boards` keeps the id of each deleted board (and nothing else),
-- so its address answers "gone" rather than "unknown" and the id is never
-- handed out again. `active_at` is the last time anyone answered or an
-- admin changed the board: retention deletes boards idle since long.
-- `audit_log` is what admins did, kept with the board and deleted with it;
-- it never holds a respondent's data or a credential itself.
CREATE TABLE deleted_boards (
    id          TEXT PRIMARY KEY,
    deleted_at  INTEGER NOT NULL
);
ALTER TABLE boards ADD COLUMN active_at INTEGER NOT NULL DEFAULT 0;
UPDATE boards SET active_at = MAX(created_at,
    COALESCE((SELECT MAX(submitted_at) FROM submissions WHERE board_id = boards.id), 0),
    COALESCE((SELECT MAX(started_at) FROM rounds WHERE board_id = boards.id), 0));
CREATE INDEX boards_by_activity ON boards (active_at);
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    board_id    TEXT NOT NULL REFERENCES boards(id),
    at          INTEGER NOT NULL,
    action      TEXT NOT NULL,
    credential  TEXT NOT NULL,
    detail      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_by_board ON audit_log (board_id, id);
