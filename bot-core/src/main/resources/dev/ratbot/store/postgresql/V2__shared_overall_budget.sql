-- Token buckets that every instance on this database shares (bucket4j's PostgreSQL proxy manager, SELECT ... FOR
-- UPDATE flavour, default table and column names): one row per platform's overall send rate, so N instances
-- together stay within what the platform allows one bot. state is bucket4j's serialised bucket; expires_at is
-- bucket4j's optional expiry column, unused by Ratbot but part of the table it expects.
CREATE TABLE bucket (
    id         TEXT PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
