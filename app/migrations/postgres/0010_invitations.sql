-- Who may answer a board: 'anyone' with its link (every board so far),
-- 'invited' people only, or signed-in 'members'.
ALTER TABLE boards ADD COLUMN access TEXT NOT NULL DEFAULT 'anyone';
-- One invited person per row. The personal link's token is kept only as a
-- keyed hash (`token_hash`), so the table cannot give a link back; `id` is
-- the invitation's handle for the admin, and what a person's respondent id
-- on the board is derived from (with the server's secret), so answers are
-- never stored beside a name. Issuing the link again raises `generation`:
-- devices that opened an earlier link stop being that person.
CREATE TABLE invitations (
    board_id    TEXT NOT NULL REFERENCES boards(id),
    id          TEXT NOT NULL,
    token_hash  TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    email       TEXT NOT NULL DEFAULT '',
    group_name  TEXT,
    created_at  BIGINT NOT NULL,
    generation  INTEGER NOT NULL DEFAULT 1,
    revoked     BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (board_id, id)
);
-- Which invited people the board's owners were last told have answered a
-- round: told in batches (see `participation`), never one by one.
CREATE TABLE participation_shown (
    board_id      TEXT NOT NULL REFERENCES boards(id),
    round         INTEGER NOT NULL,
    invitation_id TEXT NOT NULL,
    PRIMARY KEY (board_id, round, invitation_id)
);
