package dev.ratbot.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;

import discord4j.discordjson.Id;
import discord4j.discordjson.json.OverwriteData;
import discord4j.discordjson.json.RoleData;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Discord's permission arithmetic for the bot in a channel, and which needed permissions a channel
 * lacks.
 */
class BotPermissionsTest {

    private static final long GUILD = 100, BOT = 7, BOT_ROLE = 200, OTHER_ROLE = 300, OWNER = 9;
    private static final long VIEW = BotPermissions.VIEW_CHANNEL,
            SEND = BotPermissions.SEND_MESSAGES,
            EMBED = BotPermissions.EMBED_LINKS,
            THREADS = BotPermissions.SEND_MESSAGES_IN_THREADS;
    private final BotPermissions permissions = new BotPermissions(null, BOT, Clock.systemUTC());

    /** A role as Discord sends it, read with Discord4J's own mapper. */
    private static RoleData role(long id, long perms) {
        String json =
                "{\"id\":\""
                        + id
                        + "\",\"name\":\"r"
                        + id
                        + "\",\"color\":0,\"colors\":{\"primary_color\":0,"
                        + "\"secondary_color\":null,\"tertiary_color\":null},\"hoist\":false,\"position\":0,\"permissions\":\""
                        + perms
                        + "\",\"managed\":false,\"mentionable\":false,\"flags\":0}";
        try {
            return discord4j.common.JacksonResources.create()
                    .getObjectMapper()
                    .readValue(json, RoleData.class);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static OverwriteData overwrite(long id, int type, long allow, long deny) {
        return OverwriteData.builder().id(Id.of(id)).type(type).allow(allow).deny(deny).build();
    }

    private long effective(List<OverwriteData> overwrites) {
        return permissions.effective(
                GUILD,
                OWNER,
                List.of(role(GUILD, VIEW | SEND), role(BOT_ROLE, EMBED), role(OTHER_ROLE, THREADS)),
                List.of(BOT_ROLE),
                overwrites);
    }

    @Test
    void theRolesOfTheBotAndEveryoneAddUp() {
        assertEquals(VIEW | SEND | EMBED, effective(List.of()));
    }

    @Test
    void overwritesApplyEveryoneThenRolesThenTheMember() {
        assertEquals(VIEW | EMBED, effective(List.of(overwrite(GUILD, 0, 0, SEND))));
        assertEquals(
                VIEW | SEND | EMBED,
                effective(List.of(overwrite(GUILD, 0, 0, SEND), overwrite(BOT_ROLE, 0, SEND, 0))));
        assertEquals(
                VIEW | SEND,
                effective(
                        List.of(
                                overwrite(BOT_ROLE, 0, 0, EMBED),
                                overwrite(OTHER_ROLE, 0, EMBED, 0))),
                "another role's overwrite does not apply to the bot");
        assertEquals(
                SEND | EMBED,
                effective(List.of(overwrite(BOT_ROLE, 0, VIEW, 0), overwrite(BOT, 1, 0, VIEW))),
                "the member's own comes last");
    }

    @Test
    void administratorAndOwnershipAllowEverything() {
        assertEquals(
                -1L,
                permissions.effective(
                        GUILD,
                        OWNER,
                        List.of(role(GUILD, 0), role(BOT_ROLE, BotPermissions.ADMINISTRATOR)),
                        List.of(BOT_ROLE),
                        List.of(overwrite(GUILD, 0, 0, VIEW))));
        assertEquals(
                -1L,
                permissions.effective(GUILD, BOT, List.of(role(GUILD, 0)), List.of(), List.of()));
    }

    @Test
    void eachKindOfChannelNamesWhatItNeeds() {
        var text =
                new BotPermissions.ChannelFacts(
                        1, BotPermissions.TEXT, "t", Optional.empty(), 0, VIEW | SEND);
        assertEquals(List.of("Embed Links"), text.missing());
        var forum =
                new BotPermissions.ChannelFacts(
                        2, BotPermissions.FORUM, "f", Optional.empty(), 0, VIEW | EMBED);
        assertEquals(List.of("Create Posts", "Send Messages in Threads"), forum.missing());
        var thread =
                new BotPermissions.ChannelFacts(
                        3,
                        BotPermissions.PUBLIC_THREAD,
                        "th",
                        Optional.of(1L),
                        0,
                        VIEW | SEND | EMBED);
        assertEquals(List.of("Send Messages in Threads"), thread.missing());
        assertEquals(
                List.of("Read Message History"),
                new BotPermissions.ChannelFacts(
                                4,
                                BotPermissions.TEXT,
                                "t",
                                Optional.empty(),
                                0,
                                VIEW | SEND | EMBED)
                        .missingToAnswer());
    }
}
