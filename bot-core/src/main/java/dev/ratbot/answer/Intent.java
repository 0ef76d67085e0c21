package dev.ratbot.answer;

import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What kind of answer a question asks for, from its wording: English question shapes here, the
 * pack's own things (treats, toys...) given to the constructor.
 */
final class Intent {
    private static final Pattern ADVICE =
            Pattern.compile(
                    "(?i)\\b(how (do|can|should|would|could) (i|we|you)|how to|what (should|can|do) (i|we) do|ways? to|tips? (for|on|to)|help)\\b");
    private static final Pattern TELLING =
            Pattern.compile(
                    "(?i)\\b(signs?|symptoms?|tell|know (if|whether|that|when)|how (do|can|will|would|could) (i|you|we) know|recogni[sz]e|notice|spot|look like)\\b");

    private static final Pattern MEANING =
            Pattern.compile(
                    "(?i)\\b(what does (it|that|this|he|she|they|his|her|their|my)\\b.*\\bmean|what do(es)? .* mean|what is (it|he|she) (doing|saying|trying)|what'?s (that|this|it) mean|meaning|why (does|do|is|are|would|did) (my|a|the|rats?|he|she|they|it))\\b");

    /** Questions that ask for a number: a count, a limit, an amount, a frequency, a temperature. */
    private static final Pattern QUANTITY =
            Pattern.compile(
                    "(?i)\\b(how many|how much|how often|how frequently|how many times|max(imum)?|min(imum)? (number|amount)|"
                            + "what (temperature|temp)|how many degrees|what age|at what age)\\b");

    /**
     * "How many weeks" asks how long, which a guide answers in words ("it depends on the rat"), not
     * a count.
     */
    private static final Pattern DURATION =
            Pattern.compile("(?i)\\bhow many (seconds|minutes|hours|days|weeks|months|years)\\b");

    /**
     * A measure with its unit ("2ft"), or a number and the word it counts ("two weeks", "3 rats").
     */
    static final Pattern MEASURE =
            Pattern.compile("(?i)\\b\\d+\\s?(ft|feet|foot|cm|inch|inches|in|m)\\b");

    /** "How often" is answered by a frequency in words ("engage with them daily"). */
    static final Pattern ASKS_FREQUENCY = Pattern.compile("(?i)\\bhow (often|frequently)\\b");

    static final Pattern FREQUENCY =
            Pattern.compile("(?i)\\b(daily|every day|each day|weekly|regularly|regular)\\b");
    static final Pattern COUNTED =
            Pattern.compile(
                    "(?i)\\b(\\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twice|once)\\s+(\\p{L}+)");

    /** "What treats", "which three toys", "best games", "examples": built from the pack's words. */
    private final Pattern kinds;

    /**
     * @param kindWords things a question may ask kinds of (the pack's {@code kind-words.txt}:
     *     treats, toys, tricks...), singular
     */
    Intent(Collection<String> kindWords) {
        String things =
                kindWords.stream()
                        .map(w -> Pattern.quote(w.toLowerCase(Locale.ROOT)))
                        .sorted()
                        .collect(Collectors.joining("|", "(?:", ")(?:s|es)?"));
        this.kinds =
                Pattern.compile(
                        "(?i)\\b((what|which)( \\w+){0,3}? "
                                + things
                                + "|(best|good|safe|healthy|favou?rite) "
                                + things
                                + "|examples?|list of|ideas? for)\\b");
    }

    /**
     * Whether the question asks for kinds of a thing ("what fruit can they have", "best treats"): a
     * list answers it.
     */
    boolean asksForKinds(String question) {
        return kinds.matcher(question).find();
    }

    /**
     * Whether the question asks what a behaviour means ("my rat falls asleep on me, what does that
     * mean").
     */
    static boolean asksMeaning(String question) {
        return MEANING.matcher(question).find();
    }

    /**
     * Whether the question asks what to do ("how can I get my shy rat to trust me") rather than how
     * to tell.
     */
    static boolean wantsAdvice(String question) {
        return ADVICE.matcher(question).find() && !TELLING.matcher(question).find();
    }

    /**
     * Whether the question asks how to tell ("how do I know if", "signs of"): a passage of signs
     * answers it.
     */
    static boolean asksSigns(String question) {
        return TELLING.matcher(question).find();
    }

    /**
     * Whether the question asks for a number ("how many", "maximum", "how often", "what
     * temperature").
     */
    static boolean asksQuantity(String question) {
        return QUANTITY.matcher(question).find() && !DURATION.matcher(question).find();
    }
}
