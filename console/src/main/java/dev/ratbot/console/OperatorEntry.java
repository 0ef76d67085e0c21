package dev.ratbot.console;

import java.util.Objects;
import java.util.Optional;

/**
 * Something an operator taught the bot in the console.
 *
 * @param id the store's id
 * @param kind an answer of the operator's own, or an extra phrasing of a pack section
 * @param title ANSWER: the question, shown as the answer's title; PHRASING: the phrasing
 * @param body ANSWER: the answer in pack Markdown; empty for PHRASING
 * @param sectionId PHRASING: the pack section it asks for; empty for ANSWER
 * @param enabled disabled entries are kept but not answered from
 */
public record OperatorEntry(
        long id,
        Kind kind,
        String title,
        Optional<String> body,
        Optional<String> sectionId,
        boolean enabled) {

    /** ANSWER: an operator FAQ entry. PHRASING: "this is section X". */
    public enum Kind {
        ANSWER,
        PHRASING
    }

    public OperatorEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        body = body == null ? Optional.empty() : body;
        sectionId = sectionId == null ? Optional.empty() : sectionId;
        if (kind == Kind.ANSWER && body.isEmpty())
            throw new IllegalArgumentException("an answer needs a body");
        if (kind == Kind.PHRASING && sectionId.isEmpty())
            throw new IllegalArgumentException("a phrasing needs a section");
    }

    public static OperatorEntry answer(long id, String title, String body, boolean enabled) {
        return new OperatorEntry(
                id, Kind.ANSWER, title, Optional.of(body), Optional.empty(), enabled);
    }

    public static OperatorEntry phrasing(
            long id, String phrasing, String sectionId, boolean enabled) {
        return new OperatorEntry(
                id, Kind.PHRASING, phrasing, Optional.empty(), Optional.of(sectionId), enabled);
    }
}
