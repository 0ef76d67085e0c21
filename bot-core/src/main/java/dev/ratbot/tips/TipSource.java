package dev.ratbot.tips;

import dev.ratbot.message.Address;
import dev.ratbot.message.Reply;
import java.util.Optional;

/**
 * Where the conversation's /tip gets its tips: {@link OnDemandTips} on the pack's catalogue, or a
 * test's own.
 */
@FunctionalInterface
public interface TipSource {

    /** A tip for this chat as a reply of kind TIP, or empty when the pack has no tips. */
    Optional<Reply> tipFor(Address address);
}
