package dev.ratbot.tips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.answer.SectionRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class TipRotationProperties {

    static final SectionRef SECTION = new SectionRef("talk-and-listen", "Talk and Listen");

    static List<Tip> tips(Set<Integer> numbers) {
        List<Tip> tips = new ArrayList<>();
        for (int n : numbers)
            tips.add(Tip.of("Tip number " + n + " says something kind about rats.", SECTION));
        return tips;
    }

    /**
     * A subscription's delivery history as the store keeps it: the current cycle and the ids
     * delivered in it.
     */
    static final class History {
        long cycle;
        final Set<String> delivered = new HashSet<>();
        final List<NextTip> all = new ArrayList<>();

        NextTip deliverNext(TipRotation rotation, long subscription) {
            NextTip next = rotation.next(subscription, cycle, delivered).orElseThrow();
            if (next.cycle() != cycle) {
                cycle = next.cycle();
                delivered.clear();
            }
            delivered.add(next.tip().id());
            all.add(next);
            return next;
        }
    }

    @Property
    void aFullCycleVisitsEveryTipExactlyOnceThenANewCycleStarts(
            @ForAll @Size(min = 1, max = 80) Set<@IntRange(min = 0, max = 100_000) Integer> numbers,
            @ForAll long subscription,
            @ForAll @LongRange(min = 0, max = 1_000_000) long startCycle) {
        TipCatalogue catalogue = TipCatalogue.of(tips(numbers));
        TipRotation rotation = new TipRotation(catalogue);
        History history = new History();
        history.cycle = startCycle;
        List<String> visited = new ArrayList<>();
        for (int i = 0; i < catalogue.size(); i++) {
            NextTip next = history.deliverNext(rotation, subscription);
            assertEquals(startCycle, next.cycle());
            visited.add(next.tip().id());
        }
        assertEquals(catalogue.size(), new HashSet<>(visited).size());
        assertEquals(catalogue.ids(), new HashSet<>(visited));
        assertEquals(startCycle + 1, history.deliverNext(rotation, subscription).cycle());
    }

    @Property(tries = 200)
    void overManyCyclesNoTipRepeatsWithinACycleNorBackToBackAcrossOne(
            @ForAll @Size(min = 2, max = 40) Set<@IntRange(min = 0, max = 100_000) Integer> numbers,
            @ForAll long subscription) {
        TipCatalogue catalogue = TipCatalogue.of(tips(numbers));
        TipRotation rotation = new TipRotation(catalogue);
        History history = new History();
        int n = catalogue.size();
        for (int i = 0; i < 5 * n; i++) history.deliverNext(rotation, subscription);
        for (int c = 0; c < 5; c++) {
            List<NextTip> cycle = history.all.subList(c * n, (c + 1) * n);
            long number = c;
            assertTrue(cycle.stream().allMatch(t -> t.cycle() == number));
            assertEquals(n, cycle.stream().map(t -> t.tip().id()).distinct().count());
        }
        for (int i = 1; i < history.all.size(); i++) {
            assertNotEquals(
                    history.all.get(i - 1).tip(),
                    history.all.get(i).tip(),
                    "the same tip twice in a row");
        }
    }

    @Property(tries = 300)
    void addingTipsMidCycleNeitherRepeatsADeliveredTipNorRestartsTheCycle(
            @ForAll @Size(min = 2, max = 50) Set<@IntRange(min = 0, max = 1_000) Integer> before,
            @ForAll @Size(min = 1, max = 20) Set<@IntRange(min = 1_001, max = 2_000) Integer> added,
            @ForAll @IntRange(min = 1, max = 49) int deliveredBeforeTheEdit,
            @ForAll long subscription,
            @ForAll @LongRange(min = 0, max = 50) long cycle) {
        Assume.that(deliveredBeforeTheEdit < before.size());
        TipRotation old = new TipRotation(TipCatalogue.of(tips(before)));
        History history = new History();
        history.cycle = cycle;
        for (int i = 0; i < deliveredBeforeTheEdit; i++) history.deliverNext(old, subscription);

        List<Tip> all = new ArrayList<>(tips(before));
        all.addAll(tips(added));
        TipRotation edited = new TipRotation(TipCatalogue.of(all));
        int remaining = all.size() - deliveredBeforeTheEdit;
        for (int i = 0; i < remaining; i++) {
            NextTip next = history.deliverNext(edited, subscription);
            assertEquals(cycle, next.cycle(), "the edit restarted the cycle");
        }
        List<String> cycleIds = history.all.stream().map(t -> t.tip().id()).toList();
        assertEquals(all.size(), new HashSet<>(cycleIds).size(), "a tip repeated within the cycle");
        assertEquals(cycle + 1, history.deliverNext(edited, subscription).cycle());
    }

    @Property(tries = 200)
    void removingTipsMidCycleSkipsThemAndFinishesTheRest(
            @ForAll @Size(min = 3, max = 50) Set<@IntRange(min = 0, max = 1_000) Integer> numbers,
            @ForAll long subscription,
            @ForAll long seed) {
        List<Tip> tips = tips(numbers);
        TipRotation full = new TipRotation(TipCatalogue.of(tips));
        History history = new History();
        history.deliverNext(full, subscription);
        List<Tip> kept = new ArrayList<>(tips);
        Collections.shuffle(kept, new Random(seed));
        kept = kept.subList(0, kept.size() / 2 + 1);
        TipRotation smaller = new TipRotation(TipCatalogue.of(kept));
        Set<String> seen = new HashSet<>(history.delivered);
        while (true) {
            NextTip next = history.deliverNext(smaller, subscription);
            if (next.cycle() != 0) break;
            assertTrue(seen.add(next.tip().id()), "repeated " + next.tip().id());
            assertTrue(kept.contains(next.tip()), "a removed tip came back");
        }
        Set<String> keptIds = new HashSet<>();
        kept.forEach(t -> keptIds.add(t.id()));
        assertTrue(seen.containsAll(keptIds), "a kept tip was skipped");
    }

    @Property(tries = 300)
    void twoSubscriptionsGetDifferentOrders(
            @ForAll @Size(min = 20, max = 80)
                    Set<@IntRange(min = 0, max = 100_000) Integer> numbers,
            @ForAll long first,
            @ForAll long second,
            @ForAll @LongRange(min = 0, max = 100) long cycle) {
        Assume.that(first != second);
        TipRotation rotation = new TipRotation(TipCatalogue.of(tips(numbers)));
        assertNotEquals(rotation.order(first, cycle), rotation.order(second, cycle));
    }

    @Property(tries = 200)
    void eachCycleIsShuffledAfresh(
            @ForAll @Size(min = 20, max = 80)
                    Set<@IntRange(min = 0, max = 100_000) Integer> numbers,
            @ForAll long subscription,
            @ForAll @LongRange(min = 0, max = 100) long cycle) {
        TipRotation rotation = new TipRotation(TipCatalogue.of(tips(numbers)));
        assertNotEquals(
                rotation.order(subscription, cycle), rotation.order(subscription, cycle + 1));
    }

    @Property(tries = 200)
    void theOrderDependsOnWhichTipsExistNotOnTheCatalogueOrder(
            @ForAll @Size(min = 1, max = 60) Set<@IntRange(min = 0, max = 100_000) Integer> numbers,
            @ForAll long subscription,
            @ForAll long seed) {
        List<Tip> tips = tips(numbers);
        List<Tip> shuffled = new ArrayList<>(tips);
        Collections.shuffle(shuffled, new Random(seed));
        assertEquals(
                new TipRotation(TipCatalogue.of(tips)).order(subscription, 3),
                new TipRotation(TipCatalogue.of(shuffled)).order(subscription, 3));
    }

    @Property(tries = 50)
    void nextIsAPureFunctionOfItsArguments(
            @ForAll @Size(min = 1, max = 60) Set<@IntRange(min = 0, max = 100_000) Integer> numbers,
            @ForAll long subscription) {
        TipCatalogue catalogue = TipCatalogue.of(tips(numbers));
        Set<String> delivered = Set.of(catalogue.tips().get(0).id());
        assertEquals(
                new TipRotation(catalogue).next(subscription, 7, delivered),
                new TipRotation(catalogue).next(subscription, 7, delivered));
        assertFalse(new TipRotation(catalogue).next(subscription, 7, Set.of()).isEmpty());
    }
}
