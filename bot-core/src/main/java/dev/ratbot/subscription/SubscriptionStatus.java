package dev.ratbot.subscription;

/** ACTIVE receives tips; PAUSED keeps its settings but receives none; STOPPED ended (see the stop reason). */
public enum SubscriptionStatus {
    ACTIVE, PAUSED, STOPPED
}
