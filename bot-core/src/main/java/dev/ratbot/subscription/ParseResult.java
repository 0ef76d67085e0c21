package dev.ratbot.subscription;

import java.util.Objects;
import java.util.function.Function;

/**
 * The outcome of reading user input: a value, or a friendly hint saying what was wrong and what to
 * type instead. Parsers return this instead of throwing, so that bad input always gets an answer.
 */
public sealed interface ParseResult<T> {

    record Parsed<T>(T value) implements ParseResult<T> {
        public Parsed {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * @param hint one or two sentences for the user, e.g. "Use 24-hour time like 09:00 or 21:30."
     */
    record Refused<T>(String hint) implements ParseResult<T> {
        public Refused {
            Objects.requireNonNull(hint, "hint");
        }
    }

    static <T> ParseResult<T> parsed(T value) {
        return new Parsed<>(value);
    }

    static <T> ParseResult<T> refused(String hint) {
        return new Refused<>(hint);
    }

    default boolean isParsed() {
        return this instanceof Parsed;
    }

    /**
     * The value; throws {@link IllegalStateException} when refused (check {@link #isParsed()}
     * first).
     */
    default T value() {
        if (this instanceof Parsed<T> p) return p.value();
        throw new IllegalStateException("refused: " + ((Refused<T>) this).hint());
    }

    default <R> ParseResult<R> map(Function<? super T, ? extends R> f) {
        if (this instanceof Parsed<T> p) return new Parsed<>(f.apply(p.value()));
        return new Refused<>(((Refused<T>) this).hint());
    }
}
