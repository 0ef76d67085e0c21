package dev.ratbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TelegramSettingsTest {

    private static final String TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

    @Test
    void noTokenMeansTelegramIsNotConfigured() {
        assertEquals(Optional.empty(), TelegramSettings.fromEnvironment(Map.of()));
        assertEquals(Optional.empty(), TelegramSettings.fromEnvironment(Map.of("TELEGRAM_BOT_TOKEN", "  ")));
    }

    @Test
    void defaultsToLongPollingOnThePublicApi() {
        TelegramSettings s = TelegramSettings.fromEnvironment(Map.of("TELEGRAM_BOT_TOKEN", TOKEN)).orElseThrow();
        assertEquals(TelegramSettings.Mode.LONG_POLLING, s.mode());
        assertEquals(URI.create("https://api.telegram.org"), s.apiUrl());
        assertEquals(123456789L, s.botId());
        assertEquals("https", TelegramAdapter.telegramUrl(s.apiUrl()).getSchema());
        assertEquals(443, TelegramAdapter.telegramUrl(s.apiUrl()).getPort());
    }

    @Test
    void readsWebhookMode() {
        TelegramSettings s = TelegramSettings.fromEnvironment(Map.of(
                "TELEGRAM_BOT_TOKEN", TOKEN, "TELEGRAM_API_URL", "http://127.0.0.1:8081", "TELEGRAM_MODE", "WebHook",
                "TELEGRAM_WEBHOOK_URL", "https://bot.example.org/tg", "TELEGRAM_WEBHOOK_SECRET", "s3cr3t_-X",
                "TELEGRAM_WEBHOOK_PORT", "9000", "TELEGRAM_WEBHOOK_BIND", "127.0.0.1")).orElseThrow();
        assertEquals(TelegramSettings.Mode.WEBHOOK, s.mode());
        assertEquals(8081, TelegramAdapter.telegramUrl(s.apiUrl()).getPort());
        assertEquals(9000, s.webhookPort());
        assertEquals("127.0.0.1", s.webhookBind());
    }

    @Test
    void badSettingsAreNamed() {
        assertMessage("TELEGRAM_BOT_TOKEN", Map.of("TELEGRAM_BOT_TOKEN", "not a token"));
        assertMessage("TELEGRAM_API_URL", Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "TELEGRAM_API_URL", "ftp://x"));
        assertMessage("TELEGRAM_API_URL", Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "TELEGRAM_API_URL", "https://x.org/prefix"));
        assertMessage("TELEGRAM_MODE", Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "TELEGRAM_MODE", "push"));
        assertMessage("TELEGRAM_WEBHOOK_URL", Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "TELEGRAM_MODE", "webhook", "TELEGRAM_WEBHOOK_SECRET", "abc"));
        assertMessage("TELEGRAM_WEBHOOK_SECRET", Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "TELEGRAM_MODE", "webhook", "TELEGRAM_WEBHOOK_URL", "https://x.org/"));
        assertMessage("TELEGRAM_WEBHOOK_SECRET", Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "TELEGRAM_WEBHOOK_SECRET", "has space"));
        assertMessage("TELEGRAM_WEBHOOK_PORT", Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "TELEGRAM_WEBHOOK_PORT", "eighty"));
    }

    @Test
    void secretsNeverShowInToString() {
        TelegramSettings s = TelegramSettings.webhook(TOKEN, URI.create("https://api.telegram.org"), URI.create("https://x.org/hook"), "topsecretvalue", "0.0.0.0", 8443);
        String shown = s.toString();
        assertFalse(shown.contains(TOKEN) || shown.contains("AAHdqTcv") || shown.contains("topsecretvalue"), shown);
        assertTrue(shown.contains("WEBHOOK"));
    }

    @Test
    void aBadTokenMessageDoesNotRepeatTheToken() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TelegramSettings.longPolling("123:has spaces secret", URI.create("https://api.telegram.org")));
        assertFalse(e.getMessage().contains("secret"));
    }

    private static void assertMessage(String setting, Map<String, String> env) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TelegramSettings.fromEnvironment(env));
        assertTrue(e.getMessage().contains(setting), e.getMessage());
    }
}
