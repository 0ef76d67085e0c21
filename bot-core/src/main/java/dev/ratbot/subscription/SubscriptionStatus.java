package dev.ratbot.subscription;

/**
 * ACTIVE receives tips; PAUSED keeps its settings and receives none until /resume (by the user's
 * /pause, or by the bot with a {@link PauseReason} when the chat cannot take messages for now);
 * STOPPED ended (see the stop reason): unsubscribed, or the platform says the bot is blocked or
 * kicked, the user deactivated, the chat gone.
 */
public enum SubscriptionStatus {
    ACTIVE,
    PAUSED,
    STOPPED
}
