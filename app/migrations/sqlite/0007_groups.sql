-- A board's admin may list groups (teams) that respondents pick from; a
-- group's figures are shown only once `min_group_size` people are in it.
-- `groups` is a JSON array of names; an answer keeps the group it was given
-- with (`group_name`: `group` is a reserved word).
ALTER TABLE boards ADD COLUMN groups TEXT NOT NULL DEFAULT '[]';
ALTER TABLE boards ADD COLUMN min_group_size INTEGER NOT NULL DEFAULT 3;
ALTER TABLE submissions ADD COLUMN group_name TEXT;
-- A respondent's answers across rounds (their last answers, their history,
-- withdrawing, and a batch finding what each answer replaces) are found by
-- this index instead of a scan of the board's answers.
CREATE INDEX submissions_by_respondent ON submissions (board_id, respondent, round);
