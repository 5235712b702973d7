-- Each board keeps its own matrix (JSON), so a template changed or removed
-- later never changes a board. Boards from before this are filled in at
-- start-up from the template they were created on.
ALTER TABLE boards ADD COLUMN matrix TEXT;
