CREATE TABLE boards (
    id          TEXT PRIMARY KEY,
    matrix_id   TEXT NOT NULL,
    title       TEXT NOT NULL,
    private     BOOLEAN NOT NULL,
    created_at  BIGINT NOT NULL,
    version     BIGINT NOT NULL DEFAULT 0,
    respondents BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE submissions (
    board_id     TEXT NOT NULL REFERENCES boards(id),
    respondent   TEXT NOT NULL,
    answers      JSONB NOT NULL,
    submitted_at BIGINT NOT NULL,
    PRIMARY KEY (board_id, respondent)
);
CREATE TABLE counts (
    board_id TEXT NOT NULL REFERENCES boards(id),
    row_id   TEXT NOT NULL,
    level    SMALLINT NOT NULL,
    n        BIGINT NOT NULL,
    PRIMARY KEY (board_id, row_id, level)
);
