package dev.ratbot.conversation;

import dev.ratbot.answer.AnswerEngine;
import dev.ratbot.fault.Bugs;
import dev.ratbot.feedback.AnswerLog;
import dev.ratbot.message.Reply;
import dev.ratbot.store.StoreException;
import dev.ratbot.store.StoreHealth;
import dev.ratbot.subscription.SubscriptionDefaults;
import dev.ratbot.subscription.SubscriptionStore;
import dev.ratbot.tips.TipMessage;
import dev.ratbot.tips.TipSource;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's side of a chat, shared by every platform: turns one {@link Incoming} message into one
 * {@link Reply}. Thread-safe. The conversation is an edge: an exception from inside (the engine, a
 * store) is a bug, reported to {@link Bugs} (logged with its stack once, counted; rethrown in
 * tests), and the person gets a friendly error reply. The user's text is never logged.
 */
public final class Conversation {

    private static final Logger log = LoggerFactory.getLogger(Conversation.class);

    private final CommandParser parser = new CommandParser("");
    private final AnswerReplies answers;
    private final SubscriptionReplies subscriptions;
    private final TipSource tips;
    private final Bugs bugs;

    /** A conversation whose new subscriptions default to 09:00 UTC. */
    public Conversation(
            AnswerEngine engine,
            TipSource tipSource,
            SubscriptionStore store,
            AnswerLog answerLog,
            Clock clock) {
        this(engine, tipSource, store, answerLog, clock, SubscriptionDefaults.STANDARD);
    }

    /** A conversation that logs the bugs it catches. */
    public Conversation(
            AnswerEngine engine,
            TipSource tipSource,
            SubscriptionStore store,
            AnswerLog answerLog,
            Clock clock,
            SubscriptionDefaults defaults) {
        this(engine, tipSource, store, answerLog, clock, defaults, Bugs.logged());
    }

    /**
     * @param bugs where the exceptions caught here go: logged and counted when serving, rethrown in
     *     tests
     */
    public Conversation(
            AnswerEngine engine,
            TipSource tipSource,
            SubscriptionStore store,
            AnswerLog answerLog,
            Clock clock,
            SubscriptionDefaults defaults,
            Bugs bugs) {
        Objects.requireNonNull(engine, "engine");
        this.bugs = Objects.requireNonNull(bugs, "bugs");
        this.answers = new AnswerReplies(engine, answerLog);
        this.subscriptions = new SubscriptionReplies(store, clock, defaults);
        this.tips = Objects.requireNonNull(tipSource, "tipSource");
    }

    /**
     * Parses the message text (commands addressed to any bot are accepted) and handles it; empty
     * when there is nothing to answer (no text, or only whitespace and control characters).
     */
    public Optional<Reply> handle(Incoming in) {
        return handle(in, parser.parse(in.text()));
    }

    /**
     * Handles an already parsed command, e.g. when an adapter parsed it with its own bot name;
     * empty for {@link Command.Empty}, which needs no answer.
     */
    public Optional<Reply> handle(Incoming in, Command command) {
        if (command instanceof Command.Empty) return Optional.empty();
        try {
            return Optional.of(dispatch(in, command));
        } catch (StoreException e) {
            if (StoreHealth.classify(e).isEmpty()) return Optional.of(failed(e));
            // The store's health logs an outage once; a line per message would flood the log.
            log.debug(
                    "could not handle {} from {}: the store is unavailable ({})",
                    command.getClass().getSimpleName(),
                    in.address().platform(),
                    e.toString());
            return Optional.of(storeUnavailable());
        } catch (RuntimeException e) {
            return Optional.of(failed(e));
        }
    }

    /**
     * A bug: reported (logged once with its stack, counted), and the person gets an apology, not
     * silence.
     */
    private Reply failed(RuntimeException e) {
        bugs.caught("conversation", e);
        return Reply.text(
                Reply.Kind.ERROR,
                "Sorry, something went wrong on my side. Please try again in a moment.");
    }

    /**
     * The store is down or full: the user learns it is not their fault, and that questions still
     * work.
     */
    static Reply storeUnavailable() {
        return Reply.text(
                Reply.Kind.ERROR,
                "Sorry, I can't reach my records just now, so I couldn't do that. Questions still work;"
                        + " please try this again in a few minutes.");
    }

    /**
     * Answers one question (already parsed) and returns the engine's answer with the reply, for
     * callers that need the score or section as well (the {@code ask --json} command, inline
     * queries).
     */
    public AnsweredQuestion ask(dev.ratbot.message.Platform platform, String question) {
        return answers.ask(platform, question);
    }

    private Reply dispatch(Incoming in, Command command) {
        return switch (command) {
            case Command.Start s -> HelpText.welcome(in.address());
            case Command.Help h -> HelpText.help(in.address());
            case Command.Ask ask -> answers.answer(in.address().platform(), ask.question());
            case Command.Topics t -> answers.topics();
            case Command.Topic t -> answers.topic(t.sectionId());
            case Command.Tip t -> tips.tipFor(in.address()).orElseGet(TipMessage::noTips);
            case Command.Subscribe s -> subscriptions.subscribe(in, s);
            case Command.Unsubscribe u -> subscriptions.unsubscribe(in);
            case Command.Pause p -> subscriptions.pause(in, true);
            case Command.Resume r -> subscriptions.pause(in, false);
            case Command.Settings s -> subscriptions.settings(in);
            case Command.Feedback f -> answers.feedback(f);
            case Command.Unknown u -> HelpText.unknown(u.name(), in.address());
            case Command.Empty e ->
                    throw new IllegalArgumentException("an empty command has no reply");
        };
    }
}
