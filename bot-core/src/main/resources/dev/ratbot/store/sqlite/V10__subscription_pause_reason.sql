-- Why the bot paused a subscription by itself (topic closed, missing rights, removed from the group); NULL when
-- active, stopped, or paused by the user's /pause. pause_retried (0/1): the daily tip is still tried at its time
-- while paused (next_due_at stays set) and a delivery that goes through makes the subscription ACTIVE again.
ALTER TABLE subscriptions ADD COLUMN pause_reason TEXT;
ALTER TABLE subscriptions ADD COLUMN pause_retried INTEGER NOT NULL DEFAULT 0;
