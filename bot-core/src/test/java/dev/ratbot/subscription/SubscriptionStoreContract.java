package dev.ratbot.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.message.Address;
import dev.ratbot.message.Platform;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SubscriptionStore} must do. Subclasses supply a fresh, empty store per test:
 * the in-memory twin, SQLite and PostgreSQL run exactly these tests.
 */
public abstract class SubscriptionStoreContract {

    protected static final ZoneId LONDON = ZoneId.of("Europe/London");
    protected static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    /** A new, empty store (called once per test). */
    protected abstract SubscriptionStore store();

    private final Address alice = Address.direct(Platform.TELEGRAM, "1001");

    @Test
    void subscribingCreatesAnActiveSubscriptionWithItsSettings() {
        SubscriptionStore store = store();
        Subscription s = store.subscribe(alice, LocalTime.of(8, 30), LONDON, "user-1");
        assertEquals(alice, s.address());
        assertEquals(LocalTime.of(8, 30), s.localTime());
        assertEquals(LONDON, s.zone());
        assertEquals(SubscriptionStatus.ACTIVE, s.status());
        assertEquals("user-1", s.createdBy());
        assertEquals(Optional.empty(), s.stopReason());
        assertEquals(Optional.of(s), store.find(alice));
    }

    @Test
    void resubscribingUpdatesTheSameSubscriptionAndKeepsItsCreator() {
        SubscriptionStore store = store();
        Subscription first = store.subscribe(alice, LocalTime.of(8, 30), LONDON, "user-1");
        Subscription second = store.subscribe(alice, LocalTime.of(21, 0), TOKYO, "user-2");
        assertEquals(first.id(), second.id());
        assertEquals(LocalTime.of(21, 0), second.localTime());
        assertEquals(TOKYO, second.zone());
        assertEquals("user-1", second.createdBy());
        assertEquals(Optional.of(second), store.find(alice));
    }

    @Test
    void resubscribingRevivesAStoppedOrPausedSubscription() {
        SubscriptionStore store = store();
        store.subscribe(alice, LocalTime.of(9, 0), LONDON, "u");
        store.stop(alice, "blocked by the user");
        Subscription revived = store.subscribe(alice, LocalTime.of(9, 0), LONDON, "u");
        assertEquals(SubscriptionStatus.ACTIVE, revived.status());
        assertEquals(Optional.empty(), revived.stopReason());
        store.setPaused(alice, true);
        assertEquals(
                SubscriptionStatus.ACTIVE,
                store.subscribe(alice, LocalTime.of(9, 0), LONDON, "u").status());
    }

    @Test
    void threadsPlatformsAndChatsAreSeparateSubscriptions() {
        SubscriptionStore store = store();
        Address group = Address.group(Platform.TELEGRAM, "-100200");
        Address topic =
                new Address(Platform.TELEGRAM, "-100200", Optional.of("7"), Optional.empty(), true);
        Address discord =
                new Address(
                        Platform.DISCORD, "1001", Optional.empty(), Optional.of("guild-9"), true);
        long a = store.subscribe(alice, LocalTime.NOON, LONDON, "u").id();
        long g = store.subscribe(group, LocalTime.NOON, LONDON, "u").id();
        long t = store.subscribe(topic, LocalTime.NOON, LONDON, "u").id();
        long d = store.subscribe(discord, LocalTime.NOON, LONDON, "u").id();
        assertEquals(4, java.util.stream.LongStream.of(a, g, t, d).distinct().count());
        assertEquals(Optional.of("7"), store.find(topic).orElseThrow().address().threadId());
        assertEquals(Optional.empty(), store.find(group).orElseThrow().address().threadId());
        assertEquals(
                Optional.of("guild-9"), store.find(discord).orElseThrow().address().serverId());
        assertTrue(store.find(discord).orElseThrow().address().group());
    }

    @Test
    void theSameChatWithAnotherServerOrGroupFlagIsTheSameSubscription() {
        SubscriptionStore store = store();
        Address before =
                new Address(Platform.DISCORD, "555", Optional.empty(), Optional.empty(), false);
        Address after =
                new Address(
                        Platform.DISCORD, "555", Optional.empty(), Optional.of("guild-1"), true);
        long id = store.subscribe(before, LocalTime.NOON, LONDON, "u").id();
        Subscription updated = store.subscribe(after, LocalTime.NOON, LONDON, "u");
        assertEquals(id, updated.id());
        assertEquals(after, store.find(before).orElseThrow().address());
    }

    @Test
    void unknownAddressesHaveNothing() {
        SubscriptionStore store = store();
        assertEquals(Optional.empty(), store.find(alice));
        assertEquals(Optional.empty(), store.setPaused(alice, true));
        assertEquals(Optional.empty(), store.stop(alice, "unsubscribed"));
        assertEquals(Optional.empty(), store.find(alice));
    }

    @Test
    void pauseAndResumeKeepTheSettings() {
        SubscriptionStore store = store();
        Subscription s = store.subscribe(alice, LocalTime.of(7, 15), TOKYO, "u");
        Subscription paused = store.setPaused(alice, true).orElseThrow();
        assertEquals(SubscriptionStatus.PAUSED, paused.status());
        assertEquals(s.localTime(), paused.localTime());
        assertEquals(s.zone(), paused.zone());
        assertEquals(SubscriptionStatus.PAUSED, store.find(alice).orElseThrow().status());
        assertEquals(
                SubscriptionStatus.ACTIVE, store.setPaused(alice, false).orElseThrow().status());
    }

    @Test
    void aStoppedSubscriptionCannotBePausedOrResumedAndKeepsItsReason() {
        SubscriptionStore store = store();
        store.subscribe(alice, LocalTime.NOON, LONDON, "u");
        Subscription stopped = store.stop(alice, "bot was kicked").orElseThrow();
        assertEquals(SubscriptionStatus.STOPPED, stopped.status());
        assertEquals(Optional.of("bot was kicked"), stopped.stopReason());
        assertEquals(Optional.empty(), store.setPaused(alice, false));
        assertEquals(Optional.empty(), store.setPaused(alice, true));
        assertEquals(stopped, store.find(alice).orElseThrow());
    }

    @Test
    void stoppingOneSubscriptionLeavesOthersAlone() {
        SubscriptionStore store = store();
        Address bob = Address.direct(Platform.TELEGRAM, "1002");
        store.subscribe(alice, LocalTime.NOON, LONDON, "u");
        Subscription b = store.subscribe(bob, LocalTime.NOON, LONDON, "u");
        store.stop(alice, "unsubscribed");
        assertEquals(b, store.find(bob).orElseThrow());
    }

    @Test
    void timesAreKeptToTheMinuteAndOffsetZonesSurvive() {
        SubscriptionStore store = store();
        ZoneId plusTwo = ZoneParser.parse("+02:00").value();
        Subscription s = store.subscribe(alice, LocalTime.of(6, 45, 30), plusTwo, "u");
        assertEquals(LocalTime.of(6, 45), s.localTime());
        assertEquals(plusTwo, store.find(alice).orElseThrow().zone());
    }

    @Test
    void oddButValidTextIsStoredAsIs() {
        SubscriptionStore store = store();
        Address odd = Address.direct(Platform.DISCORD, "<@&123> @everyone 'quoted\" 🐀");
        String creator = "ユーザー 🐀 <b>&amp;</b> `code` *bold*";
        store.subscribe(odd, LocalTime.NOON, LONDON, creator);
        assertEquals(creator, store.find(odd).orElseThrow().createdBy());
        Subscription stopped =
                store.stop(odd, "Forbidden: bot was blocked by the user ✋").orElseThrow();
        assertEquals(Optional.of("Forbidden: bot was blocked by the user ✋"), stopped.stopReason());
        assertNotEquals(Optional.empty(), store.find(odd));
    }

    @Test
    void theBotPausesWithAReasonAndResumeClearsIt() {
        SubscriptionStore store = store();
        Subscription s = store.subscribe(alice, LocalTime.of(7, 15), TOKYO, "u");
        Subscription paused =
                store.pause(alice, PauseReason.cannotPost("the topic is closed")).orElseThrow();
        assertEquals(SubscriptionStatus.PAUSED, paused.status());
        assertEquals(
                Optional.of(new PauseReason("the topic is closed", true)), paused.pauseReason());
        assertEquals(Optional.empty(), paused.stopReason());
        assertEquals(s.localTime(), paused.localTime());
        assertEquals(Optional.of(paused), store.find(alice));
        Subscription resumed = store.setPaused(alice, false).orElseThrow();
        assertEquals(SubscriptionStatus.ACTIVE, resumed.status());
        assertEquals(Optional.empty(), resumed.pauseReason());
    }

    @Test
    void aLaterBotPauseReplacesTheReasonAndSubscribingClearsIt() {
        SubscriptionStore store = store();
        store.subscribe(alice, LocalTime.NOON, LONDON, "u");
        store.pause(alice, PauseReason.cannotPost("the topic is closed"));
        Subscription away =
                store.pause(alice, PauseReason.away("the bot was removed from the group"))
                        .orElseThrow();
        assertEquals(
                Optional.of(new PauseReason("the bot was removed from the group", false)),
                away.pauseReason());
        Subscription again = store.subscribe(alice, LocalTime.NOON, LONDON, "u");
        assertEquals(SubscriptionStatus.ACTIVE, again.status());
        assertEquals(Optional.empty(), again.pauseReason());
    }

    @Test
    void theBotDoesNotOverrideTheUsersPauseNorReviveAStop() {
        SubscriptionStore store = store();
        Address bob = Address.direct(Platform.TELEGRAM, "1002");
        store.subscribe(alice, LocalTime.NOON, LONDON, "u");
        Subscription byUser = store.setPaused(alice, true).orElseThrow();
        assertEquals(Optional.of(byUser), store.pause(alice, PauseReason.away("blocked")));
        assertEquals(Optional.empty(), store.find(alice).orElseThrow().pauseReason());
        store.subscribe(bob, LocalTime.NOON, LONDON, "u");
        Subscription stopped = store.stop(bob, "unsubscribed").orElseThrow();
        assertEquals(
                Optional.empty(), store.pause(bob, PauseReason.cannotPost("the topic is closed")));
        assertEquals(stopped, store.find(bob).orElseThrow());
        assertEquals(
                Optional.empty(),
                store.pause(
                        Address.direct(Platform.TELEGRAM, "nobody"), PauseReason.away("removed")));
    }

    @Test
    void theUsersOwnPauseClearsTheBotsReasonAndStoppingClearsIt() {
        SubscriptionStore store = store();
        store.subscribe(alice, LocalTime.NOON, LONDON, "u");
        store.pause(alice, PauseReason.cannotPost("not enough rights"));
        assertEquals(Optional.empty(), store.setPaused(alice, true).orElseThrow().pauseReason());
        store.pause(alice, PauseReason.cannotPost("not enough rights"));
        Subscription stopped = store.stop(alice, "bot was kicked").orElseThrow();
        assertEquals(Optional.empty(), stopped.pauseReason());
        assertEquals(Optional.of("bot was kicked"), stopped.stopReason());
    }

    @Test
    void aPlatformReasonIsKeptCleanAndBounded() {
        SubscriptionStore store = store();
        store.subscribe(alice, LocalTime.NOON, LONDON, "u");
        String odd = "Bad Request: \u0000TOPIC_CLOSED 🐀 <b>&amp;</b> " + "x".repeat(1000);
        PauseReason kept =
                store.pause(alice, PauseReason.cannotPost(odd))
                        .orElseThrow()
                        .pauseReason()
                        .orElseThrow();
        assertEquals(300, kept.text().length());
        assertTrue(
                kept.text().startsWith("Bad Request:  TOPIC_CLOSED 🐀 <b>&amp;</b> xx"),
                kept.text());
        assertEquals(Optional.of(kept), store.find(alice).orElseThrow().pauseReason());
    }

    @Test
    void inChatListsEveryTopicOfOneChatOnly() {
        SubscriptionStore store = store();
        Address group = Address.group(Platform.TELEGRAM, "-100200");
        Address topic =
                new Address(Platform.TELEGRAM, "-100200", Optional.of("7"), Optional.empty(), true);
        long g = store.subscribe(group, LocalTime.NOON, LONDON, "u").id();
        long t = store.subscribe(topic, LocalTime.NOON, LONDON, "u").id();
        store.subscribe(Address.group(Platform.TELEGRAM, "-100300"), LocalTime.NOON, LONDON, "u");
        store.subscribe(Address.group(Platform.DISCORD, "-100200"), LocalTime.NOON, LONDON, "u");
        store.stop(topic, "unsubscribed");
        assertEquals(
                List.of(g, t),
                store.inChat(Platform.TELEGRAM, "-100200").stream().map(Subscription::id).toList());
        assertEquals(List.of(), store.inChat(Platform.TELEGRAM, "-100999"));
    }

    @Test
    void inServerListsEveryChannelAndThreadOfOneServerOnly() {
        SubscriptionStore store = store();
        Address channel =
                new Address(Platform.DISCORD, "11", Optional.empty(), Optional.of("900"), true);
        Address thread =
                new Address(Platform.DISCORD, "12", Optional.empty(), Optional.of("900"), true);
        long a = store.subscribe(channel, LocalTime.NOON, LONDON, "u").id();
        long b = store.subscribe(thread, LocalTime.NOON, LONDON, "u").id();
        store.subscribe(
                new Address(Platform.DISCORD, "13", Optional.empty(), Optional.of("901"), true),
                LocalTime.NOON,
                LONDON,
                "u");
        store.subscribe(Address.direct(Platform.DISCORD, "14"), LocalTime.NOON, LONDON, "u");
        store.subscribe(
                new Address(Platform.TELEGRAM, "15", Optional.empty(), Optional.of("900"), true),
                LocalTime.NOON,
                LONDON,
                "u");
        store.stop(thread, "unsubscribed");
        assertEquals(
                List.of(a, b),
                store.inServer(Platform.DISCORD, "900").stream().map(Subscription::id).toList());
        assertEquals(List.of(), store.inServer(Platform.DISCORD, "999"));
    }

    @Test
    void movingAChatMovesEveryTopicWithItsSettingsAndStatus() {
        SubscriptionStore store = store();
        Address group = Address.group(Platform.TELEGRAM, "-200");
        Address topic =
                new Address(Platform.TELEGRAM, "-200", Optional.of("7"), Optional.empty(), true);
        Subscription g = store.subscribe(group, LocalTime.of(8, 0), TOKYO, "u");
        store.subscribe(topic, LocalTime.NOON, LONDON, "u");
        store.pause(topic, PauseReason.cannotPost("the topic is closed"));
        List<Subscription> moved = store.moveChat(Platform.TELEGRAM, "-200", "-100200");
        assertEquals(2, moved.size());
        Subscription movedGroup = store.find(group.movedTo("-100200")).orElseThrow();
        assertEquals(g.id(), movedGroup.id());
        assertEquals(LocalTime.of(8, 0), movedGroup.localTime());
        assertEquals(SubscriptionStatus.ACTIVE, movedGroup.status());
        Subscription movedTopic = store.find(topic.movedTo("-100200")).orElseThrow();
        assertEquals(Optional.of("7"), movedTopic.address().threadId());
        assertEquals(
                Optional.of(PauseReason.cannotPost("the topic is closed")),
                movedTopic.pauseReason());
        assertEquals(Optional.empty(), store.find(group));
        assertEquals(List.of(movedGroup, movedTopic), moved);
        assertEquals(List.of(), store.moveChat(Platform.TELEGRAM, "-200", "-100200"));
    }

    @Test
    void aMoveOntoAChatWithItsOwnSubscriptionStopsTheOldOne() {
        SubscriptionStore store = store();
        Address old = Address.group(Platform.TELEGRAM, "-300");
        Subscription mine = store.subscribe(old, LocalTime.of(8, 0), LONDON, "u");
        Subscription theirs =
                store.subscribe(
                        Address.group(Platform.TELEGRAM, "-100300"), LocalTime.NOON, LONDON, "v");
        List<Subscription> moved = store.moveChat(Platform.TELEGRAM, "-300", "-100300");
        assertEquals(1, moved.size());
        assertEquals(mine.id(), moved.get(0).id());
        assertEquals(SubscriptionStatus.STOPPED, moved.get(0).status());
        assertEquals(
                Optional.of("moved to chat -100300, which has its own subscription"),
                moved.get(0).stopReason());
        assertEquals(theirs, store.find(Address.group(Platform.TELEGRAM, "-100300")).orElseThrow());
    }
}
