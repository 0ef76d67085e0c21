package dev.ratbot.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads knowledge packs: the default pack shipped on the classpath (module {@code knowledge}), or
 * an operator's folder of Markdown files. The format is described in knowledge/README.md.
 *
 * <p>Every problem, from an unreadable folder to a malformed line, is reported as a {@link
 * PackFormatException} naming the file and line, so the bot refuses to start rather than answer
 * from half a pack.
 */
public final class KnowledgePackLoader {
    /** Where the default pack lives on the classpath. */
    public static final String DEFAULT_PACK = "ratbot/packs/default";

    /**
     * The file that names a classpath pack's files in order (a jar's folders cannot be listed
     * reliably).
     */
    public static final String INDEX_FILE = "pack.index";

    private KnowledgePackLoader() {}

    /** The default pack (the bonding guide), read from the classpath; works from a shaded jar. */
    public static KnowledgePack loadDefault() {
        return loadResource(DEFAULT_PACK, KnowledgePackLoader.class.getClassLoader());
    }

    /**
     * A pack from the classpath: {@code base/pack.index} lists the file names, one a line ({@code
     * #} starts a comment).
     */
    public static KnowledgePack loadResource(String base, ClassLoader loader) {
        String indexName = base + "/" + INDEX_FILE;
        String index = readResource(loader, indexName);
        List<NamedText> files = new ArrayList<>();
        Map<String, String> wordLists = new HashMap<>();
        String[] lines = index.split("\r\n|\r|\n");
        for (int i = 0; i < lines.length; i++) {
            String file = lines[i].strip();
            if (file.isEmpty() || file.startsWith("#")) continue;
            if (file.contains("/")
                    || file.contains("\\")
                    || !(file.endsWith(".md") || isWordList(file))) {
                throw new PackFormatException(
                        indexName,
                        i + 1,
                        "expected a .md, .txt or .properties file name in this folder, found '"
                                + file
                                + "'");
            }
            String text = readResource(loader, base + "/" + file);
            if (isWordList(file)) wordLists.put(file, text);
            else files.add(new NamedText(base + "/" + file, text));
        }
        if (files.isEmpty())
            throw new PackFormatException(indexName, 0, "the index names no .md file");
        return assemble(indexName, files, wordLists);
    }

    /** A pack from a folder: every {@code *.md} file directly in it, in file-name order. */
    public static KnowledgePack load(Path dir) {
        String dirName = dir.toString();
        if (!Files.isDirectory(dir))
            throw new PackFormatException(
                    dirName, 0, "not a folder (a pack is a folder of .md files)");
        List<Path> paths;
        try (Stream<Path> listing = Files.list(dir)) {
            paths = listing.filter(p -> Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new PackFormatException(
                    dirName, 0, "cannot list the folder: " + e.getMessage(), e);
        }
        List<NamedText> files = new ArrayList<>();
        Map<String, String> wordLists = new HashMap<>();
        for (Path p : paths) {
            String name = p.getFileName().toString();
            if (!name.endsWith(".md") && !isWordList(name)) continue;
            try {
                String text = decode(p.toString(), Files.readAllBytes(p));
                if (isWordList(name)) wordLists.put(name, text);
                else files.add(new NamedText(p.toString(), text));
            } catch (IOException e) {
                throw new PackFormatException(
                        p.toString(), 0, "cannot read the file: " + e.getMessage(), e);
            }
        }
        if (files.isEmpty())
            throw new PackFormatException(dirName, 0, "no .md files in the folder");
        return assemble(dirName, files, wordLists);
    }

    /**
     * A one-file pack from text, under the same rules as a folder's files: how the operator console
     * checks an uploaded or typed pack file (its front matter must give the attribution).
     */
    public static KnowledgePack parse(String name, String text) {
        return assemble(name, List.of(new NamedText(name, text)), Map.of());
    }

    private record NamedText(String name, String text) {}

    /** Word lists and the engine's trained weights: plain files beside the Markdown. */
    private static boolean isWordList(String name) {
        return name.endsWith(".txt") || name.endsWith(".properties");
    }

    private static KnowledgePack assemble(
            String packName, List<NamedText> files, Map<String, String> wordLists) {
        PackFileParser parser = new PackFileParser();
        Attribution attribution = null;
        List<String> tips = new ArrayList<>();
        List<Section> sections = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Map<String, Integer> slugCounts = new HashMap<>();
        Map<String, String> explicitIdFiles = new HashMap<>();
        for (NamedText file : files) {
            PackFile parsed = parser.parse(file.name(), file.text());
            if (attribution == null && parsed.attribution().isPresent())
                attribution = parsed.attribution().get();
            tips.addAll(parsed.tips());
            // Each file starts at the top level: its headings nest only within it.
            List<PackFile.Heading> stack = new ArrayList<>();
            List<PackFile.Heading> headings = parsed.headings();
            for (int i = 0; i < headings.size(); i++) {
                PackFile.Heading h = headings.get(i);
                while (!stack.isEmpty() && stack.get(stack.size() - 1).level() >= h.level())
                    stack.remove(stack.size() - 1);
                stack.add(h);
                boolean hasChildren =
                        i + 1 < headings.size() && headings.get(i + 1).level() > h.level();
                if (h.blocks().isEmpty() && !hasChildren) {
                    throw new PackFormatException(
                            file.name(),
                            h.line(),
                            "section '" + h.title() + "' has no text and no subsections");
                }
                String id =
                        h.explicitId()
                                .map(
                                        given -> {
                                            if (ids.contains(given)) {
                                                throw new PackFormatException(
                                                        file.name(),
                                                        h.line(),
                                                        "section id '"
                                                                + given
                                                                + "' is used twice"
                                                                + Optional.ofNullable(
                                                                                explicitIdFiles.get(
                                                                                        given))
                                                                        .map(
                                                                                f ->
                                                                                        " (also in "
                                                                                                + f
                                                                                                + ")")
                                                                        .orElse(""));
                                            }
                                            return given;
                                        })
                                .orElseGet(() -> uniqueSlug(h.title(), ids, slugCounts));
                ids.add(id);
                h.explicitId().ifPresent(given -> explicitIdFiles.put(given, file.name()));
                sections.add(
                        new Section(
                                id,
                                stack.stream().map(PackFile.Heading::title).toList(),
                                h.blocks(),
                                h.faq()));
            }
        }
        if (attribution == null) {
            throw new PackFormatException(
                    files.get(0).name(),
                    1,
                    "no attribution: give title, author and source in the front matter of the first file");
        }
        if (sections.isEmpty())
            throw new PackFormatException(packName, 0, "the pack has no sections");
        return new KnowledgePack(attribution, sections, tips, wordLists);
    }

    private static String uniqueSlug(String title, Set<String> taken, Map<String, Integer> counts) {
        String base = SectionIds.slug(title);
        String id = base;
        int n = counts.getOrDefault(base, 1);
        while (taken.contains(id)) id = SectionIds.withSuffix(base, ++n);
        counts.put(base, n);
        return id;
    }

    private static String readResource(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null)
                throw new PackFormatException(
                        name, 0, "not found on the classpath (is the knowledge module on it?)");
            return decode(name, in.readAllBytes());
        } catch (IOException e) {
            throw new PackFormatException(name, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    private static String decode(String name, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new PackFormatException(name, 0, "not UTF-8 text");
        }
    }
}
