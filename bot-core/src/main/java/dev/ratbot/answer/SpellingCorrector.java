package dev.ratbot.answer;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * Rewrites misspelt words of a question ("bruxxing", "scaired") to the nearest known word: a word
 * of the pack or of the engine's own lists. Deliberately timid, because "correcting" a real word
 * the guide does not use ("grapes", "movie") into one it does ("move") would make an uncovered
 * question look covered: real English words are never touched, nor words under four letters; a
 * correction is at most one edit away (a two-edit automaton costs milliseconds per word) and keeps
 * the first letter.
 */
final class SpellingCorrector {
    static final String FIELD = "spell";
    private static final Pattern WORD = Pattern.compile("\\p{L}{4,}");
    private static final int MAX_WORDS = 40;

    private final IndexReader reader;
    private final Set<String> known;
    private final Predicate<String> realWord;
    private final DirectSpellChecker oneEdit = checker(1);

    SpellingCorrector(IndexReader reader, Set<String> known, Predicate<String> realWord) {
        this.reader = reader;
        this.known = known;
        this.realWord = realWord;
    }

    private static DirectSpellChecker checker(int edits) {
        DirectSpellChecker c = new DirectSpellChecker();
        c.setMaxEdits(edits);
        c.setMinPrefix(1);
        c.setMinQueryLength(4);
        c.setAccuracy(0.5f);
        c.setThresholdFrequency(0f);
        c.setMaxInspections(5);
        return c;
    }

    /** The question with misspelt words replaced; unchanged when nothing needed fixing. */
    String correct(String question) {
        Matcher m = WORD.matcher(question);
        StringBuilder out = null;
        int last = 0;
        int seen = 0;
        while (m.find() && seen++ < MAX_WORDS) {
            String word = m.group().toLowerCase(Locale.ROOT);
            // A real word the pack does not use ("movie", "grapes") is not a misspelling of one it
            // does ("move").
            if (known.contains(word) || realWord.test(word) || !latin(word)) continue;
            String fix = suggestion(word);
            if (fix == null) continue;
            if (out == null) out = new StringBuilder(question.length());
            out.append(question, last, m.start()).append(fix);
            last = m.end();
        }
        if (out == null) return question;
        return out.append(question, last, question.length()).toString();
    }

    /**
     * Only Latin-script words can be misspellings of an English pack's words; other scripts are
     * left as typed.
     */
    private static boolean latin(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.UnicodeScript.of(word.charAt(i)) != Character.UnicodeScript.LATIN)
                return false;
        }
        return true;
    }

    private String suggestion(String word) {
        try {
            SuggestWord[] found =
                    oneEdit.suggestSimilar(
                            new Term(FIELD, word),
                            1,
                            reader,
                            SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
            return found.length == 0 ? null : found[0].string;
        } catch (IOException e) {
            return null; // an in-memory index does not fail to read; without a suggestion the word
            // stays as typed
        }
    }
}
