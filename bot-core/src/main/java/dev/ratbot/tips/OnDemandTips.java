package dev.ratbot.tips;

import dev.ratbot.knowledge.Attribution;
import dev.ratbot.message.Address;
import dev.ratbot.message.Reply;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Tips given on request (the /tip command). Each chat walks the catalogue in its own shuffled order
 * ({@link TipRotation}), so asking again and again shows every tip before any repeats. Only a
 * counter per chat is kept, in memory, for the most recently active chats; each chat starts at the
 * beginning of a random cycle, so a restart does not replay the same tips. Daily tips do not use
 * this: their history is stored with each delivery. Thread-safe.
 */
public final class OnDemandTips implements TipSource {

    /** How many chats' positions are remembered; older ones start afresh, which is harmless. */
    static final int REMEMBERED_CHATS = 10_000;

    private final TipRotation rotation;
    private final Attribution attribution;
    private final RandomGenerator random;
    private final Map<String, Long> position =
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                    return size() > REMEMBERED_CHATS;
                }
            };

    /**
     * @param catalogue the tips to give
     * @param attribution the pack's attribution, shown with every tip
     * @param random picks each chat's starting point; tests pass a seeded generator
     */
    public OnDemandTips(TipCatalogue catalogue, Attribution attribution, RandomGenerator random) {
        this.rotation = new TipRotation(catalogue);
        this.attribution = Objects.requireNonNull(attribution, "attribution");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The next tip for this chat, as a reply of kind TIP; empty when the catalogue has no tips. */
    @Override
    public Optional<Reply> tipFor(Address address) {
        return nextTip(address).map(tip -> TipMessage.reply(tip, attribution));
    }

    /** The next tip for this chat; empty when the catalogue has no tips. */
    public Optional<Tip> nextTip(Address address) {
        int size = rotation.catalogue().size();
        if (size == 0) return Optional.empty();
        // A chat and its threads share one walk: they are the same audience.
        String chat = address.platform() + ":" + address.chatId();
        long n;
        synchronized (position) {
            Long seen = position.get(chat);
            // A random cycle to start in: a fresh order after a restart, walked from its beginning.
            n = seen == null ? random.nextLong(1L << 20) * size : seen + 1;
            position.put(chat, n);
        }
        // Walks cycle after cycle of the chat's own order, one place per request.
        long order = chat.hashCode() * 0x9E3779B97F4A7C15L;
        return Optional.of(rotation.order(order, n / size).get((int) (n % size)));
    }
}
