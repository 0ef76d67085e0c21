package dev.ratbot.conversation;

/**
 * Whether the user who sent a message may change the chat's or server's settings (a Telegram group
 * administrator, a Discord member with Manage Server). Adapters supply it lazily: the conversation
 * asks only for commands that change settings in a group, so ordinary questions cost no platform
 * call.
 */
@FunctionalInterface
public interface Rights {

    boolean canManageSettings();

    /** For private chats and the console: the user owns the chat. */
    Rights OWNER = () -> true;
}
