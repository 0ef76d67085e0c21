package dev.ratbot.app.serve;

import dev.ratbot.app.config.StartupException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a platform, or keeps trying. A platform that cannot be reached at start (the network, the
 * platform down) is not a configuration mistake: it is tried again in the background, after {@link
 * #FIRST_RETRY} and then twice as long each time up to {@link #LONGEST_RETRY}, and {@link
 * #problem()} says so for readiness meanwhile. One that refuses (the token, the settings) stops the
 * start with a {@link StartupException}, the configuration exit code; refused later, on a retry, it
 * is logged and left not ready. Retries are logged at most once a minute.
 */
final class PlatformStarter implements AutoCloseable {

    /** One try at starting: returns when started, throws when not. */
    @FunctionalInterface
    interface Attempt {
        void run();
    }

    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration LONGEST_RETRY = Duration.ofMinutes(1);
    private static final Duration REPORT_EVERY = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(PlatformStarter.class);

    private final String platform;
    private final Attempt attempt;
    private final Predicate<RuntimeException> unreachable;
    private final Duration firstRetry;
    private final Duration longestRetry;
    private final ScheduledExecutorService timer;
    private volatile Optional<String> problem = Optional.of("not started yet");
    private int attempts;
    private Duration next;
    private long lastReport;
    private volatile boolean cancelled;

    /**
     * @param platform "Telegram" or "Discord", for logs and readiness
     * @param unreachable whether a failure is worth trying again (else it is a refusal)
     */
    PlatformStarter(String platform, Attempt attempt, Predicate<RuntimeException> unreachable) {
        this(platform, attempt, unreachable, FIRST_RETRY, LONGEST_RETRY);
    }

    PlatformStarter(
            String platform,
            Attempt attempt,
            Predicate<RuntimeException> unreachable,
            Duration firstRetry,
            Duration longestRetry) {
        this.platform = Objects.requireNonNull(platform, "platform");
        this.attempt = Objects.requireNonNull(attempt, "attempt");
        this.unreachable = Objects.requireNonNull(unreachable, "unreachable");
        this.firstRetry = firstRetry;
        this.longestRetry = longestRetry;
        this.timer =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t =
                                    new Thread(
                                            r,
                                            "start-" + platform.toLowerCase(java.util.Locale.ROOT));
                            t.setDaemon(true);
                            return t;
                        });
    }

    /**
     * The first try, on the caller's thread: returns when started or when retrying in the
     * background.
     *
     * @throws StartupException when the platform refused
     */
    synchronized void start() {
        cancelled = false;
        attempts = 0;
        next = firstRetry;
        try {
            tryOnce();
        } catch (RuntimeException e) {
            if (!unreachable.test(e)) {
                problem = Optional.of(oneLine(e));
                throw e instanceof StartupException s ? s : new StartupException(oneLine(e), e);
            }
            log.warn(
                    "{} cannot be reached at start, trying again in {} s, then up to every {} s; not ready meanwhile: {}",
                    platform,
                    next.toSeconds(),
                    longestRetry.toSeconds(),
                    oneLine(e));
            lastReport = System.nanoTime();
            retryLater(e);
        }
    }

    /** Why the platform is not started: empty once it is. */
    Optional<String> problem() {
        return problem;
    }

    /**
     * Stops retrying; an attempt under way finishes first. Idempotent; {@link #start()} may follow.
     */
    synchronized void cancel() {
        cancelled = true;
        problem = Optional.of("not started");
    }

    /**
     * Stops retrying at once, interrupting an attempt under way (shutting down must not wait for a
     * slow platform).
     */
    @Override
    public void close() {
        cancelled = true;
        timer.shutdownNow();
    }

    private void tryOnce() {
        attempts++;
        attempt.run();
        problem = Optional.empty();
    }

    private void retryLater(RuntimeException why) {
        problem =
                Optional.of(
                        "not started, trying again in " + next.toSeconds() + " s: " + oneLine(why));
        Duration wait = next;
        next =
                next.multipliedBy(2).compareTo(longestRetry) > 0
                        ? longestRetry
                        : next.multipliedBy(2);
        var unused = timer.schedule(this::retry, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void retry() {
        if (cancelled) return;
        try {
            tryOnce();
            log.info("{} reached and started after {} attempts", platform, attempts);
        } catch (RuntimeException e) {
            if (!unreachable.test(e)) {
                problem = Optional.of(oneLine(e));
                log.error(
                        "{} refused to start; fix the setting and restart: {}",
                        platform,
                        oneLine(e));
                return;
            }
            if (System.nanoTime() - lastReport >= REPORT_EVERY.toNanos()) {
                lastReport = System.nanoTime();
                log.warn(
                        "{} still cannot be reached after {} attempts, trying again: {}",
                        platform,
                        attempts,
                        oneLine(e));
            }
            retryLater(e);
        }
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
