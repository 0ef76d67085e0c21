package dev.ratbot.tips;

import dev.ratbot.knowledge.Attribution;
import dev.ratbot.knowledge.Block;
import dev.ratbot.message.Choice;
import dev.ratbot.message.Reply;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * How a tip is shown, on request (/tip) and as the daily tip alike: a reply of kind {@link
 * Reply.Kind#TIP} titled "Bonding tip", the tip's text as one paragraph, the pack's attribution,
 * and one button that opens the tip's section ({@code /topic <section id>}) so the user can read
 * more.
 */
public final class TipMessage {

    public static final String TITLE = "Bonding tip";

    /** Discord's limit for a button label, the stricter of the platforms. */
    static final int MAX_LABEL_CHARS = 80;

    private TipMessage() {}

    /** The reply that shows {@code tip}, crediting {@code attribution}. */
    public static Reply reply(Tip tip, Attribution attribution) {
        return reply(tip, attribution, TITLE);
    }

    /** The same under another title, e.g. the daily tip's "Daily tip · <section>". */
    public static Reply reply(Tip tip, Attribution attribution, String title) {
        Objects.requireNonNull(tip, "tip");
        Objects.requireNonNull(attribution, "attribution");
        return Reply.of(Reply.Kind.TIP, List.of(new Block.Paragraph(tip.text())))
                .titled(title)
                .credited(attribution)
                .withChoices(moreOn(tip));
    }

    /** What /tip says when the pack has no tips at all. */
    public static Reply noTips() {
        return Reply.text(
                Reply.Kind.INFO, "This knowledge pack has no tips yet. Ask me a question instead!");
    }

    private static List<Choice> moreOn(Tip tip) {
        String data = "/topic " + tip.section().id();
        // A section id too long for a button payload loses the button, never the tip.
        if (tip.section().id().isBlank()
                || data.getBytes(StandardCharsets.UTF_8).length > Choice.MAX_DATA_BYTES) {
            return List.of();
        }
        String label = "More: " + tip.section().title();
        if (label.length() > MAX_LABEL_CHARS)
            label = label.substring(0, MAX_LABEL_CHARS - 1).stripTrailing() + "\u2026";
        return List.of(new Choice(label, data));
    }
}
