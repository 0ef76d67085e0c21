package dev.ratbot.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ratbot.discord.fake.FakeDiscord;
import dev.ratbot.discord.fake.FakeResponse;
import dev.ratbot.discord.fake.RecordedRequest;
import dev.ratbot.knowledge.Attribution;
import dev.ratbot.knowledge.Block;
import dev.ratbot.message.Address;
import dev.ratbot.message.Platform;
import dev.ratbot.message.Reply;
import dev.ratbot.message.SendResult;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The daily-tip sender over the real Discord4J REST client against the fake Discord: what each
 * Discord answer becomes, and that a send ends within its timeout even when Discord4J would keep
 * waiting or retrying.
 */
class DiscordMessageSenderTest {

    private static final Reply TIP =
            Reply.of(
                            Reply.Kind.TIP,
                            List.of(new Block.Paragraph("Offer a treat from your open hand.")))
                    .titled("Today's bonding tip")
                    .credited(
                            new Attribution(
                                    "How to Bond with Your Rats",
                                    "Joshua Paulson",
                                    "Quality Cage Crafters"));

    private FakeDiscord discord;
    private long channel;

    @BeforeEach
    void start() {
        discord = new FakeDiscord();
        // A channel of its own per test: Discord4J keeps rate-limit buckets per channel.
        channel = discord.nextId();
    }

    @AfterEach
    void stop() {
        discord.close();
    }

    private DiscordMessageSender sender(Duration timeout) {
        DiscordSettings settings =
                DiscordSettings.of(FakeDiscord.TOKEN, URI.create(discord.apiUrl()))
                        .withSendTimeout(timeout);
        return new DiscordMessageSender(
                DiscordClients.create(settings), new ReplyRenderer(), settings.sendTimeout());
    }

    private Address to(long channelId) {
        return DiscordPlaces.serverChannel(channelId, FakeDiscord.GUILD_ID);
    }

    private String path() {
        return "/channels/" + channel + "/messages";
    }

    @Test
    void deliversAnEmbedWithNoMentionsAllowed() {
        assertEquals(
                new SendResult.Delivered(), sender(Duration.ofSeconds(5)).send(to(channel), TIP));
        RecordedRequest post = discord.awaitRequest("POST", path(), Duration.ofSeconds(5));
        JsonNode body = post.json();
        assertEquals("[]", body.path("allowed_mentions").path("parse").toString());
        assertEquals("Today's bonding tip", body.path("embeds").get(0).path("title").asText());
        assertEquals(
                "Offer a treat from your open hand.",
                body.path("embeds").get(0).path("description").asText());
        assertTrue(body.path("message_reference").isMissingNode());
        assertEquals("Bot " + FakeDiscord.TOKEN, post.headers().get("authorization"));
        assertEquals(Platform.DISCORD, sender(Duration.ofSeconds(1)).platform());
        assertEquals(2000, sender(Duration.ofSeconds(1)).limits().maxMessageChars());
    }

    @Test
    void aShortRateLimitIsWaitedOutAndTheTipDelivered() {
        discord.script("POST", path(), FakeResponse.rateLimited(0.3));
        assertEquals(
                new SendResult.Delivered(), sender(Duration.ofSeconds(5)).send(to(channel), TIP));
        assertEquals(
                2, discord.requests("POST", path()).size(), "Discord4J retried after the wait");
    }

    @Test
    void aRateLimitLongerThanTheSendTimeoutIsRetryAfterAtOnce() {
        discord.script("POST", path(), FakeResponse.rateLimited(60));
        long start = System.nanoTime();
        SendResult result = sender(Duration.ofSeconds(5)).send(to(channel), TIP);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(new SendResult.RetryAfter(Duration.ofSeconds(60)), result);
        assertTrue(
                took.compareTo(Duration.ofSeconds(5)) < 0,
                "gave up without waiting for the timeout: " + took);
        assertEquals(1, discord.requests("POST", path()).size());
    }

    @Test
    void rateLimitsUntilTheTimeoutAreRetryAfterWithTheLastWait() {
        FakeResponse[] limits = new FakeResponse[20];
        java.util.Arrays.fill(limits, FakeResponse.rateLimited(0.8));
        discord.script("POST", path(), limits);
        long start = System.nanoTime();
        SendResult result = sender(Duration.ofSeconds(2)).send(to(channel), TIP);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(new SendResult.RetryAfter(Duration.ofMillis(800)), result);
        assertTrue(
                took.compareTo(Duration.ofSeconds(6)) < 0, "bounded by the send timeout: " + took);
        assertTrue(
                discord.requests("POST", path()).size() >= 2,
                "Discord4J did retry within the budget");
    }

    @Test
    void atTwoRestRequestsASecondSixTipsTakeAtLeastTwoSeconds() {
        DiscordSettings settings =
                DiscordSettings.of(FakeDiscord.TOKEN, URI.create(discord.apiUrl()))
                        .withMaxRestRequestsPerSecond(2);
        DiscordMessageSender sender =
                new DiscordMessageSender(
                        DiscordClients.create(settings),
                        new ReplyRenderer(),
                        settings.sendTimeout());
        long start = System.nanoTime();
        for (int i = 0; i < 6; i++) {
            // A direct-message channel each: one request per tip (no forum check), and only the
            // global limit spaces them out.
            Address dm = DiscordPlaces.directChannel(discord.nextId());
            assertEquals(new SendResult.Delivered(), sender.send(dm, TIP));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        // Two at once, two a second later, the last two a second after that.
        assertTrue(took.compareTo(Duration.ofSeconds(2)) >= 0, "took " + took);
        assertEquals(6, discord.requests().size());
    }

    @Test
    void missingAccessAndMissingPermissionsAreRefusalsPeopleCanFixWithTheReason() {
        Map<FakeResponse, String> cases =
                Map.of(
                        FakeResponse.missingAccess(), "Missing Access",
                        FakeResponse.missingPermissions(), "Missing Permissions",
                        FakeResponse.error(403, 50007, "Cannot send messages to this user"),
                                "closed their direct messages");
        DiscordMessageSender sender = sender(Duration.ofSeconds(5));
        for (var c : cases.entrySet()) {
            long ch = discord.nextId();
            discord.script("POST", "/channels/" + ch + "/messages", c.getKey());
            SendResult result = sender.send(to(ch), TIP);
            SendResult.Refused refused =
                    assertInstanceOf(SendResult.Refused.class, result, c.getValue());
            assertTrue(refused.reason().contains(c.getValue()), refused.reason());
        }
    }

    @Test
    void anUnknownChannelIsPermanent() {
        long ch = discord.nextId();
        discord.script("POST", "/channels/" + ch + "/messages", FakeResponse.unknownChannel());
        SendResult.Permanent gone =
                assertInstanceOf(
                        SendResult.Permanent.class,
                        sender(Duration.ofSeconds(5)).send(to(ch), TIP));
        assertTrue(gone.reason().contains("Unknown Channel"), gone.reason());
    }

    @Test
    void otherRefusalsAreClassifiedByWhoseProblemTheyAre() {
        DiscordMessageSender sender = sender(Duration.ofSeconds(5));
        long forbidden = discord.nextId();
        discord.script(
                "POST",
                "/channels/" + forbidden + "/messages",
                FakeResponse.error(403, 20001, "Bots cannot use this endpoint"));
        assertInstanceOf(SendResult.Refused.class, sender.send(to(forbidden), TIP));
        long unauthorized = discord.nextId();
        discord.script(
                "POST",
                "/channels/" + unauthorized + "/messages",
                FakeResponse.error(401, 0, "401: Unauthorized"));
        assertInstanceOf(
                SendResult.Transient.class,
                sender.send(to(unauthorized), TIP),
                "a bad token is not the subscriber's fault");
        long bad = discord.nextId();
        discord.script(
                "POST",
                "/channels/" + bad + "/messages",
                FakeResponse.error(400, 50035, "Invalid Form Body"));
        assertInstanceOf(SendResult.Transient.class, sender.send(to(bad), TIP));
    }

    @Test
    void serverErrorsThatLastAreTransientWithinTheTimeout() {
        FakeResponse[] errors = new FakeResponse[20];
        java.util.Arrays.fill(errors, FakeResponse.serverError());
        discord.script("POST", path(), errors);
        long start = System.nanoTime();
        SendResult result = sender(Duration.ofSeconds(2)).send(to(channel), TIP);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(new SendResult.Transient("Discord server error 500"), result);
        assertTrue(took.compareTo(Duration.ofSeconds(6)) < 0, "bounded: " + took);
    }

    @Test
    void aServerErrorOnceIsRetriedByDiscord4J() {
        discord.script("POST", path(), FakeResponse.serverError());
        assertEquals(
                new SendResult.Delivered(), sender(Duration.ofSeconds(10)).send(to(channel), TIP));
        assertEquals(2, discord.requests("POST", path()).size());
    }

    @Test
    void nobodyListeningIsTransient() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        DiscordSettings settings =
                DiscordSettings.of(
                                FakeDiscord.TOKEN,
                                URI.create("http://127.0.0.1:" + port + "/api/v10"))
                        .withSendTimeout(Duration.ofSeconds(3));
        DiscordMessageSender sender =
                new DiscordMessageSender(
                        DiscordClients.create(settings),
                        new ReplyRenderer(),
                        settings.sendTimeout());
        SendResult result = sender.send(to(channel), TIP);
        SendResult.Transient t = assertInstanceOf(SendResult.Transient.class, result);
        assertFalse(t.reason().contains(FakeDiscord.TOKEN));
    }

    @Test
    void addressesThatAreNotDiscordChannelsArePermanent() {
        DiscordMessageSender sender = sender(Duration.ofSeconds(1));
        assertInstanceOf(
                SendResult.Permanent.class,
                sender.send(Address.direct(Platform.DISCORD, "not-a-snowflake"), TIP));
        assertInstanceOf(
                SendResult.Permanent.class,
                sender.send(Address.direct(Platform.TELEGRAM, "123"), TIP));
        assertTrue(discord.requests().stream().noneMatch(r -> r.path().startsWith("/channels/")));
    }

    @Test
    void aLongHostileTipIsSplitIntoMessagesWithinDiscordsLimits() {
        String hostile = "@everyone <@&1> **bold** ||x|| [a](http://b) ";
        Reply tip =
                Reply.of(Reply.Kind.TIP, List.of(new Block.Paragraph(hostile.repeat(250))))
                        .titled(hostile);
        assertEquals(
                new SendResult.Delivered(), sender(Duration.ofSeconds(5)).send(to(channel), tip));
        List<RecordedRequest> posts = discord.requests("POST", path());
        assertTrue(posts.size() >= 2, "split into " + posts.size());
        for (RecordedRequest post : posts) {
            JsonNode body = post.json();
            assertEquals("[]", body.path("allowed_mentions").path("parse").toString());
            assertTrue(body.path("content").asText("").length() <= 2000);
            int total = 0;
            for (JsonNode e : body.path("embeds")) {
                assertTrue(e.path("description").asText("").length() <= 4096);
                assertTrue(e.path("title").asText("").length() <= 256);
                total +=
                        e.path("description").asText("").length()
                                + e.path("title").asText("").length()
                                + e.path("footer").path("text").asText("").length();
            }
            assertTrue(total <= 6000, "embed total " + total);
            assertFalse(body.toString().contains("@everyone"));
        }
    }
}
