package dev.ratbot.discord.fake;

import static dev.ratbot.discord.fake.FakeDiscord.APP_ID;
import static dev.ratbot.discord.fake.FakeDiscord.BOT_ID;
import static dev.ratbot.discord.fake.FakeDiscord.GUILD_ID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Gateway dispatch payloads as Discord sends them: INTERACTION_CREATE for slash commands,
 * autocomplete and buttons, and MESSAGE_CREATE for server and direct messages.
 */
public final class FakeEvents {

    private FakeEvents() {}

    /**
     * Who acts, where: a member of the fake server in one of its channels, or a user in a DM
     * channel.
     */
    public record Actor(long userId, long permissions, long channelId, boolean inGuild) {
        public static Actor member(long userId, long permissions, long channelId) {
            return new Actor(userId, permissions, channelId, true);
        }

        public static Actor direct(long userId, long dmChannelId) {
            return new Actor(userId, 0, dmChannelId, false);
        }
    }

    /** The interaction token the fake hands out for interaction {@code id}. */
    public static String token(long id) {
        return "aW50ZXJhY3Rpb24." + id + ".token";
    }

    public static ObjectNode slashCommand(long id, Actor actor, String name, JsonNode... options) {
        ObjectNode data =
                Json.obj(
                        "id",
                        "1146800000000000001",
                        "name",
                        name,
                        "type",
                        1,
                        "options",
                        Json.arr((Object[]) options));
        return interaction(id, 2, actor, data);
    }

    public static ObjectNode autocomplete(long id, Actor actor, String name, JsonNode... options) {
        ObjectNode data =
                Json.obj(
                        "id",
                        "1146800000000000001",
                        "name",
                        name,
                        "type",
                        1,
                        "options",
                        Json.arr((Object[]) options));
        return interaction(id, 4, actor, data);
    }

    /** A tap on a button of a message that carries {@code components} (as the bot sent them). */
    public static ObjectNode buttonTap(long id, Actor actor, String customId, JsonNode components) {
        ObjectNode tap = buttonTap(id, actor, customId);
        ((ObjectNode) tap.get("message")).set("components", components.deepCopy());
        return tap;
    }

    public static ObjectNode buttonTap(long id, Actor actor, String customId) {
        ObjectNode data = Json.obj("custom_id", customId, "component_type", 2);
        ObjectNode interaction = interaction(id, 3, actor, data);
        interaction.set("message", botMessage(id - 1, actor.channelId(), ""));
        return interaction;
    }

    /**
     * "Ask Ratbot" (a message context-menu command) on {@code target}, a message as {@link
     * #message} builds it.
     */
    public static ObjectNode messageCommand(long id, Actor actor, String name, ObjectNode target) {
        ObjectNode resolved = target.deepCopy();
        resolved.remove("member");
        resolved.remove("guild_id");
        ObjectNode data =
                Json.obj(
                        "id",
                        "1146800000000000002",
                        "name",
                        name,
                        "type",
                        3,
                        "target_id",
                        target.path("id").asText(),
                        "resolved",
                        Json.obj("messages", Json.obj(target.path("id").asText(), resolved)));
        return interaction(id, 2, actor, data);
    }

    public static ObjectNode stringOption(String name, String value) {
        return Json.obj("name", name, "type", 3, "value", value);
    }

    public static ObjectNode focusedOption(String name, String typed) {
        return Json.obj("name", name, "type", 3, "value", typed, "focused", true);
    }

    public static ObjectNode channelOption(String name, long channelId) {
        return Json.obj("name", name, "type", 7, "value", Long.toString(channelId));
    }

    public static ObjectNode subcommand(String name, JsonNode... options) {
        return Json.obj("name", name, "type", 1, "options", Json.arr((Object[]) options));
    }

    private static ObjectNode interaction(long id, int type, Actor actor, ObjectNode data) {
        ObjectNode i =
                Json.obj(
                        "id",
                        Long.toString(id),
                        "application_id",
                        Long.toString(APP_ID),
                        "type",
                        type,
                        "data",
                        data,
                        "channel_id",
                        Long.toString(actor.channelId()),
                        "token",
                        token(id),
                        "version",
                        1,
                        "app_permissions",
                        "2248473465835073",
                        "locale",
                        "en-GB",
                        "entitlements",
                        Json.arr());
        if (actor.inGuild()) {
            i.put("guild_id", Long.toString(GUILD_ID));
            i.put("guild_locale", "en-US");
            i.set("channel", FakeDiscord.textChannel(actor.channelId(), "general"));
            i.set("member", FakeDiscord.interactionMember(actor.userId(), actor.permissions()));
            i.set("authorizing_integration_owners", Json.obj("0", Long.toString(GUILD_ID)));
            i.put("context", 0);
        } else {
            i.set(
                    "channel",
                    Json.obj("id", Long.toString(actor.channelId()), "type", 1, "flags", 0));
            i.set(
                    "user",
                    FakeDiscord.user(actor.userId(), FakeDiscord.userName(actor.userId()), false));
            i.set("authorizing_integration_owners", Json.obj("0", "0"));
            i.put("context", 1);
        }
        return i;
    }

    /** A reply to {@code replied} (a message object, e.g. one the bot sent) in the same channel. */
    public static ObjectNode replyTo(ObjectNode message, ObjectNode replied) {
        message.set("referenced_message", replied);
        message.set(
                "message_reference",
                Json.obj(
                        "type",
                        0,
                        "message_id",
                        replied.path("id").asText(),
                        "channel_id",
                        replied.path("channel_id").asText()));
        message.put("type", 19);
        return message;
    }

    /** A message the bot sent, as Discord would show it inside another event. */
    public static ObjectNode botMessage(long id, long channelId, String content) {
        return Json.obj(
                "id",
                Long.toString(id),
                "channel_id",
                Long.toString(channelId),
                "author",
                FakeDiscord.botUser(),
                "content",
                content,
                "timestamp",
                "2024-06-01T12:00:00.000000+00:00",
                "edited_timestamp",
                null,
                "tts",
                false,
                "mention_everyone",
                false,
                "mentions",
                Json.arr(),
                "mention_roles",
                Json.arr(),
                "attachments",
                Json.arr(),
                "embeds",
                Json.arr(),
                "components",
                Json.arr(),
                "pinned",
                false,
                "type",
                0,
                "flags",
                0);
    }

    /** A message in a server channel or (guild 0) a DM; {@code mentions} are user ids. */
    public static ObjectNode message(
            long id,
            long authorId,
            long channelId,
            boolean inGuild,
            String content,
            long... mentions) {
        ArrayNode mentioned = Json.arr();
        for (long m : mentions)
            mentioned.add(
                    m == BOT_ID
                            ? FakeDiscord.botUser()
                            : FakeDiscord.user(m, FakeDiscord.userName(m), false));
        ObjectNode msg =
                Json.obj(
                        "id",
                        Long.toString(id),
                        "channel_id",
                        Long.toString(channelId),
                        "author",
                        FakeDiscord.user(authorId, FakeDiscord.userName(authorId), false),
                        "content",
                        content,
                        "timestamp",
                        "2024-06-01T12:00:00.000000+00:00",
                        "edited_timestamp",
                        null,
                        "tts",
                        false,
                        "mention_everyone",
                        content.contains("@everyone"),
                        "mentions",
                        mentioned,
                        "mention_roles",
                        Json.arr(),
                        "attachments",
                        Json.arr(),
                        "embeds",
                        Json.arr(),
                        "components",
                        Json.arr(),
                        "pinned",
                        false,
                        "type",
                        0,
                        "flags",
                        0);
        if (inGuild) {
            msg.put("guild_id", Long.toString(GUILD_ID));
            ObjectNode member = FakeDiscord.member(authorId);
            member.remove("user");
            msg.set("member", member);
        }
        return msg;
    }
}
