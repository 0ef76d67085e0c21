package dev.ratbot.knowledge;

import java.util.List;
import java.util.Optional;

/**
 * A loaded knowledge pack: the sections of one or more Markdown files, their attribution, and the tips the
 * pack lists explicitly (empty when the pack leaves tips to be drawn from its text).
 */
public record KnowledgePack(Attribution attribution, List<Section> sections, List<String> explicitTips) {
    public KnowledgePack {
        sections = List.copyOf(sections);
        explicitTips = List.copyOf(explicitTips);
    }

    public Optional<Section> section(String id) {
        return sections.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
