package dev.ratbot.conversation;

import dev.ratbot.answer.AnswerEngine;
import dev.ratbot.feedback.AnswerLog;
import dev.ratbot.store.StoreException;
import dev.ratbot.store.StoreHealth;
import dev.ratbot.subscription.SubscriptionDefaults;
import dev.ratbot.subscription.SubscriptionStore;
import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's side of a chat, shared by every platform: turns one {@link Incoming} message into one {@link Reply}.
 * Thread-safe. Never throws: any unexpected failure becomes a friendly error reply, and the cause is logged
 * without the user's text.
 */
public final class Conversation {

    private static final Logger log = LoggerFactory.getLogger(Conversation.class);

    private final CommandParser parser = new CommandParser("");
    private final AnswerReplies answers;
    private final SubscriptionReplies subscriptions;
    private final TipReplies tips;

    /** A conversation whose new subscriptions default to 09:00 UTC. */
    public Conversation(AnswerEngine engine, TipSource tipSource, SubscriptionStore store, AnswerLog answerLog, Clock clock) {
        this(engine, tipSource, store, answerLog, clock, SubscriptionDefaults.STANDARD);
    }

    public Conversation(AnswerEngine engine, TipSource tipSource, SubscriptionStore store, AnswerLog answerLog, Clock clock,
                        SubscriptionDefaults defaults) {
        Objects.requireNonNull(engine, "engine");
        this.answers = new AnswerReplies(engine, answerLog);
        this.subscriptions = new SubscriptionReplies(store, clock, defaults);
        this.tips = new TipReplies(tipSource);
    }

    /** Parses the message text (commands addressed to any bot are accepted) and handles it. */
    public Reply handle(Incoming in) {
        return handle(in, parser.parse(in.text()));
    }

    /** Handles an already parsed command, e.g. when an adapter parsed it with its own bot name. */
    public Reply handle(Incoming in, Command command) {
        try {
            return dispatch(in, command);
        } catch (StoreException e) {
            if (StoreHealth.classify(e).isEmpty()) return failed(in, command, e);
            // The store's health logs an outage once; a line per message would flood the log.
            log.debug("could not handle {} from {}: the store is unavailable ({})", command.getClass().getSimpleName(),
                    in.address().platform(), e.toString());
            return storeUnavailable();
        } catch (RuntimeException e) {
            return failed(in, command, e);
        }
    }

    private static Reply failed(Incoming in, Command command, RuntimeException e) {
        // One line per event; the trace only when debugging, so logs stay greppable.
        log.error("could not handle {} from {}: {}", command.getClass().getSimpleName(), in.address().platform(), e.toString());
        log.debug("trace of the failure above", e);
        return Reply.text(Reply.Kind.ERROR, "Sorry, something went wrong on my side. Please try again in a moment.");
    }

    /** The store is down or full: the user learns it is not their fault, and that questions still work. */
    static Reply storeUnavailable() {
        return Reply.text(Reply.Kind.ERROR, "Sorry, I can't reach my records just now, so I couldn't do that. Questions still work;"
                + " please try this again in a few minutes.");
    }

    /**
     * Answers one question (already parsed) and returns the engine's answer with the reply, for callers that need the
     * score or section as well (the {@code ask --json} command, inline queries).
     */
    public AnsweredQuestion ask(dev.ratbot.platform.Platform platform, String question) {
        return answers.ask(platform, question);
    }

    private Reply dispatch(Incoming in, Command command) {
        return switch (command) {
            case Command.Start s -> HelpText.welcome(in.address());
            case Command.Help h -> HelpText.help(in.address());
            case Command.Ask ask -> answers.answer(in.address().platform(), ask.question());
            case Command.Topics t -> answers.topics();
            case Command.Topic t -> answers.topic(t.sectionId());
            case Command.Tip t -> tips.tipNow(in.address());
            case Command.Subscribe s -> subscriptions.subscribe(in, s);
            case Command.Unsubscribe u -> subscriptions.unsubscribe(in);
            case Command.Pause p -> subscriptions.pause(in, true);
            case Command.Resume r -> subscriptions.pause(in, false);
            case Command.Settings s -> subscriptions.settings(in);
            case Command.Feedback f -> answers.feedback(f);
            case Command.Unknown u -> HelpText.unknown(u.name(), in.address());
            case Command.Empty e -> Reply.none();
        };
    }
}
