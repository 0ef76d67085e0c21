package dev.ratbot.telegram.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds updates as the Bot API sends them (JSON objects, without update_id, which the fake
 * assigns), including the entities Telegram computes for commands and mentions, with offsets in
 * UTF-16 units.
 */
public final class Updates {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger MESSAGE_IDS = new AtomicInteger(1);
    private static final AtomicInteger QUERY_IDS = new AtomicInteger(1);
    private static final Pattern COMMAND = Pattern.compile("^/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?");
    private static final Pattern MENTION = Pattern.compile("(?<![A-Za-z0-9_])@[A-Za-z0-9_]{5,32}");

    private Updates() {}

    public static ObjectNode user(long id) {
        return JSON.createObjectNode()
                .put("id", id)
                .put("is_bot", false)
                .put("first_name", "Owner" + id)
                .put("language_code", "en");
    }

    /** A text message from a user in a private chat (the chat id is the user id). */
    public static ObjectNode privateText(long userId, String text) {
        return update("message", message(FakeBotApi.chat(userId, "private"), user(userId), text));
    }

    /**
     * The user edited their earlier private message {@code messageId}; Telegram sends the message
     * as it now reads.
     */
    public static ObjectNode editedPrivateText(long userId, int messageId, String text) {
        ObjectNode message = message(FakeBotApi.chat(userId, "private"), user(userId), text);
        message.put("message_id", messageId);
        message.put("edit_date", 1_700_000_100L);
        return update("edited_message", message);
    }

    /** A text message from a user whose Telegram app is set to {@code languageCode}. */
    public static ObjectNode privateText(long userId, String text, String languageCode) {
        ObjectNode update = privateText(userId, text);
        ((ObjectNode) update.get("message").get("from")).put("language_code", languageCode);
        return update;
    }

    /** A location the user shared in a private chat (no text). */
    public static ObjectNode location(long userId, double latitude, double longitude) {
        ObjectNode message = JSON.createObjectNode();
        message.put("message_id", MESSAGE_IDS.getAndIncrement());
        message.set("from", user(userId));
        message.set("chat", FakeBotApi.chat(userId, "private"));
        message.put("date", 1_700_000_000L);
        message.set(
                "location",
                JSON.createObjectNode().put("latitude", latitude).put("longitude", longitude));
        return update("message", message);
    }

    /** A text message in a supergroup. */
    public static ObjectNode groupText(long chatId, long userId, String text) {
        return update("message", groupMessage(chatId, userId, text));
    }

    public static ObjectNode groupMessage(long chatId, long userId, String text) {
        return message(FakeBotApi.chat(chatId, "supergroup"), user(userId), text);
    }

    /** A message an anonymous group administrator sends as the group itself. */
    public static ObjectNode anonymousAdminText(long chatId, String text) {
        ObjectNode helper =
                JSON.createObjectNode()
                        .put("id", 1087968824L)
                        .put("is_bot", true)
                        .put("first_name", "Group")
                        .put("username", "GroupAnonymousBot");
        ObjectNode message = message(FakeBotApi.chat(chatId, "supergroup"), helper, text);
        message.set("sender_chat", FakeBotApi.chat(chatId, "supergroup"));
        return update("message", message);
    }

    /** A message from another bot in a group. */
    public static ObjectNode otherBotText(long chatId, String text) {
        ObjectNode bot =
                JSON.createObjectNode()
                        .put("id", 5550001L)
                        .put("is_bot", true)
                        .put("first_name", "Other")
                        .put("username", "other_bot");
        return update("message", message(FakeBotApi.chat(chatId, "supergroup"), bot, text));
    }

    /** A message in a group that replies to {@code replied}. */
    public static ObjectNode replyInGroup(
            long chatId, long userId, String text, ObjectNode replied) {
        ObjectNode message = groupMessage(chatId, userId, text);
        message.set("reply_to_message", replied);
        return update("message", message);
    }

    /** An earlier message of the bot's in a group. */
    public static ObjectNode botMessage(long chatId, String text) {
        return message(FakeBotApi.chat(chatId, "supergroup"), FakeBotApi.botUser(), text);
    }

    /** A message in a forum topic of a supergroup. */
    public static ObjectNode topicText(long chatId, int threadId, long userId, String text) {
        ObjectNode message = groupMessage(chatId, userId, text);
        message.put("message_thread_id", threadId).put("is_topic_message", true);
        ((ObjectNode) message.get("chat")).put("is_forum", true);
        return update("message", message);
    }

    /** A tap on one of the bot's buttons, under a message of the bot's in the given chat. */
    public static ObjectNode buttonTap(long chatId, String chatType, long userId, String data) {
        ObjectNode query = JSON.createObjectNode();
        query.put("id", "cb" + QUERY_IDS.getAndIncrement());
        query.set("from", user(userId));
        query.set(
                "message",
                message(
                        FakeBotApi.chat(chatId, chatType),
                        FakeBotApi.botUser(),
                        "an earlier answer"));
        query.put("chat_instance", "ci" + chatId);
        query.put("data", data);
        return update("callback_query", query);
    }

    public static ObjectNode inlineQuery(long userId, String text) {
        ObjectNode query = JSON.createObjectNode();
        query.put("id", "iq" + QUERY_IDS.getAndIncrement());
        query.set("from", user(userId));
        query.put("query", text);
        query.put("offset", "");
        query.put("chat_type", "sender");
        return update("inline_query", query);
    }

    /**
     * The bot's own membership in a chat changed (added, removed, blocked, unblocked, restricted).
     */
    public static ObjectNode myChatMember(
            long chatId, String chatType, long byUser, String oldStatus, String newStatus) {
        ObjectNode change = JSON.createObjectNode();
        change.set("chat", FakeBotApi.chat(chatId, chatType));
        change.set("from", user(byUser));
        change.put("date", 1_700_000_000L);
        change.set("old_chat_member", member(oldStatus));
        change.set("new_chat_member", member(newStatus));
        return update("my_chat_member", change);
    }

    private static ObjectNode member(String status) {
        ObjectNode m = JSON.createObjectNode().put("status", status);
        m.set("user", FakeBotApi.botUser());
        if (status.equals("kicked")) m.put("until_date", 0);
        if (status.equals("restricted")) {
            m.put("is_member", true)
                    .put("can_send_messages", false)
                    .put("can_send_audios", false)
                    .put("can_send_documents", false)
                    .put("can_send_photos", false)
                    .put("can_send_videos", false)
                    .put("can_send_video_notes", false)
                    .put("can_send_voice_notes", false)
                    .put("can_send_polls", false)
                    .put("can_send_other_messages", false)
                    .put("can_add_web_page_previews", false)
                    .put("can_change_info", false)
                    .put("can_invite_users", false)
                    .put("can_pin_messages", false)
                    .put("can_manage_topics", false)
                    .put("until_date", 0);
        }
        if (status.equals("administrator")) {
            m.put("can_be_edited", false)
                    .put("is_anonymous", false)
                    .put("can_manage_chat", true)
                    .put("can_delete_messages", false)
                    .put("can_manage_video_chats", false)
                    .put("can_restrict_members", false)
                    .put("can_promote_members", false)
                    .put("can_change_info", false)
                    .put("can_invite_users", false)
                    .put("can_post_stories", false)
                    .put("can_edit_stories", false)
                    .put("can_delete_stories", false);
        }
        return m;
    }

    /**
     * The service message in an old group that was upgraded to the supergroup {@code newChatId}.
     */
    public static ObjectNode migratedTo(long oldChatId, long newChatId) {
        ObjectNode message = JSON.createObjectNode();
        message.put("message_id", MESSAGE_IDS.getAndIncrement());
        message.set("from", user(1));
        message.set("chat", FakeBotApi.chat(oldChatId, "group"));
        message.put("date", 1_700_000_000L);
        message.put("migrate_to_chat_id", newChatId);
        return update("message", message);
    }

    /**
     * The service message in the new supergroup {@code newChatId} that an old group {@code
     * oldChatId} became.
     */
    public static ObjectNode migratedFrom(long newChatId, long oldChatId) {
        ObjectNode message = JSON.createObjectNode();
        message.put("message_id", MESSAGE_IDS.getAndIncrement());
        message.set("from", user(1));
        message.set("chat", FakeBotApi.chat(newChatId, "supergroup"));
        message.put("date", 1_700_000_000L);
        message.put("migrate_from_chat_id", oldChatId);
        return update("message", message);
    }

    public static String callbackId(ObjectNode update) {
        return update.path("callback_query").path("id").asText();
    }

    public static String inlineQueryId(ObjectNode update) {
        return update.path("inline_query").path("id").asText();
    }

    private static ObjectNode update(String kind, ObjectNode payload) {
        ObjectNode update = JSON.createObjectNode();
        update.set(kind, payload);
        return update;
    }

    private static ObjectNode message(ObjectNode chat, ObjectNode from, String text) {
        ObjectNode message = JSON.createObjectNode();
        message.put("message_id", MESSAGE_IDS.getAndIncrement());
        message.set("from", from);
        message.set("chat", chat);
        message.put("date", 1_700_000_000L);
        message.put("text", text);
        ArrayNode entities = JSON.createArrayNode();
        Matcher command = COMMAND.matcher(text);
        if (command.find()) entities.add(entity("bot_command", command.start(), command.end()));
        Matcher mention = MENTION.matcher(text);
        while (mention.find()) entities.add(entity("mention", mention.start(), mention.end()));
        if (!entities.isEmpty()) message.set("entities", entities);
        return message;
    }

    private static ObjectNode entity(String type, int start, int end) {
        return JSON.createObjectNode()
                .put("type", type)
                .put("offset", start)
                .put("length", end - start);
    }
}
