package dev.ratbot.telegram;

import dev.ratbot.conversation.Command;
import dev.ratbot.conversation.Conversation;
import dev.ratbot.conversation.Incoming;
import dev.ratbot.conversation.Rights;
import dev.ratbot.delivery.Pacer;
import dev.ratbot.inbox.FloodControl;
import dev.ratbot.message.Address;
import dev.ratbot.message.Choice;
import dev.ratbot.message.Platform;
import dev.ratbot.message.Reply;
import dev.ratbot.message.SendResult;
import dev.ratbot.subscription.Subscription;
import dev.ratbot.subscription.SubscriptionStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.AnswerInlineQuery;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;
import org.telegram.telegrambots.meta.api.objects.inlinequery.InlineQuery;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResult;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResultsButton;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Handles one update, however it arrived (long polling or webhook): messages go to the conversation
 * and its reply back to the chat, button taps are acknowledged and answered, inline queries get
 * articles. Never throws; the user's text is never logged.
 *
 * <p>Replies wait for their turn under the same {@link Pacer} as daily tips (about one a second per
 * chat, 20 a minute per group), queued in the chat's lane, never dropped for being many. A 429
 * answer pauses that chat only and the reply is sent again after the wait, up to {@link
 * #MAX_RETRY_WAIT} in all; past that it is given up with a log line and an event. A user past the
 * flood limit gets one "slow down" and is ignored until the window passes. Nothing is sent unless
 * the update's {@link Claim} is confirmed first.
 */
final class UpdateHandler {

    private static final Logger log = LoggerFactory.getLogger(UpdateHandler.class);

    /** Telegram shows at most 200 characters in a callback answer. */
    private static final int MAX_CALLBACK_TEXT = 200;

    /** How long Telegram may cache inline results for the same query, in seconds. */
    private static final int INLINE_CACHE_SECONDS = 300;

    /** The longest a reply waits out rate-limit answers (429) in all before it is given up. */
    static final Duration MAX_RETRY_WAIT = Duration.ofMinutes(2);

    /** How often a reply is tried at most. */
    static final int MAX_ATTEMPTS = 4;

    static final String CHAT_WITH_THE_BOT = "Chat with the bot";
    static final String MY_LOCATION = "\uD83D\uDCCD My location";
    static final String LOCATION_DATA = "/location";
    static final String SEND_LOCATION = "\uD83D\uDCCD Send my location";
    static final String LOCATION_PROMPT =
            "Tap \"Send my location\" below and I'll set your time zone from it. "
                    + "Only the zone is kept, never the location.";
    static final String NO_ZONE_THERE =
            "I couldn't find a time zone for that place. Tap a zone above, or send e.g. /subscribe 08:00 Europe/London.";
    static final String SLOW_DOWN =
            "You're sending messages faster than I can answer them. Please wait a minute, then ask again.";

    private final TelegramClient client;
    private final Conversation conversation;
    private final ReplyDelivery delivery;
    private final InlineAnswers inline;
    private final GroupMessageRules rules;
    private final Sleeper sleeper;
    private final Pacer pacer;
    private final FloodControl flood;
    private final TelegramEvents events;
    private final Optional<ChatMembership> membership;
    private final AnsweredQuestions answered;
    private final Optional<SubscriptionStore> subscriptions;
    private final ZoneLookup zones;

    UpdateHandler(
            TelegramClient client,
            Conversation conversation,
            ReplyDelivery delivery,
            InlineAnswers inline,
            BotIdentity bot,
            Sleeper sleeper,
            Pacer pacer,
            FloodControl flood,
            TelegramEvents events,
            Optional<SubscriptionStore> subscriptions,
            ZoneLookup zones) {
        this.subscriptions = subscriptions;
        this.zones = zones;
        this.membership = subscriptions.map(ChatMembership::new);
        this.answered = new AnsweredQuestions(pacer.clock());
        this.sleeper = sleeper;
        this.pacer = pacer;
        this.flood = flood;
        this.events = events;
        this.client = client;
        this.conversation = conversation;
        this.delivery = delivery;
        this.inline = inline;
        this.rules = new GroupMessageRules(bot);
    }

    void handle(Update update, Claim claim) {
        try {
            if (update.hasMessage()) onMessage(update.getMessage(), claim);
            else if (update.hasEditedMessage()) onEdited(update.getEditedMessage(), claim);
            else if (update.hasCallbackQuery()) onButton(update.getCallbackQuery(), claim);
            else if (update.hasInlineQuery()) onInlineQuery(update.getInlineQuery(), claim);
            else if (update.getMyChatMember() != null)
                onMembership(update.getMyChatMember(), claim);
        } catch (RuntimeException e) {
            // The adapter's event loop is an edge: the bug is reported once and the next update is
            // handled.
            events.bugs().caught("telegram", e);
        }
    }

    private void onMembership(ChatMemberUpdated change, Claim claim) {
        if (membership.isEmpty() || change.getChat() == null) return;
        Optional<Reply> offer = membership.get().changed(change);
        if (offer.isPresent())
            reply(ChatMembership.addressOf(change.getChat()), offer, Optional.empty(), claim);
    }

    private void onMessage(Message message, Claim claim) {
        if (membership.isPresent() && membership.get().migrated(message)) return;
        if (message.getLocation() != null) {
            onLocation(message, claim);
            return;
        }
        if (message.getText() == null || message.getChat() == null || message.getFrom() == null)
            return;
        Chat chat = message.getChat();
        // An anonymous administrator writes as the group itself (sender_chat), from Telegram's
        // helper bot account.
        Chat sender = message.getSenderChat();
        boolean anonymousAdmin =
                sender != null && chat.getId() != null && chat.getId().equals(sender.getId());
        // Other bots are never answered, so two bots cannot keep each other talking.
        if (Boolean.TRUE.equals(message.getFrom().getIsBot()) && !anonymousAdmin) return;
        boolean group = GroupMessageRules.isGroupChat(chat);
        if (!group && !GroupMessageRules.isPrivateChat(chat)) return;
        Address address = address(chat, message);
        String userId = Long.toString(message.getFrom().getId());
        if (!group) {
            Command command = rules.inPrivate(message.getText());
            if (command instanceof Command.Empty) return;
            if (!mayGoOn(address, userId, Optional.empty(), claim)) return;
            Optional<Reply> answer =
                    conversation
                            .handle(
                                    new Incoming(address, userId, message.getText(), Rights.OWNER),
                                    command)
                            .map(
                                    r ->
                                            withZoneChoices(
                                                    command,
                                                    r,
                                                    address,
                                                    message.getFrom().getLanguageCode()));
            List<Integer> sent = reply(address, answer, Optional.empty(), claim, Optional.empty());
            answered.remember(address.chatId(), message.getMessageId(), sent);
            return;
        }
        Optional<GroupMessageRules.ForBot> forBot = rules.inGroup(message);
        if (forBot.isEmpty()) return;
        if (!mayGoOn(address, userId, Optional.of(message.getMessageId()), claim)) return;
        Rights rights =
                new ChatAdminRights(
                        client, address.chatId(), message.getFrom().getId(), anonymousAdmin);
        Incoming in = new Incoming(address, userId, forBot.get().text(), rights);
        Optional<Reply> answer =
                conversation
                        .handle(in, forBot.get().command())
                        .map(
                                r ->
                                        withZoneChoices(
                                                forBot.get().command(),
                                                r,
                                                address,
                                                message.getFrom().getLanguageCode()));
        reply(address, answer, Optional.of(message.getMessageId()), claim);
    }

    /** True for a successful /subscribe that named no zone: the reply then offers zones. */
    private static boolean offersZones(Command command, Reply reply) {
        return command instanceof Command.Subscribe s
                && s.zone().isEmpty()
                && reply.kind() == Reply.Kind.SETTINGS;
    }

    /**
     * After a /subscribe without a zone: a button per common zone of the user's language, keeping
     * the chosen time.
     */
    private Reply withZoneChoices(
            Command command, Reply reply, Address address, String languageCode) {
        if (!offersZones(command, reply) || subscriptions.isEmpty()) return reply;
        Optional<Subscription> saved = subscriptions.get().find(address);
        if (saved.isEmpty()) return reply;
        String time =
                String.format(
                        "%02d:%02d",
                        saved.get().localTime().getHour(), saved.get().localTime().getMinute());
        List<Choice> choices = new java.util.ArrayList<>(reply.choices());
        for (String zone : ZoneChoices.forLanguage(languageCode)) {
            if (!zone.equals(saved.get().zone().getId()))
                choices.add(new Choice(ZoneChoices.label(zone), "/subscribe " + time + " " + zone));
        }
        // Telegram asks for a location only in private chats.
        if (!address.group() && zones.available())
            choices.add(new Choice(MY_LOCATION, LOCATION_DATA));
        return reply.withChoices(choices);
    }

    /**
     * After the "My location" button: a reply keyboard whose button shares the user's location
     * (private chats only).
     */
    private void offerLocation(Address address, Claim claim) {
        try {
            awaitTurn(address);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (!claim.confirm()) return;
        ReplyKeyboardMarkup keyboard =
                ReplyKeyboardMarkup.builder()
                        .keyboardRow(
                                new KeyboardRow(
                                        List.of(
                                                KeyboardButton.builder()
                                                        .text(SEND_LOCATION)
                                                        .requestLocation(true)
                                                        .build())))
                        .resizeKeyboard(true)
                        .oneTimeKeyboard(true)
                        .build();
        SendResult result =
                delivery.sendWithKeyboard(address, TelegramHtml.escape(LOCATION_PROMPT), keyboard)
                        .result();
        if (!(result instanceof SendResult.Delivered))
            log.warn("location button not sent: {}", result);
    }

    /**
     * A shared location in a private chat sets the subscription's zone; the location itself is not
     * kept.
     */
    private void onLocation(Message message, Claim claim) {
        if (message.getChat() == null
                || message.getFrom() == null
                || !GroupMessageRules.isPrivateChat(message.getChat())) return;
        Address address = address(message.getChat(), message);
        String userId = Long.toString(message.getFrom().getId());
        if (!mayGoOn(address, userId, Optional.empty(), claim)) return;
        Optional<java.time.ZoneId> zone =
                zones.zoneAt(
                        message.getLocation().getLatitude(), message.getLocation().getLongitude());
        Optional<Reply> answer =
                zone.isEmpty()
                        ? Optional.of(Reply.text(Reply.Kind.ERROR, NO_ZONE_THERE))
                        : conversation.handle(
                                new Incoming(
                                        address,
                                        userId,
                                        "/subscribe " + zone.get().getId(),
                                        Rights.OWNER),
                                new Command.Subscribe(
                                        Optional.empty(), Optional.of(zone.get().getId())));
        reply(address, answer, Optional.empty(), claim);
    }

    /**
     * A question edited in a private chat: answered again, by editing the earlier answer in place
     * while Telegram allows it (48 hours), else with a new answer. Edits in groups are left alone.
     */
    private void onEdited(Message message, Claim claim) {
        if (message.getText() == null || message.getChat() == null || message.getFrom() == null)
            return;
        if (Boolean.TRUE.equals(message.getFrom().getIsBot())
                || !GroupMessageRules.isPrivateChat(message.getChat())) return;
        Address address = address(message.getChat(), message);
        String userId = Long.toString(message.getFrom().getId());
        Command command = rules.inPrivate(message.getText());
        if (command instanceof Command.Empty) return;
        if (!mayGoOn(address, userId, Optional.empty(), claim)) return;
        Optional<List<Integer>> earlier =
                answered.answerTo(address.chatId(), message.getMessageId());
        Optional<Reply> answer =
                conversation.handle(
                        new Incoming(address, userId, message.getText(), Rights.OWNER), command);
        List<Integer> sent = reply(address, answer, Optional.empty(), claim, earlier);
        answered.remember(address.chatId(), message.getMessageId(), sent);
    }

    /**
     * Flood control: false when the message is not to be handled (the one warning has been sent, if
     * due).
     */
    private boolean mayGoOn(
            Address address, String userId, Optional<Integer> replyTo, Claim claim) {
        FloodControl.Verdict verdict = flood.check(address.chatId(), userId);
        switch (verdict) {
            case PASS -> {
                return true;
            }
            case WARN -> {
                events.floodLimited(true);
                reply(address, Optional.of(Reply.text(Reply.Kind.INFO, SLOW_DOWN)), replyTo, claim);
                return false;
            }
            case IGNORE -> {
                events.floodLimited(false);
                return false;
            }
        }
        return false;
    }

    private void onButton(CallbackQuery query, Claim claim) {
        boolean acknowledged = false;
        try {
            MaybeInaccessibleMessage message = query.getMessage();
            if (query.getData() == null
                    || message == null
                    || message.getChat() == null
                    || query.getFrom() == null) return;
            Chat chat = message.getChat();
            boolean group = GroupMessageRules.isGroupChat(chat);
            Address address = address(chat, message instanceof Message m ? m : null);
            String userId = Long.toString(query.getFrom().getId());
            Rights rights =
                    group
                            ? new ChatAdminRights(
                                    client, address.chatId(), query.getFrom().getId(), false)
                            : Rights.OWNER;
            Incoming in = new Incoming(address, userId, query.getData(), rights);
            if (query.getData().equals(LOCATION_DATA) && !group) {
                acknowledge(query, Optional.empty(), claim);
                acknowledged = true;
                if (zones.available() && mayGoOn(address, userId, Optional.empty(), claim))
                    offerLocation(address, claim);
                return;
            }
            Command command = rules.ofButton(query.getData());
            if (command instanceof Command.Feedback) {
                // A rating needs no new message in the chat: the thanks shows as a short notice on
                // the tapper's screen.
                Optional<String> thanks = conversation.handle(in, command).map(Reply::plainText);
                acknowledge(query, thanks, claim);
                acknowledged = true;
                return;
            }
            // Acknowledge first so the button stops spinning while the answer is found and sent.
            acknowledge(query, Optional.empty(), claim);
            acknowledged = true;
            if (!mayGoOn(address, userId, Optional.empty(), claim)) return;
            reply(address, conversation.handle(in, command), Optional.empty(), claim);
        } finally {
            if (!acknowledged) acknowledge(query, Optional.empty(), claim);
        }
    }

    private void onInlineQuery(InlineQuery query, Claim claim) {
        String text = query.getQuery() == null ? "" : query.getQuery();
        AnswerInlineQuery.AnswerInlineQueryBuilder<?, ?> answer =
                AnswerInlineQuery.builder().inlineQueryId(query.getId());
        if (text.isBlank() && query.getFrom() != null) {
            // Nothing typed yet: today's tip, and a way into a private chat with the bot.
            String userId = Long.toString(query.getFrom().getId());
            Address self = Address.direct(Platform.TELEGRAM, userId);
            List<InlineQueryResult> tip =
                    conversation
                            .handle(
                                    new Incoming(self, userId, "/tip", Rights.OWNER),
                                    new Command.Tip())
                            .map(inline::tip)
                            .orElse(List.of());
            answer.results(tip)
                    .cacheTime(INLINE_CACHE_SECONDS)
                    .isPersonal(true)
                    .button(
                            InlineQueryResultsButton.builder()
                                    .text(CHAT_WITH_THE_BOT)
                                    .startParameter("inline")
                                    .build());
        } else {
            answer.results(inline.articles(text)).cacheTime(INLINE_CACHE_SECONDS).isPersonal(false);
        }
        if (!claim.confirm()) return;
        try {
            client.execute(new ResultIgnoringCall<>(answer.build()));
        } catch (TelegramApiException e) {
            log.warn("inline query not answered: {}", Redaction.describe(e));
        }
    }

    private void acknowledge(CallbackQuery query, Optional<String> text, Claim claim) {
        if (!claim.confirm()) return;
        try {
            AnswerCallbackQuery.AnswerCallbackQueryBuilder<?, ?> answer =
                    AnswerCallbackQuery.builder().callbackQueryId(query.getId());
            text.map(String::strip)
                    .filter(t -> !t.isEmpty())
                    .map(UpdateHandler::notice)
                    .ifPresent(answer::text);
            client.execute(new ResultIgnoringCall<>(answer.build()));
        } catch (TelegramApiException | RuntimeException e) {
            log.warn("button tap not acknowledged: {}", Redaction.describe(e));
        }
    }

    private void reply(
            Address address, Optional<Reply> reply, Optional<Integer> replyTo, Claim claim) {
        reply(address, reply, replyTo, claim, Optional.empty());
    }

    /**
     * Sends a reply (or edits {@code replacing}, the messages of an earlier answer) when the chat's
     * turn comes, waiting out rate limits within bounds. Returns the ids of the messages it went
     * out as; empty when it did not.
     */
    private List<Integer> reply(
            Address address,
            Optional<Reply> maybe,
            Optional<Integer> replyTo,
            Claim claim,
            Optional<List<Integer>> replacing) {
        if (maybe.isEmpty()) return List.of();
        Reply reply = maybe.get();
        Duration waitedOut = Duration.ZERO;
        for (int attempt = 1; ; attempt++) {
            try {
                awaitTurn(address);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            }
            if (!claim.confirm()) return List.of();
            ReplyDelivery.Outcome outcome =
                    replacing.isPresent()
                            ? delivery.edit(address, replacing.get(), reply)
                            : delivery.deliverTracked(address, reply, replyTo);
            SendResult result = outcome.result();
            if (result instanceof SendResult.RetryAfter wait) {
                // This chat only: other chats, and other instances' tips to other chats, carry on.
                pacer.pause(address, wait.after());
                waitedOut = waitedOut.plus(wait.after());
                if (attempt < MAX_ATTEMPTS && waitedOut.compareTo(MAX_RETRY_WAIT) <= 0) continue;
                log.warn(
                        "reply to a {} chat given up after {} attempts and {} s of rate limits",
                        address.group() ? "group" : "private",
                        attempt,
                        waitedOut.toSeconds());
                events.replyNotDelivered("retry_after");
                return List.of();
            }
            if (!(result instanceof SendResult.Delivered)) {
                log.warn(
                        "reply to a {} chat not delivered: {}",
                        address.group() ? "group" : "private",
                        result);
                events.replyNotDelivered(
                        result instanceof SendResult.Refused ? "refused" : "failed");
                return List.of();
            }
            return outcome.messageIds();
        }
    }

    /**
     * Waits until the pacer lets this chat have its next message (its per-chat and per-group
     * limits, the platform's).
     */
    private void awaitTurn(Address address) throws InterruptedException {
        try {
            for (Optional<Duration> wait = pacer.tryAcquire(address);
                    wait.isPresent();
                    wait = pacer.tryAcquire(address)) {
                sleeper.sleep(wait.get());
            }
        } catch (RuntimeException e) {
            // The shared budget lives in the store: a reply does not wait for a store that is down.
            long now = System.nanoTime();
            if (now - lastPacingComplaint > 60_000_000_000L) {
                lastPacingComplaint = now;
                log.warn(
                        "replies go out unpaced: the send budget cannot be read ({})",
                        Redaction.describe(e));
            }
        }
    }

    private volatile long lastPacingComplaint = System.nanoTime() - 120_000_000_000L;

    /**
     * Where a message came from; a forum topic's thread id only when the message really is in a
     * topic.
     */
    private static Address address(Chat chat, Message message) {
        Optional<String> thread =
                message != null
                                && Boolean.TRUE.equals(message.getIsTopicMessage())
                                && message.getMessageThreadId() != null
                        ? Optional.of(Integer.toString(message.getMessageThreadId()))
                        : Optional.empty();
        return new Address(
                Platform.TELEGRAM,
                Long.toString(chat.getId()),
                thread,
                Optional.empty(),
                GroupMessageRules.isGroupChat(chat));
    }

    private static String notice(String text) {
        if (text.length() <= MAX_CALLBACK_TEXT) return text;
        int end = MAX_CALLBACK_TEXT - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) end--;
        return text.substring(0, end) + "\u2026";
    }
}
