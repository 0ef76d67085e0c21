package dev.ratbot.delivery;

import dev.ratbot.message.Address;
import dev.ratbot.message.Platform;
import dev.ratbot.message.PlatformLimits;
import dev.ratbot.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The cost of asking the pacer, per call: with Telegram's limits on a settable clock (every chat
 * distinct, the clock moved on by each wait) and unpaced on the system clock. Prints calls per
 * second.
 */
public final class PacerBenchmark {

    public static void main(String[] args) {
        int calls = 2_000_000;
        MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
        Pacer paced =
                new Pacer(
                        Map.of(
                                Platform.TELEGRAM,
                                new PlatformLimits(4096, 30, Duration.ofSeconds(1), 20)),
                        clock);
        Pacer unpaced = Pacer.unpaced(Clock.systemUTC());
        for (int round = 0; round < 6; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                paced.tryAcquire(Address.group(Platform.TELEGRAM, Integer.toString(i)))
                        .ifPresent(clock::advance);
            }
            double pacedRate = calls / ((System.nanoTime() - start) / 1e9);
            start = System.nanoTime();
            for (int i = 0; i < calls; i++)
                unpaced.tryAcquire(Address.direct(Platform.TELEGRAM, Integer.toString(i)));
            double unpacedRate = calls / ((System.nanoTime() - start) / 1e9);
            System.out.printf(
                    "round %d: paced %.0f calls/s, unpaced %.0f calls/s, tracked chats %d%n",
                    round, pacedRate, unpacedRate, paced.trackedChats(Platform.TELEGRAM));
        }
    }
}
