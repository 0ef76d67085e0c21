package dev.ratbot.tips;

import dev.ratbot.knowledge.Attribution;
import dev.ratbot.knowledge.KnowledgePack;
import dev.ratbot.message.Reply;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The daily tips of a knowledge pack, for the scheduler ({@link TipPicker}: each subscription's own
 * rotation) and the delivery worker ({@link TipMessages}): a tip is sent as a {@link
 * Reply.Kind#TIP} reply titled with its section, with a button that opens the section ({@code
 * /topic <id>}) and the pack's attribution. Immutable.
 */
public final class CatalogueTips implements TipPicker, TipMessages {

    static final String TITLE_PREFIX = "Daily tip \u00B7 ";

    private final TipRotation rotation;
    private final Attribution attribution;

    public CatalogueTips(TipRotation rotation, Attribution attribution) {
        this.rotation = Objects.requireNonNull(rotation, "rotation");
        this.attribution = Objects.requireNonNull(attribution, "attribution");
    }

    /** The tips drawn from {@code pack}, credited to its attribution. */
    public static CatalogueTips from(KnowledgePack pack) {
        return new CatalogueTips(new TipRotation(TipCatalogue.from(pack)), pack.attribution());
    }

    @Override
    public Optional<Pick> next(long subscriptionId, long cycle, Set<String> deliveredThisCycle) {
        return rotation.next(subscriptionId, cycle, deliveredThisCycle)
                .map(n -> new Pick(n.tip().id(), n.cycle()));
    }

    @Override
    public Optional<Reply> forTip(String tipId) {
        return rotation.catalogue().byId(tipId).map(this::reply);
    }

    /**
     * A tip as the message subscribers get: the on-request tip message, titled with its section.
     */
    public Reply reply(Tip tip) {
        return TipMessage.reply(tip, attribution, TITLE_PREFIX + tip.section().title());
    }
}
