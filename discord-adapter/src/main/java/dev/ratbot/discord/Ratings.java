package dev.ratbot.discord;

import dev.ratbot.feedback.AnswerLog;
import dev.ratbot.message.Reply;
import discord4j.core.event.domain.interaction.ButtonInteractionEvent;
import discord4j.core.object.component.ActionComponent;
import discord4j.core.object.component.ActionRow;
import discord4j.core.object.component.Button;
import discord4j.core.object.component.MessageComponent;
import discord4j.core.object.component.TopLevelMessageComponent;
import discord4j.core.object.emoji.Emoji;
import discord4j.core.spec.InteractionApplicationCommandCallbackSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 👍/👎 on an answer: one rating per member per answer (a later click changes it), and the buttons
 * show the counts, updated in place on the message, so a server sees how an answer was received and
 * nobody can stuff it.
 */
final class Ratings {

    static final String UP = "\uD83D\uDC4D", DOWN = "\uD83D\uDC4E";
    private static final Duration REST_WAIT = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(Ratings.class);
    static final Reply TOO_OLD =
            Reply.text(
                            Reply.Kind.INFO,
                            "Thanks! That answer is too old to rate now, but keep the feedback coming.")
                    .withPrivate(true);

    private final AnswerLog answers;
    private final ReplyRenderer renderer;

    Ratings(AnswerLog answers, ReplyRenderer renderer) {
        this.answers = answers;
        this.renderer = renderer;
    }

    /** Whether a tapped button's data is a rating, "/feedback KEY up|down". */
    static boolean isRating(String data) {
        String[] parts = data == null ? new String[0] : data.split(" ");
        return parts.length == 3
                && parts[0].equals("/feedback")
                && (parts[2].equals("up") || parts[2].equals("down"));
    }

    void onRate(ButtonInteractionEvent event, String data) {
        String[] parts = data.split(" ");
        String key = parts[1];
        boolean helpful = parts[2].equals("up");
        try {
            Optional<AnswerLog.Tally> tally =
                    answers.rate(key, event.getInteraction().getUser().getId().asString(), helpful);
            var message = event.getMessage();
            if (tally.isEmpty() || message.isEmpty()) {
                event.reply(
                                renderer.render(
                                                tally.isEmpty()
                                                        ? TOO_OLD
                                                        : Reply.text(
                                                                        Reply.Kind.INFO,
                                                                        "Thanks for the feedback!")
                                                                .withPrivate(true))
                                        .get(0)
                                        .asInteractionReply())
                        .block(REST_WAIT);
                return;
            }
            List<TopLevelMessageComponent> rows =
                    withCounts(message.get().getComponents(), key, tally.get());
            event.edit(InteractionApplicationCommandCallbackSpec.builder().components(rows).build())
                    .block(REST_WAIT);
        } catch (RuntimeException e) {
            log.warn("Discord: rating an answer failed: {}", SafeErrors.describe(e));
        }
    }

    /**
     * The message's rows with this answer's 👍/👎 showing their counts; every other component as it
     * was.
     */
    static List<TopLevelMessageComponent> withCounts(
            List<TopLevelMessageComponent> rows, String key, AnswerLog.Tally tally) {
        List<TopLevelMessageComponent> out = new ArrayList<>();
        for (TopLevelMessageComponent row : rows) {
            if (!(row instanceof ActionRow actionRow)) {
                out.add(row);
                continue;
            }
            List<ActionComponent> buttons = new ArrayList<>();
            for (MessageComponent c : actionRow.getChildren()) {
                if (!(c instanceof ActionComponent action)) continue;
                String id =
                        action instanceof Button b && b.getCustomId() != null
                                ? b.getCustomId()
                                : "";
                if (id.equals(ReplyRenderer.feedbackData(key, true)))
                    buttons.add(button(id, UP, tally.up()));
                else if (id.equals(ReplyRenderer.feedbackData(key, false)))
                    buttons.add(button(id, DOWN, tally.down()));
                else buttons.add(action);
            }
            out.add(ActionRow.of(buttons));
        }
        return out;
    }

    static Button button(String customId, String emoji, long count) {
        return count > 0
                ? Button.secondary(customId, Emoji.unicode(emoji), Long.toString(count))
                : Button.secondary(customId, Emoji.unicode(emoji));
    }
}
