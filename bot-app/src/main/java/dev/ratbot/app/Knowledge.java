package dev.ratbot.app;

import dev.ratbot.answer.AnswerEngine;
import dev.ratbot.answer.LuceneAnswerEngine;
import dev.ratbot.knowledge.KnowledgePack;
import dev.ratbot.knowledge.KnowledgePackLoader;
import dev.ratbot.knowledge.PackFormatException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** A loaded pack and the engine indexed from it. */
record Knowledge(KnowledgePack pack, AnswerEngine engine) {

    /** Loads the pack in {@code directory}, or the built-in one when it is null, and indexes it. */
    static Knowledge load(Path directory) {
        KnowledgePack pack;
        try {
            pack = directory == null ? KnowledgePackLoader.loadDefault() : KnowledgePackLoader.load(directory);
        } catch (PackFormatException e) {
            throw new StartupException("knowledge: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new StartupException("knowledge: cannot read " + directory + ": " + Failures.describe(e), e);
        }
        return new Knowledge(pack, LuceneAnswerEngine.build(pack));
    }
}
