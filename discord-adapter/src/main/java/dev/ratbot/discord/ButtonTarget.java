package dev.ratbot.discord;

import java.util.Optional;

/**
 * Where a tapped button acts, carried in its custom id in front of the choice's command text.
 * Needed because a button is tapped in the channel that shows it, which is not always the place it
 * is about: the times offered after {@code /subscribe} are for the user's direct messages, those
 * after {@code /tips channel} for the chosen channel. A custom id may be 100 characters; a choice's
 * data is at most 64 bytes, the prefix at most 22.
 */
sealed interface ButtonTarget {

    String prefix();

    /** The channel where the button was tapped (answers, topics). */
    record Here() implements ButtonTarget {
        @Override
        public String prefix() {
            return "";
        }
    }

    /** The tapping user's direct-message channel. */
    record UserDm() implements ButtonTarget {
        @Override
        public String prefix() {
            return "@dm|";
        }
    }

    /** A server channel chosen with {@code /tips channel}. */
    record Channel(long channelId) implements ButtonTarget {
        @Override
        public String prefix() {
            return "#" + Long.toUnsignedString(channelId) + "|";
        }
    }

    ButtonTarget HERE = new Here();

    /** A custom id split into its target and the command text for the conversation. */
    record Parsed(ButtonTarget target, String data) {}

    static String customId(ButtonTarget target, String data) {
        return target.prefix() + data;
    }

    static Parsed parse(String customId) {
        String id = customId == null ? "" : customId;
        if (id.startsWith("@dm|")) return new Parsed(new UserDm(), id.substring(4));
        int bar = id.indexOf('|');
        if (id.startsWith("#") && bar > 1) {
            Optional<Long> channel = parseId(id.substring(1, bar));
            if (channel.isPresent())
                return new Parsed(new Channel(channel.get()), id.substring(bar + 1));
        }
        return new Parsed(HERE, id);
    }

    private static Optional<Long> parseId(String digits) {
        try {
            return Optional.of(Long.parseUnsignedLong(digits));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
