-- SQLite drops its index by (board, respondent, round) in this version.
-- PostgreSQL keeps it: a batch finds the answers it replaces through it
-- (store/postgres/batch.rs), and there it costs no measurable throughput.
SELECT 1;
