package dev.ratbot.subscription;

import dev.ratbot.message.Address;
import dev.ratbot.message.Platform;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The in-memory twin of the JDBC store: for tests and for the console chat; forgets everything on
 * exit. Like the JDBC store it identifies an address by platform, chat and thread, and keeps times
 * to the minute.
 */
public final class InMemorySubscriptionStore implements SubscriptionStore {

    /**
     * What makes two addresses the same subscription; server and group flag are attributes that may
     * change.
     */
    private record Key(Platform platform, String chatId, Optional<String> threadId) {
        static Key of(Address a) {
            return new Key(a.platform(), a.chatId(), a.threadId());
        }
    }

    private final Map<Key, Subscription> byAddress = new HashMap<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public synchronized Subscription subscribe(
            Address address, LocalTime localTime, ZoneId zone, String createdBy) {
        Subscription old = byAddress.get(Key.of(address));
        LocalTime minute = localTime.truncatedTo(ChronoUnit.MINUTES);
        Subscription updated =
                old == null
                        ? new Subscription(
                                ids.incrementAndGet(),
                                address,
                                minute,
                                zone,
                                SubscriptionStatus.ACTIVE,
                                createdBy == null ? "" : createdBy,
                                Optional.empty())
                        : new Subscription(
                                old.id(),
                                address,
                                minute,
                                zone,
                                SubscriptionStatus.ACTIVE,
                                old.createdBy(),
                                Optional.empty());
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
        Subscription updated =
                with(
                        old,
                        paused ? SubscriptionStatus.PAUSED : SubscriptionStatus.ACTIVE,
                        Optional.empty(),
                        Optional.empty());
        byAddress.put(Key.of(address), updated);
        return Optional.of(updated);
    }

    @Override
    public synchronized Optional<Subscription> pause(Address address, PauseReason reason) {
        Subscription old = byAddress.get(Key.of(address));
        if (old == null || old.status() == SubscriptionStatus.STOPPED) return Optional.empty();
        if (old.status() == SubscriptionStatus.PAUSED && old.pauseReason().isEmpty())
            return Optional.of(old);
        Subscription updated =
                with(old, SubscriptionStatus.PAUSED, Optional.empty(), Optional.of(reason));
        byAddress.put(Key.of(address), updated);
        return Optional.of(updated);
    }

    @Override
    public synchronized Optional<Subscription> stop(Address address, String reason) {
        Subscription old = byAddress.get(Key.of(address));
        if (old == null) return Optional.empty();
        Subscription updated =
                with(
                        old,
                        SubscriptionStatus.STOPPED,
                        Optional.of(reason == null ? "" : reason),
                        Optional.empty());
        byAddress.put(Key.of(address), updated);
        return Optional.of(updated);
    }

    @Override
    public synchronized List<Subscription> inChat(Platform platform, String chatId) {
        List<Subscription> out = new ArrayList<>();
        for (Subscription s : byAddress.values()) {
            if (s.address().platform() == platform && s.address().chatId().equals(chatId))
                out.add(s);
        }
        out.sort(Comparator.comparingLong(Subscription::id));
        return out;
    }

    @Override
    public synchronized List<Subscription> inServer(Platform platform, String serverId) {
        List<Subscription> out = new ArrayList<>();
        for (Subscription s : byAddress.values()) {
            if (s.address().platform() == platform
                    && s.address().serverId().equals(Optional.of(serverId))) out.add(s);
        }
        out.sort(Comparator.comparingLong(Subscription::id));
        return out;
    }

    @Override
    public synchronized List<Subscription> moveChat(
            Platform platform, String fromChatId, String toChatId) {
        List<Subscription> out = new ArrayList<>();
        if (fromChatId.equals(toChatId)) return inChat(platform, fromChatId);
        for (Subscription s : inChat(platform, fromChatId)) {
            Address to = s.address().movedTo(toChatId);
            Subscription there = byAddress.get(Key.of(to));
            Subscription now;
            if (there != null) {
                now =
                        with(
                                s,
                                SubscriptionStatus.STOPPED,
                                Optional.of(movedOnto(toChatId)),
                                Optional.empty());
                byAddress.put(Key.of(s.address()), now);
            } else {
                now =
                        new Subscription(
                                s.id(),
                                to,
                                s.localTime(),
                                s.zone(),
                                s.status(),
                                s.createdBy(),
                                s.stopReason(),
                                s.pauseReason());
                byAddress.remove(Key.of(s.address()));
                byAddress.put(Key.of(to), now);
            }
            out.add(now);
        }
        return out;
    }

    /**
     * The stop reason of a subscription whose chat moved onto one that has its own; shared with the
     * JDBC store.
     */
    static String movedOnto(String toChatId) {
        return "moved to chat " + toChatId + ", which has its own subscription";
    }

    private static Subscription with(
            Subscription s,
            SubscriptionStatus status,
            Optional<String> stopReason,
            Optional<PauseReason> pause) {
        return new Subscription(
                s.id(),
                s.address(),
                s.localTime(),
                s.zone(),
                status,
                s.createdBy(),
                stopReason,
                pause);
    }
}
