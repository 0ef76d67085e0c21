package dev.ratbot.tips;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The order in which each subscription walks a {@link TipCatalogue}: every subscription goes
 * through the whole catalogue in its own shuffled order, one cycle after another, and no tip
 * repeats within a cycle. A pure function of its arguments; the caller stores what was delivered.
 *
 * <p>Within cycle {@code c} of subscription {@code s}, tips are ordered by a 64-bit hash of {@code
 * (s, c, tip id)}, so the order depends only on which tips exist, never on when they were added: a
 * tip added to the pack mid-cycle simply takes its place among the tips not yet delivered, and the
 * cycle goes on; a removed tip is skipped. When the first tip of a cycle would be the one that the
 * previous cycle's order ended with, the first two swap, so a tip is not normally sent twice in a
 * row across the boundary.
 *
 * <p>How to use it: keep, for each delivery, the tip id and the cycle from {@link NextTip}. To
 * choose the next tip, pass the highest cycle recorded for the subscription (0 when it has had no
 * tip) and the ids recorded with that cycle. Immutable and thread-safe.
 */
public final class TipRotation {

    private final TipCatalogue catalogue;
    private final List<Keyed> keyed;

    public TipRotation(TipCatalogue catalogue) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        List<Keyed> keys = new ArrayList<>(catalogue.size());
        for (Tip tip : catalogue.tips()) keys.add(new Keyed(tip, key(tip.id())));
        this.keyed = List.copyOf(keys);
    }

    public TipCatalogue catalogue() {
        return catalogue;
    }

    /**
     * The next tip for a subscription.
     *
     * @param subscriptionId the subscription's id
     * @param cycle the subscription's current cycle: the highest cycle of its recorded deliveries,
     *     0 if none
     * @param deliveredInCycle the ids of the tips recorded with {@code cycle} (ids no longer in the
     *     catalogue are ignored)
     * @return the first tip of the cycle's order not yet delivered, with {@code cycle}; when every
     *     tip of the catalogue has been delivered in {@code cycle}, the first tip of cycle {@code
     *     cycle + 1}; empty only when the catalogue is empty
     */
    public Optional<NextTip> next(long subscriptionId, long cycle, Set<String> deliveredInCycle) {
        if (cycle < 0) throw new IllegalArgumentException("negative cycle " + cycle);
        Objects.requireNonNull(deliveredInCycle, "deliveredInCycle");
        if (keyed.isEmpty()) return Optional.empty();
        for (Tip tip : order(subscriptionId, cycle)) {
            if (!deliveredInCycle.contains(tip.id())) return Optional.of(new NextTip(tip, cycle));
        }
        return Optional.of(new NextTip(order(subscriptionId, cycle + 1).get(0), cycle + 1));
    }

    /**
     * The whole catalogue in the order subscription {@code subscriptionId} walks it in {@code
     * cycle}.
     */
    public List<Tip> order(long subscriptionId, long cycle) {
        // Two tips can only avoid a repeat at the boundary by keeping one order for every cycle.
        if (keyed.size() == 2) return ranked(subscriptionId, 0);
        List<Tip> order = ranked(subscriptionId, cycle);
        if (cycle > 0 && order.size() > 2) {
            // The swap moves only the first two places, so the previous cycle's last tip is its
            // ranked last.
            List<Tip> previous = ranked(subscriptionId, cycle - 1);
            if (order.get(0).equals(previous.get(previous.size() - 1)))
                Collections.swap(order, 0, 1);
        }
        return order;
    }

    private List<Tip> ranked(long subscriptionId, long cycle) {
        long seed = mix(mix(subscriptionId) ^ mix(cycle + 0x632BE59BD9B4E019L));
        List<Ranked> ranks = new ArrayList<>(keyed.size());
        for (Keyed k : keyed) ranks.add(new Ranked(k.tip, mix(seed ^ k.key)));
        ranks.sort(Comparator.comparingLong(Ranked::rank).thenComparing(r -> r.tip.id()));
        List<Tip> out = new ArrayList<>(ranks.size());
        for (Ranked r : ranks) out.add(r.tip);
        return out;
    }

    /** A 64-bit key for a tip id; ids are hex hashes already, but any string must work. */
    private static long key(String id) {
        long h = 0xCBF29CE484222325L; // FNV-1a, then mixed
        for (int i = 0; i < id.length(); i++) {
            h ^= id.charAt(i);
            h *= 0x100000001B3L;
        }
        return mix(h);
    }

    /** MurmurHash3's 64-bit finaliser: a bijection that spreads every input bit over the output. */
    private static long mix(long z) {
        z ^= z >>> 33;
        z *= 0xFF51AFD7ED558CCDL;
        z ^= z >>> 33;
        z *= 0xC4CEB9FE1A85EC53L;
        z ^= z >>> 33;
        return z;
    }

    private record Keyed(Tip tip, long key) {}

    private record Ranked(Tip tip, long rank) {}
}
