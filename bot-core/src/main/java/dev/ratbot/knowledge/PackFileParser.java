package dev.ratbot.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Parses one pack file: optional front matter, then CommonMark restricted to headings, paragraphs,
 * flat lists and HTML comments (see knowledge/README.md). Anything else fails with the file and
 * line, because an answer can only show plain paragraphs and lists and silently dropping an
 * operator's text would be worse than refusing it.
 */
final class PackFileParser {
    private static final Set<String> KEYS = Set.of("title", "author", "source", "kind");
    private static final Pattern KEY_VALUE =
            Pattern.compile("([A-Za-z][A-Za-z0-9_-]*)\\s*:\\s*(.*)");
    private static final Pattern EXPLICIT_ID = Pattern.compile("\\s*\\{#([^}\\s]*)}\\s*$");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final Parser markdown =
            Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

    enum Kind {
        GUIDE,
        FAQ,
        TIPS
    }

    PackFile parse(String name, String content) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        String[] lines = text.split("\r\n|\r|\n", -1);
        Map<String, String> front = frontMatter(name, lines);
        Kind kind = kind(name, front);
        Optional<Attribution> attribution = attribution(name, front);
        // Front-matter lines were blanked in place, so CommonMark's line numbers are the file's.
        Node document = markdown.parse(String.join("\n", lines));
        return kind == Kind.TIPS
                ? new PackFile(name, attribution, List.of(), tips(name, document))
                : new PackFile(
                        name, attribution, headings(name, document, kind == Kind.FAQ), List.of());
    }

    /** Reads and blanks the front matter, if the file starts with a "---" line. */
    private static Map<String, String> frontMatter(String name, String[] lines) {
        Map<String, String> values = new LinkedHashMap<>();
        if (lines.length == 0 || !lines[0].strip().equals("---")) return values;
        boolean closed = false;
        for (int i = 1; i < lines.length && !closed; i++) closed = lines[i].strip().equals("---");
        if (!closed)
            throw new PackFormatException(
                    name, 1, "front matter opened with '---' is never closed by a '---' line");
        lines[0] = "";
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            lines[i] = "";
            if (line.equals("---")) return values;
            if (line.isEmpty() || line.startsWith("#")) continue;
            Matcher m = KEY_VALUE.matcher(line);
            if (!m.matches()) {
                throw new PackFormatException(
                        name,
                        i + 1,
                        "front matter lines must be 'key: value', found '" + shorten(line) + "'");
            }
            String key = m.group(1).toLowerCase(Locale.ROOT);
            if (!KEYS.contains(key)) {
                throw new PackFormatException(
                        name,
                        i + 1,
                        "unknown front-matter key '"
                                + key
                                + "' (known: title, author, source, kind)");
            }
            if (values.containsKey(key))
                throw new PackFormatException(
                        name, i + 1, "front-matter key '" + key + "' given twice");
            String value = unquote(m.group(2).strip());
            if (value.isEmpty())
                throw new PackFormatException(
                        name, i + 1, "front-matter key '" + key + "' has no value");
            values.put(key, value);
            values.put(key + "@line", Integer.toString(i + 1));
        }
        return values; // not reached: the closing line was found above
    }

    private static Kind kind(String name, Map<String, String> front) {
        String kind = front.getOrDefault("kind", "guide");
        return switch (kind.toLowerCase(Locale.ROOT)) {
            case "guide" -> Kind.GUIDE;
            case "faq" -> Kind.FAQ;
            case "tips" -> Kind.TIPS;
            default ->
                    throw new PackFormatException(
                            name,
                            Integer.parseInt(front.get("kind@line")),
                            "kind must be guide, faq or tips, not '" + shorten(kind) + "'");
        };
    }

    private static Optional<Attribution> attribution(String name, Map<String, String> front) {
        List<String> given =
                List.of("title", "author", "source").stream().filter(front::containsKey).toList();
        if (given.isEmpty()) return Optional.empty();
        if (given.size() < 3) {
            throw new PackFormatException(
                    name,
                    Integer.parseInt(front.get(given.get(0) + "@line")),
                    "attribution needs title, author and source together; found only "
                            + String.join(", ", given));
        }
        return Optional.of(
                new Attribution(front.get("title"), front.get("author"), front.get("source")));
    }

    private static List<PackFile.Heading> headings(String name, Node document, boolean faq) {
        List<PackFile.Heading> headings = new ArrayList<>();
        List<Block> blocks = null;
        Heading open = null;
        String pendingLeadIn = null;
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            int line = line(node);
            if (node instanceof Heading h) {
                if (open != null) headings.add(heading(name, open, blocks, pendingLeadIn, faq));
                open = h;
                blocks = new ArrayList<>();
                pendingLeadIn = null;
                continue;
            }
            if (isIgnorable(node)) continue;
            if (open == null)
                throw new PackFormatException(
                        name,
                        line,
                        "text before the first heading; every paragraph belongs to a section");
            if (node instanceof Paragraph p) {
                if (pendingLeadIn != null) blocks.add(new Block.Paragraph(pendingLeadIn));
                String paragraph = inlineText(p);
                pendingLeadIn = null;
                if (paragraph.isEmpty()) continue;
                // A paragraph ending in a colon introduces what follows; it is kept only together
                // with its list.
                if (paragraph.endsWith(":")) pendingLeadIn = paragraph;
                else blocks.add(new Block.Paragraph(paragraph));
            } else if (node instanceof ListBlock list) {
                blocks.add(new Block.BulletList(pendingLeadIn, items(name, list)));
                pendingLeadIn = null;
            } else {
                throw new PackFormatException(name, line, unsupported(node));
            }
        }
        if (open != null) headings.add(heading(name, open, blocks, pendingLeadIn, faq));
        return headings;
    }

    private static PackFile.Heading heading(
            String name, Heading h, List<Block> blocks, String danglingLeadIn, boolean faq) {
        int line = line(h);
        if (danglingLeadIn != null) blocks.add(new Block.Paragraph(danglingLeadIn));
        String title = inlineText(h);
        Optional<String> id = Optional.empty();
        Matcher m = EXPLICIT_ID.matcher(title);
        if (m.find()) {
            String given = m.group(1);
            if (!SectionIds.isValid(given)) {
                throw new PackFormatException(
                        name,
                        line,
                        "section id '"
                                + shorten(given)
                                + "' must be lower-case letters, digits and single hyphens, at most "
                                + SectionIds.MAX_LENGTH
                                + " characters");
            }
            id = Optional.of(given);
            title = title.substring(0, m.start()).strip();
        }
        if (title.isEmpty()) throw new PackFormatException(name, line, "heading without text");
        if (faq && blocks.isEmpty())
            throw new PackFormatException(
                    name, line, "FAQ question '" + shorten(title) + "' has no answer under it");
        return new PackFile.Heading(h.getLevel(), title, id, line, List.copyOf(blocks), faq);
    }

    private static List<String> items(String name, ListBlock list) {
        List<String> items = new ArrayList<>();
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            StringBuilder text = new StringBuilder();
            for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof Paragraph p) {
                    if (!text.isEmpty()) text.append(' ');
                    text.append(inlineText(p));
                } else if (!isIgnorable(child)) {
                    throw new PackFormatException(
                            name, line(child), "list items hold text only; " + unsupported(child));
                }
            }
            if (text.isEmpty()) throw new PackFormatException(name, line(item), "empty list item");
            items.add(text.toString());
        }
        return items;
    }

    private static List<String> tips(String name, Node document) {
        List<String> tips = new ArrayList<>();
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (isIgnorable(node)) continue;
            if (node instanceof ListBlock list) tips.addAll(items(name, list));
            else
                throw new PackFormatException(
                        name,
                        line(node),
                        "a tips file holds only lists of tips; " + unsupported(node));
        }
        if (tips.isEmpty()) throw new PackFormatException(name, 0, "a tips file without any tip");
        return tips;
    }

    /**
     * Comments and link definitions carry no text for users; everything else must be understood.
     */
    private static boolean isIgnorable(Node node) {
        return node instanceof LinkReferenceDefinition
                || (node instanceof HtmlBlock html && html.getLiteral().strip().startsWith("<!--"));
    }

    private static String unsupported(Node node) {
        String what =
                switch (node) {
                    case ListItem ignored -> "a nested list";
                    case BulletList ignored -> "a nested list";
                    case OrderedList ignored -> "a nested list";
                    case HtmlBlock ignored -> "HTML (only <!-- comments --> are allowed)";
                    default ->
                            "a "
                                    + node.getClass()
                                            .getSimpleName()
                                            .replaceAll("([a-z])([A-Z])", "$1 $2")
                                            .toLowerCase(Locale.ROOT);
                };
        return what + " is not part of the pack format (headings, paragraphs, lists and comments)";
    }

    /**
     * The plain text of a paragraph or heading: markup dropped, line breaks as spaces, images left
     * out.
     */
    static String inlineText(Node block) {
        StringBuilder out = new StringBuilder();
        appendInline(block, out);
        return SPACES.matcher(out).replaceAll(" ").strip();
    }

    private static void appendInline(Node node, StringBuilder out) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            switch (child) {
                case Text t -> out.append(t.getLiteral());
                case Code c -> out.append(c.getLiteral());
                case SoftLineBreak ignored -> out.append(' ');
                case HardLineBreak ignored -> out.append(' ');
                case Image ignored -> {} // captions are not advice
                case HtmlInline ignored -> {}
                default -> appendInline(child, out);
            }
        }
    }

    private static int line(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        return spans.isEmpty() ? 0 : spans.get(0).getLineIndex() + 1;
    }

    private static String unquote(String value) {
        if (value.length() >= 2
                && ((value.startsWith("\"") && value.endsWith("\""))
                        || (value.startsWith("'") && value.endsWith("'")))) {
            return value.substring(1, value.length() - 1).strip();
        }
        return value;
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
