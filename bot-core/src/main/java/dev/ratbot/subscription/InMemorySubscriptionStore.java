package dev.ratbot.subscription;

import dev.ratbot.platform.Address;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** The in-memory twin of the JDBC store: for tests and for the console chat; forgets everything on exit. */
public final class InMemorySubscriptionStore implements SubscriptionStore {

    private final Map<Address, Subscription> byAddress = new HashMap<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public synchronized Subscription subscribe(Address address, LocalTime localTime, ZoneId zone, String createdBy) {
        Subscription old = byAddress.get(address);
        Subscription updated = old == null
                ? new Subscription(ids.incrementAndGet(), address, localTime, zone, SubscriptionStatus.ACTIVE, createdBy, Optional.empty())
                : new Subscription(old.id(), address, localTime, zone, SubscriptionStatus.ACTIVE, old.createdBy(), Optional.empty());
        byAddress.put(address, updated);
        return updated;
    }

    @Override
    public synchronized Optional<Subscription> find(Address address) {
        return Optional.ofNullable(byAddress.get(address));
    }

    @Override
    public synchronized Optional<Subscription> setPaused(Address address, boolean paused) {
        Subscription old = byAddress.get(address);
        if (old == null || old.status() == SubscriptionStatus.STOPPED) return Optional.empty();
        Subscription updated = withStatus(old, paused ? SubscriptionStatus.PAUSED : SubscriptionStatus.ACTIVE, Optional.empty());
        byAddress.put(address, updated);
        return Optional.of(updated);
    }

    @Override
    public synchronized Optional<Subscription> stop(Address address, String reason) {
        Subscription old = byAddress.get(address);
        if (old == null) return Optional.empty();
        Subscription updated = withStatus(old, SubscriptionStatus.STOPPED, Optional.of(reason));
        byAddress.put(address, updated);
        return Optional.of(updated);
    }

    private static Subscription withStatus(Subscription s, SubscriptionStatus status, Optional<String> reason) {
        return new Subscription(s.id(), s.address(), s.localTime(), s.zone(), status, s.createdBy(), reason);
    }
}
