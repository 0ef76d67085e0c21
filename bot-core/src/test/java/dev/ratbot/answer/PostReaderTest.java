package dev.ratbot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Sentences in, the question's focus out: the story around a question is context, the question is
 * what is read.
 */
class PostReaderTest {
    private static final PostReader READER =
            new PostReader(
                    Set.of("how", "what", "why", "is", "are", "do", "does", "can", "should", "any"),
                    Set.of("help", "advice", "wondering"));

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                // a question with story before it: only the question
                "We got Pip from a shelter last month and my mum thinks he is cute. How do I get him to trust me? | How do I get him to trust me?",
                // a short question takes the sentence before it, which names the problem
                "Every time I open the cage she bites my finger. What do I do? | Every time I open the cage she bites my finger. What do I do?",
                // a plea without a question mark asks too
                "Biscuit hides all day in his hammock. Any advice would be great | Biscuit hides all day in his hammock. Any advice would be great",
                "i was wondering if rats like music | i was wondering if rats like music",
                // no question at all: the whole post
                "my rat squeaks when I pick her up | my rat squeaks when I pick her up",
                // ellipses and newlines end sentences; two questions are both kept
                "Loki bites... why does he do that? Can I stop it? | Loki bites why does he do that? Can I stop it?",
                // a question word asks only where it opens the sentence
                "They are brothers and they fight. Is that normal for boys? | They are brothers and they fight. Is that normal for boys?",
            })
    void theFocusIsTheQuestionWithWhatItNeedsToBeUnderstood(String post, String focus) {
        assertEquals(focus, READER.read(post).focus());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Hi! I have two boys. They are brothers. Do they need a bigger cage? | 4 | 1",
                "so scared lol. he ran away | 2 | 0",
            })
    void sentencesAreSplitAndTheAskingOnesMarked(String post, int sentences, int asking) {
        PostReader.Post p = READER.read(post);
        assertEquals(sentences, p.sentences().size(), p.sentences().toString());
        assertEquals(asking, (int) p.asks().stream().filter(b -> b).count(), p.asks().toString());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                // a sentence typed straight after a full stop is still a sentence of its own words
                "her nose has dried blood.Why is that? | her nose has dried blood. Why is that?",
                "so scared!!He bit me | so scared!! He bit me",
                // abbreviations and single capitals are left alone
                "Mr.Whiskers is shy | Mr.Whiskers is shy",
                "e.g. peas | e.g. peas",
            })
    void aRunOnSentenceIsParted(String post, String cleaned) {
        assertEquals(cleaned, LuceneAnswerEngine.clean(post));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "@everyone how do I bond         | '  how do I bond'",
                "thanks @alice_k, and @here too  | 'thanks  , and   too'",
                // an e-mail address and a lone @ are text
                "mail me at kim@example.org      | mail me at kim@example.org",
                "meet @ 5                        | meet @ 5",
            })
    void aMentionIsNotPartOfTheQuestion(String post, String cleaned) {
        assertEquals(cleaned, LuceneAnswerEngine.clean(post));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "<b>hi</b>                          | ' hi '",
                "<p class=\"x\">how do I bond</p>  | ' how do I bond '",
                "line<br/>break                     | line break",
                // a heart and a comparison are text
                "love them <3                       | love them <3",
                "a rat < 5 weeks old                | a rat < 5 weeks old",
            })
    void anHtmlTagIsNotPartOfTheQuestion(String post, String cleaned) {
        assertEquals(cleaned, LuceneAnswerEngine.clean(post));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {"?!", "   ", "\uD83D\uDC00\uD83D\uDC00"})
    void aPostWithoutWordsHasNoSentences(String post) {
        assertEquals(List.of(), READER.read(post).sentences());
    }
}
