package dev.ratbot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.knowledge.Block;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PassagesTest {

    @Test
    void twoPassagesOfOneSectionThatFitAreShownTogetherInTheGuidesOrder() {
        PassageIndex.Passage first =
                new PassageIndex.Passage(
                        3, List.of(new Block.Paragraph("Offer treats from your hand.")));
        PassageIndex.Passage second =
                new PassageIndex.Passage(3, List.of(new Block.Paragraph("Wear gloves at first.")));
        assertEquals(
                List.of(first.blocks().get(0), second.blocks().get(0)),
                Passages.together(8, second, 7, first, 700));
        assertEquals(
                List.of(first.blocks().get(0), second.blocks().get(0)),
                Passages.together(7, first, 8, second, 700));
    }

    @Test
    void aRunnerUpOfAnotherSectionOrTooLongIsLeftOut() {
        PassageIndex.Passage best =
                new PassageIndex.Passage(
                        3, List.of(new Block.Paragraph("Offer treats from your hand.")));
        PassageIndex.Passage elsewhere =
                new PassageIndex.Passage(4, List.of(new Block.Paragraph("Talk to them softly.")));
        PassageIndex.Passage tooLong =
                new PassageIndex.Passage(3, List.of(new Block.Paragraph("x".repeat(690))));
        assertEquals(best.blocks(), Passages.together(7, best, 9, elsewhere, 700));
        assertEquals(best.blocks(), Passages.together(7, best, 8, tooLong, 700));
    }

    @Test
    void shortBlocksAreLeftAlone() {
        Block b = new Block.Paragraph("Rats like peas.");
        assertEquals(b, Passages.fit(b, 700));
    }

    @Test
    void aLongParagraphIsCutAfterTheLastWholeSentence() {
        String text = "One sentence here. ".repeat(60).strip();
        String cut = ((Block.Paragraph) Passages.fit(new Block.Paragraph(text), 700)).text();
        assertTrue(cut.length() <= 700 && cut.endsWith("here."), cut);
    }

    @Test
    void aParagraphWithoutSentencesIsCutAtAWordWithAnEllipsis() {
        String cut = Passages.cut("word ".repeat(300), 100);
        assertTrue(cut.length() <= 100 && cut.endsWith("word\u2026"), cut);
    }

    @Test
    void aLongListKeepsItsLeadInAndWholeItems() {
        Block.BulletList list =
                new Block.BulletList(
                        "Some safe foods:", Collections.nCopies(80, "cooked lean meats"));
        Block.BulletList fitted = (Block.BulletList) Passages.fit(list, 700);
        assertEquals("Some safe foods:", fitted.leadIn());
        assertTrue(
                fitted.items().size() < 80
                        && fitted.items().stream().allMatch("cooked lean meats"::equals));
        assertTrue(fitted.plainText().length() <= 700, fitted.plainText());
    }

    @Test
    void anIntroGoesWithTheBlockItIntroducesOnlyWhileBothFit() {
        Block intro = new Block.Paragraph("Playtime matters.");
        Block next = new Block.Paragraph("x".repeat(600));
        assertEquals(List.of(intro, next), Passages.fit(List.of(intro, next), 700));
        assertEquals(
                List.of(intro),
                Passages.fit(List.of(intro, new Block.Paragraph("y".repeat(690))), 700));
    }
}
