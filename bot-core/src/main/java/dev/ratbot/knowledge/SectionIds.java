package dev.ratbot.knowledge;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Section ids: lower-case ASCII slugs of at most {@link #MAX_LENGTH} characters, so that they fit
 * in button data and commands ("/topic training-and-tricks"). They depend only on the heading text
 * (and on an earlier heading with the same slug), so they stay stable while a pack is edited
 * elsewhere.
 */
final class SectionIds {
    static final int MAX_LENGTH = 40;
    static final Pattern VALID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");

    private SectionIds() {}

    /** Whether an operator-given id is usable as is. */
    static boolean isValid(String id) {
        return id.length() <= MAX_LENGTH && VALID.matcher(id).matches();
    }

    /**
     * The slug of a heading, e.g. "How to Tell if Your Rat Trusts You?" →
     * "how-to-tell-if-your-rat-trusts-you".
     */
    static String slug(String title) {
        // Decompose accents so that "Café" gives "cafe" rather than losing the letter.
        String ascii =
                MARKS.matcher(Normalizer.normalize(title, Normalizer.Form.NFKD)).replaceAll("");
        String slug = NON_ALNUM.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-");
        slug = trimHyphens(slug);
        if (slug.length() > MAX_LENGTH) {
            int cut = slug.lastIndexOf('-', MAX_LENGTH);
            slug = trimHyphens(slug.substring(0, cut > MAX_LENGTH / 2 ? cut : MAX_LENGTH));
        }
        return slug.isEmpty() ? "section" : slug;
    }

    /**
     * {@code base} made unique by a numeric suffix ("grooming-2"), still within the length limit.
     */
    static String withSuffix(String base, int n) {
        String suffix = "-" + n;
        String head =
                base.length() + suffix.length() > MAX_LENGTH
                        ? trimHyphens(base.substring(0, MAX_LENGTH - suffix.length()))
                        : base;
        return head + suffix;
    }

    private static String trimHyphens(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) == '-') from++;
        while (to > from && s.charAt(to - 1) == '-') to--;
        return s.substring(from, to);
    }
}
