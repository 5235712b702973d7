-- A board open to members may take only addresses of these domains: a
-- JSON list of lowercase domains, empty for any signed-in person.
ALTER TABLE boards ADD COLUMN member_domains TEXT NOT NULL DEFAULT '[]';
