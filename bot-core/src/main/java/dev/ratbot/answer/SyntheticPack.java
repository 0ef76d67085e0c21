package dev.ratbot.answer;

import dev.ratbot.knowledge.Block;
import dev.ratbot.knowledge.KnowledgePack;
import dev.ratbot.knowledge.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A large pack made from a real one, for load tests: sections whose headings and paragraphs
 * recombine the real pack's sentences and words, so that questions hit many passages (the slow
 * case), with made-up words mixed in so that the vocabulary grows as a real large pack's would.
 * Deterministic for a given seed.
 */
final class SyntheticPack {
    private SyntheticPack() {}

    static KnowledgePack grow(KnowledgePack base, int passages, long seed) {
        Random random = new Random(seed);
        List<String> sentences = new ArrayList<>();
        List<String> titleWords = new ArrayList<>();
        for (Section s : base.sections()) {
            for (String w : s.title().split("\\s+")) titleWords.add(w.replaceAll("[^\\p{L}]", ""));
            for (Block b : s.blocks()) {
                for (String sentence : b.plainText().split("(?<=[.;:!?])\\s+")) {
                    if (sentence.length() > 20) sentences.add(sentence.replace("\u2022 ", ""));
                }
            }
        }
        titleWords.removeIf(String::isBlank);
        List<Section> sections = new ArrayList<>();
        int made = 0;
        for (int n = 0; made < passages; n++) {
            int blocks = 1 + random.nextInt(4);
            List<Block> content = new ArrayList<>();
            for (int b = 0; b < blocks && made < passages; b++, made++) {
                StringBuilder text = new StringBuilder();
                int count = 2 + random.nextInt(3);
                for (int i = 0; i < count; i++) {
                    if (!text.isEmpty()) text.append(' ');
                    text.append(mutate(sentences.get(random.nextInt(sentences.size())), random));
                }
                content.add(new Block.Paragraph(text.toString()));
            }
            String title =
                    titleWords.get(random.nextInt(titleWords.size()))
                            + " "
                            + titleWords.get(random.nextInt(titleWords.size()))
                            + " "
                            + madeUpWord(random);
            sections.add(new Section("s" + n, List.of(title), content, false));
        }
        return new KnowledgePack(base.attribution(), sections, List.of());
    }

    private static String mutate(String sentence, Random random) {
        String[] words = sentence.split(" ");
        for (int i = 0; i < words.length; i++)
            if (random.nextInt(8) == 0) words[i] = madeUpWord(random);
        return String.join(" ", words);
    }

    private static String madeUpWord(Random random) {
        StringBuilder w = new StringBuilder();
        int length = 4 + random.nextInt(6);
        for (int i = 0; i < length; i++) w.append((char) ('a' + random.nextInt(26)));
        return w.toString();
    }
}
