package dev.ratbot.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Similar questions end up together, largest groups first, with their counts and first and last
 * times.
 */
class QuestionGrouperTest {

    private final QuestionGrouper grouper =
            new QuestionGrouper(new TokenVectors(), ConsoleServer.GROUPING_THRESHOLD);

    @Test
    void questionsSharingTheirContentWordsFormOneGroupAndOthersTheirOwn() {
        List<QuestionGrouper.Group> groups =
                grouper.group(
                        List.of(
                                new QuestionGrouper.Asked("how long do rats live", 5, 100, 500),
                                new QuestionGrouper.Asked("can my rat eat cheese", 7, 50, 400),
                                new QuestionGrouper.Asked(
                                        "how long does a rat live for", 2, 300, 900),
                                new QuestionGrouper.Asked("is cheese ok for rats", 3, 20, 60)));
        assertEquals(2, groups.size());
        assertEquals(
                List.of("can my rat eat cheese", "is cheese ok for rats"),
                groups.get(0).questions().stream().map(QuestionGrouper.Asked::question).toList());
        assertEquals(10, groups.get(0).times());
        assertEquals(20, groups.get(0).firstAt());
        assertEquals(400, groups.get(0).lastAt());
        assertEquals(
                List.of("how long do rats live", "how long does a rat live for"),
                groups.get(1).questions().stream().map(QuestionGrouper.Asked::question).toList());
        assertEquals(7, groups.get(1).times());
        assertEquals(900, groups.get(1).lastAt());
    }

    @Test
    void byMeaningParaphrasesGroupAndOtherQuestionsStandApart() {
        QuestionGrouper byMeaning =
                new QuestionGrouper(
                        text -> dev.ratbot.answer.MiniLmEmbedder.shared().embed(text),
                        ConsoleServer.MEANING_GROUPING_THRESHOLD);
        List<QuestionGrouper.Group> groups =
                byMeaning.group(
                        List.of(
                                new QuestionGrouper.Asked("how long do rats live", 5, 100, 500),
                                new QuestionGrouper.Asked("can my rat eat cheese", 7, 50, 400),
                                new QuestionGrouper.Asked(
                                        "what is the lifespan of a pet rat", 2, 300, 900),
                                new QuestionGrouper.Asked(
                                        "is cheese safe for rats to eat", 3, 20, 60)));
        assertEquals(
                List.of(
                        List.of("can my rat eat cheese", "is cheese safe for rats to eat"),
                        List.of("how long do rats live", "what is the lifespan of a pet rat")),
                groups.stream()
                        .map(
                                g ->
                                        g.questions().stream()
                                                .map(QuestionGrouper.Asked::question)
                                                .toList())
                        .toList());
    }

    @Test
    void aVectorFunctionCanBeInjectedInPlaceOfTheTokenOne() {
        QuestionGrouper byLength =
                new QuestionGrouper(
                        q -> new float[] {q.length() < 10 ? 1 : 0, q.length() < 10 ? 0 : 1}, 0.9);
        List<QuestionGrouper.Group> groups =
                byLength.group(
                        List.of(
                                new QuestionGrouper.Asked("short", 1, 0, 0),
                                new QuestionGrouper.Asked("tiny", 1, 0, 0),
                                new QuestionGrouper.Asked("a much longer question", 1, 0, 0)));
        assertEquals(List.of(2, 1), groups.stream().map(g -> g.questions().size()).toList());
    }
}
