package dev.ratbot.knowledge;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded knowledge pack: the sections of one or more Markdown files, their attribution, the tips
 * the pack lists explicitly (empty when the pack leaves tips to be drawn from its text), and its
 * word lists: the plain-text files beside the Markdown ({@code synonyms.txt}, {@code
 * care-topics.txt}, {@code decision-model.properties}, ...) that tell the answer engine how owners
 * of this pack's animal talk. By file name; empty when the pack brings none.
 */
public record KnowledgePack(
        Attribution attribution,
        List<Section> sections,
        List<String> explicitTips,
        Map<String, String> wordLists) {
    public KnowledgePack {
        sections = List.copyOf(sections);
        explicitTips = List.copyOf(explicitTips);
        wordLists = Map.copyOf(wordLists);
    }

    /** A pack of sections only, with no word lists of its own. */
    public KnowledgePack(
            Attribution attribution, List<Section> sections, List<String> explicitTips) {
        this(attribution, sections, explicitTips, Map.of());
    }

    public Optional<Section> section(String id) {
        return sections.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The text of one of the pack's word lists, if it has that file. */
    public Optional<String> wordList(String name) {
        return Optional.ofNullable(wordLists.get(name));
    }
}
