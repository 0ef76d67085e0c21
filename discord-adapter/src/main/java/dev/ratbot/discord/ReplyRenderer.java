package dev.ratbot.discord;

import dev.ratbot.knowledge.Block;
import dev.ratbot.message.Choice;
import dev.ratbot.message.Reply;
import discord4j.core.object.component.ActionComponent;
import discord4j.core.object.component.ActionRow;
import discord4j.core.object.component.Button;
import discord4j.core.object.component.TopLevelMessageComponent;
import discord4j.core.object.emoji.Emoji;
import discord4j.core.spec.EmbedCreateFields;
import discord4j.core.spec.EmbedCreateSpec;
import discord4j.rest.util.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a core {@link Reply} as Discord messages: answers, tips, topics and help as embeds
 * (section title, text, attribution footer), settings and errors as plain content; related topics
 * and 👍/👎 as buttons on the last message. Long replies become several messages; every message is
 * within Discord's limits. A reply of kind NONE renders as no message.
 */
final class ReplyRenderer {

    static final int MAX_CONTENT = 2000;
    static final int MAX_TITLE = 256;
    static final int MAX_DESCRIPTION = 4096;

    /**
     * Footers may be 2048; keeping them to 1024 lets any one embed fit the 6000 total with a full
     * description.
     */
    static final int MAX_FOOTER = 1024;

    static final int MAX_EMBED_TOTAL = 6000;
    static final int MAX_EMBEDS_PER_MESSAGE = 10;
    static final int MAX_BUTTON_LABEL = 80;
    static final int BUTTONS_PER_ROW = 5;

    /**
     * An answer offers at most three related topics; other replies (topic lists) up to four full
     * rows.
     */
    static final int MAX_ANSWER_CHOICES = 3;

    static final int MAX_CHOICES = 4 * BUTTONS_PER_ROW;

    private static final Color RATBOT_BROWN = Color.of(0x8B5E3C);

    List<DiscordMessage> render(Reply reply) {
        return render(reply, ButtonTarget.HERE);
    }

    /**
     * Renders a reply whose choice buttons act on {@code target} (feedback buttons act on the
     * answer itself).
     */
    List<DiscordMessage> render(Reply reply, ButtonTarget target) {
        if (reply == null) return List.of();
        List<TopLevelMessageComponent> rows = buttons(reply, target);
        List<DiscordMessage> messages =
                asContent(reply.kind()) || isShortNote(reply)
                        ? contentMessages(reply, rows)
                        : embedMessages(reply, rows);
        return messages;
    }

    /** A one-line note ("You're welcome!") reads better as plain content than as an embed. */
    private static boolean isShortNote(Reply reply) {
        return reply.kind() == Reply.Kind.INFO
                && reply.title().isEmpty()
                && reply.choices().isEmpty()
                && reply.blocks().size() == 1
                && reply.plainText().length() <= 80;
    }

    private static boolean asContent(Reply.Kind kind) {
        return kind == Reply.Kind.SETTINGS || kind == Reply.Kind.ERROR;
    }

    private static List<DiscordMessage> contentMessages(
            Reply reply, List<TopLevelMessageComponent> rows) {
        StringBuilder text = new StringBuilder();
        reply.title()
                .ifPresent(
                        t ->
                                text.append("**")
                                        .append(DiscordText.escape(t.strip()))
                                        .append("**\n"));
        text.append(body(reply));
        reply.attribution()
                .ifPresent(a -> text.append("\n\n\u2014 ").append(DiscordText.escape(a.line())));
        List<String> pieces = DiscordText.split(text.toString(), MAX_CONTENT);
        if (pieces.isEmpty()) pieces = List.of("\u2026");
        List<DiscordMessage> messages = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            boolean last = i == pieces.size() - 1;
            messages.add(
                    new DiscordMessage(
                            pieces.get(i),
                            List.of(),
                            last ? rows : List.of(),
                            reply.privateHint()));
        }
        return messages;
    }

    private static List<DiscordMessage> embedMessages(
            Reply reply, List<TopLevelMessageComponent> rows) {
        String title =
                reply.title()
                        .map(t -> DiscordText.cut(DiscordText.escape(t.strip()), MAX_TITLE))
                        .orElse("");
        String footer =
                reply.attribution().map(a -> DiscordText.cut(a.line(), MAX_FOOTER)).orElse("");
        List<String> pieces = DiscordText.split(body(reply), MAX_DESCRIPTION);

        List<EmbedCreateSpec> embeds = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        int count = Math.max(1, pieces.size());
        for (int i = 0; i < count; i++) {
            EmbedCreateSpec.Builder embed = EmbedCreateSpec.builder().color(RATBOT_BROWN);
            int size = 0;
            if (i == 0 && !title.isEmpty()) {
                embed.title(title);
                size += title.length();
            }
            if (i < pieces.size()) {
                embed.description(pieces.get(i));
                size += pieces.get(i).length();
            }
            if (i == count - 1 && !footer.isEmpty()) {
                embed.footer(EmbedCreateFields.Footer.of(footer, null));
                size += footer.length();
            }
            if (size == 0) embed.description("\u2026");
            embeds.add(embed.build());
            sizes.add(Math.max(size, 1));
        }

        List<DiscordMessage> messages = new ArrayList<>();
        List<EmbedCreateSpec> current = new ArrayList<>();
        int total = 0;
        for (int i = 0; i < embeds.size(); i++) {
            if (!current.isEmpty()
                    && (current.size() == MAX_EMBEDS_PER_MESSAGE
                            || total + sizes.get(i) > MAX_EMBED_TOTAL)) {
                messages.add(new DiscordMessage("", current, List.of(), reply.privateHint()));
                current = new ArrayList<>();
                total = 0;
            }
            current.add(embeds.get(i));
            total += sizes.get(i);
        }
        messages.add(new DiscordMessage("", current, rows, reply.privateHint()));
        return messages;
    }

    /**
     * The reply's blocks as escaped markdown: paragraphs separated by blank lines, lists as "•
     * item" lines.
     */
    private static String body(Reply reply) {
        StringBuilder out = new StringBuilder();
        for (Block block : reply.blocks()) {
            if (!out.isEmpty()) out.append("\n\n");
            switch (block) {
                case Block.Paragraph p -> out.append(DiscordText.escape(p.text().strip()));
                case Block.BulletList list -> {
                    StringBuilder lines =
                            new StringBuilder(DiscordText.escape(list.leadIn().strip()));
                    for (String item : list.items()) {
                        if (!lines.isEmpty()) lines.append('\n');
                        lines.append("\u2022 ").append(DiscordText.escape(item.strip()));
                    }
                    out.append(lines);
                }
            }
        }
        return out.toString();
    }

    private static List<TopLevelMessageComponent> buttons(Reply reply, ButtonTarget target) {
        int max = reply.kind() == Reply.Kind.ANSWER ? MAX_ANSWER_CHOICES : MAX_CHOICES;
        // Discord rejects a message whose buttons share a custom id.
        Map<String, Choice> unique = new LinkedHashMap<>();
        for (Choice choice : reply.choices()) {
            if (unique.size() == max) break;
            unique.putIfAbsent(choice.data(), choice);
        }
        List<TopLevelMessageComponent> rows = new ArrayList<>();
        List<ActionComponent> row = new ArrayList<>();
        for (Choice choice : unique.values()) {
            if (choice.data().isEmpty()) continue;
            row.add(
                    Button.secondary(
                            ButtonTarget.customId(target, choice.data()),
                            DiscordText.cut(choice.label().strip(), MAX_BUTTON_LABEL)));
            if (row.size() == BUTTONS_PER_ROW) {
                rows.add(ActionRow.of(row));
                row = new ArrayList<>();
            }
        }
        if (!row.isEmpty()) rows.add(ActionRow.of(row));
        reply.feedbackKey()
                .ifPresent(
                        key ->
                                rows.add(
                                        ActionRow.of(
                                                Button.secondary(
                                                        feedbackData(key, true),
                                                        Emoji.unicode("\uD83D\uDC4D")),
                                                Button.secondary(
                                                        feedbackData(key, false),
                                                        Emoji.unicode("\uD83D\uDC4E")))));
        return rows;
    }

    static String feedbackData(String key, boolean helpful) {
        return "/feedback " + key + (helpful ? " up" : " down");
    }
}
