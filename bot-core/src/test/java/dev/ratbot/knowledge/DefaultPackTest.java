package dev.ratbot.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The guide as shipped: structure, attribution, and what was deliberately left out. */
class DefaultPackTest {
    private final KnowledgePack pack = KnowledgePackLoader.loadDefault();

    @Test
    void attributionNamesTheGuideItsAuthorAndSource() {
        assertEquals(
                "How to Bond with Your Rats: Expert Tips and Tricks", pack.attribution().title());
        assertEquals("Joshua Paulson", pack.attribution().author());
        assertEquals("Quality Cage Crafters", pack.attribution().source());
    }

    @Test
    void headingsNestAsInTheGuide() {
        assertEquals(
                List.of("Advanced Bonding Techniques", "Training and Tricks"),
                section("training-and-tricks").path());
        assertEquals(
                List.of(
                        "First Steps in Bonding With Your Pet Rat",
                        "Creating a Comfortable Environment"),
                section("creating-a-comfortable-environment").path());
        assertEquals(
                List.of("Understanding and Navigating Challenges", "Introducing New Rats"),
                section("introducing-new-rats").path());
        assertEquals(
                List.of("How to Tell if Your Rat Trusts You?"),
                section("how-to-tell-if-your-rat-trusts-you").path());
    }

    @Test
    void theLostGroomingHeadingIsRestoredOverItsTwoParagraphs() {
        Section grooming = section("grooming");
        assertEquals(List.of("Advanced Bonding Techniques", "Grooming"), grooming.path());
        assertEquals(2, grooming.blocks().size());
        assertTrue(
                grooming.blocks().get(0).plainText().startsWith("Grooming is extremely important"));
        // and the training section no longer carries them
        assertFalse(text(section("training-and-tricks")).contains("allogroom"));
    }

    @Test
    void eachFaqQuestionIsItsOwnSectionMarkedAsFaq() {
        List<String> faqs =
                pack.sections().stream().filter(Section::faq).map(Section::title).toList();
        assertEquals(
                List.of(
                        "How do you get your rats to trust you?",
                        "How do you let a rat know you love them?",
                        "How long does it take to bond rats?",
                        "Do rats bond to one person?"),
                faqs);
        assertTrue(
                text(section("how-long-does-it-take-to-bond-rats"))
                        .contains("age, personality, and experiences"));
    }

    @Test
    void listsKeepTheirLeadIn() {
        Block.BulletList treats =
                (Block.BulletList)
                        section("using-treats-as-positive-reinforcement").blocks().stream()
                                .filter(b -> b instanceof Block.BulletList)
                                .findFirst()
                                .orElseThrow();
        assertEquals("Some rat-safe treats are:", treats.leadIn());
        assertEquals(11, treats.items().size());
        List<Block> shy = section("shyness-or-aggression").blocks();
        assertTrue(
                shy.stream()
                        .anyMatch(
                                b ->
                                        b instanceof Block.BulletList l
                                                && l.leadIn().equals("Signs of a shy rat:")));
        assertTrue(
                shy.stream()
                        .anyMatch(
                                b ->
                                        b instanceof Block.BulletList l
                                                && l.leadIn()
                                                        .equals("Signs of an aggressive rat:")));
        // a lead-in never stands alone as a paragraph
        assertTrue(
                pack.sections().stream()
                        .flatMap(s -> s.blocks().stream())
                        .noneMatch(b -> b instanceof Block.Paragraph p && p.text().endsWith(":")));
    }

    @Test
    void promotionContactLinesBiographyAndCaptionsAreLeftOut() {
        String all =
                pack.sections().stream()
                        .map(DefaultPackTest::text)
                        .collect(Collectors.joining("\n"));
        for (String gone :
                List.of(
                        "Quality Cage products",
                        "Email us",
                        "Leave a comment",
                        "reCAPTCHA",
                        "CEO",
                        "Small pet rat on human's hand",
                        "Rat held by his human",
                        "Take the Next Step",
                        "Author:")) {
            assertFalse(all.contains(gone), gone);
        }
    }

    @Test
    void sectionIdsAreUniqueShortAsciiSlugs() {
        Set<String> seen = new HashSet<>();
        for (Section s : pack.sections()) {
            assertTrue(seen.add(s.id()), "duplicate " + s.id());
            assertTrue(s.id().length() <= 40, s.id());
            assertTrue(s.id().matches("[a-z0-9]+(-[a-z0-9]+)*"), s.id());
        }
        assertEquals(22, pack.sections().size());
    }

    @Test
    void theDefaultPackHasNoExplicitTips() {
        assertTrue(pack.explicitTips().isEmpty());
    }

    private Section section(String id) {
        return pack.section(id).orElseThrow(() -> new AssertionError("no section " + id));
    }

    private static String text(Section s) {
        return String.join("\n", s.path())
                + "\n"
                + s.blocks().stream().map(Block::plainText).collect(Collectors.joining("\n"));
    }
}
