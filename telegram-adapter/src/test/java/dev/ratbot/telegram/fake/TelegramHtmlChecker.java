package dev.ratbot.telegram.fake;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses text the way the Bot API parses {@code parse_mode=HTML}, as its documentation describes
 * it: only Telegram's tags, properly nested and closed; every {@code <}, {@code >} and {@code &}
 * that is not markup written as an entity; only the named entities lt, gt, amp and quot, and
 * numeric ones. Returns the text after entity parsing, the text Telegram's length limit counts, or
 * throws with the kind of description Telegram gives.
 */
public final class TelegramHtmlChecker {

    /** Telegram's answer to markup it cannot parse. */
    public static final class Rejected extends Exception {
        Rejected(String message) {
            super("Bad Request: can't parse entities: " + message);
        }
    }

    private static final Set<String> PLAIN_TAGS =
            Set.of(
                    "b",
                    "strong",
                    "i",
                    "em",
                    "u",
                    "ins",
                    "s",
                    "strike",
                    "del",
                    "tg-spoiler",
                    "code",
                    "pre",
                    "blockquote",
                    "span",
                    "a");
    private static final Pattern TAG =
            Pattern.compile("([a-zA-Z][a-zA-Z0-9-]*)(.*)", Pattern.DOTALL);
    private static final Pattern ATTRIBUTE =
            Pattern.compile("\\s+([a-zA-Z-]+)(?:\\s*=\\s*\"([^\"]*)\")?");

    private TelegramHtmlChecker() {}

    public static String visibleText(String html) throws Rejected {
        StringBuilder out = new StringBuilder(html.length());
        Deque<String> open = new ArrayDeque<>();
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                int end = html.indexOf('>', i);
                if (end < 0) throw new Rejected("unclosed start tag at byte offset " + i);
                tag(html.substring(i + 1, end), open, i);
                i = end + 1;
            } else if (c == '>') {
                throw new Rejected("unexpected end tag character '>' at byte offset " + i);
            } else if (c == '&') {
                int semicolon = html.indexOf(';', i);
                if (semicolon < 0 || semicolon - i > 12)
                    throw new Rejected("unsupported HTML entity at byte offset " + i);
                out.appendCodePoint(entity(html.substring(i + 1, semicolon), i));
                i = semicolon + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        if (!open.isEmpty())
            throw new Rejected(
                    "can't find end tag corresponding to start tag \"" + open.peek() + "\"");
        return out.toString();
    }

    private static void tag(String body, Deque<String> open, int offset) throws Rejected {
        if (body.startsWith("/")) {
            String name = body.substring(1).strip().toLowerCase(Locale.ROOT);
            if (open.isEmpty() || !open.peek().equals(name)) {
                throw new Rejected(
                        "unmatched end tag at byte offset "
                                + offset
                                + ", expected \"</"
                                + open.peek()
                                + ">\", found \"</"
                                + name
                                + ">\"");
            }
            open.pop();
            return;
        }
        Matcher m = TAG.matcher(body);
        if (!m.matches()) throw new Rejected("empty or malformed tag at byte offset " + offset);
        String name = m.group(1).toLowerCase(Locale.ROOT);
        String rest = m.group(2);
        if (!PLAIN_TAGS.contains(name))
            throw new Rejected("unsupported start tag \"" + name + "\" at byte offset " + offset);
        if (rest.endsWith("/"))
            throw new Rejected(
                    "unsupported self-closing tag \"" + name + "\" at byte offset " + offset);
        String classAttr = null;
        String href = null;
        boolean expandable = false;
        Matcher a = ATTRIBUTE.matcher(rest);
        int consumed = 0;
        while (a.find() && a.start() == consumed) {
            String attr = a.group(1).toLowerCase(Locale.ROOT);
            switch (attr) {
                case "class" -> classAttr = a.group(2);
                case "href" -> href = a.group(2);
                case "expandable" -> expandable = true;
                default ->
                        throw new Rejected(
                                "unsupported attribute \"" + attr + "\" in tag \"" + name + "\"");
            }
            consumed = a.end();
        }
        if (!rest.substring(consumed).isBlank())
            throw new Rejected(
                    "malformed attributes in tag \"" + name + "\" at byte offset " + offset);
        switch (name) {
            case "span" -> {
                if (!"tg-spoiler".equals(classAttr))
                    throw new Rejected(
                            "tag \"span\" must have class \"tg-spoiler\" at byte offset " + offset);
            }
            case "a" -> {
                if (href == null)
                    throw new Rejected(
                            "tag \"a\" must have attribute \"href\" at byte offset " + offset);
            }
            case "code" -> {
                if (classAttr != null
                        && !(classAttr.startsWith("language-") && "pre".equals(open.peek()))) {
                    throw new Rejected("a language can be given only to code inside pre");
                }
            }
            case "blockquote" -> {
                if (classAttr != null || href != null)
                    throw new Rejected("unsupported attribute in tag \"blockquote\"");
            }
            default -> {
                if (classAttr != null || href != null || expandable)
                    throw new Rejected("unsupported attribute in tag \"" + name + "\"");
            }
        }
        if (expandable && !name.equals("blockquote"))
            throw new Rejected("unsupported attribute \"expandable\" in tag \"" + name + "\"");
        open.push(name);
    }

    private static int entity(String name, int offset) throws Rejected {
        switch (name) {
            case "lt":
                return '<';
            case "gt":
                return '>';
            case "amp":
                return '&';
            case "quot":
                return '"';
            default:
        }
        try {
            int cp;
            if (name.startsWith("#x") || name.startsWith("#X"))
                cp = Integer.parseInt(name.substring(2), 16);
            else if (name.startsWith("#")) cp = Integer.parseInt(name.substring(1));
            else
                throw new Rejected(
                        "unsupported HTML entity \"&" + name + ";\" at byte offset " + offset);
            if (!Character.isValidCodePoint(cp) || cp == 0)
                throw new Rejected("invalid numeric entity at byte offset " + offset);
            return cp;
        } catch (NumberFormatException e) {
            throw new Rejected(
                    "unsupported HTML entity \"&" + name + ";\" at byte offset " + offset);
        }
    }
}
