package dev.ratbot.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Operator packs from a folder: the format's rules and the errors that name file and line. */
class KnowledgePackLoaderTest {
    private static final String FRONT =
            "---\ntitle: Rat Care Notes\nauthor: A. Keeper\nsource: Example Rescue\n---\n";

    @TempDir Path dir;

    @Test
    void loadsFilesInNameOrderWithNestingFaqAndTips() throws IOException {
        write(
                "10-care.md",
                FRONT
                        + "# Housing\n\nA cage with *levels* and a [hammock](http://x).\n\n## Cleaning {#clean}\n\n"
                        + "Steps to follow:\n- wipe shelves\n- change bedding\n\nDone weekly,\nbriefly.\n");
        write("20-faq.md", "---\nkind: faq\n---\n# Do rats smell?\n\nNot if the cage is clean.\n");
        write("30-tips.md", "---\nkind: tips\n---\n- Talk to your rats.\n- Offer a pea.\n");
        write("notes.txt", "ignored: not a .md file");

        KnowledgePack pack = KnowledgePackLoader.load(dir);

        assertEquals(
                new Attribution("Rat Care Notes", "A. Keeper", "Example Rescue"),
                pack.attribution());
        assertEquals(
                List.of("housing", "clean", "do-rats-smell"),
                pack.sections().stream().map(Section::id).toList());
        Section cleaning = pack.sections().get(1);
        assertEquals(List.of("Housing", "Cleaning"), cleaning.path());
        assertEquals(
                new Block.BulletList("Steps to follow:", List.of("wipe shelves", "change bedding")),
                cleaning.blocks().get(0));
        assertEquals(new Block.Paragraph("Done weekly, briefly."), cleaning.blocks().get(1));
        assertEquals(
                new Block.Paragraph("A cage with levels and a hammock."),
                pack.sections().get(0).blocks().get(0));
        assertTrue(pack.sections().get(2).faq());
        assertEquals(List.of("Talk to your rats.", "Offer a pea."), pack.explicitTips());
    }

    @Test
    void repeatedHeadingsGetNumberedIdsAndLongOnesAreCut() throws IOException {
        write(
                "a.md",
                FRONT
                        + "# Tips\n\nOne.\n\n# Tips\n\nTwo.\n\n"
                        + "# What every first-time owner of fancy rats should know before the first night\n\nThree.\n");
        List<String> ids =
                KnowledgePackLoader.load(dir).sections().stream().map(Section::id).toList();
        assertEquals("tips", ids.get(0));
        assertEquals("tips-2", ids.get(1));
        assertTrue(ids.get(2).length() <= 40 && !ids.get(2).endsWith("-"), ids.get(2));
    }

    @Test
    void errorsNameTheFileAndLine() throws IOException {
        assertError(
                "a.md",
                "---\ntitle: T\nauthor: A\nsource: S\ncolour: red\n---\n# H\n\nText.\n",
                5,
                "unknown front-matter key");
        assertError(
                "a.md",
                "---\ntitle: T\nauthor: A\n---\n# H\n\nText.\n",
                2,
                "title, author and source together");
        assertError(
                "a.md", "---\ntitle: T\nauthor: A\nsource: S\n# H\n\nText.\n", 1, "never closed");
        assertError("a.md", FRONT + "Loose text.\n\n# H\n\nText.\n", 6, "before the first heading");
        assertError("a.md", FRONT + "# H\n\n```\ncode\n```\n", 8, "fenced code block");
        assertError("a.md", FRONT + "# H\n\n> quoted\n", 8, "block quote");
        assertError("a.md", FRONT + "# H\n\n- item\n  - nested\n", 9, "nested list");
        assertError("a.md", FRONT + "# H\n\n# Next\n\nText.\n", 6, "no text and no subsections");
        assertError("a.md", FRONT + "# H {#Bad_Id}\n\nText.\n", 6, "section id");
        assertError(
                "a.md", FRONT + "# H {#same}\n\nText.\n\n# I {#same}\n\nMore.\n", 10, "used twice");
        assertError(
                "a.md",
                "---\ntitle: T\nauthor: A\nsource: S\nkind: poem\n---\n# H\n\nText.\n",
                5,
                "kind must be");
        assertError("a.md", "---\nkind: faq\n---\n# Q?\n\n# R?\n\nAnswer.\n", 4, "has no answer");
        assertError("a.md", "# H\n\nText.\n", 1, "no attribution");
    }

    @Test
    void folderProblemsAreReportedToo() throws IOException {
        PackFormatException missing =
                assertThrows(
                        PackFormatException.class,
                        () -> KnowledgePackLoader.load(dir.resolve("nope")));
        assertTrue(missing.getMessage().contains("not a folder"), missing.getMessage());
        PackFormatException empty =
                assertThrows(PackFormatException.class, () -> KnowledgePackLoader.load(dir));
        assertTrue(empty.getMessage().contains("no .md files"), empty.getMessage());
        Files.write(dir.resolve("bad.md"), new byte[] {(byte) 0xC3, (byte) 0x28});
        PackFormatException binary =
                assertThrows(PackFormatException.class, () -> KnowledgePackLoader.load(dir));
        assertTrue(
                binary.getMessage().contains("bad.md") && binary.getMessage().contains("UTF-8"),
                binary.getMessage());
    }

    @Test
    void aClasspathPackWithoutIndexSaysWhatIsMissing() {
        PackFormatException e =
                assertThrows(
                        PackFormatException.class,
                        () ->
                                KnowledgePackLoader.loadResource(
                                        "ratbot/packs/none", getClass().getClassLoader()));
        assertTrue(
                e.getMessage().startsWith("ratbot/packs/none/pack.index: not found"),
                e.getMessage());
    }

    private void assertError(String file, String content, int line, String words)
            throws IOException {
        try (var old = Files.list(dir)) {
            for (Path p : old.toList()) Files.delete(p);
        }
        write(file, content);
        PackFormatException e =
                assertThrows(PackFormatException.class, () -> KnowledgePackLoader.load(dir));
        assertTrue(e.file().endsWith(file), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains(words), e.getMessage());
        assertTrue(e.getMessage().contains(file + ":" + line + ": "), e.getMessage());
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
