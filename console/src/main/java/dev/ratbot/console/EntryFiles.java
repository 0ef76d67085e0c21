package dev.ratbot.console;

import dev.ratbot.knowledge.Attribution;
import dev.ratbot.knowledge.Block;
import dev.ratbot.knowledge.KnowledgePack;
import dev.ratbot.knowledge.KnowledgePackLoader;
import dev.ratbot.knowledge.PackFormatException;
import dev.ratbot.knowledge.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Operator entries as pack Markdown: checks an answer an operator wrote against the pack's rules
 * (through the pack's own parser, so the console accepts exactly what a pack file may hold), and
 * exports and imports all entries as one {@code kind: faq} pack file. Phrasings and the disabled
 * mark travel as HTML comments, which packs ignore, so an exported file also works as a file of a
 * pack folder.
 */
public final class EntryFiles {

    /** How answers the operator wrote are credited instead of the guide. */
    public static final Attribution OPERATOR =
            new Attribution(
                    "Operator answer", "this community's operators", "not part of the guide");

    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 4000;
    private static final String FRONT =
            "---\ntitle: "
                    + OPERATOR.title()
                    + "\nauthor: "
                    + OPERATOR.author()
                    + "\nsource: "
                    + OPERATOR.source()
                    + "\nkind: faq\n---\n";
    private static final Pattern PHRASING =
            Pattern.compile("<!--\\s*ratbot:phrasing\\s+([a-z0-9-]{1,40})\\s*:\\s*(.+?)\\s*-->");
    private static final Pattern DISABLED = Pattern.compile("<!--\\s*ratbot:disabled\\s*-->");
    private static final String DISABLED_MARK = "<!-- ratbot:disabled -->";

    private EntryFiles() {}

    /** An operator's answer that breaks the pack rules, with a message to show next to the form. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /** The title as it will be stored, or {@link Refused} saying what to change. */
    public static String checkTitle(String title) {
        String t = title == null ? "" : title.strip().replaceAll("\\s+", " ");
        if (t.isEmpty()) throw new Refused("Give the answer a title: the question it answers.");
        if (t.length() > MAX_TITLE)
            throw new Refused("The title is longer than " + MAX_TITLE + " characters.");
        if (t.startsWith("#")
                || t.contains("{#")
                || t.startsWith("<")
                || t.startsWith("-")
                || t.startsWith("=")) {
            throw new Refused("The title cannot start with #, <, - or = or contain {#.");
        }
        return t;
    }

    /**
     * Checks an answer (title and Markdown body) against the pack rules and returns the blocks the
     * engine will answer with; {@link Refused} names the line of the body at fault.
     */
    public static List<Block> check(String title, String body) {
        String t = checkTitle(title);
        String b = body == null ? "" : body.replace("\r\n", "\n").replace('\r', '\n').strip();
        if (b.isEmpty()) throw new Refused("Write the answer.");
        if (b.length() > MAX_BODY)
            throw new Refused(
                    "The answer is longer than "
                            + MAX_BODY
                            + " characters; answers show about 700.");
        if (b.lines().anyMatch(line -> line.matches(" {0,3}#{1,6}(\\s.*)?"))) {
            throw new Refused("The answer cannot contain headings (lines starting with #).");
        }
        String text = FRONT + "# " + t + "\n\n" + b + "\n";
        int bodyStart = FRONT.split("\n").length + 3;
        KnowledgePack pack;
        try {
            pack = KnowledgePackLoader.parse("answer", text);
        } catch (PackFormatException e) {
            String prefix = e.line() > 0 ? e.file() + ":" + e.line() + ": " : e.file() + ": ";
            String problem =
                    e.getMessage().startsWith(prefix)
                            ? e.getMessage().substring(prefix.length())
                            : e.getMessage();
            int line = e.line() - bodyStart + 1;
            throw new Refused(line > 0 ? "Line " + line + " of the answer: " + problem : problem);
        }
        if (pack.sections().size() != 1)
            throw new Refused("The answer cannot contain headings (lines starting with #).");
        return pack.sections().get(0).blocks();
    }

    /** Every entry as one pack file of kind faq. */
    public static String export(List<OperatorEntry> entries) {
        StringBuilder out =
                new StringBuilder(FRONT)
                        .append(
                                "\n<!-- Exported from the Ratbot console. Phrasings of guide sections and")
                        .append(" disabled answers are kept in ratbot: comments. -->\n");
        for (OperatorEntry e : entries) {
            switch (e.kind()) {
                case ANSWER -> {
                    out.append("\n# ").append(e.title()).append("\n\n");
                    if (!e.enabled()) out.append(DISABLED_MARK).append("\n\n");
                    out.append(e.body().orElseThrow().strip()).append('\n');
                }
                case PHRASING -> {}
            }
        }
        boolean first = true;
        for (OperatorEntry e : entries) {
            if (e.kind() != OperatorEntry.Kind.PHRASING) continue;
            if (first) out.append('\n');
            first = false;
            out.append("<!-- ratbot:phrasing ")
                    .append(e.sectionId().orElseThrow())
                    .append(": ")
                    .append(e.title().replace("--", "- -"))
                    .append(" -->\n");
        }
        return out.toString();
    }

    /**
     * The entries in a pack file (ids 0): every section becomes an answer, every phrasing comment a
     * phrasing. The file must pass the pack rules; {@link Refused} names the line.
     */
    public static List<OperatorEntry> read(String text) {
        String t = text == null ? "" : text.startsWith("\uFEFF") ? text.substring(1) : text;
        KnowledgePack pack;
        try {
            // A file without front matter (only headings and answers) gets the operators'
            // attribution.
            pack = KnowledgePackLoader.parse("file", t.strip().startsWith("---") ? t : FRONT + t);
        } catch (PackFormatException e) {
            throw new Refused(e.getMessage());
        }
        List<Boolean> disabled = disabledMarks(t);
        List<OperatorEntry> out = new ArrayList<>();
        List<Section> sections = pack.sections();
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            if (s.blocks().isEmpty()) continue;
            boolean off = i < disabled.size() && disabled.get(i);
            out.add(OperatorEntry.answer(0, checkTitle(s.title()), markdown(s.blocks()), !off));
        }
        Matcher m = PHRASING.matcher(t);
        while (m.find()) out.add(OperatorEntry.phrasing(0, m.group(2), m.group(1), true));
        return out;
    }

    /** For each heading in order, whether a disabled mark follows it before the next heading. */
    private static List<Boolean> disabledMarks(String text) {
        List<Boolean> marks = new ArrayList<>();
        for (String line : text.split("\r\n|\r|\n")) {
            if (line.startsWith("#")) marks.add(false);
            else if (DISABLED.matcher(line).find() && !marks.isEmpty())
                marks.set(marks.size() - 1, true);
        }
        return marks;
    }

    /**
     * Blocks written back as pack Markdown: the plain text the pack keeps, so nothing the engine
     * used is lost.
     */
    static String markdown(List<Block> blocks) {
        StringBuilder out = new StringBuilder();
        for (Block b : blocks) {
            if (!out.isEmpty()) out.append("\n\n");
            switch (b) {
                case Block.Paragraph p -> out.append(p.text());
                case Block.BulletList l -> {
                    if (!l.leadIn().isEmpty()) out.append(l.leadIn()).append('\n');
                    for (int i = 0; i < l.items().size(); i++) {
                        if (i > 0) out.append('\n');
                        out.append("- ").append(l.items().get(i));
                    }
                }
            }
        }
        return out.toString();
    }
}
