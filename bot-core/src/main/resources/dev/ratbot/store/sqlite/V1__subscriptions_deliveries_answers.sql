-- Times are epoch milliseconds in both dialects so that the same Java code reads them;
-- local dates are ISO text (YYYY-MM-DD), local times HH:MM. Booleans are 0/1.

CREATE TABLE subscriptions (
    id          INTEGER PRIMARY KEY,
    platform    TEXT    NOT NULL,
    chat_id     TEXT    NOT NULL,
    thread_id   TEXT    NOT NULL DEFAULT '',
    server_id   TEXT,
    is_group    INTEGER NOT NULL,
    local_time  TEXT    NOT NULL,
    zone        TEXT    NOT NULL,
    status      TEXT    NOT NULL,
    created_by  TEXT    NOT NULL,
    stop_reason TEXT,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    next_due_at INTEGER,
    tip_cycle   INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT subscriptions_one_per_address UNIQUE (platform, chat_id, thread_id)
);
CREATE INDEX subscriptions_due ON subscriptions (next_due_at) WHERE next_due_at IS NOT NULL;

CREATE TABLE deliveries (
    id              INTEGER PRIMARY KEY,
    subscription_id INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
    local_date      TEXT    NOT NULL,
    platform        TEXT    NOT NULL,
    due_at          INTEGER NOT NULL,
    status          TEXT    NOT NULL,
    tip_id          TEXT,
    cycle           INTEGER,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    claimed_by      TEXT,
    lease_until     INTEGER,
    reason          TEXT,
    created_at      INTEGER NOT NULL,
    finished_at     INTEGER,
    -- Also serves the scheduler's look-up of a subscription's deliveries in its current pass.
    CONSTRAINT deliveries_once_per_local_day UNIQUE (subscription_id, local_date)
);
CREATE INDEX deliveries_pending ON deliveries (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX deliveries_sending ON deliveries (lease_until) WHERE status = 'SENDING';

CREATE TABLE answers (
    id            INTEGER PRIMARY KEY,
    answer_key    TEXT    NOT NULL UNIQUE,
    platform      TEXT    NOT NULL,
    question      TEXT    NOT NULL,
    question_norm TEXT    NOT NULL,
    section_id    TEXT,
    answered      INTEGER NOT NULL,
    helpful       INTEGER,
    created_at    INTEGER NOT NULL,
    rated_at      INTEGER
);
CREATE INDEX answers_unanswered ON answers (question_norm) WHERE answered = 0;
CREATE INDEX answers_rated ON answers (section_id) WHERE helpful IS NOT NULL;
