package dev.ratbot.telegram;

import dev.ratbot.conversation.Command;
import dev.ratbot.conversation.CommandParser;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Decides which messages are for the bot. In a private chat, every text is. In a group, only
 * commands (a command addressed to another bot, {@code /ask@otherbot}, is not, nor an unknown bare
 * command that is probably another bot's), messages that mention the bot (the mention is removed)
 * and replies to the bot's own messages; the rest is chatter between people and is ignored.
 */
final class GroupMessageRules {

    private final BotIdentity bot;
    private final CommandParser parser;
    private final Pattern mention;
    private final Pattern explicitCommand;

    GroupMessageRules(BotIdentity bot) {
        this.bot = bot;
        this.parser = new CommandParser(bot.username());
        String name = Pattern.quote(bot.username());
        this.mention =
                bot.username().isEmpty()
                        ? null
                        : Pattern.compile(
                                "(?<![A-Za-z0-9_@])@" + name + "(?![A-Za-z0-9_])",
                                Pattern.CASE_INSENSITIVE);
        this.explicitCommand =
                bot.username().isEmpty()
                        ? null
                        : Pattern.compile(
                                "^\\s*/[A-Za-z0-9_]*@" + name + "(?![A-Za-z0-9_])",
                                Pattern.CASE_INSENSITIVE);
    }

    /**
     * What a private-chat text means. A deep link's {@code /start} payload is a command of its own:
     * {@code t.me/<bot>?start=subscribe} subscribes, {@code ?start=topic-<section id>} opens that
     * section.
     */
    Command inPrivate(String text) {
        Command command = parser.parse(text);
        if (command instanceof Command.Start) return deepLink(text).orElse(command);
        return command;
    }

    private static final Pattern START_PAYLOAD =
            Pattern.compile("^\\s*/start(?:@[A-Za-z0-9_]+)?\\s+([A-Za-z0-9_-]{1,64})\\s*$");

    static Optional<Command> deepLink(String text) {
        var m = START_PAYLOAD.matcher(text);
        if (!m.find()) return Optional.empty();
        String payload = m.group(1);
        if (payload.equals("subscribe"))
            return Optional.of(new Command.Subscribe(Optional.empty(), Optional.empty()));
        if (payload.startsWith("topic-") && payload.length() > 6)
            return Optional.of(new Command.Topic(payload.substring(6)));
        return Optional.empty();
    }

    /** What a callback's data means (our own buttons' command text). */
    Command ofButton(String data) {
        return parser.parse(data);
    }

    /**
     * The command a group message carries for the bot, with the text handed on; empty when it is
     * not for the bot.
     */
    Optional<ForBot> inGroup(Message message) {
        String text = message.getText();
        if (text.stripLeading().startsWith("/")) {
            Command command = parser.parse(text);
            if (command instanceof Command.Empty) return Optional.empty();
            if (command instanceof Command.Unknown && !isExplicit(text)) return Optional.empty();
            return Optional.of(new ForBot(text, command));
        }
        if (mention != null && mention.matcher(text).find()) {
            String rest = mention.matcher(text).replaceAll(" ").strip();
            if (rest.isEmpty()) return Optional.of(new ForBot("/help", new Command.Help()));
            return Optional.of(new ForBot(rest, parser.parse(rest)));
        }
        if (isReplyToBot(message)) {
            Command command = parser.parse(text);
            return command instanceof Command.Empty
                    ? Optional.empty()
                    : Optional.of(new ForBot(text, command));
        }
        return Optional.empty();
    }

    /**
     * A message for the bot: the text as the conversation sees it and the command parsed with our
     * bot name.
     */
    record ForBot(String text, Command command) {}

    private boolean isExplicit(String text) {
        return explicitCommand != null && explicitCommand.matcher(text).find();
    }

    private boolean isReplyToBot(Message message) {
        Message replied = message.getReplyToMessage();
        if (replied == null || replied.getForumTopicCreated() != null) return false;
        User author = replied.getFrom();
        return author != null && author.getId() != null && author.getId() == bot.id();
    }

    static boolean isGroupChat(Chat chat) {
        String type = chat.getType() == null ? "" : chat.getType().toLowerCase(Locale.ROOT);
        // The type is always sent; should a server leave it out, group ids are the negative ones.
        if (type.isEmpty()) return chat.getId() != null && chat.getId() < 0;
        return type.equals("group") || type.equals("supergroup");
    }

    static boolean isPrivateChat(Chat chat) {
        String type = chat.getType() == null ? "" : chat.getType().toLowerCase(Locale.ROOT);
        if (type.isEmpty()) return chat.getId() != null && chat.getId() > 0;
        return type.equals("private");
    }
}
