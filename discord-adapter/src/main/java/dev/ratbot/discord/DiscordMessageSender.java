package dev.ratbot.discord;

import dev.ratbot.conversation.Reply;
import dev.ratbot.platform.Address;
import dev.ratbot.platform.MessageSender;
import dev.ratbot.platform.Platform;
import dev.ratbot.platform.PlatformLimits;
import dev.ratbot.platform.SendResult;
import discord4j.rest.RestClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Sends unsolicited messages (daily tips) to Discord channels over REST, and says what happened: delivered; rate
 * limited (retry after the wait Discord asked for); Missing Access, Missing Permissions, Unknown Channel and other
 * refusals that will not change by themselves (permanent, with the reason shown by {@code /tips status});
 * network trouble, server errors and timeouts (transient). Never throws, and returns within the configured send
 * timeout plus a little: Discord4J's own waiting on 429s and retrying of 5xx is cut off there.
 *
 * <p>Thread-safe; blocks the calling thread, so call it from a worker thread, not from a Reactor event loop.
 */
public final class DiscordMessageSender implements MessageSender {

    /**
     * Discord's limits as core should pace for them: 2000 characters of content per message; 50 requests per second
     * for the whole bot; about five messages per five seconds in one channel.
     */
    public static final PlatformLimits LIMITS = new PlatformLimits(2000, 50, Duration.ofSeconds(1), 60);

    private static final Logger log = LoggerFactory.getLogger(DiscordMessageSender.class);

    private final RestClient rest;
    private final ReplyRenderer renderer;
    private final Duration timeout;

    DiscordMessageSender(RestClient rest, ReplyRenderer renderer, Duration timeout) {
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
        try {
            if (to.platform() != Platform.DISCORD) return new SendResult.Permanent("not a Discord address: " + to.platform());
            long channelId;
            try {
                channelId = Long.parseUnsignedLong(to.chatId());
            } catch (NumberFormatException e) {
                return new SendResult.Permanent("not a Discord channel id: " + to.chatId());
            }
            List<DiscordMessage> messages = renderer.render(reply);
            for (int i = 0; i < messages.size(); i++) {
                SendResult result = sendOne(channelId, messages.get(i));
                if (!(result instanceof SendResult.Delivered)) {
                    if (i == 0) return result;
                    // Part of the reply is out: a retry would repeat it, so report delivery and note the loss.
                    log.warn("Discord channel {}: part {} of {} of a message not sent: {}", channelId, i + 1, messages.size(), result);
                    return new SendResult.Delivered();
                }
            }
            return new SendResult.Delivered();
        } catch (RuntimeException e) {
            log.warn("Discord send to {} failed unexpectedly: {}", to.chatId(), SafeErrors.describe(e));
            return new SendResult.Transient("unexpected error: " + e.getClass().getSimpleName());
        }
    }

    private SendResult sendOne(long channelId, DiscordMessage message) {
        RateLimitProbe probe = new RateLimitProbe(timeout);
        Mono<SendResult> attempt = rest.getChannelService()
                .createMessage(channelId, message.asChannelMessage(Optional.empty()).asRequest())
                .thenReturn((SendResult) new SendResult.Delivered());
        Mono<SendResult> gaveUp = probe.waitTooLong().map(SendResult.RetryAfter::new);
        SendResult result = Mono.firstWithSignal(attempt, gaveUp)
                .timeout(timeout)
                .onErrorResume(e -> Mono.just(SendFailures.classify(e, probe)))
                .contextWrite(Context.of(RateLimitProbe.CONTEXT_KEY, probe))
                // The Reactor timeout fires first; this one only guards against a scheduler that never runs it.
                .block(timeout.plusSeconds(5));
        return result == null ? new SendResult.Transient("no answer from Discord") : result;
    }
}
