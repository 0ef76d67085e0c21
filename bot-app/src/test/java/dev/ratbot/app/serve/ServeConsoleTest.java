package dev.ratbot.app.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ratbot.console.Browser;
import dev.ratbot.feedback.AnswerLog;
import dev.ratbot.feedback.JdbcAnswerLog;
import dev.ratbot.message.Platform;
import dev.ratbot.store.Database;
import dev.ratbot.store.DatabaseSettings;
import dev.ratbot.telegram.fake.FakeBotApi;
import dev.ratbot.telegram.fake.Updates;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operator console of a real {@code serve}: off without a password; an answer taught in it is
 * given in the chat without a restart; on PostgreSQL, another instance gives it within seconds.
 */
class ServeConsoleTest {

    private static final String TOKEN = ServeLogsTest.TELEGRAM_TOKEN;
    private static final String PASSWORD = "correct horse battery staple";
    private static final Duration START = Duration.ofSeconds(90);
    private static final Pattern CONSOLE_PORT =
            Pattern.compile("console listening on http://127\\.0\\.0\\.1:(\\d+)");
    private static final String CHEESE = "Can rats eat cheese?";
    private static final String CHEESE_ANSWER =
            "A little hard cheese now and then is fine. Never blue cheese.";

    @TempDir Path dir;

    private Map<String, String> env(String url, FakeBotApi telegram, String instance) {
        return env(url, telegram, instance, TOKEN);
    }

    private Map<String, String> env(
            String url, FakeBotApi telegram, String instance, String token) {
        return new HashMap<>(
                Map.of(
                        "RATBOT_DB_URL",
                        url,
                        "RATBOT_OPS_PORT",
                        "0",
                        "RATBOT_INSTANCE_ID",
                        instance,
                        "TELEGRAM_BOT_TOKEN",
                        token,
                        "TELEGRAM_API_URL",
                        telegram.url().toString()));
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void withNoPasswordSetTheConsolePortIsClosedAndOldQuestionsArePrunedAtStart() throws Exception {
        assumeTrue(!listening(8081), "something else listens on 8081");
        String url = "jdbc:sqlite:" + dir.resolve("ratbot.db");
        try (Database db = Database.open(DatabaseSettings.of(url))) {
            JdbcAnswerLog log =
                    new JdbcAnswerLog(db, Clock.offset(Clock.systemUTC(), Duration.ofDays(-31)));
            log.recordAnswer(Platform.TELEGRAM, "an old question", Optional.empty(), false);
            new JdbcAnswerLog(db, Clock.systemUTC())
                    .recordAnswer(Platform.TELEGRAM, "a new question", Optional.empty(), false);
        }
        try (FakeBotApi telegram = new FakeBotApi(TOKEN);
                ServeProcess serve =
                        ServeProcess.start(
                                dir,
                                with(env(url, telegram, "solo"), "RATBOT_RETENTION", "30d"),
                                "serve")) {
            serve.awaitReady(START);
            serve.await(
                    Pattern.compile(
                            "operator console off: set RATBOT_CONSOLE_PASSWORD to turn it on"),
                    START);
            assertFalse(listening(8081), "nothing listens on the console's default port");
            assertFalse(serve.output().contains("console listening"), serve.output());
            serve.await(Pattern.compile("deleted 1 questions older than PT720H"), START);
            try (Database db = Database.open(DatabaseSettings.of(url))) {
                assertEquals(
                        List.of(new AnswerLog.UnansweredQuestion("a new question", 1)),
                        new JdbcAnswerLog(db, Clock.systemUTC()).mostUnanswered(10));
            }
        }
    }

    private static Map<String, String> with(Map<String, String> env, String key, String value) {
        env.put(key, value);
        return env;
    }

    @Test
    void anAnswerTaughtInTheConsoleIsGivenInTheChatWithoutARestart() throws Exception {
        try (FakeBotApi telegram = new FakeBotApi(TOKEN)) {
            Map<String, String> env =
                    env("jdbc:sqlite:" + dir.resolve("ratbot.db"), telegram, "solo");
            env.put("RATBOT_CONSOLE_PASSWORD", PASSWORD);
            env.put("RATBOT_CONSOLE_PORT", "0");
            try (ServeProcess serve = ServeProcess.start(dir, env, "serve")) {
                serve.awaitReady(START);
                int port = Integer.parseInt(serve.await(CONSOLE_PORT, START).group(1));
                // One server, two sites: neither answers the other's paths.
                java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
                assertEquals(
                        404,
                        http.send(
                                        java.net.http.HttpRequest.newBuilder(
                                                        java.net.URI.create(
                                                                "http://127.0.0.1:"
                                                                        + serve.opsPort(START)
                                                                        + "/login"))
                                                .build(),
                                        java.net.http.HttpResponse.BodyHandlers.ofString())
                                .statusCode());
                assertEquals(
                        302,
                        http.send(
                                        java.net.http.HttpRequest.newBuilder(
                                                        java.net.URI.create(
                                                                "http://127.0.0.1:"
                                                                        + port
                                                                        + "/metrics"))
                                                .build(),
                                        java.net.http.HttpResponse.BodyHandlers.ofString())
                                .statusCode(),
                        "the console sends strangers to its login");

                telegram.enqueue(Updates.privateText(42, "can rats eat cheese"));
                String before =
                        telegram.await(
                                        "sendMessage",
                                        c -> "42".equals(c.text("chat_id")),
                                        Duration.ofSeconds(30))
                                .text("text");
                assertFalse(before.contains("hard cheese"), before);

                ChromeDriver browser = Browser.start();
                try {
                    browser.get("http://127.0.0.1:" + port + "/login");
                    browser.findElement(By.id("password")).sendKeys(PASSWORD);
                    browser.findElement(By.id("login")).click();
                    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
                    wait.until(ExpectedConditions.urlToBe("http://127.0.0.1:" + port + "/"));
                    browser.get("http://127.0.0.1:" + port + "/entries/new");
                    browser.findElement(By.id("title")).sendKeys(CHEESE);
                    browser.findElement(By.id("body")).sendKeys(CHEESE_ANSWER);
                    browser.findElement(By.id("save")).click();
                    wait.until(ExpectedConditions.urlContains("/entries?done="));
                    assertEquals(
                            "Saved. The bot answers it from now on.",
                            browser.findElement(By.id("message")).getText(),
                            browser.getPageSource());
                } finally {
                    browser.quit();
                }

                telegram.enqueue(Updates.privateText(43, "can rats eat cheese"));
                String after =
                        telegram.await(
                                        "sendMessage",
                                        c -> "43".equals(c.text("chat_id")),
                                        Duration.ofSeconds(30))
                                .text("text");
                assertTrue(after.contains(CHEESE_ANSWER), after);
                assertTrue(
                        after.contains("Operator answer"), "credited to the operators: " + after);
                assertFalse(serve.output().contains(PASSWORD), "the password is never logged");
            }
        }
    }

    @Test
    void onPostgresAnotherInstanceGivesATaughtAnswerWithinSeconds() throws Exception {
        String base = Postgres.url();
        String schema =
                "t_console_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        try (Connection admin = DriverManager.getConnection(base);
                Statement s = admin.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        // The polling lock is a PostgreSQL advisory lock named after the bot, shared by every
        // schema on the server:
        // a bot id of this test's own keeps other tests on the same server (and other checkouts)
        // from holding it.
        String token =
                (7_100_000 + new java.util.Random().nextInt(1_000_000))
                        + ":AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawq";
        try (FakeBotApi telegram = new FakeBotApi(token);
                ServeProcess polling =
                        ServeProcess.start(
                                dir.resolve("a"),
                                env(url, telegram, "instance-a", token),
                                "serve")) {
            polling.awaitReady(START);
            polling.await(Pattern.compile("took the telegram-polling"), START);
            Map<String, String> env = env(url, telegram, "instance-b", token);
            env.put("RATBOT_CONSOLE_PASSWORD", PASSWORD);
            env.put("RATBOT_CONSOLE_PORT", "0");
            try (ServeProcess withConsole = ServeProcess.start(dir.resolve("b"), env, "serve")) {
                withConsole.awaitReady(START);
                int port = Integer.parseInt(withConsole.await(CONSOLE_PORT, START).group(1));
                teach("http://127.0.0.1:" + port, CHEESE, CHEESE_ANSWER);

                long taughtAt = System.nanoTime();
                telegram.enqueue(Updates.privateText(44, "can rats eat cheese"));
                String answer =
                        telegram.await(
                                        "sendMessage",
                                        c -> "44".equals(c.text("chat_id")),
                                        Duration.ofSeconds(30))
                                .text("text");
                double seconds = (System.nanoTime() - taughtAt) / 1e9;
                // The polling instance may take the question before its next look at the entries:
                // ask until it knows.
                for (int chat = 45; !answer.contains(CHEESE_ANSWER) && seconds < 10; chat++) {
                    Thread.sleep(500);
                    final String id = Integer.toString(chat);
                    telegram.enqueue(Updates.privateText(chat, "can rats eat cheese"));
                    answer =
                            telegram.await(
                                            "sendMessage",
                                            c -> id.equals(c.text("chat_id")),
                                            Duration.ofSeconds(30))
                                    .text("text");
                    seconds = (System.nanoTime() - taughtAt) / 1e9;
                }
                assertTrue(
                        answer.contains(CHEESE_ANSWER),
                        "the polling instance answers from what instance-b was taught within 10 s: "
                                + answer);
                assertTrue(
                        polling.output().contains("answering with 1 operator answers"),
                        polling.output());
            }
        } finally {
            try (Connection admin = DriverManager.getConnection(base);
                    Statement s = admin.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    /** Logs in and adds an answer over HTTP, as the console's form does. */
    private static void teach(String console, String title, String body) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> login =
                http.send(
                        HttpRequest.newBuilder(URI.create(console + "/login"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "password="
                                                        + URLEncoder.encode(
                                                                PASSWORD, StandardCharsets.UTF_8)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(302, login.statusCode(), login.body());
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String page =
                http.send(
                                HttpRequest.newBuilder(URI.create(console + "/entries/new"))
                                        .header("Cookie", cookie)
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
        Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(csrf.find(), page);
        HttpResponse<String> saved =
                http.send(
                        HttpRequest.newBuilder(URI.create(console + "/entries"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("Cookie", cookie)
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "csrf="
                                                        + csrf.group(1)
                                                        + "&enabled=true&title="
                                                        + URLEncoder.encode(
                                                                title, StandardCharsets.UTF_8)
                                                        + "&body="
                                                        + URLEncoder.encode(
                                                                body, StandardCharsets.UTF_8)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(302, saved.statusCode(), saved.body());
    }
}
