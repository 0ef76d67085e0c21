package dev.ratbot.telegram;

import dev.ratbot.knowledge.Block;
import dev.ratbot.message.Choice;
import dev.ratbot.message.Reply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * Turns a platform-neutral {@link Reply} into Telegram HTML messages and an inline keyboard: the
 * title in bold, paragraphs and bullet lists, the attribution in italics, one button per choice and
 * 👍/👎 when the reply carries a feedback key. Every piece of text is escaped; nothing from the
 * guide or the user is ever read as markup.
 */
final class ReplyRenderer {

    /**
     * A rendered reply: the HTML texts to send in order, and the keyboard that goes with the last
     * one.
     */
    record Rendered(List<String> messages, Optional<InlineKeyboardMarkup> keyboard) {
        boolean isEmpty() {
            return messages.isEmpty();
        }
    }

    /** Telegram shows at most 100 buttons under one message. */
    private static final int MAX_BUTTONS = 100;

    /**
     * Labels this short (times, "Yes") share a row; longer ones (section titles) get a row each.
     */
    private static final int SHORT_LABEL = 8;

    private static final int SHORT_PER_ROW = 4;
    private static final int MAX_LABEL = 60;

    /**
     * Shown when a reply has buttons but no text, since Telegram will not send an empty message.
     */
    private static final String CHOOSE = "Choose one:";

    private final HtmlMessageSplitter splitter;

    ReplyRenderer(int maxMessageChars) {
        this.splitter = new HtmlMessageSplitter(maxMessageChars);
    }

    Rendered render(Reply reply) {
        Optional<InlineKeyboardMarkup> keyboard = keyboard(reply);
        List<String> messages = splitter.split(pieces(reply));
        if (messages.isEmpty() && keyboard.isPresent())
            messages = List.of(TelegramHtml.escape(CHOOSE));
        return new Rendered(messages, messages.isEmpty() ? Optional.empty() : keyboard);
    }

    static List<Piece> pieces(Reply reply) {
        List<Piece> pieces = new ArrayList<>();
        reply.title().ifPresent(t -> pieces.add(new Piece(t, Piece.Style.BOLD)));
        for (Block block : reply.blocks()) {
            pieces.add(new Piece(block.plainText(), Piece.Style.PLAIN));
        }
        reply.attribution()
                .ifPresent(a -> pieces.add(new Piece("\u2014 " + a.line(), Piece.Style.ITALIC)));
        return pieces;
    }

    private static Optional<InlineKeyboardMarkup> keyboard(Reply reply) {
        List<InlineKeyboardRow> rows = new ArrayList<>();
        int room = MAX_BUTTONS - (reply.feedbackKey().isPresent() ? 2 : 0);
        List<Choice> choices =
                reply.choices().stream().filter(ReplyRenderer::sendable).limit(room).toList();
        boolean allShort =
                choices.stream().allMatch(c -> c.label().strip().length() <= SHORT_LABEL);
        InlineKeyboardRow row = new InlineKeyboardRow();
        for (Choice choice : choices) {
            row.add(button(choice.label(), choice.data()));
            if (!allShort || row.size() == SHORT_PER_ROW) {
                rows.add(row);
                row = new InlineKeyboardRow();
            }
        }
        if (!row.isEmpty()) rows.add(row);
        reply.feedbackKey()
                .ifPresent(
                        key -> {
                            String up = "/feedback " + key + " up";
                            String down = "/feedback " + key + " down";
                            if (fitsCallback(up) && fitsCallback(down)) {
                                rows.add(
                                        new InlineKeyboardRow(
                                                button("\uD83D\uDC4D", up),
                                                button("\uD83D\uDC4E", down)));
                            }
                        });
        return rows.isEmpty() ? Optional.empty() : Optional.of(new InlineKeyboardMarkup(rows));
    }

    private static boolean sendable(Choice choice) {
        return !choice.label().isBlank() && fitsCallback(choice.data());
    }

    /** Telegram accepts callback data of 1 to 64 bytes. */
    static boolean fitsCallback(String data) {
        int bytes = data.getBytes(StandardCharsets.UTF_8).length;
        return bytes >= 1 && bytes <= Choice.MAX_DATA_BYTES;
    }

    private static InlineKeyboardButton button(String label, String data) {
        return InlineKeyboardButton.builder()
                .text(shorten(label.strip()))
                .callbackData(data)
                .build();
    }

    private static String shorten(String label) {
        if (label.codePointCount(0, label.length()) <= MAX_LABEL) return label;
        int end = label.offsetByCodePoints(0, MAX_LABEL - 1);
        return label.substring(0, end).stripTrailing() + "\u2026";
    }
}
