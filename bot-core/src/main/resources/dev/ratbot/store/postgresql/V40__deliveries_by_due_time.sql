-- Delivery records are deleted once older than the retention (RATBOT_RETENTION): the hourly prune finds them by
-- the time their tip was due.
CREATE INDEX deliveries_by_due_time ON deliveries (due_at);
