package dev.ratbot.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ratbot.inbox.FloodControl.Verdict;
import dev.ratbot.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FloodControlTest {

    private final MutableClock clock = MutableClock.at("2026-06-01T08:00:00Z");
    private final FloodControl flood = FloodControl.perMinute(6, clock);

    private List<Verdict> burst(String chat, String user, int n) {
        List<Verdict> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(flood.check(chat, user));
        return out;
    }

    @Test
    void sixPassThenOneWarningThenSilence() {
        assertEquals(
                List.of(
                        Verdict.PASS,
                        Verdict.PASS,
                        Verdict.PASS,
                        Verdict.PASS,
                        Verdict.PASS,
                        Verdict.PASS,
                        Verdict.WARN,
                        Verdict.IGNORE,
                        Verdict.IGNORE),
                burst("g", "spammer", 9));
    }

    @Test
    void otherUsersAndOtherChatsAreNotAffected() {
        burst("g", "spammer", 20);
        assertEquals(Verdict.PASS, flood.check("g", "someone else"));
        assertEquals(Verdict.PASS, flood.check("other chat", "spammer"));
    }

    @Test
    void theUserIsHeardAgainOnceTheOldestMessageLeavesTheWindowAndMayBeWarnedAgainLater() {
        burst("g", "u", 6);
        clock.advance(Duration.ofSeconds(30));
        assertEquals(List.of(Verdict.WARN, Verdict.IGNORE), burst("g", "u", 2));
        clock.advance(Duration.ofSeconds(30));
        assertEquals(
                List.of(
                        Verdict.PASS,
                        Verdict.PASS,
                        Verdict.PASS,
                        Verdict.PASS,
                        Verdict.PASS,
                        Verdict.PASS,
                        Verdict.WARN),
                burst("g", "u", 7));
    }

    @Test
    void aSteadyPaceWithinTheLimitIsNeverStopped() {
        for (int i = 0; i < 100; i++) {
            assertEquals(Verdict.PASS, flood.check("g", "u"), "message " + i);
            clock.advance(Duration.ofSeconds(10));
        }
    }

    @Test
    void aLimitOfZeroTurnsItOff() {
        FloodControl off = FloodControl.perMinute(0, clock);
        for (int i = 0; i < 50; i++) assertEquals(Verdict.PASS, off.check("g", "u"));
    }
}
