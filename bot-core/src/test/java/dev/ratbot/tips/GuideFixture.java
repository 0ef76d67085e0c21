package dev.ratbot.tips;

import dev.ratbot.knowledge.Attribution;
import dev.ratbot.knowledge.Block;
import dev.ratbot.knowledge.KnowledgePack;
import dev.ratbot.knowledge.Section;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Builds a {@link KnowledgePack} from the plain-text guide in the test resources, the way a simple
 * loader would: short unpunctuated lines are headings, "•" lines are list items led in by the
 * paragraph before them, and the photo captions stay in as paragraphs (a careless pack's mistake
 * the catalogue must survive). It stops at the page furniture after the FAQ. Only for tests, until
 * the real Markdown pack loader is on main.
 */
final class GuideFixture {

    static final Attribution ATTRIBUTION =
            new Attribution(
                    "How to Bond with Your Rats", "Joshua Paulson", "Quality Cage Crafters");

    private static final Set<String> TOP_LEVEL =
            Set.of(
                    "Understanding Rat Behavior and Nature",
                    "First Steps in Bonding With Your Pet Rat",
                    "Building Trust Through Daily Interaction",
                    "Advanced Bonding Techniques",
                    "Understanding and Navigating Challenges",
                    "How to Tell if Your Rat Trusts You?",
                    "Take the Next Step: Deepen Your Rat Relationship");
    private static final Set<String> CAPTIONS =
            Set.of("Rat held by his human", "Small pet rat on human's hand");
    private static final String FIRST_PARAGRAPH = "Rats are often misunderstood";
    private static final String END = "Have Questions About Rat Bonding";

    private GuideFixture() {}

    static KnowledgePack pack() {
        return pack(List.of());
    }

    static KnowledgePack pack(List<String> explicitTips) {
        List<Section> sections = new ArrayList<>();
        String top = null;
        List<String> path = List.of("Introduction");
        List<Block> blocks = new ArrayList<>();
        String pendingLeadIn = null;
        List<String> items = new ArrayList<>();
        boolean started = false;
        for (String raw : text().split("\n")) {
            String line = raw.strip();
            if (!started) {
                started = line.startsWith(FIRST_PARAGRAPH);
                if (!started) continue;
            }
            if (line.startsWith(END)) break;
            if (line.startsWith("\u2022")) {
                items.add(line.substring(1).strip());
                continue;
            }
            if (!items.isEmpty()) {
                blocks.add(new Block.BulletList(pendingLeadIn, items));
                items = new ArrayList<>();
                pendingLeadIn = null;
            }
            if (line.isEmpty()) continue;
            if (pendingLeadIn != null) {
                blocks.add(new Block.Paragraph(pendingLeadIn));
                pendingLeadIn = null;
            }
            if (isHeading(line)) {
                sections.add(section(path, blocks));
                blocks = new ArrayList<>();
                if (TOP_LEVEL.contains(line) || top == null) {
                    top = line;
                    path = List.of(line);
                } else {
                    path = List.of(top, line);
                }
            } else if (line.endsWith(":")) {
                pendingLeadIn = line;
            } else {
                blocks.add(new Block.Paragraph(line));
            }
        }
        if (!items.isEmpty()) blocks.add(new Block.BulletList(pendingLeadIn, items));
        sections.add(section(path, blocks));
        return new KnowledgePack(ATTRIBUTION, sections, explicitTips);
    }

    private static boolean isHeading(String line) {
        if (CAPTIONS.contains(line)) return false;
        return line.length() < 80 && (line.endsWith("?") || !line.matches(".*[.!:;,]$"));
    }

    private static Section section(List<String> path, List<Block> blocks) {
        String title = path.get(path.size() - 1);
        String slug =
                title.toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9]+", "-")
                        .replaceAll("^-|-$", "");
        if (slug.length() > 40) slug = slug.substring(0, 40).replaceAll("-$", "");
        return new Section(slug, path, blocks, title.endsWith("?"));
    }

    static String text() {
        try (InputStream in =
                GuideFixture.class.getResourceAsStream("/guide/how-to-bond-with-your-rats.txt")) {
            if (in == null)
                throw new IllegalStateException("guide text missing from the test resources");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
