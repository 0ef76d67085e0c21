-- Platform updates recorded before they are handled (dev.ratbot.inbox): a redelivered update_id is recognised
-- and not handled twice; an accepted but untaken one survives a crash for the next instance to handle.
-- taken_by is NULL until an instance takes the update for handling; the payload is emptied then.
CREATE TABLE inbox (
    stream      TEXT   NOT NULL,   -- e.g. telegram:<bot id>
    update_id   BIGINT NOT NULL,
    lane        TEXT   NOT NULL,   -- the chat: one chat's updates are handled in update_id order
    payload     TEXT   NOT NULL,
    received_at BIGINT NOT NULL,
    taken_by    TEXT,
    taken_at    BIGINT,
    CONSTRAINT inbox_once PRIMARY KEY (stream, update_id)
);
CREATE INDEX inbox_untaken ON inbox (stream, update_id) WHERE taken_by IS NULL;
CREATE INDEX inbox_received ON inbox (received_at);
