package dev.ratbot.app;

import dev.ratbot.answer.AnswerEngine;
import dev.ratbot.answer.LuceneAnswerEngine;
import dev.ratbot.knowledge.KnowledgePack;
import dev.ratbot.knowledge.KnowledgePackLoader;
import dev.ratbot.knowledge.PackFormatException;
import dev.ratbot.tips.OnDemandTips;
import dev.ratbot.tips.TipCatalogue;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** A loaded pack, the engine indexed from it and its tips on request. */
record Knowledge(KnowledgePack pack, AnswerEngine engine, OnDemandTips tips) {

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
        return new Knowledge(pack, LuceneAnswerEngine.build(pack),
                new OnDemandTips(TipCatalogue.from(pack), pack.attribution(), new SplittableRandom()));
    }
}
