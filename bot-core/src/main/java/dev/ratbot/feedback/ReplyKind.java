package dev.ratbot.feedback;

/**
 * What kind of reply a logged question got, as the operator's charts show it: a sure answer, a
 * likely one, none (the guide does not cover it), or a health question sent to a vet. The
 * conversation logs the engine's verdict; a caller that only knows whether it answered logs SURE or
 * NONE ({@link #of(boolean)}).
 */
public enum ReplyKind {
    SURE,
    LIKELY,
    NONE,
    HEALTH;

    /** Whether a passage was given. */
    public boolean answered() {
        return this == SURE || this == LIKELY;
    }

    /** The kind for an engine that only says whether it answered. */
    public static ReplyKind of(boolean answered) {
        return answered ? SURE : NONE;
    }
}
