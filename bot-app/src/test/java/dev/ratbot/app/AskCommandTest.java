package dev.ratbot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The {@code ask --json} contract: one object per input line, in order, with the agreed fields. */
class AskCommandTest {

    private final InputStream stdin = System.in;
    private final PrintStream stdout = System.out;

    @AfterEach
    void restore() {
        System.setIn(stdin);
        System.setOut(stdout);
    }

    private static String run(String input, String... args) {
        Commands.Run run = Commands.run(input, args);
        assertEquals(0, run.code(), run::err);
        return run.out();
    }

    @Test
    void jsonLinesInInputOrder() throws Exception {
        String out =
                run(
                        "How do I hold my rat properly?\n\nWhat is the boiling point of water?\n<b>AND (</b>\n",
                        "ask",
                        "--json");
        List<String> lines = out.lines().toList();
        assertEquals(4, lines.size(), out);
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines.get(0));
        assertEquals("How do I hold my rat properly?", first.get("question").asText());
        assertTrue(first.get("answered").asBoolean());
        assertTrue(first.get("answer").asText().contains("Support them from underneath"));
        assertFalse(first.get("section").isNull());
        assertTrue(first.get("score").isNumber());

        assertFalse(json.readTree(lines.get(1)).get("answered").asBoolean());
        JsonNode offTopic = json.readTree(lines.get(2));
        assertFalse(offTopic.get("answered").asBoolean());
        assertTrue(offTopic.get("section").isNull());
        assertEquals("<b>AND (</b>", json.readTree(lines.get(3)).get("question").asText());
    }

    /**
     * Each kind of reply with its confidence and health flag: sure, declined, health, small talk.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(
            delimiter = '|',
            value = {
                "How do I hold my rat properly?                                  | true  | sure | false",
                "What is the boiling point of water?                             | false | none | false",
                "my rat has a lump on her belly and there is blood on her nose   | false | none | true",
                "thanks!                                                         | false | none | false",
            })
    void eachLineSaysItsConfidenceAndWhetherItIsAHealthReply(
            String question, boolean answered, String confidence, boolean health) throws Exception {
        JsonNode node = new ObjectMapper().readTree(run(question + "\n", "ask", "--json").strip());
        assertEquals(answered, node.get("answered").asBoolean(), node.toString());
        assertEquals(confidence, node.get("confidence").asText(), node.toString());
        assertEquals(health, node.get("health").asBoolean(), node.toString());
    }

    @Test
    void smallTalkGetsAFriendlyWordNotTheRefusal() throws Exception {
        JsonNode node = new ObjectMapper().readTree(run("hi\n", "ask", "--json").strip());
        assertFalse(node.get("answer").asText().contains("couldn't find"), node.toString());
        assertTrue(node.get("answer").asText().contains("Happy to help"), node.toString());
    }

    @Test
    void aLikelyAnswerSaysItIsTheClosestAdvice() throws Exception {
        // A long, chatty post: the engine gives the guide's closest advice rather than claiming
        // certainty.
        String post =
                "so my girl Pepper came from a pet shop two weeks ago and honestly she is such a sweetheart with my sister, "
                        + "but when i reach into the cage she runs off and hides in her hammock, and today she nipped me lol. "
                        + "is there anything i can do so she stops running from my hand?";
        JsonNode node = new ObjectMapper().readTree(run(post + "\n", "ask", "--json").strip());
        assertTrue(node.get("answered").asBoolean(), node.toString());
        String confidence = node.get("confidence").asText();
        assertTrue(confidence.equals("sure") || confidence.equals("likely"), node.toString());
        assertEquals(
                confidence.equals("likely"),
                node.get("answer").asText().contains("The guide's closest advice on this:"),
                node.toString());
    }

    @Test
    void oneQuestionForAPerson() {
        String out = run("", "ask", "Why", "does", "my", "rat", "chirp?");
        assertTrue(out.contains("chirps can indicate curiosity"), out);
    }

    /** "\r\n", "\r" and "\n" each end one question: none is split, none answered twice. */
    @Test
    void eachKindOfLineEndEndsOneQuestion() throws Exception {
        String out =
                run(
                        "How do I hold my rat properly?\r\nWhy does my rat chirp?\rthanks!\n",
                        "ask",
                        "--json");
        ObjectMapper json = new ObjectMapper();
        assertEquals(
                List.of("How do I hold my rat properly?", "Why does my rat chirp?", "thanks!"),
                out.lines().map(l -> read(json, l).get("question").asText()).toList());
    }

    @Test
    void aLineLongerThanABigMessageIsAnsweredCut() throws Exception {
        String out = run("why ".repeat(5_000) + "\nhi\n", "ask", "--json");
        List<String> lines = out.lines().toList();
        assertEquals(2, lines.size(), out.length() > 500 ? out.substring(0, 500) : out);
        assertEquals(
                ConsoleBot.MAX_LINE_CHARS,
                new ObjectMapper().readTree(lines.get(0)).get("question").asText().length());
        assertEquals("hi", new ObjectMapper().readTree(lines.get(1)).get("question").asText());
    }

    /**
     * The reader went away (a closed pipe): the command stops instead of answering an endless input
     * for no one.
     */
    @Test
    void aClosedOutputEndsTheCommand() {
        InputStream endless = Pipes.endless("How do I hold my rat properly?");
        java.util.concurrent.atomic.AtomicInteger writes =
                new java.util.concurrent.atomic.AtomicInteger();
        OutputStream closedPipe = Pipes.closed(writes);
        System.setIn(endless);
        System.setOut(new PrintStream(closedPipe, true, StandardCharsets.UTF_8));
        int code =
                org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                        java.time.Duration.ofSeconds(60), () -> Main.run("ask", "--json"));
        assertEquals(0, code);
        assertTrue(writes.get() > 0, "it tried to write");
    }

    private static JsonNode read(ObjectMapper json, String line) {
        try {
            return json.readTree(line);
        } catch (java.io.IOException e) {
            throw new AssertionError(line, e);
        }
    }

    @Test
    void badUsageExitsWithTwo() {
        assertEquals(2, Main.run("ask"));
        assertEquals(2, Main.run("no-such-command"));
        assertEquals(2, Main.run("ask", "--knowledge", "/definitely/not/here", "hi"));
    }
}
