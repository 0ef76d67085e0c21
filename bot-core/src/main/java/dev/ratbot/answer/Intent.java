package dev.ratbot.answer;

import java.util.regex.Pattern;

/** What kind of answer a question asks for, from its wording. */
final class Intent {
    private static final Pattern ADVICE = Pattern.compile(
            "(?i)\\b(how (do|can|should|would|could) (i|we|you)|how to|what (should|can|do) (i|we) do|ways? to|tips? (for|on|to)|help)\\b");
    private static final Pattern TELLING = Pattern.compile(
            "(?i)\\b(signs?|symptoms?|tell|know (if|whether|that|when)|how (do|can|will|would|could) (i|you|we) know|recogni[sz]e|notice|spot|look like)\\b");

    private static final Pattern MEANING = Pattern.compile(
            "(?i)\\b(what does (it|that|this|he|she|they|his|her|their|my)\\b.*\\bmean|what do(es)? .* mean|what is (it|he|she) (doing|saying|trying)|what'?s (that|this|it) mean|meaning|why (does|do|is|are|would|did) (my|a|the|rats?|he|she|they|it))\\b");

    private static final Pattern KINDS = Pattern.compile(
            "(?i)\\b((what|which)( \\w+){0,3}? (snacks?|treats?|foods?|fruits?|veg\\w*|greens|toys?|tricks?|games?)"
                    + "|(best|good|safe|healthy|favou?rite) (snacks?|treats?|foods?|fruits?|veg\\w*|toys?|tricks?|games?)"
                    + "|examples?|list of|ideas? for)\\b");

    private Intent() {
    }

    /** Whether the question asks for kinds of a thing ("what fruit can they have", "best treats"): a list answers it. */
    static boolean asksForKinds(String question) {
        return KINDS.matcher(question).find();
    }

    /** Whether the question asks what a behaviour means ("my rat falls asleep on me, what does that mean"). */
    static boolean asksMeaning(String question) {
        return MEANING.matcher(question).find();
    }

    /** Whether the question asks what to do ("how can I get my shy rat to trust me") rather than how to tell. */
    static boolean wantsAdvice(String question) {
        return ADVICE.matcher(question).find() && !TELLING.matcher(question).find();
    }
}
