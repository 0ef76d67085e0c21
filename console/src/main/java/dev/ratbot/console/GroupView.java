package dev.ratbot.console;

import java.util.List;

/**
 * A group of "what the guide lacks" as the page shows it.
 *
 * @param examples a few of its questions, most asked first
 * @param phrasings the questions a "this is section X" would add (the most asked, at most ten)
 * @param nowAnswered the title the bot answers the group's top question with now, or null while it
 *     still declines
 * @param suggested the section "this is section X" offers first: the one answered with, or the
 *     closest the bot suggests; empty when it has none
 */
public record GroupView(
        int index,
        long times,
        String first,
        String last,
        List<String> examples,
        List<String> phrasings,
        String nowAnswered,
        String suggested,
        String newAnswerLink) {}
