package dev.ratbot.tips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.answer.SectionRef;
import dev.ratbot.knowledge.Block;
import dev.ratbot.knowledge.KnowledgePack;
import dev.ratbot.knowledge.Section;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TipCatalogueTest {

    final KnowledgePack pack = GuideFixture.pack();
    final TipCatalogue catalogue = TipCatalogue.from(pack);

    @Test
    void theGuideYieldsAtLeastFortyDistinctTipsThatFitInATweet() {
        TipQuality.assertCatalogueReadsWell(pack, catalogue);
    }

    @Test
    void everyTipNamesASectionOfThePackThatContainsItsWords() {
        for (Tip tip : catalogue.tips()) {
            Section section =
                    pack.section(tip.section().id())
                            .orElseThrow(() -> new AssertionError("no section for " + tip));
            assertEquals(section.title(), tip.section().title());
            Set<String> body =
                    words(
                            section.blocks().stream()
                                    .map(Block::plainText)
                                    .collect(Collectors.joining(" ")));
            Set<String> tipWords = words(tip.text());
            long found = tipWords.stream().filter(body::contains).count();
            assertTrue(found >= 0.9 * tipWords.size(), "tip not from its section: " + tip);
        }
    }

    @Test
    void photoCaptionsLeftInThePackAreNotTips() {
        Set<String> texts = catalogue.tips().stream().map(Tip::text).collect(Collectors.toSet());
        assertFalse(texts.stream().anyMatch(t -> t.contains("Rat held by his human")));
        assertFalse(texts.stream().anyMatch(t -> t.contains("Small pet rat on human's hand")));
    }

    @Test
    void aListOfShortPhrasesBecomesOneSentenceWithItsLeadIn() {
        assertTrue(
                hasTip(
                        "Some rat-safe treats are apples, blueberries, bananas, broccoli, carrots, peas, leafy greens, "
                                + "cooked quinoa, brown rice, cooked lean meats, and scrambled eggs."));
        assertTrue(
                hasTip(
                        "Signs of a shy rat: hiding or retreating when approached, hesitation or reluctance to come "
                                + "out, and freezing or staying still when touched."));
    }

    @Test
    void aListOfStepsKeepsTheConditionItsLeadInSets() {
        assertTrue(
                hasTip(
                        "When introducing a new rat to a group, isolate the new rat for two weeks."));
        assertTrue(
                hasTip(
                        "When introducing a new rat to a group, gradually increase face-to-face interactions."));
    }

    @Test
    void aSentenceThatLeansOnTheOneBeforeIsKeptWithIt() {
        assertTrue(
                hasTip(
                        "For trust-building, offer treats directly from your hand. That establishes a sense of safety "
                                + "and familiarity between you and the rat."));
        assertFalse(
                catalogue.tips().stream().anyMatch(t -> t.text().startsWith("That establishes")));
    }

    @Test
    void aMereAlsoOrLastlyIsDroppedWhenTheSentenceMustStandAlone() {
        assertTrue(
                hasTip(
                        "Bonding time can be a time to share treats together to create a special moment of connection "
                                + "between the owner and the pet."));
    }

    @Test
    void thePublishersPromotionIsNotATip() {
        assertFalse(catalogue.tips().stream().anyMatch(t -> t.text().contains("Quality Cage")));
    }

    @Test
    void explicitTipsComeFirstTiedToTheClosestSection() {
        String rotate = "Rotate the cage toys every week so exploring stays new.";
        String voice =
                "Say your rats' names in a soft voice; vocalizations and a familiar voice build trust.";
        TipCatalogue withExplicit =
                TipCatalogue.from(GuideFixture.pack(List.of(rotate, "  ", "x".repeat(281), voice)));
        assertEquals(
                Tip.of(
                        rotate,
                        new SectionRef(
                                "creating-a-comfortable-environment",
                                "Creating a Comfortable Environment")),
                withExplicit.tips().get(0));
        assertEquals("talk-and-listen", withExplicit.tips().get(1).section().id());
        assertEquals(
                catalogue.size() + 2,
                withExplicit.size(),
                "blank and over-long explicit tips are skipped");
    }

    @Test
    void anExplicitTipThatRepeatsADrawnOneIsNotDuplicated() {
        String drawn = catalogue.tips().get(3).text();
        TipCatalogue withExplicit =
                TipCatalogue.from(GuideFixture.pack(List.of(drawn.toUpperCase(Locale.ROOT))));
        assertEquals(catalogue.size(), withExplicit.size());
    }

    @Test
    void tipIdsAreStableAcrossRestartsAndEditsElsewhereInThePack() {
        List<Section> edited = new ArrayList<>(pack.sections());
        edited.add(
                2,
                new Section(
                        "new-section",
                        List.of("Cage Cleaning"),
                        List.of(
                                new Block.Paragraph(
                                        "Clean the cage weekly with a mild, unscented soap and rinse it well.")),
                        false));
        edited.remove(edited.size() - 1);
        TipCatalogue after =
                TipCatalogue.from(new KnowledgePack(pack.attribution(), edited, List.of()));
        Set<String> removedSection =
                TipCatalogue.from(
                                new KnowledgePack(
                                        pack.attribution(),
                                        List.of(pack.sections().get(pack.sections().size() - 1)),
                                        List.of()))
                        .ids();
        for (Tip tip : catalogue.tips()) {
            if (!removedSection.contains(tip.id()))
                assertEquals(tip, after.byId(tip.id()).orElseThrow());
        }
        assertTrue(
                after.tips().stream().anyMatch(t -> t.text().startsWith("Clean the cage weekly")));
        assertEquals(
                catalogue.ids(),
                TipCatalogue.from(GuideFixture.pack()).ids(),
                "a rebuild gives the same ids");
    }

    @Test
    void theIdIgnoresCaseSpacingAndTypographicQuotesButNotWording() {
        assertEquals(
                Tip.idOf("Don't chase your rat."), Tip.idOf("  don\u2019t   CHASE your rat. "));
        assertNotEquals(Tip.idOf("Don't chase your rat."), Tip.idOf("Never chase your rat."));
        assertTrue(Tip.idOf("anything").matches("[0-9a-f]{12}"));
        // Pinned: stored delivery history refers to tips by this id, so the function must never
        // change.
        assertEquals("9f86d081884c", Tip.idOf("test")); // SHA-256("test") begins 9f86d081884c
    }

    @Test
    void anEmptyPackHasAnEmptyCatalogue() {
        TipCatalogue empty =
                TipCatalogue.from(
                        new KnowledgePack(
                                pack.attribution(), List.of(), List.of("A tip with no section.")));
        assertTrue(empty.isEmpty());
    }

    private static Set<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}']+"))
                .filter(w -> !w.isEmpty())
                .collect(Collectors.toSet());
    }

    private boolean hasTip(String text) {
        return catalogue.tips().stream().anyMatch(t -> t.text().equals(text));
    }
}
