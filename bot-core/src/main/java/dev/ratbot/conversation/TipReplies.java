package dev.ratbot.conversation;

import dev.ratbot.platform.Address;
import java.util.Optional;

/** The /tip command: a bonding tip now, chosen by the tip catalogue. */
final class TipReplies {

    /** Where tips come from; the app wires it to the pack's tip catalogue. */
    @FunctionalInterface
    public interface Source {
        /** A tip for this chat as a reply of kind TIP, or empty when the pack has no tips. */
        Optional<Reply> tipFor(Address address);
    }

    private final Source source;

    TipReplies(Source source) {
        this.source = source;
    }

    Reply tipNow(Address address) {
        return source.tipFor(address)
                .orElseGet(() -> Reply.text(Reply.Kind.INFO, "This knowledge pack has no tips yet. Ask me a question instead!"));
    }
}
