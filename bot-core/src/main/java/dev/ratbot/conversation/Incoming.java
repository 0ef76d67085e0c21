package dev.ratbot.conversation;

import dev.ratbot.message.Address;
import java.util.Objects;

/**
 * One message addressed to the bot, after the adapter has decided it is for the bot (in groups: a
 * command, a mention or a reply to the bot) and removed the mention.
 *
 * @param address where it came from and where the reply goes
 * @param userId the sender's platform id, recorded as a subscription's creator
 * @param text what the user typed, or a tapped choice's data
 * @param rights whether the sender may change this chat's settings
 */
public record Incoming(Address address, String userId, String text, Rights rights) {
    public Incoming {
        Objects.requireNonNull(address, "address");
        userId = userId == null ? "" : userId;
        text = text == null ? "" : text;
        rights = rights == null ? Rights.OWNER : rights;
    }
}
