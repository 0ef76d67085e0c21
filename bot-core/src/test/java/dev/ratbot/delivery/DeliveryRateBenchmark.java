package dev.ratbot.delivery;

import dev.ratbot.message.MessageSender;
import dev.ratbot.message.Platform;
import dev.ratbot.store.Database;
import dev.ratbot.store.DatabaseSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Daily tips per second against the time a platform takes to answer (a benchmark, not a test). A
 * fake platform ({@link RateLimitedPlatform}) declares and enforces Telegram's 30 messages/s and
 * answers each message after a set latency; the worker runs as {@code serve} runs it (background
 * loop, default settings, the pacer of the sender's limits, real clock, SQLite). For each latency
 * it prints the median sustained rate over the runs (from the 31st tip on, so start-up is not
 * counted), the platform's refusals ("429"), the most messages in its hands at once, and checks
 * that every tip arrived exactly once.
 *
 * <p>Targets (issue 14): at 300 ms at least 28 tips/s, at 1 s at least 25 tips/s, against the
 * budget of 30.
 *
 * <p>Arguments: {@code [tips per run, default 600] [runs, default 3] [latencies in ms, default
 * 0,100,300,1000] [--rounds]}; {@code --rounds} also measures the worker's round-by-round mode
 * (claim, send, wait for every send, record: the loop before the pipeline) with its old 16 sends
 * per round, on 90 tips per run.
 */
public final class DeliveryRateBenchmark {

    public static void main(String[] args) throws Exception {
        List<String> positional = new ArrayList<>(Arrays.asList(args));
        boolean rounds = positional.remove("--rounds");
        int tips = positional.size() > 0 ? Integer.parseInt(positional.get(0)) : 600;
        int runs = positional.size() > 1 ? Integer.parseInt(positional.get(1)) : 3;
        List<Integer> latencies =
                positional.size() > 2
                        ? Arrays.stream(positional.get(2).split(","))
                                .map(String::strip)
                                .map(Integer::parseInt)
                                .toList()
                        : List.of(0, 100, 300, 1000);
        System.out.printf(
                "Delivery rate benchmark: Telegram's budget of 30 messages/s, %d tips per run, %d runs, %s, %d cores%n",
                tips, runs, Runtime.version(), Runtime.getRuntime().availableProcessors());
        System.out.println(
                "mode       latency   median tips/s   runs                       429s  most in flight  gap median/p90 (ms)");
        for (int latency : latencies) {
            report("pipeline", latency, measure(latency, tips, runs, true));
            if (rounds)
                report("rounds", latency, measure(latency, Math.min(tips, 90), runs, false));
        }
    }

    private record Run(
            double perSecond,
            int refused,
            int mostInFlight,
            double medianGapMillis,
            double p90GapMillis) {}

    private static List<Run> measure(int latencyMillis, int tips, int runs, boolean pipeline)
            throws Exception {
        List<Run> out = new ArrayList<>();
        for (int r = 0; r < runs; r++)
            out.add(run(Duration.ofMillis(latencyMillis), tips, pipeline));
        return out;
    }

    private static Run run(Duration latency, int tips, boolean pipeline) throws Exception {
        Path dir = Files.createTempDirectory("ratbot-rate-bench");
        Clock clock = Clock.systemUTC();
        try (Database db =
                Database.open(DatabaseSettings.of("jdbc:sqlite:" + dir.resolve("bench.db")))) {
            insertDue(db, tips, clock.instant().minusSeconds(1));
            new TipScheduler(db, clock, ScheduleSettings.defaults(), TipRig.TIPS).tick();
            RateLimitedPlatform platform = new RateLimitedPlatform(latency, tips);
            List<MessageSender> senders = List.of(platform);
            DeliverySettings settings = DeliverySettings.defaults("bench");
            if (!pipeline) settings = settings.withConcurrency(16);
            DeliveryWorker worker =
                    new DeliveryWorker(
                            db,
                            senders,
                            Pacer.forSenders(senders, clock),
                            new Backoff(
                                    Duration.ofSeconds(1),
                                    Duration.ofSeconds(10),
                                    6,
                                    new SplittableRandom(1)),
                            TipRig.TIPS,
                            clock,
                            settings);
            AtomicBoolean stop = new AtomicBoolean();
            Thread rounds = null;
            if (pipeline) {
                worker.start();
            } else {
                // The background loop as it was before the pipeline: one whole round at a time.
                rounds =
                        Thread.ofPlatform()
                                .start(
                                        () -> {
                                            while (!stop.get()) {
                                                if (worker.runOnce() == 0)
                                                    LockSupport.parkNanos(
                                                            worker.restAfterIdleRound().toNanos());
                                            }
                                        });
            }
            long deadline =
                    System.nanoTime()
                            + Duration.ofSeconds(60).plus(latency.multipliedBy(tips)).toNanos();
            while (platform.acceptedCount() < tips && System.nanoTime() < deadline)
                Thread.sleep(20);
            stop.set(true);
            worker.stop(Duration.ofSeconds(30));
            if (rounds != null) rounds.join();
            check(db, platform, tips);
            long[] gaps = gaps(platform, tips);
            return new Run(
                    sustainedRate(platform, tips),
                    platform.refused(),
                    platform.mostInHand(),
                    gaps[gaps.length / 2] / 1e6,
                    gaps[gaps.length * 9 / 10] / 1e6);
        }
    }

    /**
     * Tips per second from the 31st accepted tip to the last: the steady pace, without the first
     * second's start.
     */
    private static double sustainedRate(RateLimitedPlatform platform, int tips) {
        long[] at = new long[tips];
        for (int i = 0; i < tips; i++) at[i] = platform.acceptedAt(i);
        Arrays.sort(at);
        int from = Math.min(30, tips / 10);
        return (tips - 1 - from) / ((at[tips - 1] - at[from]) / 1e9);
    }

    /**
     * The times between consecutive accepted tips, sorted: the pacer's spacing plus the loop's
     * lateness.
     */
    private static long[] gaps(RateLimitedPlatform platform, int tips) {
        long[] at = new long[tips];
        for (int i = 0; i < tips; i++) at[i] = platform.acceptedAt(i);
        Arrays.sort(at);
        long[] gaps = new long[tips - 1];
        for (int i = 1; i < tips; i++) gaps[i - 1] = at[i] - at[i - 1];
        Arrays.sort(gaps);
        return gaps;
    }

    private static void check(Database db, RateLimitedPlatform platform, int tips) {
        Map<String, Integer> accepted = platform.accepted();
        if (accepted.size() != tips || accepted.values().stream().anyMatch(n -> n != 1)) {
            throw new IllegalStateException(
                    "not every tip arrived exactly once: " + accepted.size() + " chats of " + tips);
        }
        Map<String, Long> statuses =
                db.withConnection(
                        c -> {
                            Map<String, Long> out = new TreeMap<>();
                            try (var st = c.createStatement();
                                    ResultSet rs =
                                            st.executeQuery(
                                                    "SELECT status, COUNT(*) FROM deliveries GROUP BY status")) {
                                while (rs.next()) out.put(rs.getString(1), rs.getLong(2));
                            }
                            return out;
                        });
        if (!statuses.equals(Map.of(DeliveryStatus.SENT.name(), (long) tips)))
            throw new IllegalStateException("statuses " + statuses);
    }

    private static void insertDue(Database db, int n, Instant due) {
        db.withConnection(
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ?)"
                                            + " INSERT INTO subscriptions (platform, chat_id, thread_id, is_group, local_time, zone, status, created_by,"
                                            + " created_at, updated_at, next_due_at) SELECT ?, 'c' || i, '', 0, ?, 'UTC', 'ACTIVE', 'bench', ?, ?, ? FROM seq")) {
                        ps.setInt(1, n);
                        ps.setString(2, Platform.TELEGRAM.name());
                        ps.setString(
                                3,
                                String.format(
                                        "%02d:%02d",
                                        due.atZone(java.time.ZoneOffset.UTC).getHour(),
                                        due.atZone(java.time.ZoneOffset.UTC).getMinute()));
                        ps.setLong(4, due.toEpochMilli());
                        ps.setLong(5, due.toEpochMilli());
                        ps.setLong(6, due.toEpochMilli());
                        return ps.executeUpdate();
                    }
                });
    }

    private static void report(String mode, int latencyMillis, List<Run> runs) {
        List<Double> rates = new ArrayList<>(runs.stream().map(Run::perSecond).toList());
        Collections.sort(rates);
        double median = rates.get(rates.size() / 2);
        Run middle = runs.stream().filter(r -> r.perSecond() == median).findFirst().orElseThrow();
        System.out.printf(
                "%-10s %5d ms   %8.1f        %-26s %4d  %-14d  %.1f / %.1f%n",
                mode,
                latencyMillis,
                median,
                runs.stream().map(r -> String.format("%.1f", r.perSecond())).toList(),
                runs.stream().mapToInt(Run::refused).sum(),
                runs.stream().mapToInt(Run::mostInFlight).max().orElse(0),
                middle.medianGapMillis(),
                middle.p90GapMillis());
    }
}
