package dev.ratbot.console;

import dev.ratbot.knowledge.Block;
import dev.ratbot.knowledge.KnowledgePack;
import dev.ratbot.knowledge.Section;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pack plus what operators taught, as the engine indexes it, without changing the engine: each
 * enabled answer is an extra FAQ section (its title the question), and each phrasing an extra FAQ
 * section whose question is the phrasing and whose text is the target's (so the engine finds the
 * phrasing's words next to the answer's, as it does for the pack's own FAQ); {@link
 * OperatorKnowledge} turns a hit on such an alias into the target section. Entries whose section no
 * longer exists, or whose Markdown no longer passes, are left out.
 *
 * @param pack the pack the engine is built from
 * @param aliases alias section id to the pack section it stands for
 * @param answers section ids of the operator's own answers
 * @param phrasings the phrasings' texts (users' own words), which are never offered as suggestions
 *     to others
 */
record TaughtPack(
        KnowledgePack pack,
        Map<String, String> aliases,
        Set<String> answers,
        Set<String> phrasings) {

    static TaughtPack of(KnowledgePack base, List<OperatorEntry> entries) {
        List<Section> sections = new ArrayList<>(base.sections());
        Set<String> taken = new HashSet<>();
        base.sections().forEach(s -> taken.add(s.id()));
        Map<String, String> aliases = new HashMap<>();
        Set<String> answers = new HashSet<>();
        Set<String> phrasings = new HashSet<>();
        for (OperatorEntry e : entries) {
            if (!e.enabled()) continue;
            String id = freeId("operator-" + e.id(), taken);
            switch (e.kind()) {
                case ANSWER -> {
                    List<Block> blocks;
                    try {
                        blocks = EntryFiles.check(e.title(), e.body().orElseThrow());
                    } catch (EntryFiles.Refused refused) {
                        continue;
                    }
                    sections.add(new Section(id, List.of(e.title()), blocks, true));
                    answers.add(id);
                }
                case PHRASING -> {
                    String target = e.sectionId().orElseThrow();
                    var section = base.section(target);
                    if (section.isEmpty() || e.title().isBlank()) continue;
                    List<Block> blocks =
                            section.get().blocks().isEmpty()
                                    ? List.of(new Block.Paragraph(section.get().title()))
                                    : section.get().blocks();
                    sections.add(new Section(id, List.of(e.title()), blocks, true));
                    aliases.put(id, target);
                    phrasings.add(e.title());
                }
            }
            taken.add(id);
        }
        return new TaughtPack(
                new KnowledgePack(base.attribution(), sections, base.explicitTips()),
                Map.copyOf(aliases),
                Set.copyOf(answers),
                Set.copyOf(phrasings));
    }

    private static String freeId(String wanted, Set<String> taken) {
        String id = wanted;
        for (int n = 2; taken.contains(id); n++) id = wanted + "-" + n;
        return id;
    }
}
