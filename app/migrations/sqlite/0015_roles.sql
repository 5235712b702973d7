-- A matrix may declare roles, each expecting a level per row; a respondent
-- may say which role they hold, and an answer keeps it (the role's id).
ALTER TABLE submissions ADD COLUMN role TEXT;
-- An invitation may carry its person's role, preselected on their form.
ALTER TABLE invitations ADD COLUMN role TEXT;
