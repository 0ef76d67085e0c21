package dev.ratbot.app;

import dev.ratbot.app.io.BoundedLineReader;
import dev.ratbot.app.io.LineOutput;
import dev.ratbot.conversation.Conversation;
import dev.ratbot.conversation.Incoming;
import dev.ratbot.conversation.Rights;
import dev.ratbot.message.Address;
import dev.ratbot.message.Platform;
import dev.ratbot.message.Reply;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code ratbot chat}: the same conversation as on Telegram and Discord, in the terminal. A number
 * picks one of the offered choices, + and - rate the last answer, and "quit" (or end of input)
 * leaves.
 */
@Command(
        name = "chat",
        mixinStandardHelpOptions = true,
        description = "Talk to the bot in this terminal (no account or token needed).")
final class ChatCommand implements Callable<Integer> {

    @Mixin KnowledgeOption knowledge = new KnowledgeOption();

    ChatCommand withKnowledge(KnowledgeOption option) {
        this.knowledge = option;
        return this;
    }

    @Override
    @SuppressWarnings(
            "SystemConsoleNull") // built for release 21, where a null console means not interactive
    public Integer call() throws Exception {
        Conversation conversation = ConsoleBot.conversation(knowledge.load());
        LineOutput out = new LineOutput(System.out);
        // Lines are cut while read, so a huge paste costs no memory; a closed output ends the chat.
        BoundedLineReader in = BoundedLineReader.utf8(System.in, ConsoleBot.MAX_LINE_CHARS);
        boolean interactive = System.console() != null;
        Incoming hello = incoming("/start");
        Optional<Reply> welcome = conversation.handle(hello);
        if (welcome.isPresent() && !out.println(ConsoleRenderer.withChoices(welcome.get())))
            return 0;
        if (!out.println("\n(Type a question, a number to pick a choice, or quit.)")) return 0;
        Optional<Reply> last = Optional.empty();
        while (true) {
            if (interactive && !out.print("\nyou> ")) break;
            String line = in.readLine();
            if (line == null) break;
            String text = line.strip();
            if (text.equalsIgnoreCase("quit")
                    || text.equalsIgnoreCase("exit")
                    || text.equalsIgnoreCase("/quit")) break;
            String command = ChatInput.toCommandText(text, last);
            Optional<Reply> answer = conversation.handle(incoming(command));
            if (answer.isEmpty()) continue;
            Reply reply = answer.get();
            if (!out.println("\n" + ConsoleRenderer.withChoices(reply))) break;
            if (!reply.choices().isEmpty() || reply.feedbackKey().isPresent()) last = answer;
        }
        return 0;
    }

    private static Incoming incoming(String text) {
        return new Incoming(
                Address.direct(Platform.CONSOLE, "console"),
                System.getProperty("user.name", "console"),
                text,
                Rights.OWNER);
    }
}
