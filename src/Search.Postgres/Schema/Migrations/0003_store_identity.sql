-- A name for this database's change log, drawn once: every node records it in its index commits and refuses to follow a
-- database with another, so an index built from one database is never mixed with another's changes. A copy of the
-- database (a backup restored, a standby promoted) keeps it: its positions continue the same log.
ALTER TABLE change_counter ADD COLUMN store_id uuid NOT NULL DEFAULT gen_random_uuid();
