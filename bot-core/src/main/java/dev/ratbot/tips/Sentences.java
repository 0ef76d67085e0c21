package dev.ratbot.tips;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the tip extractor needs to know about English sentences: where they end, and whether one
 * leans on text before it (a leading "This", "They", "Also", a pronoun with no rat, pet or person
 * named before it) or leads into text after it ("Here's how", a trailing colon). The rules are
 * deliberately cautious: a sentence wrongly judged dependent is merely not used alone, while one
 * wrongly judged independent would make a confusing tip.
 */
final class Sentences {

    /** Words that, opening a sentence, point back at what came before. */
    private static final Set<String> BACK_POINTING_OPENERS =
            Set.of(
                    "this",
                    "that",
                    "these",
                    "those",
                    "they",
                    "them",
                    "their",
                    "it",
                    "its",
                    "he",
                    "she",
                    "his",
                    "her",
                    "such",
                    "also",
                    "lastly",
                    "finally",
                    "therefore",
                    "thus",
                    "hence",
                    "so",
                    "but",
                    "and",
                    "or",
                    "yet",
                    "however",
                    "then",
                    "here",
                    "here's",
                    "still",
                    "besides",
                    "plus",
                    "additionally",
                    "moreover",
                    "furthermore",
                    "otherwise",
                    "instead",
                    "similarly",
                    "likewise",
                    "meanwhile",
                    "consequently",
                    "again",
                    "both",
                    "another",
                    "other",
                    "same",
                    "above",
                    "below",
                    "next");

    /**
     * Connectives that can be dropped when their sentence has to stand alone; they add no
     * reference.
     */
    private static final Pattern DROPPABLE_CONNECTIVE =
            Pattern.compile(
                    "^(?:Also|Lastly|Finally|Additionally|Plus|Moreover|Furthermore|Besides),\\s+(\\S)");

    /** Pronouns and demonstratives that need a referent named earlier in the same text. */
    private static final Set<String> NEEDS_REFERENT =
            Set.of(
                    "they",
                    "them",
                    "their",
                    "theirs",
                    "themselves",
                    "he",
                    "him",
                    "his",
                    "she",
                    "her",
                    "hers",
                    "this",
                    "these",
                    "those",
                    "such");

    /** Nouns that can be what "they" or "them" refer to in a pet-care text. */
    private static final Pattern REFERENT =
            Pattern.compile(
                    "(?i)^(?:rat|rats|pet|pets|animal|animals|critter|critters|companion|companions|friend|friends"
                            + "|owner|owners|human|humans|people|person|someone|everyone|kitten|kittens|pup|pups|baby|babies"
                            + "|buck|bucks|doe|does|mischief)$");

    /** "It's important to ..." uses a dummy "it" that needs no referent. */
    private static final Pattern DUMMY_IT =
            Pattern.compile(
                    "^It(?:'s|\u2019s| is| can be| may be| helps)\\s+(?:(?:very|really|always|often|usually|especially)\\s+)?"
                            + "(?:important|best|essential|vital|crucial|wise|helpful|useful|good|normal|natural|common|easy"
                            + "|hard|possible|worth|okay|fine|safe|smart|advisable|necessary|better|a good idea|to)\\b");

    private static final Pattern LEADS_ON =
            Pattern.compile(
                    "(?i)(?:here's how|here\u2019s how|here is how|as follows|the following|follow these|these steps"
                            + "|these tips|read on|below)");

    private static final Pattern WORD = Pattern.compile("[\\p{L}']+|[\\p{L}\u2019]+");

    private Sentences() {}

    /** The sentences of a paragraph, stripped, in order. */
    static List<String> split(String text) {
        String flat = clean(text);
        BreakIterator breaks = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        breaks.setText(flat);
        List<String> out = new ArrayList<>();
        int start = breaks.first();
        for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
            String sentence = flat.substring(start, end).strip();
            if (!sentence.isEmpty()) out.add(sentence);
        }
        return out;
    }

    /** The text on one line with single spaces; control characters never belong in a message. */
    static String clean(String text) {
        return text == null ? "" : text.replaceAll("[\\p{Cc}\\s]+", " ").strip();
    }

    /** Whether the sentence cannot be understood without the text before it. */
    static boolean leansBack(String sentence) {
        String first = firstWord(sentence).toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        if (first.equals("it") || first.equals("it's") || first.equals("its"))
            return !DUMMY_IT.matcher(sentence).find();
        if (BACK_POINTING_OPENERS.contains(first)) return true;
        return pronounBeforeReferent(sentence);
    }

    /**
     * Whether the sentence only announces what follows it ("Here's how to ...", "Signs of a shy
     * rat:").
     */
    static boolean leadsOn(String sentence) {
        String s = sentence.strip();
        return s.endsWith(":") || LEADS_ON.matcher(s).find();
    }

    static boolean isQuestion(String sentence) {
        return sentence.strip().endsWith("?");
    }

    /**
     * The sentence without an opening "Also," or "Lastly,", capitalised; the sentence itself when
     * it has none.
     */
    static String withoutConnective(String sentence) {
        Matcher m = DROPPABLE_CONNECTIVE.matcher(sentence);
        if (!m.find()) return sentence;
        return m.group(1).toUpperCase(Locale.ROOT) + sentence.substring(m.end());
    }

    /** Whether the text ends like a finished statement. */
    static boolean endsAsStatement(String text) {
        return text.strip().matches("(?s).*[.!][\"\u201D')]?$");
    }

    /**
     * The text with its first letter lower-cased, unless the first word looks like a name or an
     * acronym.
     */
    static String decapitalise(String text) {
        if (text.length() < 2
                || !Character.isUpperCase(text.charAt(0))
                || !Character.isLowerCase(text.charAt(1))) {
            return text;
        }
        String first = firstWord(text);
        if (first.equals("I") || first.startsWith("I'")) return text;
        return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    static String capitalise(String text) {
        if (text.isEmpty() || !Character.isLowerCase(text.charAt(0))) return text;
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static boolean pronounBeforeReferent(String sentence) {
        Matcher words = WORD.matcher(sentence);
        while (words.find()) {
            String word = words.group().toLowerCase(Locale.ROOT).replace('\u2019', '\'');
            String bare =
                    word.endsWith("'s")
                            ? word.substring(0, word.length() - 2)
                            : word.endsWith("'") ? word.substring(0, word.length() - 1) : word;
            if (REFERENT.matcher(bare).matches()) return false;
            if (NEEDS_REFERENT.contains(word)
                    && !(word.equals("such") && nextIsAs(sentence, words.end()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean nextIsAs(String sentence, int from) {
        int i = from;
        while (i < sentence.length() && Character.isWhitespace(sentence.charAt(i))) i++;
        return sentence.regionMatches(true, i, "as ", 0, 3);
    }

    private static String firstWord(String sentence) {
        Matcher m = WORD.matcher(sentence);
        return m.find() ? m.group() : "";
    }
}
