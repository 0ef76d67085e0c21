-- Discord help channels that answer themselves (/autoanswer), written only by dev.ratbot.discord.
-- Ids are Discord snowflakes; times epoch milliseconds.
CREATE TABLE discord_help_channels (
    channel_id BIGINT  PRIMARY KEY,
    guild_id   BIGINT  NOT NULL,
    kind       TEXT    NOT NULL,
    enabled_by BIGINT  NOT NULL,
    enabled_at BIGINT  NOT NULL
);
CREATE INDEX discord_help_channels_guild ON discord_help_channels (guild_id);

-- One row per post (a forum post's thread, or a top-level message in a text channel) the bot has considered: the
-- first instance to insert it answers, so a post gets at most one auto-answer.
CREATE TABLE discord_auto_answers (
    post_id    BIGINT  PRIMARY KEY,
    channel_id BIGINT  NOT NULL,
    guild_id   BIGINT  NOT NULL,
    claimed_at BIGINT  NOT NULL
);
