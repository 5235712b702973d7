-- Counts are kept per group and role too, so a group's figures and a role's
-- gaps are read from them instead of recounted from every answer. `''`
-- stands for no group and no role (neither may be empty), as a key cannot
-- hold NULL. The new counts are recounted from the stored answers, which
-- `server verify` holds them equal to.
LOCK TABLE submissions, counts IN EXCLUSIVE MODE;
ALTER TABLE counts ADD COLUMN group_name TEXT NOT NULL DEFAULT '',
    ADD COLUMN role TEXT NOT NULL DEFAULT '';
DELETE FROM counts;
ALTER TABLE counts DROP CONSTRAINT counts_pkey,
    ADD PRIMARY KEY (board_id, round, group_name, role, row_id, level);
INSERT INTO counts (board_id, round, group_name, role, row_id, level, n)
SELECT s.board_id, s.round, COALESCE(s.group_name, ''), COALESCE(s.role, ''), j.key, j.value::int2, COUNT(*)
FROM submissions s, jsonb_each_text(s.answers) j
GROUP BY 1, 2, 3, 4, 5, 6;
-- How many people answered each round in each group and role, kept as the
-- counts are, so deciding which slices may be shown reads a few rows.
CREATE TABLE slice_respondents (
    board_id   TEXT NOT NULL REFERENCES boards(id),
    round      INTEGER NOT NULL,
    group_name TEXT NOT NULL,
    role       TEXT NOT NULL,
    n          BIGINT NOT NULL,
    PRIMARY KEY (board_id, round, group_name, role)
);
INSERT INTO slice_respondents
SELECT board_id, round, COALESCE(group_name, ''), COALESCE(role, ''), COUNT(*) FROM submissions
GROUP BY 1, 2, 3, 4;
