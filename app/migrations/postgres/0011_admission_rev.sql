-- The board version at which who may answer it last changed: its access
-- setting or any of its invitations. An instance keeps a board's
-- invitations in memory and reads them again when this moves, and a
-- commit refuses answers admitted under an older one (read under the
-- board's row lock), so a revocation on one instance is never raced by
-- another instance that has not heard of it yet.
ALTER TABLE boards ADD COLUMN admission_rev BIGINT NOT NULL DEFAULT 0;
