package dev.ratbot.conversation;

import dev.ratbot.platform.Address;

/** The /tip command: a bonding tip now, chosen by the tip catalogue. */
final class TipReplies {

    private final TipSource source;

    TipReplies(TipSource source) {
        this.source = source;
    }

    Reply tipNow(Address address) {
        return source.tipFor(address)
                .orElseGet(() -> Reply.text(Reply.Kind.INFO, "This knowledge pack has no tips yet. Ask me a question instead!"));
    }
}
