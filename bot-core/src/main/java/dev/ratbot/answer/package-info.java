/**
 * Answering questions from a knowledge pack.
 *
 * <p>{@link dev.ratbot.answer.AnswerEngine} is the port the conversation uses; {@link
 * dev.ratbot.answer.LuceneAnswerEngine} implements it over an in-memory Lucene index ({@code
 * LuceneAnswerEngine.build(pack)}). {@link dev.ratbot.answer.AnswerBenchmark} measures it.
 *
 * <p>What the engine knows about how owners talk lives in plain files next to these classes, so
 * that improving it rarely needs code:
 *
 * <ul>
 *   <li>{@code synonyms.txt}: the synonym graph (Solr format), e.g. "bite, nip, ..." or "teeth
 *       grinding => brux";
 *   <li>{@code generic-words.txt}: words that never decide what a question is about ("rat", "how",
 *       "help");
 *   <li>{@code stop-words.txt}: words dropped everywhere;
 *   <li>{@code stem-overrides.txt}: words the stemmer must not merge with others ("position" /
 *       "positive").
 * </ul>
 *
 * The ranking's numbers (field boosts, coverage credits, rank factors) are named in {@code
 * Weights}; the decisions are learnt ({@code DecisionModel}, {@code scripts/train}). After any
 * change, run {@code AnswerQualityTest}: it prints the figures for the shared dev set and two sets
 * of other questions, and a change that helps one set while hurting the others is fitting to those
 * questions, not generalising.
 */
package dev.ratbot.answer;
