package dev.ratbot.delivery;

import dev.ratbot.conversation.Choice;
import dev.ratbot.conversation.Reply;
import dev.ratbot.knowledge.Attribution;
import dev.ratbot.knowledge.Block;
import dev.ratbot.knowledge.KnowledgePack;
import dev.ratbot.schedule.TipPicker;
import dev.ratbot.tips.Tip;
import dev.ratbot.tips.TipCatalogue;
import dev.ratbot.tips.TipRotation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The daily tips of a knowledge pack, for the scheduler ({@link TipPicker}: each subscription's own rotation) and
 * the delivery worker ({@link TipMessages}): a tip is sent as a {@link Reply.Kind#TIP} reply titled with its
 * section, with a button that opens the section ({@code /topic <id>}) and the pack's attribution. Immutable.
 */
public final class CatalogueTips implements TipPicker, TipMessages {

    static final String TITLE_PREFIX = "Daily tip \u00B7 ";
    private static final int MAX_LABEL = 60;

    private final TipRotation rotation;
    private final Optional<Attribution> attribution;

    public CatalogueTips(TipRotation rotation, Optional<Attribution> attribution) {
        this.rotation = Objects.requireNonNull(rotation, "rotation");
        this.attribution = Objects.requireNonNull(attribution, "attribution");
    }

    /** The tips drawn from {@code pack}, credited to its attribution. */
    public static CatalogueTips from(KnowledgePack pack) {
        return new CatalogueTips(new TipRotation(TipCatalogue.from(pack)), Optional.of(pack.attribution()));
    }

    @Override
    public Optional<Pick> next(long subscriptionId, long cycle, Set<String> deliveredThisCycle) {
        return rotation.next(subscriptionId, cycle, deliveredThisCycle).map(n -> new Pick(n.tip().id(), n.cycle()));
    }

    @Override
    public Optional<Reply> forTip(String tipId) {
        return rotation.catalogue().byId(tipId).map(this::reply);
    }

    /** A tip as the message subscribers get. */
    public Reply reply(Tip tip) {
        String section = tip.section().title();
        String data = "/topic " + tip.section().id();
        List<Choice> more = section.isBlank() || data.getBytes(StandardCharsets.UTF_8).length > Choice.MAX_DATA_BYTES
                ? List.of()
                : List.of(new Choice(label("More: " + section), data));
        return new Reply(Reply.Kind.TIP, Optional.of(TITLE_PREFIX + section), List.of(new Block.Paragraph(tip.text())),
                attribution, more, Optional.empty(), false);
    }

    private static String label(String s) {
        if (s.length() <= MAX_LABEL) return s;
        int end = MAX_LABEL - 1;
        if (Character.isHighSurrogate(s.charAt(end - 1))) end--;
        return s.substring(0, end) + "\u2026";
    }
}
