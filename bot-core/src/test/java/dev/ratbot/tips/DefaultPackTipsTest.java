package dev.ratbot.tips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.knowledge.KnowledgePack;
import dev.ratbot.knowledge.KnowledgePackLoader;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The catalogue of the pack users actually get. */
class DefaultPackTipsTest {

    static final KnowledgePack PACK = KnowledgePackLoader.loadDefault();
    final TipCatalogue catalogue = TipCatalogue.from(PACK);

    @Test
    void theDefaultPackYieldsAtLeastFortyDistinctSelfContainedTips() {
        TipQuality.assertCatalogueReadsWell(PACK, catalogue);
    }

    @Test
    void everyTipPointsAtASectionOfThePack() {
        for (Tip tip : catalogue.tips()) {
            assertEquals(
                    tip.section().title(),
                    PACK.section(tip.section().id()).orElseThrow().title(),
                    tip.toString());
        }
    }

    @Test
    void theTipsComeFromAllOverTheGuide() {
        Set<String> sections = new HashSet<>();
        catalogue.tips().forEach(t -> sections.add(t.section().id()));
        assertTrue(sections.size() >= 15, "tips from only " + sections.size() + " sections");
    }

    @Test
    void aSubscriptionWalksTheWholeDefaultCatalogueBeforeARepeat() {
        TipRotation rotation = new TipRotation(catalogue);
        Set<String> delivered = new HashSet<>();
        for (int day = 0; day < catalogue.size(); day++) {
            NextTip next = rotation.next(12345, 0, delivered).orElseThrow();
            assertEquals(0, next.cycle());
            assertTrue(delivered.add(next.tip().id()));
        }
        assertEquals(1, rotation.next(12345, 0, delivered).orElseThrow().cycle());
    }
}
