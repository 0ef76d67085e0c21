-- The delivery worker claims each platform's due deliveries in their own order, so that a long queue on one
-- platform never holds back another's; this index serves that claim (and replaces the one over all platforms).
CREATE INDEX deliveries_pending_by_platform ON deliveries (platform, next_attempt_at) WHERE status = 'PENDING';
DROP INDEX deliveries_pending;
