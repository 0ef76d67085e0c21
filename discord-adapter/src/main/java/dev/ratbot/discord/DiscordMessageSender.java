package dev.ratbot.discord;

import dev.ratbot.message.Address;
import dev.ratbot.message.MessageSender;
import dev.ratbot.message.Platform;
import dev.ratbot.message.PlatformLimits;
import dev.ratbot.message.Reply;
import dev.ratbot.message.SendResult;
import discord4j.rest.RestClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Sends unsolicited messages (daily tips) to Discord channels over REST, and says what happened:
 * delivered; rate limited (retry after the wait Discord asked for); Missing Access, Missing
 * Permissions, Unknown Channel and other refusals that will not change by themselves (permanent,
 * with the reason shown by {@code /tips status}); network trouble, server errors and timeouts
 * (transient). Never throws, and returns within the configured send timeout plus a little:
 * Discord4J's own waiting on 429s and retrying of 5xx is cut off there.
 *
 * <p>Thread-safe; blocks the calling thread, so call it from a worker thread, not from a Reactor
 * event loop.
 */
public final class DiscordMessageSender implements MessageSender {

    /**
     * Discord's limits as core should pace for them: 2000 characters of content per message; 50
     * requests per second for the whole bot; about five messages per five seconds in one channel.
     */
    public static final PlatformLimits LIMITS =
            new PlatformLimits(2000, 50, Duration.ofSeconds(1), 60);

    private static final Logger log = LoggerFactory.getLogger(DiscordMessageSender.class);

    private final RestClient rest;
    private final ReplyRenderer renderer;
    private final Duration timeout;
    private final SetUpNotice setUpNotice;
    private final java.util.Map<Long, Boolean> forums =
            new java.util.concurrent.ConcurrentHashMap<>();

    DiscordMessageSender(RestClient rest, ReplyRenderer renderer, Duration timeout) {
        this(rest, renderer, timeout, null);
    }

    /**
     * @param setUpNotice told when a server channel refuses a tip (may be null: nobody is told)
     */
    DiscordMessageSender(
            RestClient rest, ReplyRenderer renderer, Duration timeout, SetUpNotice setUpNotice) {
        this.setUpNotice = setUpNotice;
        this.rest = rest;
        this.renderer = renderer;
        this.timeout = timeout;
    }

    @Override
    public Platform platform() {
        return Platform.DISCORD;
    }

    @Override
    public PlatformLimits limits() {
        return LIMITS;
    }

    @Override
    public SendResult send(Address to, Reply reply) {
        SendResult result = sendReply(to, reply);
        if (result instanceof SendResult.Refused refused && setUpNotice != null)
            setUpNotice.refused(to, refused.reason());
        return result;
    }

    private SendResult sendReply(Address to, Reply reply) {
        try {
            if (to.platform() != Platform.DISCORD)
                return new SendResult.Permanent("not a Discord address: " + to.platform());
            long channelId;
            try {
                channelId = Long.parseUnsignedLong(to.chatId());
            } catch (NumberFormatException e) {
                return new SendResult.Permanent("not a Discord channel id: " + to.chatId());
            }
            List<DiscordMessage> messages = renderer.render(reply);
            if (messages.isEmpty()) return new SendResult.Delivered();
            if (to.group() && isForum(channelId)) {
                // In a forum each day's tip opens a post titled with the tip; the rest of a long
                // tip goes inside it.
                Forum.Opened opened =
                        Forum.open(rest, channelId, Forum.title(reply), messages.get(0), timeout);
                if (!(opened.result() instanceof SendResult.Delivered)) return opened.result();
                channelId = opened.threadId();
                messages = messages.subList(1, messages.size());
            }
            for (int i = 0; i < messages.size(); i++) {
                SendResult result = sendOne(channelId, messages.get(i));
                if (!(result instanceof SendResult.Delivered)) {
                    if (i == 0) return result;
                    // Part of the reply is out: a retry would repeat it, so report delivery and
                    // note the loss.
                    log.warn(
                            "Discord channel {}: part {} of {} of a message not sent: {}",
                            channelId,
                            i + 1,
                            messages.size(),
                            result);
                    return new SendResult.Delivered();
                }
            }
            return new SendResult.Delivered();
        } catch (RuntimeException e) {
            log.warn(
                    "Discord send to {} failed unexpectedly: {}",
                    to.chatId(),
                    SafeErrors.describe(e));
            return new SendResult.Transient("unexpected error: " + e.getClass().getSimpleName());
        }
    }

    /**
     * Whether a server channel is a forum, asked once per channel and process (channel types do not
     * change).
     */
    private boolean isForum(long channelId) {
        Boolean known = forums.get(channelId);
        if (known != null) return known;
        try {
            var channel = rest.getChannelService().getChannel(channelId).block(timeout);
            boolean forum = channel != null && channel.type() == BotPermissions.FORUM;
            forums.put(channelId, forum);
            return forum;
        } catch (RuntimeException e) {
            // Not known now: post as to a text channel; Discord's answer to that says what is
            // wrong.
            return false;
        }
    }

    private SendResult sendOne(long channelId, DiscordMessage message) {
        RateLimitProbe probe = new RateLimitProbe(timeout);
        Mono<SendResult> attempt =
                rest.getChannelService()
                        .createMessage(
                                channelId, message.asChannelMessage(Optional.empty()).asRequest())
                        // Discord answers a post with the message; an answer without one (a
                        // redirect, a proxy's page) is not a delivery.
                        .map(posted -> (SendResult) new SendResult.Delivered())
                        .defaultIfEmpty(
                                new SendResult.Transient("Discord answered without the message"));
        Mono<SendResult> gaveUp = probe.waitTooLong().map(SendResult.RetryAfter::new);
        SendResult result =
                Mono.firstWithSignal(attempt, gaveUp)
                        .timeout(timeout)
                        .onErrorResume(e -> Mono.just(SendFailures.classify(e, probe)))
                        .contextWrite(Context.of(RateLimitProbe.CONTEXT_KEY, probe))
                        // The Reactor timeout fires first; this one only guards against a scheduler
                        // that never runs it.
                        .block(timeout.plusSeconds(5));
        return result == null ? new SendResult.Transient("no answer from Discord") : result;
    }
}
