-- Compaction (Search.Postgres.Changes.ChangeCompactor) drops the changes that a later change of the same article
-- supersedes, once both are older than a window: the log then grows with the articles, not with every write ever made.
-- A follower applies an article's current row whatever change names it, so a superseded change adds nothing.
-- compacted_through is the highest position compaction has looked at: the log has gaps at or below it only.
ALTER TABLE change_counter ADD COLUMN compacted_through bigint NOT NULL DEFAULT 0;
CREATE INDEX change_log_article_seq ON change_log (article_id, seq);
