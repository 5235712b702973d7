CREATE TABLE boards (
    id          TEXT PRIMARY KEY,
    matrix_id   TEXT NOT NULL,
    title       TEXT NOT NULL,
    private     INTEGER NOT NULL,
    created_at  INTEGER NOT NULL,
    version     INTEGER NOT NULL DEFAULT 0,
    respondents INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE submissions (
    board_id     TEXT NOT NULL REFERENCES boards(id),
    respondent   TEXT NOT NULL,
    answers      TEXT NOT NULL,
    submitted_at INTEGER NOT NULL,
    PRIMARY KEY (board_id, respondent)
);
CREATE TABLE counts (
    board_id TEXT NOT NULL REFERENCES boards(id),
    row_id   TEXT NOT NULL,
    level    INTEGER NOT NULL,
    n        INTEGER NOT NULL,
    PRIMARY KEY (board_id, row_id, level)
);
