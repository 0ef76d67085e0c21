package dev.ratbot.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The in-memory twin of the JDBC inbox: deduplicates and takes within one process (tests, and a bot
 * run without a database); forgets everything on exit.
 */
public final class InMemoryUpdateInbox implements UpdateInbox {

    private record Entry(Arrival arrival, Instant receivedAt, boolean taken) {}

    private final Clock clock;
    private final Map<String, TreeMap<Long, Entry>> streams = new HashMap<>();

    public InMemoryUpdateInbox(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized List<Arrival> accept(String stream, List<Arrival> arrivals) {
        TreeMap<Long, Entry> entries = streams.computeIfAbsent(stream, s -> new TreeMap<>());
        List<Arrival> fresh = new ArrayList<>();
        for (Arrival a : arrivals) {
            if (entries.containsKey(a.id())) continue;
            entries.put(a.id(), new Entry(a, clock.instant(), false));
            fresh.add(a);
        }
        return fresh;
    }

    @Override
    public synchronized boolean take(String stream, long id, String instance) {
        TreeMap<Long, Entry> entries = streams.get(stream);
        Entry e = entries == null ? null : entries.get(id);
        if (e == null || e.taken()) return false;
        entries.put(id, new Entry(e.arrival(), e.receivedAt(), true));
        return true;
    }

    @Override
    public synchronized List<Arrival> untaken(String stream, int limit) {
        List<Arrival> out = new ArrayList<>();
        TreeMap<Long, Entry> entries = streams.get(stream);
        if (entries == null) return out;
        for (Entry e : entries.values()) {
            if (out.size() >= limit) break;
            if (!e.taken()) out.add(e.arrival());
        }
        return out;
    }

    @Override
    public synchronized int forgetBefore(Instant before) {
        int n = 0;
        for (TreeMap<Long, Entry> entries : streams.values()) {
            for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
                if (it.next().receivedAt().isBefore(before)) {
                    it.remove();
                    n++;
                }
            }
        }
        return n;
    }
}
