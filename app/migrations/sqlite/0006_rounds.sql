-- Boards run in rounds. Every answer and every count belongs to one round;
-- `boards.round` is the open one and `boards.respondents` its respondents.
-- A round's own row keeps its label and times, and, once it is frozen, its
-- respondent count. Existing boards become round 1 with their figures as
-- they were. SQLite cannot change a primary key in place, so the two tables
-- keyed by board are copied into tables keyed by board and round.
ALTER TABLE boards ADD COLUMN round INTEGER NOT NULL DEFAULT 1;
CREATE TABLE rounds (
    board_id    TEXT NOT NULL REFERENCES boards(id),
    round       INTEGER NOT NULL,
    label       TEXT NOT NULL,
    started_at  INTEGER NOT NULL,
    ended_at    INTEGER,
    respondents INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (board_id, round)
);
INSERT INTO rounds (board_id, round, label, started_at) SELECT id, 1, 'Round 1', created_at FROM boards;
CREATE TABLE submissions_by_round (
    board_id     TEXT NOT NULL REFERENCES boards(id),
    round        INTEGER NOT NULL,
    respondent   TEXT NOT NULL,
    answers      TEXT NOT NULL,
    submitted_at INTEGER NOT NULL,
    PRIMARY KEY (board_id, round, respondent)
);
INSERT INTO submissions_by_round SELECT board_id, 1, respondent, answers, submitted_at FROM submissions;
DROP TABLE submissions;
ALTER TABLE submissions_by_round RENAME TO submissions;
CREATE TABLE counts_by_round (
    board_id TEXT NOT NULL REFERENCES boards(id),
    round    INTEGER NOT NULL,
    row_id   TEXT NOT NULL,
    level    INTEGER NOT NULL,
    n        INTEGER NOT NULL,
    PRIMARY KEY (board_id, round, row_id, level)
);
INSERT INTO counts_by_round SELECT board_id, 1, row_id, level, n FROM counts;
DROP TABLE counts;
ALTER TABLE counts_by_round RENAME TO counts;
