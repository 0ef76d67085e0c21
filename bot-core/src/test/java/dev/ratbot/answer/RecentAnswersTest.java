package dev.ratbot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** A text read again is answered from memory, in the words it was asked in this time. */
class RecentAnswersTest {

    /** Records which cleaned texts were read, and answers each with a refusal naming it. */
    private static final class Reader implements Function<String, Answer> {
        final List<String> read = new ArrayList<>();

        @Override
        public Answer apply(String cleaned) {
            read.add(cleaned);
            return new Answer(
                    cleaned,
                    Answer.Verdict.NOT_COVERED,
                    List.of(),
                    Optional.empty(),
                    Optional.empty(),
                    0.25,
                    List.of(new SectionRef("grooming", "Grooming")));
        }
    }

    @Test
    void aTextAskedAgainIsReadOnce() {
        RecentAnswers recent = new RecentAnswers(8);
        Reader reader = new Reader();
        Answer first = recent.answer("does my rat like me", "does my rat like me", reader);
        Answer again = recent.answer("does my rat like me", "does my rat like me", reader);
        assertEquals(List.of("does my rat like me"), reader.read);
        assertEquals(first, again);
    }

    @Test
    void aTextLongerThanTheEmbedderReadsIsReadEveryTimeAndNeverKept() {
        RecentAnswers recent = new RecentAnswers(8);
        Reader reader = new Reader();
        String longPost = "x".repeat(RecentAnswers.MAX_CHARS + 1);
        recent.answer(longPost, longPost, reader);
        Answer again = recent.answer(longPost, longPost, reader);
        assertEquals(List.of(longPost, longPost), reader.read);
        assertEquals(longPost, again.question());
        assertEquals(0, recent.size());
    }

    @Test
    void aTextOfTheLongestKeptLengthIsKept() {
        RecentAnswers recent = new RecentAnswers(8);
        Reader reader = new Reader();
        String post = "x".repeat(RecentAnswers.MAX_CHARS);
        recent.answer(post, post, reader);
        recent.answer(post, post, reader);
        assertEquals(List.of(post), reader.read);
    }

    @Test
    void theSameTextInOtherWordsGetsTheSameAnswerUnderItsOwnWords() {
        RecentAnswers recent = new RecentAnswers(8);
        Reader reader = new Reader();
        recent.answer("hi  there", "hi\u0007 there", reader);
        Answer again = recent.answer("hi  there", "hi\u0000 there", reader);
        assertEquals(List.of("hi  there"), reader.read);
        assertEquals("hi\u0000 there", again.question());
        assertEquals(Answer.Verdict.NOT_COVERED, again.verdict());
        assertEquals(0.25, again.score());
        assertEquals(List.of(new SectionRef("grooming", "Grooming")), again.related());
    }

    @Test
    void whenFullTheLeastRecentlyAskedIsForgotten() {
        RecentAnswers recent = new RecentAnswers(2);
        Reader reader = new Reader();
        recent.answer("a", "a", reader);
        recent.answer("b", "b", reader);
        recent.answer("a", "a", reader); // a is now the most recent
        recent.answer("c", "c", reader); // b goes
        recent.answer("a", "a", reader);
        recent.answer("b", "b", reader);
        assertEquals(List.of("a", "b", "c", "b"), reader.read);
        assertEquals(2, recent.size());
    }
}
