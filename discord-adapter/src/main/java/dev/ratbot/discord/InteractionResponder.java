package dev.ratbot.discord;

import dev.ratbot.message.Reply;
import discord4j.core.event.domain.interaction.ComponentInteractionEvent;
import discord4j.core.event.domain.interaction.DeferrableInteractionEvent;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one interaction within Discord's deadline: it waits up to {@code deferAfter} for the
 * core's reply and responds with it; if the reply is slower, it first defers (Discord shows
 * "thinking…") and then edits the deferred response. Extra messages of a long reply go out as
 * follow-ups. Blocks the calling (virtual) thread.
 */
final class InteractionResponder {

    /**
     * What the core said (nothing, for a tap that needs no answer) and where the reply's buttons
     * act.
     */
    record Outcome(Optional<Reply> reply, ButtonTarget target) {
        Outcome(Reply reply, ButtonTarget target) {
            this(Optional.of(reply), target);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(InteractionResponder.class);
    private static final Duration REST_WAIT = Duration.ofSeconds(10);

    /**
     * A deferred interaction token lives 15 minutes; the core answers in milliseconds, so this is
     * generous.
     */
    private static final Duration WORK_LIMIT = Duration.ofMinutes(2);

    private static final Reply FAILED =
            Reply.text(
                    Reply.Kind.ERROR,
                    "Sorry, something went wrong on my side. Please try again in a moment.");
    private static final Reply NOTHING =
            Reply.text(
                    Reply.Kind.ERROR,
                    "There is nothing for me to do with that. /help lists what I can do.");

    private final ReplyRenderer renderer;
    private final ExecutorService workers;
    private final Duration deferAfter;

    InteractionResponder(ReplyRenderer renderer, ExecutorService workers, Duration deferAfter) {
        this.renderer = renderer;
        this.workers = workers;
        this.deferAfter = deferAfter;
    }

    /**
     * Computes the outcome on a worker and responds.
     *
     * @param privateIfDeferred whether a deferred response should be ephemeral (it must be decided
     *     before the reply is known)
     */
    void respond(
            DeferrableInteractionEvent event, boolean privateIfDeferred, Callable<Outcome> work) {
        Future<Outcome> future = workers.submit(work);
        try {
            Optional<Outcome> quick =
                    deferAfter.isZero() ? Optional.empty() : await(future, deferAfter);
            if (quick.isPresent()) {
                respondNow(event, quick.get());
                return;
            }
            event.deferReply().withEphemeral(privateIfDeferred).block(REST_WAIT);
            Outcome outcome =
                    await(future, WORK_LIMIT)
                            .orElseGet(
                                    () -> {
                                        future.cancel(true);
                                        return new Outcome(FAILED, ButtonTarget.HERE);
                                    });
            respondDeferred(event, outcome, privateIfDeferred);
        } catch (RuntimeException e) {
            log.warn(
                    "Discord interaction {} could not be answered: {}",
                    event.getInteraction().getId().asString(),
                    SafeErrors.describe(e));
        }
    }

    /**
     * The outcome if it is ready within {@code wait}; a failure becomes a friendly error; empty
     * when still running.
     */
    private static Optional<Outcome> await(Future<Outcome> future, Duration wait) {
        try {
            return Optional.of(future.get(wait.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException slow) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(new Outcome(FAILED, ButtonTarget.HERE));
        } catch (ExecutionException e) {
            log.error("Discord interaction work failed", e.getCause() == null ? e : e.getCause());
            return Optional.of(new Outcome(FAILED, ButtonTarget.HERE));
        }
    }

    private void respondNow(DeferrableInteractionEvent event, Outcome outcome) {
        if (outcome.reply().isEmpty() && event instanceof ComponentInteractionEvent component) {
            // A tap that needs no answer is acknowledged without a message.
            component.deferEdit().block(REST_WAIT);
            return;
        }
        List<DiscordMessage> messages = messages(outcome);
        event.reply(messages.get(0).asInteractionReply()).block(REST_WAIT);
        for (DiscordMessage extra : messages.subList(1, messages.size()))
            event.createFollowup(extra.asFollowup()).block(REST_WAIT);
    }

    private void respondDeferred(
            DeferrableInteractionEvent event, Outcome outcome, boolean deferredPrivately) {
        List<DiscordMessage> messages = messages(outcome);
        DiscordMessage first = messages.get(0);
        if (first.ephemeral() && !deferredPrivately) {
            // The "thinking…" message is public but the reply is for the user alone: replace it
            // with a private one.
            event.deleteReply().block(REST_WAIT);
            for (DiscordMessage m : messages) event.createFollowup(m.asFollowup()).block(REST_WAIT);
            return;
        }
        event.editReply(first.asReplyEdit()).block(REST_WAIT);
        for (DiscordMessage extra : messages.subList(1, messages.size()))
            event.createFollowup(extra.asFollowup()).block(REST_WAIT);
    }

    private List<DiscordMessage> messages(Outcome outcome) {
        List<DiscordMessage> messages =
                outcome.reply().map(r -> renderer.render(r, outcome.target())).orElse(List.of());
        return messages.isEmpty() ? renderer.render(NOTHING) : messages;
    }
}
