-- Counts are kept per group and role too, so a group's figures and a role's
-- gaps are read from them instead of recounted from every answer. `''`
-- stands for no group and no role (neither may be empty), as a key cannot
-- hold NULL. The new counts are recounted from the stored answers, which
-- `server verify` holds them equal to.
CREATE TABLE counts_by_slice (
    board_id   TEXT NOT NULL REFERENCES boards(id),
    round      INTEGER NOT NULL,
    group_name TEXT NOT NULL,
    role       TEXT NOT NULL,
    row_id     TEXT NOT NULL,
    level      INTEGER NOT NULL,
    n          INTEGER NOT NULL,
    PRIMARY KEY (board_id, round, group_name, role, row_id, level)
);
INSERT INTO counts_by_slice
SELECT s.board_id, s.round, COALESCE(s.group_name, ''), COALESCE(s.role, ''), j.key, j.value, COUNT(*)
FROM submissions s, json_each(s.answers) j
GROUP BY s.board_id, s.round, COALESCE(s.group_name, ''), COALESCE(s.role, ''), j.key, j.value;
DROP TABLE counts;
ALTER TABLE counts_by_slice RENAME TO counts;
-- How many people answered each round in each group and role, kept as the
-- counts are, so deciding which slices may be shown reads a few rows.
CREATE TABLE slice_respondents (
    board_id   TEXT NOT NULL REFERENCES boards(id),
    round      INTEGER NOT NULL,
    group_name TEXT NOT NULL,
    role       TEXT NOT NULL,
    n          INTEGER NOT NULL,
    PRIMARY KEY (board_id, round, group_name, role)
);
INSERT INTO slice_respondents
SELECT board_id, round, COALESCE(group_name, ''), COALESCE(role, ''), COUNT(*) FROM submissions
GROUP BY board_id, round, COALESCE(group_name, ''), COALESCE(role, '');
