-- Blind answering: a board shows its figures to everyone ('live'), to each
-- person once they have answered ('after_submit'), or once its admin
-- reveals them ('facilitator'). `revealed` is that reveal; a new round
-- starts hidden again.
ALTER TABLE boards ADD COLUMN reveal TEXT NOT NULL DEFAULT 'live';
ALTER TABLE boards ADD COLUMN revealed BOOLEAN NOT NULL DEFAULT FALSE;
