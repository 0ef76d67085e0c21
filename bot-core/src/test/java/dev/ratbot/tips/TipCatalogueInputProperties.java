package dev.ratbot.tips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.knowledge.Block;
import dev.ratbot.knowledge.KnowledgePack;
import dev.ratbot.knowledge.Section;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Whatever a pack contains, building its catalogue never fails and never yields a tip that breaks
 * the contract.
 */
class TipCatalogueInputProperties {

    @Property(tries = 300)
    void anyPackTextGivesValidTipsOrNone(@ForAll("packs") KnowledgePack pack) {
        TipCatalogue catalogue = TipCatalogue.from(pack);
        for (Tip tip : catalogue.tips()) {
            assertTrue(tip.text().length() <= Tip.MAX_CHARS);
            assertTrue(
                    tip.text().codePoints().noneMatch(Character::isISOControl),
                    "control character in " + tip);
            assertTrue(pack.section(tip.section().id()).isPresent());
            assertEquals(Tip.idOf(tip.text()), tip.id());
        }
        assertEquals(catalogue.size(), catalogue.ids().size());
    }

    @Test
    void hostileAndHugeTextIsHandled() {
        String huge = "Rats love a quiet cage and a soft voice. ".repeat(2_500); // about 100 KB
        String suchFlood = "Such such such ".repeat(7_000) + "rats.";
        List<Block> blocks =
                List.of(
                        new Block.Paragraph(huge),
                        new Block.Paragraph(suchFlood),
                        new Block.Paragraph(
                                "Give your rats <b>treats</b> & *praise* daily, then @everyone cheers \uD83D\uDC00\uD83C\uDF89."),
                        new Block.Paragraph(
                                "Ratten lieben Leckerlis aus der Hand, das schafft Vertrauen zwischen Mensch und Tier."),
                        new Block.Paragraph(
                                "\u0000\u0007\u001B[31m control characters \u202E reversed text."),
                        new Block.Paragraph("title:(foo AND bar) OR \"baz\"~2 +rats -cats"),
                        new Block.BulletList("", List.of("a", "b")),
                        new Block.BulletList("Items:", List.of(" ", "\u2022", ";")),
                        new Block.BulletList(
                                "When the bell\u0007 rings, do this:",
                                List.of("Give your rat a\u0000 treat right away.")));
        KnowledgePack pack =
                new KnowledgePack(
                        GuideFixture.ATTRIBUTION,
                        List.of(new Section("odd", List.of("Odd"), blocks, false)),
                        List.of(huge, "\u0000"));
        TipCatalogue catalogue = TipCatalogue.from(pack);
        assertTrue(catalogue.tips().stream().allMatch(t -> t.text().length() <= Tip.MAX_CHARS));
        assertTrue(
                catalogue.tips().stream()
                        .allMatch(t -> t.text().codePoints().noneMatch(Character::isISOControl)));
        assertTrue(
                catalogue.tips().stream()
                        .anyMatch(t -> t.text().startsWith("Rats love a quiet cage")),
                "the sentences of a huge paragraph still make tips");
        assertTrue(
                catalogue.tips().stream().anyMatch(t -> t.text().contains("\uD83D\uDC00")),
                "emoji survive");
    }

    @Provide
    Arbitrary<KnowledgePack> packs() {
        Arbitrary<String> words =
                Arbitraries.oneOf(
                        Arbitraries.of(
                                "Rats",
                                "they",
                                "This",
                                "Also,",
                                "your",
                                "rat",
                                "cage",
                                "treats",
                                "When",
                                "If",
                                "gently",
                                "them",
                                "such as",
                                "it's",
                                "It's important to",
                                "Here's how",
                                "follow these steps:",
                                "and",
                                "\u2022",
                                "\u2014",
                                "?",
                                "!",
                                ".",
                                ";",
                                ":",
                                ",",
                                "\n",
                                "<b>",
                                "&amp;",
                                "@everyone",
                                "\uD83D\uDC00",
                                "Quality Cage",
                                "\u0000"),
                        Arbitraries.strings().ofMinLength(1).ofMaxLength(12));
        Arbitrary<String> text =
                words.list()
                        .ofMinSize(1)
                        .ofMaxSize(80)
                        .map(w -> String.join(" ", w))
                        .filter(t -> !t.isBlank());
        Arbitrary<Block> paragraph = text.map(Block.Paragraph::new);
        Arbitrary<Block> list =
                Combinators.combine(text.injectNull(0.3), text.list().ofMinSize(1).ofMaxSize(8))
                        .as(Block.BulletList::new);
        Arbitrary<List<Block>> blocks = Arbitraries.oneOf(paragraph, list).list().ofMaxSize(6);
        Arbitrary<Section> section =
                Combinators.combine(
                                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10),
                                text,
                                blocks,
                                Arbitraries.of(true, false))
                        .as((id, title, b, faq) -> new Section(id, List.of(title), b, faq));
        return Combinators.combine(section.list().ofMaxSize(5), text.list().ofMaxSize(3))
                .as(
                        (sections, explicit) ->
                                new KnowledgePack(
                                        GuideFixture.ATTRIBUTION, uniqueIds(sections), explicit));
    }

    private static List<Section> uniqueIds(List<Section> sections) {
        List<Section> out = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            out.add(new Section(s.id() + i, s.path(), s.blocks(), s.faq()));
        }
        return out;
    }
}
