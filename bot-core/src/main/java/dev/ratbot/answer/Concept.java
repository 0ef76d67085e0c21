package dev.ratbot.answer;

import java.util.Map;

/**
 * One idea of a question: a word as the analysis saw it plus its synonyms, each with a weight (the
 * word itself 1.0, synonyms a little less so that a passage using the owner's own word wins a tie).
 *
 * @param word the stem the question used (or the first synonym, when a rule replaced it)
 * @param terms analysed terms that express the idea, with their weights
 * @param generic whether the idea says nothing about the topic ("rat", "how", "help")
 * @param secondary whether it only sets the scene: it sits in a clause such as "when I pick it up"
 *     that follows the question's topic ("my rat squeaks"), so the answer need not mention it
 * @param everyday whether the words as typed are everyday English that names no care topic
 *     ("breakfast", "weekend", "hurting"): when the pack never uses them, they are chat around the
 *     question rather than a topic the guide misses
 */
record Concept(
        String word,
        Map<String, Float> terms,
        boolean generic,
        boolean secondary,
        boolean everyday) {}
