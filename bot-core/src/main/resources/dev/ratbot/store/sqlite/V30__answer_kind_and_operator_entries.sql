-- The kind of reply each logged question got (SURE, LIKELY, NONE, HEALTH; see dev.ratbot.feedback.ReplyKind), for the
-- console's charts; rows logged before this column existed read as answered or not.
ALTER TABLE answers ADD COLUMN kind TEXT;
UPDATE answers SET kind = CASE WHEN answered = 1 THEN 'SURE' ELSE 'NONE' END;
-- Retention pruning deletes by age.
CREATE INDEX answers_created ON answers (created_at);

-- What operators taught in the console (module console, dev.ratbot.console.OperatorEntries writes it):
-- ANSWER rows are operator FAQ entries (title = the question, body = pack Markdown);
-- PHRASING rows are extra phrasings (title) of an existing pack section (section_id).
CREATE TABLE operator_entries (
    id         INTEGER PRIMARY KEY,
    kind       TEXT    NOT NULL,
    title      TEXT    NOT NULL,
    body       TEXT,
    section_id TEXT,
    enabled    INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

-- One row: bumped in the same transaction as every change above, so each instance notices a change with one read.
CREATE TABLE operator_revision (
    id       INTEGER PRIMARY KEY,
    revision INTEGER NOT NULL
);
INSERT INTO operator_revision (id, revision) VALUES (1, 0);
