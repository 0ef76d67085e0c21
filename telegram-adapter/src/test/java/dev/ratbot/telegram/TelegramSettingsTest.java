package dev.ratbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The adapter's settings are plain values (the launcher validates them); these are what the record
 * itself owes.
 */
class TelegramSettingsTest {

    private static final String TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

    @Test
    void theApiAddressBecomesTheClientsSchemeHostAndPort() {
        assertEquals(
                "https",
                TelegramAdapter.telegramUrl(URI.create("https://api.telegram.org")).getSchema());
        assertEquals(
                443, TelegramAdapter.telegramUrl(URI.create("https://api.telegram.org")).getPort());
        assertEquals(80, TelegramAdapter.telegramUrl(URI.create("http://127.0.0.1")).getPort());
        assertEquals(
                8081, TelegramAdapter.telegramUrl(URI.create("http://127.0.0.1:8081")).getPort());
    }

    @Test
    void webhookModeCarriesItsAddressAndSecret() {
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new TelegramSettings(
                                TOKEN,
                                URI.create("https://api.telegram.org"),
                                TelegramSettings.Mode.WEBHOOK,
                                Optional.empty(),
                                Optional.of("secret")));
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new TelegramSettings(
                                TOKEN,
                                URI.create("https://api.telegram.org"),
                                TelegramSettings.Mode.WEBHOOK,
                                Optional.of(URI.create("https://x.org/hook")),
                                Optional.empty()));
    }

    @Test
    void secretsNeverShowInToString() {
        TelegramSettings s =
                TelegramSettings.webhook(
                        TOKEN,
                        URI.create("https://api.telegram.org"),
                        URI.create("https://x.org/hook"),
                        "topsecretvalue");
        String shown = s.toString();
        assertFalse(
                shown.contains(TOKEN)
                        || shown.contains("AAHdqTcv")
                        || shown.contains("topsecretvalue"),
                shown);
        assertTrue(shown.contains("WEBHOOK"));
    }
}
