package dev.ratbot.discord;

import static dev.ratbot.discord.fake.FakeDiscord.BOT_ROLE;
import static dev.ratbot.discord.fake.FakeDiscord.GENERAL_CHANNEL;
import static dev.ratbot.discord.fake.FakeDiscord.GUILD_ID;
import static dev.ratbot.discord.fake.FakeDiscord.MEMBER_ID;
import static dev.ratbot.discord.fake.FakeDiscord.MEMBER_PERMISSIONS;
import static dev.ratbot.discord.fake.FakeDiscord.MODERATOR_ID;
import static dev.ratbot.discord.fake.FakeDiscord.MODERATOR_PERMISSIONS;
import static dev.ratbot.discord.fake.FakeEvents.channelOption;
import static dev.ratbot.discord.fake.FakeEvents.stringOption;
import static dev.ratbot.discord.fake.FakeEvents.subcommand;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ratbot.conversation.Conversation;
import dev.ratbot.delivery.Backoff;
import dev.ratbot.delivery.DeliverySettings;
import dev.ratbot.delivery.DeliveryWorker;
import dev.ratbot.delivery.Pacer;
import dev.ratbot.delivery.ScheduleSettings;
import dev.ratbot.delivery.TipScheduler;
import dev.ratbot.discord.fake.FakeDiscord;
import dev.ratbot.discord.fake.FakeEvents;
import dev.ratbot.discord.fake.FakeEvents.Actor;
import dev.ratbot.discord.fake.FakeResponse;
import dev.ratbot.discord.fake.Json;
import dev.ratbot.discord.fake.RecordedRequest;
import dev.ratbot.feedback.InMemoryAnswerLog;
import dev.ratbot.message.Address;
import dev.ratbot.message.SendResult;
import dev.ratbot.store.Database;
import dev.ratbot.store.TestDatabases;
import dev.ratbot.subscription.JdbcSubscriptionStore;
import dev.ratbot.subscription.Subscription;
import dev.ratbot.subscription.SubscriptionStatus;
import dev.ratbot.testing.ConversationFixture;
import dev.ratbot.testing.MutableClock;
import dev.ratbot.tips.CatalogueTips;
import dev.ratbot.tips.OnDemandTips;
import dev.ratbot.tips.TipCatalogue;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Daily tips in a server, end to end: the real conversation, SQLite store, scheduler and delivery
 * worker behind the adapter on the fake Discord. /tips channel checks the bot's permissions and
 * accepts announcement channels, threads and forums; a refused tip pauses (never stops) and tells
 * the member who set it up; being removed from the server pauses every tip there; /resume brings a
 * tip back.
 */
class DiscordTipChannelsTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final int EPHEMERAL = 1 << 6;

    @TempDir static Path dir;
    private static FakeDiscord discord;
    private static Database db;
    private static MutableClock clock;
    private static JdbcSubscriptionStore subscriptions;
    private static final InMemoryAnswerLog answers = new InMemoryAnswerLog();
    private static DiscordAdapter adapter;
    private static TipScheduler scheduler;
    private static DeliveryWorker worker;

    @BeforeAll
    static void start() {
        discord = new FakeDiscord();
        db = TestDatabases.sqlite(dir);
        clock = MutableClock.at("2026-06-01T08:00:00Z");
        subscriptions = new JdbcSubscriptionStore(db, clock);
        var pack = ConversationFixture.pack();
        Conversation conversation =
                new Conversation(
                        ConversationFixture.engine(),
                        new OnDemandTips(
                                TipCatalogue.from(pack),
                                pack.attribution(),
                                new SplittableRandom(1)),
                        subscriptions,
                        answers,
                        clock);
        adapter =
                new DiscordAdapter(
                        DiscordSettings.of(FakeDiscord.TOKEN, URI.create(discord.apiUrl()))
                                .withGuildId(GUILD_ID),
                        conversation,
                        ConversationFixture.engine(),
                        subscriptions,
                        answers,
                        new InMemoryHelpChannelStore(),
                        clock);
        adapter.start();
        CatalogueTips tips = CatalogueTips.from(pack);
        scheduler = new TipScheduler(db, clock, ScheduleSettings.defaults(), tips);
        worker =
                new DeliveryWorker(
                        db,
                        List.of(adapter.sender()),
                        Pacer.unpaced(clock),
                        new Backoff(
                                Duration.ofSeconds(10),
                                Duration.ofMinutes(15),
                                6,
                                new SplittableRandom(2)),
                        tips,
                        clock,
                        DeliverySettings.defaults("test"));
    }

    @AfterAll
    static void stop() {
        if (adapter != null) adapter.close();
        if (db != null) db.close();
        if (discord != null) discord.close();
    }

    @Test
    void aTipChannelWhereTheBotMayNotEmbedLinksIsRefusedWithThePermissionNamed() {
        long channel = discord.nextId();
        ObjectNode c = discord.addChannel(channel, FakeDiscord.TEXT, "no-embeds", null);
        FakeDiscord.overwrite(c, BOT_ROLE, 0, 0, FakeDiscord.EMBED_LINKS);
        JsonNode refused =
                tips(
                        subcommand(
                                "channel",
                                channelOption("channel", channel),
                                stringOption("time", "09:00")));
        assertEquals(EPHEMERAL, refused.path("flags").asInt() & EPHEMERAL);
        String text = DiscordAdapterEndToEndTest.unescape(refused.path("content").asText());
        assertTrue(text.contains("missing Embed Links"), text);
        assertFalse(text.contains("View Channel"), "only what is missing is named: " + text);
        assertEquals(
                Optional.empty(),
                subscriptions.find(DiscordPlaces.serverChannel(channel, GUILD_ID)));
    }

    @Test
    void aForumTakesTheDailyTipAsANewPostTitledWithTheTip() {
        long forum = discord.nextId();
        discord.addChannel(forum, FakeDiscord.FORUM, "daily-tips", null);
        JsonNode done =
                tips(
                        subcommand(
                                "channel",
                                channelOption("channel", forum),
                                stringOption("time", "10:00")));
        assertTrue(done.path("content").asText().contains("10:00"), done.toString());
        Address where = DiscordPlaces.serverChannel(forum, GUILD_ID);
        assertEquals(SubscriptionStatus.ACTIVE, subscriptions.find(where).orElseThrow().status());

        var tip = CatalogueTips.from(ConversationFixture.pack());
        var reply =
                tip.forTip(tip.next(1, 0, java.util.Set.of()).orElseThrow().tipId()).orElseThrow();
        assertEquals(new SendResult.Delivered(), adapter.sender().send(where, reply));
        RecordedRequest post =
                discord.awaitRequest("POST", "/channels/" + forum + "/threads", WAIT);
        String name = post.json().path("name").asText();
        assertTrue(
                !name.isEmpty()
                        && name.length() <= 100
                        && reply.blocks().get(0).plainText().startsWith(name.replace("\u2026", "")),
                name);
        assertTrue(post.json().path("message").path("embeds").size() >= 1, post.json().toString());
        assertEquals(
                "[]",
                post.json().path("message").path("allowed_mentions").path("parse").toString());
    }

    @Test
    void announcementChannelsAndThreadsAreTipChannelsToo() {
        long news = discord.nextId();
        discord.addChannel(news, FakeDiscord.ANNOUNCEMENT, "news", null);
        long thread = discord.nextId();
        discord.addChannel(thread, FakeDiscord.PUBLIC_THREAD, "tips-thread", GENERAL_CHANNEL);
        tips(subcommand("channel", channelOption("channel", news)));
        tips(subcommand("channel", channelOption("channel", thread)));
        assertEquals(
                SubscriptionStatus.ACTIVE,
                subscriptions
                        .find(DiscordPlaces.serverChannel(news, GUILD_ID))
                        .orElseThrow()
                        .status());
        assertEquals(
                SubscriptionStatus.ACTIVE,
                subscriptions
                        .find(DiscordPlaces.serverChannel(thread, GUILD_ID))
                        .orElseThrow()
                        .status());
    }

    @Test
    void aMissingAccessOnATipPausesItTellsWhoSetItUpAndResumeBringsItBack() {
        long channel = discord.nextId();
        discord.addChannel(channel, FakeDiscord.TEXT, "rat-tips", null);
        Instant now = clock.instant();
        Instant nine =
                now.truncatedTo(java.time.temporal.ChronoUnit.DAYS).plus(Duration.ofHours(9));
        if (!nine.isAfter(now)) nine = nine.plus(Duration.ofDays(1));
        String time = "09:00";
        tips(
                subcommand(
                        "channel",
                        channelOption("channel", channel),
                        stringOption("time", time),
                        stringOption("zone", "UTC")));
        Address where = DiscordPlaces.serverChannel(channel, GUILD_ID);

        clock.set(nine.plusSeconds(30));
        discord.script("POST", "/channels/" + channel + "/messages", FakeResponse.missingAccess());
        scheduler.tick();
        worker.drain();
        Subscription paused = subscriptions.find(where).orElseThrow();
        assertEquals(SubscriptionStatus.PAUSED, paused.status(), "paused, not stopped");
        assertTrue(
                paused.pauseReason().orElseThrow().text().contains("Missing Access"),
                paused.toString());

        // The moderator who set it up hears about it by DM, once.
        long dm = discord.dmChannelOf(MODERATOR_ID);
        JsonNode told = discord.awaitRequest("POST", "/channels/" + dm + "/messages", WAIT).json();
        String text = told.path("content").asText();
        assertTrue(
                text.contains("<#" + channel + ">")
                        && text.contains("Missing Access")
                        && text.contains("/resume"),
                text);

        JsonNode status = tips(subcommand("status", channelOption("channel", channel)));
        assertTrue(
                DiscordAdapterEndToEndTest.unescape(status.path("content").asText())
                        .contains("Missing Access"),
                status.toString());
        assertTrue(
                DiscordAdapterEndToEndTest.customIds(status).contains("#" + channel + "|/resume"),
                status.toString());

        // Access fixed; a moderator resumes; the next day's tip goes out.
        JsonNode resumed =
                slash(
                        Actor.member(MODERATOR_ID, MODERATOR_PERMISSIONS, GENERAL_CHANNEL),
                        "resume",
                        channelOption("channel", channel));
        assertTrue(resumed.path("content").asText().startsWith("Resumed"), resumed.toString());
        assertEquals(SubscriptionStatus.ACTIVE, subscriptions.find(where).orElseThrow().status());
        clock.set(nine.plus(Duration.ofDays(1)).plusSeconds(30));
        scheduler.tick();
        worker.drain();
        discord.awaitRequest("POST", "/channels/" + channel + "/messages", 2, WAIT);
        assertEquals(
                1, discord.requests("POST", "/channels/" + dm + "/messages").size(), "told once");
    }

    @Test
    void beingRemovedFromTheServerPausesItsTipsAndAnOutageDoesNot() {
        long a = discord.nextId(), b = discord.nextId();
        discord.addChannel(a, FakeDiscord.TEXT, "tips-a", null);
        discord.addChannel(b, FakeDiscord.TEXT, "tips-b", null);
        tips(subcommand("channel", channelOption("channel", a)));
        tips(subcommand("channel", channelOption("channel", b)));
        Address first = DiscordPlaces.serverChannel(a, GUILD_ID),
                second = DiscordPlaces.serverChannel(b, GUILD_ID);

        discord.dispatch(
                GUILD_ID,
                "GUILD_DELETE",
                Json.obj("id", Long.toString(GUILD_ID), "unavailable", true));
        // Handled in order in the server's lane: an outage changes nothing ...
        discord.dispatch(GUILD_ID, "GUILD_DELETE", Json.obj("id", Long.toString(GUILD_ID)));
        awaitStatus(first, SubscriptionStatus.PAUSED);
        awaitStatus(second, SubscriptionStatus.PAUSED);
        assertEquals(
                ServerMembership.REMOVED,
                subscriptions.find(second).orElseThrow().pauseReason().orElseThrow());

        // ... and when the bot is back, /tips status offers to resume.
        JsonNode status = tips(subcommand("status", channelOption("channel", a)));
        assertTrue(
                DiscordAdapterEndToEndTest.unescape(status.path("content").asText())
                        .contains("removed from this server"),
                status.toString());
        String resume = "#" + a + "|/resume";
        assertTrue(
                DiscordAdapterEndToEndTest.customIds(status).contains(resume), status.toString());
        long tap = discord.nextId();
        discord.dispatch(
                GUILD_ID,
                "INTERACTION_CREATE",
                FakeEvents.buttonTap(
                        tap,
                        Actor.member(MODERATOR_ID, MODERATOR_PERMISSIONS, GENERAL_CHANNEL),
                        resume));
        callback(tap);
        assertEquals(SubscriptionStatus.ACTIVE, subscriptions.find(first).orElseThrow().status());
        assertEquals(SubscriptionStatus.PAUSED, subscriptions.find(second).orElseThrow().status());
    }

    @Test
    void subscribeInAServerConfirmsByDmAndSaysSoAtOnceWhenDmsAreClosed() {
        long channel = discord.nextId();
        discord.script(
                "POST",
                "/users/@me/channels",
                new FakeResponse(
                        200,
                        java.util.Map.of(),
                        Json.write(
                                Json.obj(
                                        "id",
                                        Long.toString(channel),
                                        "type",
                                        1,
                                        "last_message_id",
                                        null,
                                        "flags",
                                        0,
                                        "recipients",
                                        Json.arr()))));
        discord.script(
                "POST",
                "/channels/" + channel + "/messages",
                FakeResponse.error(403, 50007, "Cannot send messages to this user"));
        JsonNode said =
                slash(
                        Actor.member(MEMBER_ID, MEMBER_PERMISSIONS, GENERAL_CHANNEL),
                        "subscribe",
                        stringOption("time", "07:00"));
        assertEquals(EPHEMERAL, said.path("flags").asInt() & EPHEMERAL);
        assertTrue(
                said.path("content").asText().contains("couldn't send you a direct message"),
                said.toString());
        Subscription waiting =
                subscriptions.find(DiscordPlaces.directChannel(channel)).orElseThrow();
        assertEquals(SubscriptionStatus.PAUSED, waiting.status());
    }

    private static void awaitStatus(Address where, SubscriptionStatus expected) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (subscriptions.find(where).orElseThrow().status() != expected) {
            if (System.nanoTime() > deadline)
                throw new AssertionError(where + " never became " + expected);
            Thread.onSpinWait();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private static JsonNode tips(JsonNode sub) {
        return slash(
                Actor.member(MODERATOR_ID, MODERATOR_PERMISSIONS, GENERAL_CHANNEL), "tips", sub);
    }

    private static JsonNode slash(Actor actor, String name, JsonNode... options) {
        long id = discord.nextId();
        discord.dispatch(
                GUILD_ID, "INTERACTION_CREATE", FakeEvents.slashCommand(id, actor, name, options));
        return callback(id).path("data");
    }

    private static JsonNode callback(long interactionId) {
        return discord.awaitRequest("POST", "/interactions/" + interactionId + "/.*/callback", WAIT)
                .json();
    }
}
