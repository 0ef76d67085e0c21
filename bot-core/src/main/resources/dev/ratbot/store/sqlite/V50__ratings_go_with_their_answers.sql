-- Retention pruning used to delete old answers but leave their ratings (which name the rater). From now on
-- dev.ratbot.feedback.JdbcAnswerLog deletes both together; this removes the ratings already left behind.
DELETE FROM answer_ratings WHERE NOT EXISTS (SELECT 1 FROM answers a WHERE a.answer_key = answer_ratings.answer_key);
