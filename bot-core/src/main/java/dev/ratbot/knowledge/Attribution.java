package dev.ratbot.knowledge;

import java.util.Objects;

/**
 * Where a pack's text comes from, shown with every answer: the work's title, its author and its
 * source (publisher or address). All three are non-blank.
 */
public record Attribution(String title, String author, String source) {
    public Attribution {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(source, "source");
    }

    /**
     * One line for a footer, e.g. {@code "How to Bond with Your Rats" by Joshua Paulson (Quality
     * Cage Crafters)}.
     */
    public String line() {
        return "\u201C" + title + "\u201D by " + author + " (" + source + ")";
    }
}
