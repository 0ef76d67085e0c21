package dev.ratbot.app.ops;

import dev.ratbot.message.Address;
import dev.ratbot.message.MessageSender;
import dev.ratbot.message.Platform;
import dev.ratbot.message.PlatformLimits;
import dev.ratbot.message.Reply;
import dev.ratbot.message.SendResult;

/**
 * A {@link MessageSender} that records every outcome (tips sent, failures by reason, retry-afters,
 * send time) into {@link RatbotMetrics}; sending itself is the wrapped adapter's.
 */
public final class MeteredMessageSender implements MessageSender {

    private final MessageSender sender;
    private final RatbotMetrics metrics;

    public MeteredMessageSender(MessageSender sender, RatbotMetrics metrics) {
        this.sender = sender;
        this.metrics = metrics;
    }

    @Override
    public Platform platform() {
        return sender.platform();
    }

    @Override
    public PlatformLimits limits() {
        return sender.limits();
    }

    @Override
    public SendResult send(Address to, Reply reply) {
        long start = System.nanoTime();
        SendResult result;
        try {
            result = sender.send(to, reply);
        } catch (RuntimeException e) {
            metrics.deliveryError(sender.platform());
            throw e;
        }
        metrics.delivery(sender.platform(), result, System.nanoTime() - start);
        return result;
    }
}
