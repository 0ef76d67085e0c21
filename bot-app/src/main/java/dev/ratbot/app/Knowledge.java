package dev.ratbot.app;

import dev.ratbot.answer.AnswerEngine;
import dev.ratbot.answer.LuceneAnswerEngine;
import dev.ratbot.app.config.StartupException;
import dev.ratbot.knowledge.KnowledgePack;
import dev.ratbot.knowledge.KnowledgePackLoader;
import dev.ratbot.knowledge.PackFormatException;
import dev.ratbot.tips.OnDemandTips;
import dev.ratbot.tips.TipCatalogue;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * A loaded pack, the engine indexed from it, its tip catalogue (drawn once, shared by daily tips
 * and tips on request) and its tips on request.
 */
record Knowledge(
        KnowledgePack pack, AnswerEngine engine, TipCatalogue catalogue, OnDemandTips tips) {

    /** Loads the pack in {@code directory}, or the built-in one when it is null, and indexes it. */
    static Knowledge load(Path directory) {
        KnowledgePack pack = loadPack(directory);
        TipCatalogue catalogue = TipCatalogue.from(pack);
        return new Knowledge(
                pack,
                LuceneAnswerEngine.build(pack),
                catalogue,
                new OnDemandTips(catalogue, pack.attribution(), new SplittableRandom()));
    }

    /** Only the pack, for commands that need its sections but no engine or tips. */
    static KnowledgePack loadPack(Path directory) {
        try {
            return directory == null
                    ? KnowledgePackLoader.loadDefault()
                    : KnowledgePackLoader.load(directory);
        } catch (PackFormatException e) {
            throw new StartupException("knowledge: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new StartupException(
                    "knowledge: cannot read " + directory + ": " + Failures.describe(e), e);
        }
    }
}
