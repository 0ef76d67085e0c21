package dev.ratbot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ratbot.knowledge.KnowledgePack;
import dev.ratbot.knowledge.KnowledgePackLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The files a pack brings beside its Markdown, and how the default pack names them. */
class PackWordsTest {

    /**
     * A classpath pack is read through its {@code pack.index}; a file the index forgets is still
     * found by the fallback to the default pack, so only this test notices it is missing, and an
     * operator copying the default pack's index would lose it.
     */
    @Test
    void theDefaultPacksIndexNamesEveryFileTheEngineReads() {
        KnowledgePack pack = KnowledgePackLoader.loadDefault();

        List<String> missing =
                PackWords.NAMES.stream().filter(n -> pack.wordList(n).isEmpty()).toList();

        assertEquals(List.of(), missing);
    }
}
