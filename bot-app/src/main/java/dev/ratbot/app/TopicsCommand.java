package dev.ratbot.app;

import dev.ratbot.answer.SectionRef;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ratbot topics}: the sections of the pack, one per line, with the id that /topic takes. */
@Command(
        name = "topics",
        mixinStandardHelpOptions = true,
        description = "List the sections of the knowledge pack.")
final class TopicsCommand implements Callable<Integer> {

    @Mixin KnowledgeOption knowledge;

    @Override
    public Integer call() {
        Knowledge k = knowledge.load();
        System.out.println(k.pack().attribution().line());
        System.out.println();
        for (SectionRef ref : k.engine().topics()) {
            System.out.println("  " + ref.title() + "  (/topic " + ref.id() + ")");
        }
        return 0;
    }
}
