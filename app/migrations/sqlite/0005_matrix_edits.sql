-- A board's matrix can be edited by its admin. `matrix_rev` is the board
-- version at which the matrix last changed, so open pages know to fetch it
-- again; `shape` counts structural changes (rows or levels added, removed or
-- moved), and a submission checked against an older shape is refused.
ALTER TABLE boards ADD COLUMN matrix_rev INTEGER NOT NULL DEFAULT 0;
ALTER TABLE boards ADD COLUMN shape INTEGER NOT NULL DEFAULT 0;
