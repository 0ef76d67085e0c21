package dev.ratbot.tips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.knowledge.Block;
import dev.ratbot.knowledge.KnowledgePack;
import dev.ratbot.knowledge.Section;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What every catalogue drawn from a real guide must satisfy, written independently of the
 * extractor's rules: enough tips, each short, distinct, a finished statement, and none a heading,
 * caption, lead-in, question or a sentence that opens by pointing back at text the reader does not
 * have.
 */
final class TipQuality {

    /** Opening words that leave a lone reader asking "what?". */
    private static final Set<String> DANGLING_OPENERS =
            Set.of(
                    "this",
                    "that",
                    "these",
                    "those",
                    "they",
                    "them",
                    "their",
                    "it",
                    "its",
                    "he",
                    "she",
                    "his",
                    "her",
                    "such",
                    "also",
                    "lastly",
                    "therefore",
                    "so",
                    "but",
                    "and",
                    "here",
                    "here's",
                    "however",
                    "yet",
                    "then");

    private TipQuality() {}

    static void assertCatalogueReadsWell(KnowledgePack pack, TipCatalogue catalogue) {
        assertTrue(catalogue.size() >= 40, "only " + catalogue.size() + " tips");
        Set<String> texts = new HashSet<>();
        Set<String> headings = new HashSet<>();
        Set<String> leadIns = new HashSet<>();
        for (Section section : pack.sections()) {
            section.path().forEach(h -> headings.add(h.strip().toLowerCase(Locale.ROOT)));
            for (Block block : section.blocks()) {
                if (block instanceof Block.BulletList list && !list.leadIn().isBlank()) {
                    leadIns.add(list.leadIn().strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        for (Tip tip : catalogue.tips()) {
            String text = tip.text();
            String lower = text.toLowerCase(Locale.ROOT);
            assertTrue(text.length() <= 280, "too long: " + text);
            assertTrue(text.length() >= 30, "too short to be a tip: " + text);
            assertTrue(texts.add(lower), "twice: " + text);
            assertEquals(Tip.idOf(text), tip.id());
            assertFalse(headings.contains(lower.replaceAll("[.!]$", "")), "a heading: " + text);
            assertFalse(leadIns.contains(lower), "a lead-in: " + text);
            assertFalse(
                    text.endsWith(":") || text.endsWith("?") || text.contains("?"),
                    "a lead-in or question: " + text);
            assertTrue(
                    text.matches("(?s).*[.!][\"\u201D')]?"), "not a finished statement: " + text);
            assertTrue(Character.isUpperCase(text.codePointAt(0)), "starts mid-sentence: " + text);
            assertFalse(text.contains("\n") || text.contains("\u2022"), "a raw list: " + text);
            String first = lower.split("[^\\p{L}']+")[0];
            assertFalse(DANGLING_OPENERS.contains(first), "opens by pointing back: " + text);
        }
        assertEquals(catalogue.size(), catalogue.ids().size(), "ids are not distinct");
    }
}
