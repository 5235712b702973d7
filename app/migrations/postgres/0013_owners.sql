-- Who owns a board besides whoever holds its admin link: the signed-in
-- person who created it (`account`, derived from their provider identity
-- with the server's secret, and their verified `email`), and co-owners
-- added by email (`account` empty until they first sign in with it).
CREATE TABLE board_owners (
    board_id  TEXT NOT NULL REFERENCES boards(id),
    email     TEXT NOT NULL,
    account   TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (board_id, email, account)
);
CREATE INDEX board_owners_by_account ON board_owners (account);
CREATE INDEX board_owners_by_email ON board_owners (email);
-- Which boards a signed-in person has answered, for their "My boards":
-- that they answered, never what (answers are stored under an id no table
-- relates to the account).
CREATE TABLE answered_boards (
    account   TEXT NOT NULL,
    board_id  TEXT NOT NULL REFERENCES boards(id),
    PRIMARY KEY (account, board_id)
);
