package dev.ratbot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ratbot train}, the one command that retrains the answer decisions: it rewrites the pack's
 * four trained files from labelled posts, and the pack answers with what it learnt.
 */
class TrainCommandTest {

    /** The default pack's source folder, as {@code scripts/train} passes it. */
    private static final Path DEFAULT_PACK =
            Path.of("../knowledge/src/main/resources/ratbot/packs/default");

    /** A training file of the project: some 70 chat messages, trained on in a few seconds. */
    private static final Path CHAT_TRAIN = Path.of("../eval/chat-train.jsonl");

    @TempDir Path pack;

    @Test
    void writesTheFourTrainedFilesAndTheirTrainingPostsIntoTheModel() throws IOException {
        copyDefaultPack();
        Files.writeString(pack.resolve("decision-model.properties"), "");
        Files.writeString(pack.resolve("exemplars.txt"), "");

        List<String> posts =
                Files.readAllLines(CHAT_TRAIN).stream().filter(l -> !l.isBlank()).toList();
        long smallTalk = posts.stream().filter(l -> l.contains("\"kind\": \"smalltalk\"")).count();

        String out = run("", "train", "--pack", pack.toString(), CHAT_TRAIN.toString());

        assertTrue(
                out.contains(
                        "wrote decision-model.properties, passage-vectors.txt, exemplars.txt and section-probe.txt in "
                                + pack),
                out);
        String model = Files.readString(pack.resolve("decision-model.properties"));
        assertTrue(
                model.startsWith(
                        "# Trained by 'ratbot train' on "
                                + posts.size()
                                + " labelled posts from chat-train.jsonl."),
                model.lines().findFirst().orElse(""));
        assertTrue(model.contains("\nthreshold.sure="), "a sure threshold");
        // A line per passage that answers a post (or one for none), keyed by the post; small talk
        // is not taught.
        assertEquals(
                posts.size() - smallTalk,
                Files.readString(pack.resolve("exemplars.txt"))
                        .lines()
                        .filter(l -> !l.startsWith("#"))
                        .map(l -> l.substring(0, l.indexOf(' ')))
                        .distinct()
                        .count());
        assertEquals(
                Files.readString(DEFAULT_PACK.resolve("passage-vectors.txt")),
                Files.readString(pack.resolve("passage-vectors.txt")),
                "the guide's passages get the same vectors as the shipped ones");
    }

    @Test
    void thePackAnswersWithWhatItLearnt() throws IOException {
        copyDefaultPack();
        run("", "train", "--pack", pack.toString(), CHAT_TRAIN.toString());

        String out =
                run(
                        "how do i get my rat to trust me\n",
                        "ask",
                        "--json",
                        "--knowledge",
                        pack.toString());

        JsonNode answer = new ObjectMapper().readTree(out.lines().findFirst().orElseThrow());
        assertTrue(answer.get("answered").asBoolean(), out);
        assertEquals("How do you get your rats to trust you?", answer.get("section").asText());
    }

    @Test
    void aLabelledFileThatIsNotThereIsAConfigurationMistake() throws IOException {
        copyDefaultPack();
        Commands.Run run =
                Commands.run("", "train", "--pack", pack.toString(), "no-such-posts.jsonl");

        assertEquals(2, run.code());
        assertEquals("ratbot: train: cannot read no-such-posts.jsonl", run.err().strip());
    }

    private void copyDefaultPack() throws IOException {
        try (Stream<Path> files = Files.list(DEFAULT_PACK)) {
            for (Path f : files.toList()) Files.copy(f, pack.resolve(f.getFileName()));
        }
    }

    private static String run(String input, String... args) {
        Commands.Run run = Commands.run(input, args);
        assertEquals(0, run.code(), run::err);
        return run.out();
    }
}
