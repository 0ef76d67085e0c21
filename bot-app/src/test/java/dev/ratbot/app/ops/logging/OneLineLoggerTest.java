package dev.ratbot.app.ops.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.Logger;
import org.slf4j.event.Level;

class OneLineLoggerTest {

    private static final long NOON = Instant.parse("2026-03-08T12:00:00.123Z").toEpochMilli();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private Logger logger(String name, LogLevels levels) {
        return new OneLineLoggerFactory(levels, () -> NOON, () -> out).getLogger(name);
    }

    private List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void aLibraryErrorWithCausesIsOneLine() {
        Logger log =
                logger(
                        "org.telegram.telegrambots.longpolling.BotSession",
                        new LogLevels(Level.INFO, Map.of()));
        Exception failure =
                new IllegalStateException(
                        "Error received from Telegram\nretrying",
                        new UncheckedIOException(
                                new IOException(
                                        "Conflict: terminated by other getUpdates request",
                                        new ConnectException("refused"))));
        log.error(
                "Error received from Telegram GetUpdates Request, retrying in {} millis...",
                475,
                failure);
        List<String> lines = lines();
        assertEquals(1, lines.size(), String.join("\n", lines));
        String line = lines.getFirst();
        assertTrue(
                line.endsWith(
                        " ERROR BotSession - Error received from Telegram GetUpdates Request, retrying in 475 millis..."
                                + " (IllegalStateException: Error received from Telegram | retrying; caused by UncheckedIOException:"
                                + " java.io.IOException: Conflict: terminated by other getUpdates request; caused by IOException: Conflict:"
                                + " terminated by other getUpdates request; caused by ConnectException: refused)"),
                line);
        assertTrue(line.startsWith("2026-03-08T"), line);
    }

    @Test
    void theStackTraceFollowsOnlyAtDebugLevel() {
        logger("dev.ratbot.Quiet", new LogLevels(Level.INFO, Map.of()))
                .warn("failed", new IllegalStateException("boom"));
        assertEquals(1, lines().size());
        logger("dev.ratbot.Loud", new LogLevels(Level.INFO, Map.of("dev.ratbot.Loud", Level.DEBUG)))
                .warn("failed", new IllegalStateException("boom"));
        List<String> lines = lines();
        assertTrue(
                lines.get(1).endsWith("WARN Loud - failed (IllegalStateException: boom)"),
                lines.get(1));
        assertEquals("java.lang.IllegalStateException: boom", lines.get(2));
        assertTrue(lines.get(3).startsWith("\tat "), lines.get(3));
    }

    @Test
    void eventsBelowTheLevelAreNotWritten() {
        Logger log =
                logger(
                        "io.netty.channel.X",
                        new LogLevels(Level.INFO, Map.of("io.netty", Level.WARN)));
        log.info("connected");
        log.debug("bytes");
        log.warn("slow");
        assertEquals(1, lines().size());
        assertTrue(lines().getFirst().endsWith(" WARN X - slow"), lines().getFirst());
    }

    @ParameterizedTest
    @CsvSource({
        "dev.ratbot.app.serve.BotServer, INFO",
        "org.telegram.telegrambots.longpolling.BotSession, WARN",
        "org.telegram.telegrambots.longpolling.Other, WARN",
        "io.netty.util.ResourceLeakDetector, DEBUG",
        "ai.djl.Engine, ERROR",
    })
    void theLongestConfiguredPrefixDecidesAndSystemPropertiesWin(String logger, Level expected) {
        Properties system = new Properties();
        system.setProperty("ratbot.log.level.io.netty.util", "debug");
        system.setProperty("ratbot.log.unrelated", "trace");
        assertEquals(expected, LogLevels.load(system).of(logger));
    }

    @Test
    void javaUtilLoggingRecordsAreOneLineToo() {
        OneLineLoggerFactory factory =
                new OneLineLoggerFactory(
                        new LogLevels(Level.INFO, Map.of()), () -> NOON, () -> out);
        java.util.logging.Logger jul =
                java.util.logging.Logger.getLogger("okhttp3.OkHttpClient.test");
        jul.setUseParentHandlers(false);
        jul.addHandler(new JulBridge(factory));
        jul.log(
                java.util.logging.Level.WARNING,
                "A connection to {0} was leaked",
                new Object[] {"http://127.0.0.1/"});
        jul.log(java.util.logging.Level.SEVERE, "failed", new IllegalStateException("boom"));
        assertEquals(2, lines().size(), lines().toString());
        assertTrue(
                lines().get(0)
                        .endsWith(" WARN test - A connection to http://127.0.0.1/ was leaked"),
                lines().get(0));
        assertTrue(
                lines().get(1).endsWith(" ERROR test - failed (IllegalStateException: boom)"),
                lines().get(1));
    }
}
