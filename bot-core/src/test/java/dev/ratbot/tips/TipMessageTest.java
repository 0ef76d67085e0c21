package dev.ratbot.tips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.answer.SectionRef;
import dev.ratbot.conversation.Command;
import dev.ratbot.conversation.CommandParser;
import dev.ratbot.knowledge.Block;
import dev.ratbot.message.Choice;
import dev.ratbot.message.Reply;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TipMessageTest {

    final Tip tip =
            Tip.of(
                    "Talking to your rats helps them become familiar with your voice.",
                    new SectionRef("talk-and-listen", "Talk and Listen"));

    @Test
    void aTipIsShownWithItsAttributionAndAButtonToItsSection() {
        Reply reply = TipMessage.reply(tip, GuideFixture.ATTRIBUTION);
        assertEquals(Reply.Kind.TIP, reply.kind());
        assertEquals(Optional.of("Bonding tip"), reply.title());
        assertEquals(List.of(new Block.Paragraph(tip.text())), reply.blocks());
        assertEquals(Optional.of(GuideFixture.ATTRIBUTION), reply.attribution());
        assertEquals(
                List.of(new Choice("More: Talk and Listen", "/topic talk-and-listen")),
                reply.choices());
        assertEquals(
                new Command.Topic("talk-and-listen"),
                new CommandParser("").parse(reply.choices().get(0).data()));
    }

    @Test
    void aLongSectionTitleIsShortenedToFitAButton() {
        Tip longTitle = Tip.of(tip.text(), new SectionRef("x", "A very long heading ".repeat(10)));
        String label =
                TipMessage.reply(longTitle, GuideFixture.ATTRIBUTION).choices().get(0).label();
        assertTrue(label.length() <= 80 && label.endsWith("\u2026"), label);
    }

    @Test
    void aSectionIdTooLongForAButtonLosesTheButtonNotTheTip() {
        Tip longId = Tip.of(tip.text(), new SectionRef("s".repeat(60), "Talk"));
        Reply reply = TipMessage.reply(longId, GuideFixture.ATTRIBUTION);
        assertEquals(List.of(), reply.choices());
        assertEquals(tip.text(), reply.blocks().get(0).plainText());
    }
}
