-- Webhooks: the endpoints a board's admin registered, and every delivery
-- to them, queued here so that a restart loses none. A delivery keeps a
-- copy of its endpoint's address, so the log still reads after the
-- endpoint is removed. `lease_until` is how long the instance that took
-- a delivery may keep it before another one may try it.
CREATE TABLE webhooks (
    id                   TEXT PRIMARY KEY,
    board_id             TEXT NOT NULL REFERENCES boards(id),
    url                  TEXT NOT NULL,
    events               TEXT NOT NULL,
    format               TEXT NOT NULL,
    secret               TEXT NOT NULL,
    participation        BIGINT,
    participation_round  INTEGER NOT NULL DEFAULT 0,
    created_at           INTEGER NOT NULL
);
CREATE INDEX webhooks_by_board ON webhooks (board_id);
CREATE TABLE webhook_deliveries (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    board_id     TEXT NOT NULL,
    webhook_id   TEXT NOT NULL,
    url          TEXT NOT NULL,
    event        TEXT NOT NULL,
    body         TEXT NOT NULL,
    state        TEXT NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 0,
    last_status  INTEGER,
    last_error   TEXT NOT NULL DEFAULT '',
    created_at   INTEGER NOT NULL,
    next_at      INTEGER NOT NULL,
    lease_until  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (state, next_at);
CREATE INDEX webhook_deliveries_by_board ON webhook_deliveries (board_id, id);
