-- Discord gateway shards claimed by instances (serve on PostgreSQL without DISCORD_SHARD_INDICES), written only by
-- dev.ratbot.app.serve.DiscordShardLeases. Times are the database's clock in epoch milliseconds, so instances with
-- skewed clocks agree on expiry. A member row says an instance is alive, so each knows its fair share.
CREATE TABLE discord_shard_leases (
    shard_index INTEGER PRIMARY KEY,
    owner       TEXT    NOT NULL,
    expires_at  BIGINT  NOT NULL
);

CREATE TABLE discord_shard_members (
    owner      TEXT   PRIMARY KEY,
    expires_at BIGINT NOT NULL
);
