package dev.ratbot.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandParserTest {

    private final CommandParser parser = new CommandParser("RatBot");

    @Test
    void plainTextIsAQuestion() {
        assertEquals(
                new Command.Ask("how do I hold my rat?"),
                parser.parse("  how do I hold my rat?  "));
    }

    @Test
    void commandsWithArgumentsAndBotNames() {
        assertEquals(new Command.Ask("why chirp"), parser.parse("/ask@ratbot why chirp"));
        assertEquals(
                new Command.Subscribe(Optional.of("08:00"), Optional.of("Europe/London")),
                parser.parse("/subscribe 08:00 Europe/London"));
        assertEquals(
                new Command.Subscribe(Optional.empty(), Optional.empty()),
                parser.parse("/SUBSCRIBE"));
        assertEquals(
                new Command.Subscribe(Optional.of("8pm"), Optional.of("new york")),
                parser.parse("/subscribe 8pm  new york"));
        assertEquals(
                new Command.Topic("training-and-tricks"),
                parser.parse("/topic training-and-tricks"));
        assertEquals(new Command.Feedback("k3", true), parser.parse("/feedback k3 up"));
        assertInstanceOf(Command.Help.class, parser.parse("/ask"));
    }

    @Test
    void commandsForAnotherBotAreNotOurs() {
        assertInstanceOf(Command.Empty.class, parser.parse("/ask@otherbot hello"));
    }

    @Test
    void unknownCommandsAndEmptyInput() {
        assertEquals(new Command.Unknown("frobnicate"), parser.parse("/frobnicate now"));
        assertInstanceOf(Command.Empty.class, parser.parse("\u0000\u200b \t\n"));
        assertInstanceOf(Command.Empty.class, parser.parse(null));
    }

    @Test
    void longTextIsCutWithoutSplittingASurrogatePair() {
        String rats = "🐀".repeat(CommandParser.MAX_QUESTION_CHARS);
        Command.Ask ask = (Command.Ask) parser.parse(rats);
        assertTrue(ask.question().length() <= CommandParser.MAX_QUESTION_CHARS);
        assertTrue(ask.question().codePoints().allMatch(cp -> cp == 0x1F400));
    }

    @Test
    void controlCharactersAreDropped() {
        assertEquals(new Command.Ask("hi there"), parser.parse("hi\u0007 there\u001b"));
    }
}
