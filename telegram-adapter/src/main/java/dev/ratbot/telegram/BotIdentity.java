package dev.ratbot.telegram;

/** Who the bot is on Telegram, from {@code getMe}: its user id and its user name without '@'. */
record BotIdentity(long id, String username) implements java.io.Serializable {
    BotIdentity {
        username = username == null ? "" : username;
    }
}
