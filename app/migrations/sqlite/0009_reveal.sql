-- Blind answering: a board shows its figures to everyone ('live'), to each
-- person once they have answered ('after_submit'), or once its admin
-- reveals them ('facilitator'). `revealed` is that reveal, 0 or 1; a new
-- round starts hidden again.
ALTER TABLE boards ADD COLUMN reveal TEXT NOT NULL DEFAULT 'live';
ALTER TABLE boards ADD COLUMN revealed INTEGER NOT NULL DEFAULT 0;
