-- One rating per rater and answer (a later click changes it), so that an answer's thumbs show honest counts.
-- Written only by dev.ratbot.feedback.JdbcAnswerLog; answers.helpful keeps the latest rating for the report.
CREATE TABLE answer_ratings (
    answer_key TEXT    NOT NULL,
    rater      TEXT    NOT NULL,
    helpful    BOOLEAN NOT NULL,
    rated_at   BIGINT  NOT NULL,
    PRIMARY KEY (answer_key, rater)
);
