-- Sign-ins under way: the person is at the identity provider. Keyed by
-- the keyed hash of the `state` sent there, and taken (deleted) when the
-- provider sends them back, so a state works once, on any instance.
CREATE TABLE sign_ins (
    state_hash  TEXT PRIMARY KEY,
    verifier    TEXT NOT NULL,
    nonce       TEXT NOT NULL,
    return_to   TEXT NOT NULL,
    expires_at  INTEGER NOT NULL
);
-- Signed-in people, shared by every instance. Keyed by the keyed hash of
-- the session cookie's token (a copy of the table signs no one in);
-- `account` is derived from the provider's issuer and subject with the
-- server's secret, and never stored beside answers.
CREATE TABLE sessions (
    id_hash     TEXT PRIMARY KEY,
    account     TEXT NOT NULL,
    email       TEXT NOT NULL,
    name        TEXT NOT NULL,
    expires_at  INTEGER NOT NULL
);
