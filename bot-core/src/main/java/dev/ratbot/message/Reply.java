package dev.ratbot.message;

import dev.ratbot.knowledge.Attribution;
import dev.ratbot.knowledge.Block;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the bot says, as a platform-neutral value that adapters render (HTML on Telegram, embeds on
 * Discord, plain text on the console). All text is plain: adapters escape it for their markup.
 * Immutable.
 *
 * <p>Built from a named start and named parts, never positionally: {@code Reply.text(Kind.INFO,
 * "Thanks!")} or {@code Reply.of(Kind.ANSWER,
 * blocks).titled("Handling").credited(attribution).withChoices(related).withFeedbackKey(key)}. "No
 * reply at all" is not a reply: code that may have nothing to say returns {@code Optional<Reply>}.
 */
public final class Reply {

    /** What sort of reply this is, so adapters can choose a presentation. */
    public enum Kind {
        ANSWER,
        NOT_FOUND,
        HEALTH,
        SMALL_TALK,
        TOPICS,
        TIP,
        SETTINGS,
        INFO,
        ERROR
    }

    private final Kind kind;
    private final Optional<String> title;
    private final List<Block> blocks;
    private final Optional<Attribution> attribution;
    private final List<Choice> choices;
    private final Optional<String> feedbackKey;
    private final boolean privateHint;

    private Reply(
            Kind kind,
            Optional<String> title,
            List<Block> blocks,
            Optional<Attribution> attribution,
            List<Choice> choices,
            Optional<String> feedbackKey,
            boolean privateHint) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.title = Objects.requireNonNull(title, "title");
        this.blocks = List.copyOf(blocks);
        this.attribution = Objects.requireNonNull(attribution, "attribution");
        this.choices = List.copyOf(choices);
        this.feedbackKey = Objects.requireNonNull(feedbackKey, "feedbackKey");
        this.privateHint = privateHint;
    }

    /**
     * A reply of {@code blocks} with no title, credit, choices or feedback; private (see {@link
     * #privateHint()}) when it is an error or about settings.
     */
    public static Reply of(Kind kind, List<Block> blocks) {
        return new Reply(
                kind,
                Optional.empty(),
                blocks,
                Optional.empty(),
                List.of(),
                Optional.empty(),
                kind == Kind.ERROR || kind == Kind.SETTINGS);
    }

    /** A reply of plain paragraphs. */
    public static Reply text(Kind kind, String... paragraphs) {
        return of(kind, Arrays.stream(paragraphs).<Block>map(Block.Paragraph::new).toList());
    }

    /** The same reply under a heading, e.g. the section an answer comes from. */
    public Reply titled(String heading) {
        return titled(Optional.of(heading));
    }

    /** The same reply under a heading when there is one. */
    public Reply titled(Optional<String> heading) {
        return new Reply(kind, heading, blocks, attribution, choices, feedbackKey, privateHint);
    }

    /** The same reply crediting a source, as replies quoting a pack do. */
    public Reply credited(Attribution source) {
        return credited(Optional.of(source));
    }

    /** The same reply crediting a source when there is one. */
    public Reply credited(Optional<Attribution> source) {
        return new Reply(kind, title, blocks, source, choices, feedbackKey, privateHint);
    }

    /** The same reply with these follow-up buttons instead of its own. */
    public Reply withChoices(List<Choice> more) {
        return new Reply(kind, title, blocks, attribution, more, feedbackKey, privateHint);
    }

    /** The same reply offering 👍/👎 for the logged answer {@code key}. */
    public Reply withFeedbackKey(String key) {
        return new Reply(kind, title, blocks, attribution, choices, Optional.of(key), privateHint);
    }

    /** The same reply, private to the asking user or not. */
    public Reply withPrivate(boolean isPrivate) {
        return new Reply(kind, title, blocks, attribution, choices, feedbackKey, isPrivate);
    }

    public Kind kind() {
        return kind;
    }

    /** A heading, e.g. the section an answer comes from. */
    public Optional<String> title() {
        return title;
    }

    /** The body: paragraphs and bullet lists. */
    public List<Block> blocks() {
        return blocks;
    }

    /** The source to credit, on replies quoting a pack. */
    public Optional<Attribution> attribution() {
        return attribution;
    }

    /** Follow-up buttons (related topics, topics, times). */
    public List<Choice> choices() {
        return choices;
    }

    /** When present, adapters offer 👍/👎 that send {@code /feedback <key> up|down}. */
    public Optional<String> feedbackKey() {
        return feedbackKey;
    }

    /**
     * True when the reply only concerns the asking user (settings, errors): Discord sends it
     * ephemeral.
     */
    public boolean privateHint() {
        return privateHint;
    }

    /**
     * The reply as plain text (title, body, attribution), as the console shows it and as length
     * checks count it.
     */
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

    @Override
    public boolean equals(Object o) {
        return o instanceof Reply r
                && kind == r.kind
                && title.equals(r.title)
                && blocks.equals(r.blocks)
                && attribution.equals(r.attribution)
                && choices.equals(r.choices)
                && feedbackKey.equals(r.feedbackKey)
                && privateHint == r.privateHint;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, title, blocks, attribution, choices, feedbackKey, privateHint);
    }

    @Override
    public String toString() {
        return "Reply["
                + kind
                + (privateHint ? ", private" : "")
                + title.map(t -> ", " + t).orElse("")
                + ", "
                + blocks.size()
                + " blocks, "
                + choices.size()
                + " choices"
                + feedbackKey.map(k -> ", key " + k).orElse("")
                + "]";
    }
}
