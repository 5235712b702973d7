-- Boards run in rounds. Every answer and every count belongs to one round;
-- `boards.round` is the open one and `boards.respondents` its respondents.
-- A round's own row keeps its label and times, and, once it is frozen, its
-- respondent count. Existing boards become round 1 with their figures as
-- they were.
ALTER TABLE boards ADD COLUMN round INTEGER NOT NULL DEFAULT 1;
CREATE TABLE rounds (
    board_id    TEXT NOT NULL REFERENCES boards(id),
    round       INTEGER NOT NULL,
    label       TEXT NOT NULL,
    started_at  BIGINT NOT NULL,
    ended_at    BIGINT,
    respondents BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (board_id, round)
);
INSERT INTO rounds (board_id, round, label, started_at) SELECT id, 1, 'Round 1', created_at FROM boards;
ALTER TABLE submissions ADD COLUMN round INTEGER NOT NULL DEFAULT 1;
ALTER TABLE submissions DROP CONSTRAINT submissions_pkey, ADD PRIMARY KEY (board_id, round, respondent);
ALTER TABLE counts ADD COLUMN round INTEGER NOT NULL DEFAULT 1;
ALTER TABLE counts DROP CONSTRAINT counts_pkey, ADD PRIMARY KEY (board_id, round, row_id, level);
