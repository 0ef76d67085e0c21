package dev.ratbot.app;

import dev.ratbot.answer.DecisionTrainer;
import dev.ratbot.app.config.StartupException;
import dev.ratbot.knowledge.KnowledgePackLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ratbot train}: learns when to answer (sure, likely, not covered) and when a post is about
 * health from labelled posts, and writes the pack's {@code decision-model.properties}, {@code
 * passage-vectors.txt}, {@code exemplars.txt} and {@code section-probe.txt}. The files are reviewed
 * like code; see the README's "Teaching the engine".
 */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = {
            "Learn the answer decisions of a pack from labelled posts (JSON lines) and write its model files.",
            "Example: ratbot train --pack knowledge/src/main/resources/ratbot/packs/default eval/owners-train.jsonl eval/chat-train.jsonl"
        })
final class TrainCommand implements Callable<Integer> {

    @Option(
            names = "--pack",
            paramLabel = "DIR",
            required = true,
            description =
                    "The pack's source folder: read for its Markdown and word lists, written with the model files.")
    Path pack;

    @Parameters(
            arity = "1..*",
            paramLabel = "FILE",
            description =
                    "Labelled posts: {\"q\":..., \"expect\":[...]|null, \"kind\":in|near|offtopic|smalltalk, \"health\":true}")
    List<Path> files;

    @Override
    public Integer call() throws IOException {
        for (Path f : files) {
            if (!Files.isReadable(f)) throw new StartupException("train: cannot read " + f);
        }
        DecisionTrainer.Result result =
                DecisionTrainer.train(KnowledgePackLoader.load(pack), files);
        for (var file : result.files().entrySet())
            Files.writeString(pack.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        System.out.println(result.report());
        List<String> names = List.copyOf(result.files().keySet());
        System.out.println(
                "wrote "
                        + String.join(", ", names.subList(0, names.size() - 1))
                        + " and "
                        + names.getLast()
                        + " in "
                        + pack);
        return 0;
    }
}
