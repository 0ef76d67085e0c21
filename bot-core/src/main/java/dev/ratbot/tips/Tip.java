package dev.ratbot.tips;

import dev.ratbot.answer.SectionRef;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * One daily tip: a short text that reads well on its own, and the section it comes from so the user
 * can ask for more.
 *
 * @param id stable identifier derived from the text alone ({@link #idOf(String)}): the same wording
 *     gets the same id across restarts and pack edits elsewhere, so delivery history stays valid;
 *     12 lowercase hex characters
 * @param text plain text (no markup), at most {@link #MAX_CHARS} characters, one or two sentences
 * @param section where the tip comes from
 */
public record Tip(String id, String text, SectionRef section) {

    /** The longest tip text, in characters. */
    public static final int MAX_CHARS = 280;

    public Tip {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(section, "section");
        if (text == null || text.isBlank()) throw new IllegalArgumentException("empty tip");
        if (text.length() > MAX_CHARS) {
            throw new IllegalArgumentException(
                    "tip longer than " + MAX_CHARS + " characters: " + text);
        }
    }

    /** A tip whose id is derived from its text. */
    public static Tip of(String text, SectionRef section) {
        return new Tip(idOf(text), text, section);
    }

    /**
     * The id of a tip with this text: the first 48 bits of the SHA-256 of the text with case,
     * spacing and typographic quotes and dashes normalised, so cosmetic edits keep the id while any
     * change of wording makes a new tip.
     */
    public static String idOf(String text) {
        String normal =
                text.strip()
                        .replaceAll("[\u2018\u2019]", "'")
                        .replaceAll("[\u201C\u201D]", "\"")
                        .replaceAll("[\u2013\u2014]", "-")
                        .replaceAll("\\s+", " ")
                        .toLowerCase(Locale.ROOT);
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(normal.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
