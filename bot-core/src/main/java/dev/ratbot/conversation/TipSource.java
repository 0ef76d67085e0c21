package dev.ratbot.conversation;

import dev.ratbot.platform.Address;
import java.util.Optional;

/** Where /tip gets its tips; the app wires it to the pack's tip catalogue ({@code dev.ratbot.tips.OnDemandTips}). */
@FunctionalInterface
public interface TipSource {

    /** A tip for this chat as a reply of kind TIP, or empty when the pack has no tips. */
    Optional<Reply> tipFor(Address address);
}
