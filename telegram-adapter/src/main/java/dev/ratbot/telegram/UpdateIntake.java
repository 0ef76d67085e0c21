package dev.ratbot.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ratbot.inbox.ChatLanes;
import dev.ratbot.inbox.UpdateInbox;
import dev.ratbot.inbox.UpdateInbox.Arrival;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;

/**
 * Where updates enter, however they arrive: each is recorded in the {@link UpdateInbox} (a
 * redelivered update_id is recognised and dropped) before its arrival is confirmed to Telegram,
 * then queued in its chat's lane, and taken from the inbox just before its first effect. So a crash
 * or a hand-over neither loses an update (the next instance finds it untaken) nor handles one twice
 * (it is taken once); one chat's updates are handled one at a time, in order, and different chats
 * in parallel.
 *
 * <p>Long polling: {@link #acceptPolled} returns once the batch is durable, and only then does the
 * library confirm it with the next poll's offset. Webhook: {@link #acceptPushed} is answered 200
 * for a new or a duplicate update, and busy (503, Telegram retries) only when there is no room and
 * nothing was recorded.
 *
 * <p>Answers never wait for a store that is down: while the inbox cannot be written, updates are
 * handled from memory (duplicates within this process still recognised), with a log line when that
 * starts and when it ends. Only the crash guarantees are lost for that time.
 */
final class UpdateIntake {

    private static final Logger log = LoggerFactory.getLogger(UpdateIntake.class);

    /** How many untaken updates a starting instance picks up at once. */
    private static final int RECOVER_AT_MOST = 10_000;

    private final String stream;
    private final UpdateInbox inbox;
    private final ChatLanes lanes;
    private final UpdateHandler handler;
    private final ObjectMapper json;
    private final String instance;

    /**
     * Update ids seen while the inbox could not be written, to recognise Telegram's redeliveries
     * meanwhile.
     */
    private final java.util.Set<Long> seenWithoutInbox =
            java.util.Collections.newSetFromMap(
                    new java.util.LinkedHashMap<>() {
                        @Override
                        protected boolean removeEldestEntry(
                                java.util.Map.Entry<Long, Boolean> eldest) {
                            return size() > 50_000;
                        }
                    });

    private volatile boolean inboxDown;

    /**
     * Updates taken in while the inbox could not be written and not handled yet: a stop cannot hand
     * these back.
     */
    private final java.util.Set<Long> unrecorded =
            java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * Telegram keeps an update for 24 hours; the inbox remembers ids a day longer to recognise a
     * late redelivery.
     */
    static final java.time.Duration KEEP = java.time.Duration.ofHours(48);

    private static final java.time.Duration PRUNE_EVERY = java.time.Duration.ofHours(1);
    private final java.time.Clock clock;
    private volatile java.time.Instant lastPrune = java.time.Instant.MIN;

    UpdateIntake(
            String stream,
            UpdateInbox inbox,
            ChatLanes lanes,
            UpdateHandler handler,
            ObjectMapper json,
            String instance,
            java.time.Clock clock) {
        this.clock = clock;
        this.stream = stream;
        this.inbox = inbox;
        this.lanes = lanes;
        this.handler = handler;
        this.json = json;
        this.instance = instance;
    }

    /** Queues the updates an earlier instance accepted but never took; returns how many. */
    int recover() throws InterruptedException {
        List<Arrival> left;
        try {
            left = inbox.untaken(stream, RECOVER_AT_MOST);
        } catch (RuntimeException e) {
            log.warn(
                    "cannot read the Telegram updates left from before ({}); the store may be down",
                    Redaction.describe(e));
            return 0;
        }
        for (Arrival a : left) {
            if (!lanes.submitWaiting(a.lane(), () -> handle(a, Optional.empty()))) break;
        }
        if (!left.isEmpty())
            log.info(
                    "picked up {} Telegram updates received before a restart or hand-over",
                    left.size());
        return left.size();
    }

    /** A batch from getUpdates: recorded, then queued (waiting for room). False when stopping. */
    boolean acceptPolled(List<Update> updates) throws InterruptedException {
        List<Arrival> fresh = record(arrivals(updates));
        for (Arrival a : fresh) {
            Update u = find(updates, a.id());
            if (!lanes.submitWaiting(a.lane(), () -> handle(a, Optional.ofNullable(u))))
                return false;
        }
        return true;
    }

    /**
     * One update from the webhook: taken in (or a duplicate of one that was), or busy when there is
     * no room.
     */
    WebhookReceiver.Outcome acceptPushed(Update update) {
        if (lanes.full()) return WebhookReceiver.Outcome.BUSY;
        List<Arrival> fresh = record(arrivals(List.of(update)));
        if (fresh.isEmpty()) {
            log.debug("update {} delivered again; already taken in", update.getUpdateId());
            return WebhookReceiver.Outcome.TAKEN;
        }
        Arrival a = fresh.getFirst();
        if (!lanes.offer(a.lane(), () -> handle(a, Optional.of(update)))) {
            // Recorded but not queued (the lanes filled up or are stopping): the next start picks
            // it up.
            log.warn(
                    "update {} recorded but not queued; it is handled after the next start",
                    update.getUpdateId());
        }
        return WebhookReceiver.Outcome.TAKEN;
    }

    /**
     * Records arrivals in the inbox; when it cannot be written, keeps going from memory. Returns
     * the new ones.
     */
    private List<Arrival> record(List<Arrival> arrivals) {
        try {
            List<Arrival> fresh = inbox.accept(stream, arrivals);
            pruneNowAndThen();
            if (inboxDown) {
                inboxDown = false;
                log.info("Telegram updates are recorded in the store again");
            }
            return fresh;
        } catch (RuntimeException e) {
            if (!inboxDown) {
                inboxDown = true;
                log.error(
                        "cannot record Telegram updates ({}); answering them from memory until the store is back",
                        Redaction.describe(e));
            }
            List<Arrival> fresh = new ArrayList<>();
            synchronized (seenWithoutInbox) {
                for (Arrival a : arrivals) if (seenWithoutInbox.add(a.id())) fresh.add(a);
            }
            for (Arrival a : fresh) unrecorded.add(a.id());
            return fresh;
        }
    }

    private void handle(Arrival arrival, Optional<Update> known) {
        try {
            Update update = known.orElseGet(() -> parse(arrival));
            Claim claim = new Claim(() -> take(arrival.id()));
            if (update != null) handler.handle(update, claim);
            // Updates that had nothing to do are taken too, so that no one picks them up again.
            claim.confirm();
        } finally {
            unrecorded.remove(arrival.id());
        }
    }

    /** Updates known only in memory (taken in while the store was down) and not handled yet. */
    int unrecordedWaiting() {
        return unrecorded.size();
    }

    /**
     * Forgets updates older than {@link #KEEP}, at start and then at most once an hour, on the
     * thread that records.
     */
    void pruneNowAndThen() {
        java.time.Instant now = clock.instant();
        if (java.time.Duration.between(lastPrune, now).compareTo(PRUNE_EVERY) < 0
                && !lastPrune.equals(java.time.Instant.MIN)) return;
        lastPrune = now;
        try {
            int gone = inbox.forgetBefore(now.minus(KEEP));
            if (gone > 0) log.debug("forgot {} Telegram updates older than {}", gone, KEEP);
        } catch (RuntimeException e) {
            log.warn("could not prune old Telegram updates: {}", Redaction.describe(e));
        }
    }

    /**
     * Takes the update; when the store cannot say, it is handled (once in this process: its lane
     * runs it once).
     */
    private boolean take(long id) {
        try {
            return inbox.take(stream, id, instance);
        } catch (RuntimeException e) {
            log.debug("update {} not marked taken: {}", id, Redaction.describe(e));
            return true;
        }
    }

    private Update parse(Arrival arrival) {
        try {
            return json.readValue(arrival.payload(), Update.class);
        } catch (IOException e) {
            log.warn(
                    "recorded update {} cannot be read back: {}",
                    arrival.id(),
                    e.getClass().getSimpleName());
            return null;
        }
    }

    private List<Arrival> arrivals(List<Update> updates) {
        List<Arrival> out = new ArrayList<>(updates.size());
        for (Update u : updates) {
            if (u == null || u.getUpdateId() == null) continue;
            out.add(new Arrival(u.getUpdateId(), lane(u), payload(u)));
        }
        return out;
    }

    private String payload(Update u) {
        try {
            return json.writeValueAsString(u);
        } catch (JsonProcessingException e) {
            return "{}";
        }
    }

    private static Update find(List<Update> updates, long id) {
        for (Update u : updates)
            if (u != null && u.getUpdateId() != null && u.getUpdateId() == id) return u;
        return null;
    }

    /**
     * The conversation an update belongs to: its chat, or for inline queries the user who types.
     */
    static String lane(Update u) {
        if (u.hasMessage() && u.getMessage().getChat() != null)
            return "chat:" + u.getMessage().getChatId();
        if (u.hasEditedMessage() && u.getEditedMessage().getChat() != null)
            return "chat:" + u.getEditedMessage().getChatId();
        if (u.hasCallbackQuery()) {
            MaybeInaccessibleMessage m = u.getCallbackQuery().getMessage();
            if (m != null && m.getChat() != null) return "chat:" + m.getChatId();
            if (u.getCallbackQuery().getFrom() != null)
                return "user:" + u.getCallbackQuery().getFrom().getId();
        }
        if (u.getMyChatMember() != null && u.getMyChatMember().getChat() != null)
            return "chat:" + u.getMyChatMember().getChat().getId();
        if (u.hasInlineQuery() && u.getInlineQuery().getFrom() != null)
            return "inline:" + u.getInlineQuery().getFrom().getId();
        return "other";
    }
}
