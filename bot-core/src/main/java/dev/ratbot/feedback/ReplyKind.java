package dev.ratbot.feedback;

/**
 * What kind of reply a logged question got, as the operator's charts show it: a sure answer, a likely one, none
 * (the guide does not cover it), or a health question sent to a vet. Until the answer engine says which, an answered
 * question is logged SURE and an unanswered one NONE ({@link #of(boolean)}).
 */
public enum ReplyKind {
    SURE, LIKELY, NONE, HEALTH;

    /** The kind for an engine that only says whether it answered. */
    public static ReplyKind of(boolean answered) {
        return answered ? SURE : NONE;
    }
}
