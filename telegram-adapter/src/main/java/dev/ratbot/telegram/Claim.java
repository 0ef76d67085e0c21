package dev.ratbot.telegram;

import java.util.function.BooleanSupplier;

/**
 * The right to act on one update, asked for just before its first effect (a reply, an acknowledged
 * tap): the first {@link #confirm()} takes the update from the inbox, later ones repeat the answer.
 * False means another instance (or an earlier run) already took it, and nothing may be sent for it.
 * Used by one lane thread at a time.
 */
final class Claim {

    /** For updates that need no inbox (tests of the handler alone). */
    static Claim always() {
        return new Claim(() -> true);
    }

    private final BooleanSupplier take;
    private Boolean taken;

    Claim(BooleanSupplier take) {
        this.take = take;
    }

    boolean confirm() {
        if (taken == null) taken = take.getAsBoolean();
        return taken;
    }
}
