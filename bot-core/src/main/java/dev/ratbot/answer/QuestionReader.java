package dev.ratbot.answer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Turns a question into {@link Concept}s: it runs the query analysis (stems, synonym graph, stop
 * words) and groups the resulting token graph by position, so that a word and its synonyms form one
 * concept, and the inner words of a multi-word synonym ("wood shavings" for "bedding") stay with
 * the word they stand for.
 */
final class QuestionReader {
    static final int MAX_CONCEPTS = 24;
    private static final int MAX_TERMS = 32;
    private static final float SYNONYM_WEIGHT = 0.8f;
    private static final Pattern LETTERS = Pattern.compile("[^\\p{L}']+");
    private static final Pattern SCENE =
            Pattern.compile("(?i)\\b(when|whenever|while|after|before|every time|each time)\\b");

    private final GuideAnalysis analysis;

    QuestionReader(GuideAnalysis analysis) {
        this.analysis = analysis;
    }

    List<Concept> read(String question) {
        List<Draft> drafts = new ArrayList<>();
        try (TokenStream ts = analysis.query.tokenStream("", question)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            PositionLengthAttribute len = ts.addAttribute(PositionLengthAttribute.class);
            TypeAttribute type = ts.addAttribute(TypeAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            int pos = -1;
            int lastStart = -1;
            int endOfEarlier =
                    0; // furthest position reached by tokens that started before the current one
            int endSoFar = 0;
            Draft current = null;
            int spanStart = -1;
            int spanEnd = -1;
            List<String> spanStems = List.of();
            while (ts.incrementToken()) {
                pos += inc.getPositionIncrement();
                if (pos > lastStart) {
                    endOfEarlier = endSoFar;
                    lastStart = pos;
                }
                endSoFar = Math.max(endSoFar, pos + len.getPositionLength());
                boolean synonym = SynonymGraphFilter.TYPE_SYNONYM.equals(type.type());
                boolean inner = synonym && pos < endOfEarlier;
                if (current == null || (pos != current.position && !inner)) {
                    if (drafts.size() >= MAX_CONCEPTS) break;
                    current =
                            new Draft(
                                    pos,
                                    offset.startOffset(),
                                    question.substring(offset.startOffset(), offset.endOffset()));
                    drafts.add(current);
                }
                // The owner's own word weighs more than what the synonym rules add for it.
                String t = term.toString();
                if (offset.startOffset() != spanStart || offset.endOffset() != spanEnd) {
                    spanStart = offset.startOffset();
                    spanEnd = offset.endOffset();
                    spanStems = analysis.stems(question.substring(spanStart, spanEnd));
                }
                boolean own = !synonym || spanStems.contains(t);
                if (current.terms.size() < MAX_TERMS || own)
                    current.terms.merge(t, own ? 1f : SYNONYM_WEIGHT, Math::max);
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String cannot fail
        }
        int sceneStart = sceneStart(question);
        List<Concept> concepts = new ArrayList<>();
        boolean topicSeen = false;
        for (Draft d : drafts) {
            if (concepts.stream().anyMatch(c -> c.terms().keySet().equals(d.terms.keySet())))
                continue;
            boolean generic = isGeneric(d);
            boolean secondary = topicSeen && d.start >= sceneStart;
            if (!generic && d.start < sceneStart) topicSeen = true;
            concepts.add(
                    new Concept(word(d), Map.copyOf(d.terms), generic, secondary, everyday(d)));
        }
        // A question of generic words only ("how to pick them up") is still about what their
        // synonyms name.
        if (concepts.stream().allMatch(Concept::generic)) {
            concepts.replaceAll(
                    c ->
                            c.terms().keySet().stream()
                                            .anyMatch(
                                                    t ->
                                                            !analysis.isGeneric(t)
                                                                    && !analysis.isStop(t))
                                    ? new Concept(
                                            c.word(), c.terms(), false, c.secondary(), c.everyday())
                                    : c);
        }
        return concepts;
    }

    /**
     * Where a scene-setting clause ("when I pick it up", "while she was out") begins, or the text's
     * length.
     */
    private static int sceneStart(String question) {
        Matcher m = SCENE.matcher(question);
        return m.find() ? m.start() : question.length();
    }

    private String word(Draft d) {
        for (Map.Entry<String, Float> e : d.terms.entrySet())
            if (e.getValue() == 1f) return e.getKey();
        return d.terms.keySet().iterator().next();
    }

    /**
     * Everyday when every word as typed is common English and nothing it stands for names a care
     * topic.
     */
    private boolean everyday(Draft d) {
        for (String w : LETTERS.split(d.surface.toLowerCase(java.util.Locale.ROOT))) {
            if (!w.isEmpty() && !analysis.isCommon(w)) return false;
        }
        return analysis.stems(d.surface).stream().noneMatch(analysis::isCareTopic)
                && d.terms.keySet().stream().noneMatch(analysis::isCareTopic);
    }

    /**
     * Generic when the words as typed are generic ("owner"), or when all they mean is generic
     * ("ratties").
     */
    private boolean isGeneric(Draft d) {
        List<String> typed = analysis.stems(d.surface);
        // A phrase that a synonym rule recognised ("likes me") means more than its words; judge it
        // by its terms.
        if (typed.size() == 1
                && typed.stream().allMatch(t -> analysis.isGeneric(t) || analysis.isStop(t)))
            return true;
        return d.terms.keySet().stream().allMatch(analysis::isGeneric);
    }

    private static final class Draft {
        final int position;
        final int start;
        final String surface;
        final Map<String, Float> terms = new LinkedHashMap<>();

        Draft(int position, int start, String surface) {
            this.position = position;
            this.start = start;
            this.surface = surface;
        }
    }
}
