package dev.ratbot.discord;

import static dev.ratbot.discord.fake.FakeDiscord.GENERAL_CHANNEL;
import static dev.ratbot.discord.fake.FakeDiscord.GUILD_ID;
import static dev.ratbot.discord.fake.FakeDiscord.MEMBER_ID;
import static dev.ratbot.discord.fake.FakeDiscord.MEMBER_PERMISSIONS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.discord.fake.FakeDiscord;
import dev.ratbot.discord.fake.FakeEvents;
import dev.ratbot.discord.fake.FakeGatewaySession;
import dev.ratbot.testing.ConversationFixture;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Shards split across instances by configuration: each instance identifies only its own shard
 * indices.
 */
class DiscordShardingTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void twoInstancesRunDisjointShardsAndTheGuildsShardAnswers() {
        ConversationFixture core = new ConversationFixture();
        try (FakeDiscord discord = new FakeDiscord()) {
            DiscordSettings base =
                    DiscordSettings.of(FakeDiscord.TOKEN, URI.create(discord.apiUrl()))
                            .withGuildId(GUILD_ID);
            try (DiscordAdapter first =
                            new DiscordAdapter(
                                    base.withSharding(new DiscordSharding(2, java.util.List.of(0))),
                                    core.conversation,
                                    ConversationFixture.engine(),
                                    core.subscriptions,
                                    core.answerLog);
                    DiscordAdapter second =
                            new DiscordAdapter(
                                    base.withSharding(new DiscordSharding(2, java.util.List.of(1))),
                                    core.conversation,
                                    ConversationFixture.engine(),
                                    core.subscriptions,
                                    core.answerLog)) {
                first.start();
                second.start();
                List<FakeGatewaySession> sessions = discord.awaitIdentified(2, WAIT);
                Set<String> shards =
                        sessions.stream()
                                .map(s -> s.identify().path("shard").toString())
                                .collect(Collectors.toSet());
                assertEquals(Set.of("[0,2]", "[1,2]"), shards);
                assertEquals(Set.of(0), first.connectedShards());
                assertEquals(Set.of(1), second.connectedShards());
                assertTrue(first.connected() && second.connected());

                // The interaction reaches the instance holding the guild's shard, which answers it.
                long id = discord.nextId();
                discord.dispatch(
                        GUILD_ID,
                        "INTERACTION_CREATE",
                        FakeEvents.slashCommand(
                                id,
                                FakeEvents.Actor.member(
                                        MEMBER_ID, MEMBER_PERMISSIONS, GENERAL_CHANNEL),
                                "tip"));
                discord.awaitRequest("POST", "/interactions/" + id + "/.*/callback", WAIT);

                // Both instances registered the commands; the bulk overwrite makes that harmless:
                // the same list twice.
                var puts = discord.requests("PUT", "/applications/.*/commands");
                assertEquals(2, puts.size());
                assertEquals(puts.get(0).json(), puts.get(1).json());
            }
        }
    }

    @Test
    void automaticCountWithChosenIndicesAsksDiscordForTheCount() {
        ConversationFixture core = new ConversationFixture();
        try (FakeDiscord discord = new FakeDiscord()) {
            discord.recommendShards(3);
            DiscordSettings settings =
                    DiscordSettings.of(FakeDiscord.TOKEN, URI.create(discord.apiUrl()))
                            .withSharding(new DiscordSharding(0, java.util.List.of(2)));
            try (DiscordAdapter adapter =
                    new DiscordAdapter(
                            settings,
                            core.conversation,
                            ConversationFixture.engine(),
                            core.subscriptions,
                            core.answerLog)) {
                adapter.start();
                assertEquals(
                        "[2,3]",
                        discord.awaitIdentified(1, WAIT)
                                .get(0)
                                .identify()
                                .path("shard")
                                .toString());
                assertEquals(1, discord.sessions().size());
                assertTrue(discord.requests("GET", "/gateway/bot").size() >= 1);
                // Without DISCORD_GUILD_ID the commands are registered globally.
                assertEquals(
                        1,
                        discord.requests("PUT", "/applications/" + FakeDiscord.APP_ID + "/commands")
                                .size());
            }
        }
    }
}
