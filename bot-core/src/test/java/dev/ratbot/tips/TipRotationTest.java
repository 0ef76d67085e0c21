package dev.ratbot.tips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TipRotationTest {

    final TipCatalogue guide = TipCatalogue.from(GuideFixture.pack());

    @Test
    void anEmptyCatalogueHasNoNextTip() {
        assertEquals(
                Optional.empty(), new TipRotation(TipCatalogue.of(List.of())).next(1, 0, Set.of()));
    }

    @Test
    void aNewSubscriptionStartsInCycleZero() {
        NextTip first = new TipRotation(guide).next(42, 0, Set.of()).orElseThrow();
        assertEquals(0, first.cycle());
        assertEquals(new TipRotation(guide).order(42, 0).get(0), first.tip());
    }

    @Test
    void aSingleTipCatalogueRepeatsItsTipOncePerCycle() {
        Tip only = TipRotationProperties.tips(Set.of(1)).get(0);
        TipRotation rotation = new TipRotation(TipCatalogue.of(List.of(only)));
        assertEquals(new NextTip(only, 0), rotation.next(5, 0, Set.of()).orElseThrow());
        assertEquals(new NextTip(only, 1), rotation.next(5, 0, Set.of(only.id())).orElseThrow());
    }

    @Test
    void deliveredIdsThatNoLongerExistAreIgnored() {
        TipRotation rotation = new TipRotation(guide);
        NextTip next = rotation.next(9, 2, Set.of("gone00000000", "gone11111111")).orElseThrow();
        assertEquals(2, next.cycle());
    }

    @Test
    void aNegativeCycleIsAProgrammingError() {
        assertThrows(
                IllegalArgumentException.class, () -> new TipRotation(guide).next(1, -1, Set.of()));
    }

    @Test
    void everyTipIsAboutEquallyLikelyToComeFirst() {
        // Across many subscriptions the shuffle should not favour any tip; with 10 tips and 20,000
        // subscriptions
        // each tip is first about 2,000 times.
        TipCatalogue ten =
                TipCatalogue.of(
                        TipRotationProperties.tips(
                                new HashSet<>(IntStream.range(0, 10).boxed().toList())));
        TipRotation rotation = new TipRotation(ten);
        Map<String, Integer> firsts = new HashMap<>();
        for (long subscription = 1; subscription <= 20_000; subscription++) {
            firsts.merge(
                    rotation.next(subscription, 0, Set.of()).orElseThrow().tip().id(),
                    1,
                    Integer::sum);
        }
        assertEquals(10, firsts.size());
        assertEquals(
                Map.of(),
                Map.copyOf(
                        firsts.entrySet().stream()
                                .filter(e -> e.getValue() <= 1_800 || e.getValue() >= 2_200)
                                .collect(
                                        java.util.stream.Collectors.toMap(
                                                Map.Entry::getKey, Map.Entry::getValue))),
                "tips first far from 2,000 times");
    }
}
