package dev.ratbot.conversation;

import dev.ratbot.knowledge.Attribution;
import dev.ratbot.knowledge.Block;
import java.util.List;
import java.util.Optional;

/**
 * What the bot says, as a platform-neutral value that adapters render (HTML on Telegram, embeds on Discord,
 * plain text on the console). All text is plain: adapters escape it for their markup.
 *
 * @param kind        what sort of reply this is, so adapters can choose a presentation
 * @param title       a heading, e.g. the section an answer comes from
 * @param blocks      the body: paragraphs and bullet lists
 * @param attribution the source to credit, on replies quoting a pack
 * @param choices     follow-up buttons (related topics, topics, times)
 * @param feedbackKey when present, adapters offer 👍/👎 that send {@code /feedback <key> up|down}
 * @param privateHint true when the reply only concerns the asking user (settings, errors): Discord sends it ephemeral
 */
public record Reply(
        Kind kind,
        Optional<String> title,
        List<Block> blocks,
        Optional<Attribution> attribution,
        List<Choice> choices,
        Optional<String> feedbackKey,
        boolean privateHint) {

    public enum Kind { ANSWER, NOT_FOUND, HEALTH, SMALL_TALK, TOPICS, TIP, SETTINGS, INFO, ERROR, NONE }

    public Reply {
        title = title == null ? Optional.empty() : title;
        blocks = List.copyOf(blocks);
        attribution = attribution == null ? Optional.empty() : attribution;
        choices = List.copyOf(choices);
        feedbackKey = feedbackKey == null ? Optional.empty() : feedbackKey;
    }

    /** A reply of plain paragraphs. */
    public static Reply text(Kind kind, String... paragraphs) {
        return new Reply(kind, Optional.empty(), java.util.Arrays.stream(paragraphs).<Block>map(Block.Paragraph::new).toList(),
                Optional.empty(), List.of(), Optional.empty(), kind == Kind.ERROR || kind == Kind.SETTINGS);
    }

    /** The reply to input that needs none (e.g. group chatter): adapters send nothing. */
    public static Reply none() {
        return new Reply(Kind.NONE, Optional.empty(), List.of(), Optional.empty(), List.of(), Optional.empty(), false);
    }

    public boolean isNone() {
        return kind == Kind.NONE;
    }

    public Reply withPrivate(boolean isPrivate) {
        return new Reply(kind, title, blocks, attribution, choices, feedbackKey, isPrivate);
    }

    public Reply withChoices(List<Choice> more) {
        return new Reply(kind, title, blocks, attribution, more, feedbackKey, privateHint);
    }

    /** The reply as plain text (title, body, attribution), as the console shows it and as length checks count it. */
    public String plainText() {
        StringBuilder out = new StringBuilder();
        title.ifPresent(t -> out.append(t).append("\n\n"));
        for (int i = 0; i < blocks.size(); i++) {
            if (i > 0) out.append("\n\n");
            out.append(blocks.get(i).plainText());
        }
        attribution.ifPresent(a -> out.append("\n\n\u2014 ").append(a.line()));
        return out.toString();
    }
}
