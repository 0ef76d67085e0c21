package dev.ratbot.app;

import dev.ratbot.conversation.Incoming;
import dev.ratbot.conversation.Rights;
import dev.ratbot.message.Address;
import dev.ratbot.message.Platform;
import dev.ratbot.message.Reply;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ratbot tip}: one bonding tip, as a subscriber would get it. */
@Command(name = "tip", mixinStandardHelpOptions = true, description = "Print a bonding tip.")
final class TipCommand implements Callable<Integer> {

    @Mixin KnowledgeOption knowledge;

    @Override
    public Integer call() {
        Reply reply =
                ConsoleBot.conversation(knowledge.load())
                        .handle(
                                new Incoming(
                                        Address.direct(Platform.CONSOLE, "console"),
                                        "console",
                                        "/tip",
                                        Rights.OWNER))
                        .orElseThrow();
        System.out.println(ConsoleRenderer.withChoices(reply));
        return reply.kind() == Reply.Kind.TIP ? 0 : 1;
    }
}
