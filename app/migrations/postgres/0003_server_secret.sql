-- The key respondent tokens are signed with (see backend/respondent.rs):
-- made once, by whichever instance starts first, and shared by them all.
CREATE TABLE server_secret (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    secret TEXT NOT NULL
);
