package dev.ratbot.feedback;

import java.util.Locale;

/**
 * How both answer logs clean questions before keeping them and fold them for grouping in the
 * report.
 */
final class Questions {

    private Questions() {}

    /**
     * Drops control characters (PostgreSQL refuses NUL), folds line breaks to spaces, cuts to the
     * maximum.
     */
    static String clean(String question) {
        if (question == null) return "";
        String s =
                question.length() > 4 * AnswerLog.MAX_QUESTION_CHARS
                        ? question.substring(0, 4 * AnswerLog.MAX_QUESTION_CHARS)
                        : question;
        StringBuilder out = new StringBuilder(Math.min(s.length(), AnswerLog.MAX_QUESTION_CHARS));
        s.codePoints()
                .forEach(
                        cp -> {
                            if (Character.isWhitespace(cp)) out.append(' ');
                            else if (Character.getType(cp) != Character.CONTROL
                                    && Character.getType(cp) != Character.SURROGATE)
                                out.appendCodePoint(cp);
                        });
        String cleaned = out.toString().strip();
        if (cleaned.length() <= AnswerLog.MAX_QUESTION_CHARS) return cleaned;
        int end = AnswerLog.MAX_QUESTION_CHARS;
        // Never cut a surrogate pair in half.
        if (Character.isHighSurrogate(cleaned.charAt(end - 1))) end--;
        return cleaned.substring(0, end);
    }

    /**
     * The grouping form of a cleaned question: lower case, single spaces, no closing punctuation.
     */
    static String fold(String cleaned) {
        String s = cleaned.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return s.replaceAll("[\\s?!.\u2026\uFF1F\uFF01\u3002]+$", "").strip();
    }
}
