package dev.ratbot.subscription;

import dev.ratbot.platform.Address;
import dev.ratbot.platform.Platform;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The in-memory twin of the JDBC store: for tests and for the console chat; forgets everything on exit. Like the
 * JDBC store it identifies an address by platform, chat and thread, and keeps times to the minute.
 */
public final class InMemorySubscriptionStore implements SubscriptionStore {

    /** What makes two addresses the same subscription; server and group flag are attributes that may change. */
    private record Key(Platform platform, String chatId, Optional<String> threadId) {
        static Key of(Address a) {
            return new Key(a.platform(), a.chatId(), a.threadId());
        }
    }

    private final Map<Key, Subscription> byAddress = new HashMap<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public synchronized Subscription subscribe(Address address, LocalTime localTime, ZoneId zone, String createdBy) {
        Subscription old = byAddress.get(Key.of(address));
        LocalTime minute = localTime.truncatedTo(ChronoUnit.MINUTES);
        Subscription updated = old == null
                ? new Subscription(ids.incrementAndGet(), address, minute, zone, SubscriptionStatus.ACTIVE, createdBy == null ? "" : createdBy, Optional.empty())
                : new Subscription(old.id(), address, minute, zone, SubscriptionStatus.ACTIVE, old.createdBy(), Optional.empty());
        byAddress.put(Key.of(address), updated);
        return updated;
    }

    @Override
    public synchronized Optional<Subscription> find(Address address) {
        return Optional.ofNullable(byAddress.get(Key.of(address)));
    }

    @Override
    public synchronized Optional<Subscription> setPaused(Address address, boolean paused) {
        Subscription old = byAddress.get(Key.of(address));
        if (old == null || old.status() == SubscriptionStatus.STOPPED) return Optional.empty();
        Subscription updated = withStatus(old, paused ? SubscriptionStatus.PAUSED : SubscriptionStatus.ACTIVE, Optional.empty());
        byAddress.put(Key.of(address), updated);
        return Optional.of(updated);
    }

    @Override
    public synchronized Optional<Subscription> stop(Address address, String reason) {
        Subscription old = byAddress.get(Key.of(address));
        if (old == null) return Optional.empty();
        Subscription updated = withStatus(old, SubscriptionStatus.STOPPED, Optional.of(reason == null ? "" : reason));
        byAddress.put(Key.of(address), updated);
        return Optional.of(updated);
    }

    private static Subscription withStatus(Subscription s, SubscriptionStatus status, Optional<String> reason) {
        return new Subscription(s.id(), s.address(), s.localTime(), s.zone(), status, s.createdBy(), reason);
    }
}
