package dev.ratbot.app.ops;

import dev.ratbot.fault.Bugs;
import dev.ratbot.message.Platform;
import dev.ratbot.message.SendResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Ratbot's meters, in Prometheus names:
 *
 * <ul>
 *   <li>{@code ratbot_questions_total{platform,answered}} and {@code
 *       ratbot_questions_answered_ratio} (since start);
 *   <li>{@code ratbot_answer_latency_seconds}: time the engine took per question;
 *   <li>{@code ratbot_feedback_total{helpful}}: 👍/👎 ratings;
 *   <li>{@code ratbot_tips_sent_total{platform}}: daily tips the platform accepted;
 *   <li>{@code ratbot_delivery_failures_total{platform,reason}}: reason retry_after, transient,
 *       permanent, moved or error;
 *   <li>{@code ratbot_delivery_retry_after_seconds{platform}}: how long platforms asked us to wait;
 *   <li>{@code ratbot_delivery_send_seconds{platform}}: time per send;
 *   <li>{@code ratbot_delivery_queue_depth}: tips due and not yet sent, as the store counts them;
 *   <li>{@code ratbot_questions_recorded_total} and {@code ratbot_questions_dropped_total{reason}}:
 *       questions written to the store, and those given up (reason queue_full, refused or stopped);
 *       {@code ratbot_questions_queued}: asked and not yet written;
 *   <li>{@code ratbot_store_degraded}: 1 while the store is unreachable, full or failing, else 0;
 *   <li>{@code ratbot_info{instance_id}}: always 1; plus the JVM's own meters.
 * </ul>
 *
 * Thread-safe.
 */
public final class RatbotMetrics {

    private static final Duration[] LATENCY_BUCKETS = {
        Duration.ofNanos(200_000),
        Duration.ofMillis(1),
        Duration.ofMillis(2),
        Duration.ofMillis(5),
        Duration.ofMillis(20),
        Duration.ofMillis(100),
        Duration.ofSeconds(1)
    };

    private final PrometheusMeterRegistry registry;
    private final Timer answerLatency;
    private final AtomicLong questions = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();

    public RatbotMetrics(String instanceId) {
        this(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), instanceId);
    }

    RatbotMetrics(PrometheusMeterRegistry registry, String instanceId) {
        this.registry = registry;
        this.answerLatency =
                Timer.builder("ratbot.answer.latency")
                        .description("Time the answer engine took for one question")
                        .serviceLevelObjectives(LATENCY_BUCKETS)
                        .register(registry);
        Gauge.builder("ratbot.questions.answered.ratio", this, m -> m.answeredShare())
                .description("Share of questions answered from the pack since start")
                .register(registry);
        Gauge.builder("ratbot.info", () -> 1)
                .tag("instance_id", instanceId)
                .description("This instance")
                .register(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        @SuppressWarnings("resource") // lives as long as the registry, i.e. the process
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** One question the engine handled, by platform. */
    public void question(Platform platform, boolean wasAnswered) {
        questions.incrementAndGet();
        if (wasAnswered) answered.incrementAndGet();
        Counter.builder("ratbot.questions")
                .description("Questions asked")
                .tag("platform", tag(platform))
                .tag("answered", String.valueOf(wasAnswered))
                .register(registry)
                .increment();
    }

    void answerLatency(long nanos) {
        answerLatency.record(Duration.ofNanos(nanos));
    }

    void feedback(boolean helpful) {
        Counter.builder("ratbot.feedback")
                .description("Answer ratings")
                .tag("helpful", String.valueOf(helpful))
                .register(registry)
                .increment();
    }

    /** The outcome of one unsolicited send (a daily tip) and how long it took. */
    public void delivery(Platform platform, SendResult result, long nanos) {
        String p = tag(platform);
        Timer.builder("ratbot.delivery.send")
                .description("Time per send to a platform")
                .tag("platform", p)
                .register(registry)
                .record(Duration.ofNanos(nanos));
        switch (result) {
            case SendResult.Delivered d ->
                    Counter.builder("ratbot.tips.sent")
                            .description("Daily tips delivered")
                            .tag("platform", p)
                            .register(registry)
                            .increment();
            case SendResult.RetryAfter r -> {
                failure(p, "retry_after");
                DistributionSummary.builder("ratbot.delivery.retry.after")
                        .baseUnit("seconds")
                        .description("Waits a platform asked for")
                        .tag("platform", p)
                        .register(registry)
                        .record(r.after().toMillis() / 1000.0);
            }
            case SendResult.Transient t -> failure(p, "transient");
            case SendResult.Permanent t -> failure(p, "permanent");
            case SendResult.Refused t -> failure(p, "refused");
            case SendResult.Moved m -> failure(p, "moved");
        }
    }

    /** Logs each bug an edge caught with its stack trace and counts it by edge. */
    public Bugs bugs() {
        return Bugs.logged()
                .andThen(
                        (edge, bug) ->
                                Counter.builder("ratbot.bugs")
                                        .description(
                                                "Exceptions caught at an edge (conversation, platform event loop): bugs to fix")
                                        .tag("edge", edge)
                                        .register(registry)
                                        .increment());
    }

    /**
     * Counts Telegram replies given up, messages turned away by flood control, and bugs the update
     * loop caught.
     */
    public dev.ratbot.telegram.TelegramEvents telegramEvents() {
        return new dev.ratbot.telegram.TelegramEvents() {
            @Override
            public void replyNotDelivered(String reason) {
                Counter.builder("ratbot.replies.failed")
                        .description("Replies to people that were not delivered, by reason")
                        .tag("platform", "telegram")
                        .tag("reason", reason)
                        .register(registry)
                        .increment();
            }

            @Override
            public void floodLimited(boolean warned) {
                Counter.builder("ratbot.flood.limited")
                        .description("Messages turned away by per-user flood control")
                        .tag("platform", "telegram")
                        .tag("warned", String.valueOf(warned))
                        .register(registry)
                        .increment();
            }

            @Override
            public Bugs bugs() {
                return RatbotMetrics.this.bugs();
            }
        };
    }

    /** Counts questions written to the store and those dropped, by reason. */
    public dev.ratbot.feedback.QueuedAnswerLog.Events questionRecording() {
        Counter recorded =
                Counter.builder("ratbot.questions.recorded")
                        .description("Questions written to the store")
                        .register(registry);
        return new dev.ratbot.feedback.QueuedAnswerLog.Events() {
            @Override
            public void recorded(int n) {
                recorded.increment(n);
            }

            @Override
            public void dropped(int n, dev.ratbot.feedback.QueuedAnswerLog.DropReason reason) {
                Counter.builder("ratbot.questions.dropped")
                        .description("Questions answered but not recorded, by reason")
                        .tag("reason", reason.name().toLowerCase(Locale.ROOT))
                        .register(registry)
                        .increment(n);
            }
        };
    }

    /**
     * Reports the questions waiting to be written and whether the store is degraded; read at each
     * scrape.
     */
    public void store(
            Supplier<Number> queuedQuestions, java.util.function.BooleanSupplier degraded) {
        Gauge.builder("ratbot.questions.queued", queuedQuestions)
                .description("Questions asked and not yet written to the store")
                .register(registry);
        Gauge.builder("ratbot.store.degraded", () -> degraded.getAsBoolean() ? 1 : 0)
                .description("1 while the store is unreachable, full or failing")
                .register(registry);
    }

    /** A send that threw instead of returning a result. */
    public void deliveryError(Platform platform) {
        failure(tag(platform), "error");
    }

    /**
     * Reports the number of tips due and not yet sent; called at each scrape, so it should be
     * cheap.
     */
    public void queueDepth(Supplier<Number> depth) {
        Gauge.builder("ratbot.delivery.queue.depth", depth)
                .description("Daily tips due and not yet sent")
                .register(registry);
    }

    private void failure(String platform, String reason) {
        Counter.builder("ratbot.delivery.failures")
                .description("Sends that did not deliver, by reason")
                .tag("platform", platform)
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    private double answeredShare() {
        long total = questions.get();
        return total == 0 ? Double.NaN : (double) answered.get() / total;
    }

    private static String tag(Platform platform) {
        return platform.name().toLowerCase(Locale.ROOT);
    }
}
