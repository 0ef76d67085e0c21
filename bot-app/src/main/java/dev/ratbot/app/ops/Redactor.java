package dev.ratbot.app.ops;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Blanks secrets out of text, whole or in part: any run of {@value #FRAGMENT} or more characters
 * that also occurs in a secret (or in its URL-encoded form) becomes {@code <redacted>}. A server
 * that echoes half a token back, or a message cut in the middle of one, leaks no more than a few
 * characters. Secrets shorter than {@value #FRAGMENT} characters are blanked when they occur whole;
 * shorter than {@value #SHORTEST_SECRET} they are not blanked at all, as they would mangle ordinary
 * words and are not real tokens. Immutable and thread-safe.
 */
public final class Redactor {

    static final String REDACTED = "<redacted>";

    /** The shortest part of a secret that is recognised on its own. */
    static final int FRAGMENT = 8;

    private static final int SHORTEST_SECRET = 6;

    private final Set<String> fragments = new HashSet<>();
    private final List<String> shortSecrets;

    public Redactor(Iterable<String> secrets) {
        Set<String> forms = new LinkedHashSet<>();
        for (String s : secrets) {
            if (s == null || s.length() < SHORTEST_SECRET) continue;
            forms.add(s);
            forms.add(URLEncoder.encode(s, StandardCharsets.UTF_8));
        }
        List<String> whole = new ArrayList<>();
        for (String form : forms) {
            if (form.length() < FRAGMENT) whole.add(form);
            for (int i = 0; i + FRAGMENT <= form.length(); i++)
                fragments.add(form.substring(i, i + FRAGMENT));
        }
        // Longest first, so that a short secret inside another is replaced whole.
        whole.sort(Comparator.comparingInt(String::length).reversed());
        this.shortSecrets = List.copyOf(whole);
    }

    /**
     * {@code text} with every secret and every part of one of {@value #FRAGMENT} or more characters
     * replaced.
     */
    public String redact(String text) {
        if (text == null || text.isEmpty()) return text;
        String out = text;
        if (!fragments.isEmpty() && out.length() >= FRAGMENT) {
            boolean[] secret = new boolean[out.length()];
            boolean any = false;
            for (int i = 0; i + FRAGMENT <= out.length(); i++) {
                if (fragments.contains(out.substring(i, i + FRAGMENT))) {
                    for (int j = i; j < i + FRAGMENT; j++) secret[j] = true;
                    any = true;
                }
            }
            if (any) out = blank(out, secret);
        }
        for (String s : shortSecrets) {
            if (out.contains(s)) out = out.replace(s, REDACTED);
        }
        return out;
    }

    private static String blank(String text, boolean[] secret) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (!secret[i]) {
                b.append(text.charAt(i));
            } else if (i == 0 || !secret[i - 1]) {
                b.append(REDACTED);
            }
        }
        return b.toString();
    }
}
