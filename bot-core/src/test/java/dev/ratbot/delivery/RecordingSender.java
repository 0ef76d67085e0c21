package dev.ratbot.delivery;

import dev.ratbot.message.Address;
import dev.ratbot.message.MessageSender;
import dev.ratbot.message.Platform;
import dev.ratbot.message.PlatformLimits;
import dev.ratbot.message.Reply;
import dev.ratbot.message.SendResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * A {@link MessageSender} for tests: answers what {@code script} says for each address and records
 * every send with the clock's time. Thread-safe.
 */
public final class RecordingSender implements MessageSender {

    /** One message handed to this sender. */
    public record Sent(Address to, Reply reply, Instant at) {}

    private final Platform platform;
    private final PlatformLimits limits;
    private final Clock clock;
    private volatile Function<Address, SendResult> script = a -> new SendResult.Delivered();
    private final ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();

    public RecordingSender(Platform platform, PlatformLimits limits, Clock clock) {
        this.platform = platform;
        this.limits = limits;
        this.clock = clock;
    }

    public static RecordingSender unlimited(Platform platform, Clock clock) {
        return new RecordingSender(platform, new PlatformLimits(4096, 0, Duration.ZERO, 0), clock);
    }

    /** From now on, answers {@code script.apply(address)} (and records the attempt). */
    public RecordingSender answering(Function<Address, SendResult> script) {
        this.script = script;
        return this;
    }

    @Override
    public Platform platform() {
        return platform;
    }

    @Override
    public PlatformLimits limits() {
        return limits;
    }

    @Override
    public SendResult send(Address to, Reply reply) {
        sent.add(new Sent(to, reply, clock.instant()));
        return script.apply(to);
    }

    public List<Sent> sent() {
        return new ArrayList<>(sent);
    }

    public List<Sent> sentTo(String chatId) {
        return sent().stream().filter(s -> s.to().chatId().equals(chatId)).toList();
    }

    public void clear() {
        sent.clear();
    }
}
