package dev.ratbot.telegram;

import java.time.Duration;

/** Waits; a seam so that tests of waiting code need not wait. */
@FunctionalInterface
interface Sleeper {

    Sleeper REAL = d -> Thread.sleep(d.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
