-- The index by (board, respondent, round) cost about a tenth of the
-- submission rate on a board with many rounds (every answer updated a second
-- B-tree, at a random place in the board's whole history). Its readers now
-- probe the primary key (board, round, respondent) once per round instead.
DROP INDEX submissions_by_respondent;
