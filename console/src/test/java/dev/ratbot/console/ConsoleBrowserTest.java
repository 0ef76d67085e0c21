package dev.ratbot.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.answer.Answer;
import dev.ratbot.answer.LuceneAnswerEngine;
import dev.ratbot.answer.SectionRef;
import dev.ratbot.feedback.JdbcAnswerLog;
import dev.ratbot.knowledge.KnowledgePack;
import dev.ratbot.knowledge.KnowledgePackLoader;
import dev.ratbot.message.Address;
import dev.ratbot.message.Platform;
import dev.ratbot.store.Database;
import dev.ratbot.store.TestDatabases;
import dev.ratbot.subscription.JdbcSubscriptionStore;
import dev.ratbot.subscription.SubscriptionStatus;
import dev.ratbot.testing.MutableClock;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser, as an operator uses it, over a store seeded with a month of
 * questions, ratings and daily tips. One browser for the class (starting Chromium is the slow
 * part); each test starts logged out.
 */
class ConsoleBrowserTest {

    static final String PASSWORD = "correct horse battery staple";
    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    static final String SCRIPT_QUESTION =
            "<script>document.title='pwned'</script> is cheese bad \u202Eevil";

    @TempDir static Path dir;
    static MutableClock clock;
    static Database db;
    static OperatorKnowledge knowledge;
    static ConsoleServer console;
    static ChromeDriver browser;
    static String base;
    static long seededQuestions;
    static long pausedId;
    static long stoppedId;

    @BeforeAll
    static void start() {
        clock = MutableClock.at(NOW);
        db = TestDatabases.sqlite(dir);
        seed();
        KnowledgePack pack = KnowledgePackLoader.loadDefault();
        knowledge =
                new OperatorKnowledge(
                        pack,
                        LuceneAnswerEngine.build(pack),
                        new OperatorEntries(db, clock),
                        LuceneAnswerEngine::build);
        console =
                ConsoleServer.start(
                        new ConsoleSettings("127.0.0.1", 0, PASSWORD),
                        db,
                        knowledge,
                        pack,
                        new TokenVectors(),
                        clock);
        base = "http://127.0.0.1:" + console.port();
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (console != null) console.close();
        if (knowledge != null) knowledge.close();
        if (db != null) db.close();
    }

    @BeforeEach
    void loggedOut() {
        browser.get(base + "/login");
        browser.manage().deleteAllCookies();
    }

    /**
     * 30 days: every day questions on both platforms (some unanswered, some rated), and tips sent
     * and failed.
     */
    static void seed() {
        MutableClock at = MutableClock.at(NOW.minus(Duration.ofDays(30)));
        JdbcAnswerLog log = new JdbcAnswerLog(db, at);
        for (int day = 0; day < 30; day++) {
            at.set(NOW.minus(Duration.ofDays(30 - day)).plus(Duration.ofHours(1)));
            for (int i = 0; i < 3 + day % 4; i++) {
                String key =
                        log.recordAnswer(
                                i % 2 == 0 ? Platform.TELEGRAM : Platform.DISCORD,
                                "how do I hold my rat",
                                Optional.of("safe-handling-techniques"),
                                true);
                log.recordFeedback(key, i % 3 != 0);
                seededQuestions++;
            }
            log.recordAnswer(
                    Platform.TELEGRAM,
                    day % 2 == 0 ? "can rats eat cheese?" : "Is cheese OK for my rats",
                    Optional.empty(),
                    false);
            log.recordAnswer(Platform.DISCORD, "can my rat eat cheese", Optional.empty(), false);
            seededQuestions += 2;
            if (day % 5 == 0) {
                log.recordAnswer(
                        Platform.TELEGRAM, "how do I trim my rat's nails", Optional.empty(), false);
                seededQuestions++;
            }
        }
        at.set(NOW.minus(Duration.ofDays(2)));
        log.recordAnswer(Platform.DISCORD, SCRIPT_QUESTION, Optional.empty(), false);
        seededQuestions++;

        JdbcSubscriptionStore subscriptions = new JdbcSubscriptionStore(db, at);
        long active =
                subscriptions
                        .subscribe(
                                Address.direct(Platform.TELEGRAM, "1000001"),
                                LocalTime.of(9, 0),
                                ZoneId.of("UTC"),
                                "user:1")
                        .id();
        pausedId =
                subscriptions
                        .subscribe(
                                Address.direct(Platform.TELEGRAM, "1000002"),
                                LocalTime.of(9, 0),
                                ZoneId.of("UTC"),
                                "user:2")
                        .id();
        subscriptions.setPaused(Address.direct(Platform.TELEGRAM, "1000002"), true);
        stoppedId =
                subscriptions
                        .subscribe(
                                Address.group(Platform.DISCORD, "2000003"),
                                LocalTime.of(18, 30),
                                ZoneId.of("Europe/London"),
                                "user:3")
                        .id();
        subscriptions.stop(
                Address.group(Platform.DISCORD, "2000003"), "the bot was removed from the channel");
        db.withConnection(
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "INSERT INTO deliveries (subscription_id, local_date, platform, due_at, status,"
                                            + " next_attempt_at, created_at, finished_at) VALUES (?, ?, 'TELEGRAM', ?, ?, ?, ?, ?)")) {
                        for (int day = 0; day < 30; day++) {
                            long due = NOW.minus(Duration.ofDays(30 - day)).toEpochMilli();
                            ps.setLong(1, active);
                            ps.setString(2, "2026-10-" + String.format("%02d", day + 1));
                            ps.setLong(3, due);
                            ps.setString(4, day % 7 == 3 ? "FAILED" : "SENT");
                            ps.setLong(5, due);
                            ps.setLong(6, due);
                            ps.setLong(7, due + 1000);
                            ps.addBatch();
                        }
                        return ps.executeBatch();
                    }
                });
    }

    /**
     * Submits the login form and waits for the answer: the overview, or the login page again with a
     * message.
     */
    private void logIn(String password) {
        browser.get(base + "/login");
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login")).click();
        waiting()
                .until(
                        d ->
                                d.getCurrentUrl().equals(base + "/")
                                        || !d.findElements(By.id("login-error")).isEmpty());
    }

    /** Clicks a button that submits a form and waits for the page it leads to. */
    private void submit(WebElement button, String landsOn) {
        button.click();
        waiting().until(ExpectedConditions.urlContains(landsOn));
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @Test
    void aWrongPasswordIsRefusedAndAfterAFewEvenTheRightOneMustWait() {
        logIn("wrong");
        assertEquals(
                "That is not the console password.",
                browser.findElement(By.id("login-error")).getText());
        logIn("wrong again");
        logIn("still wrong");
        logIn(PASSWORD);
        assertTrue(
                browser.findElement(By.id("login-error"))
                        .getText()
                        .matches("Too many failed attempts\\. Try again in \\d+ seconds\\."),
                browser.findElement(By.id("login-error")).getText());
        assertTrue(browser.manage().getCookies().isEmpty(), "no session while slowed");

        clock.advance(Duration.ofMinutes(16));
        logIn(PASSWORD);
        assertEquals(base + "/", browser.getCurrentUrl());
        var cookie = browser.manage().getCookieNamed(ConsoleServer.COOKIE);
        assertTrue(cookie.isHttpOnly());
        assertEquals("Strict", cookie.getSameSite());
    }

    @Test
    void theOverviewDrawsItsChartsFromAMonthOfQuestionsAndDeliveries() throws Exception {
        logIn(PASSWORD);
        browser.get(base + "/?range=quarter");
        waiting()
                .until(
                        d ->
                                d.findElements(By.cssSelector(".chart[data-drawn='true'] canvas"))
                                                .size()
                                        == 5);
        assertEquals(
                Long.toString(seededQuestions), browser.findElement(By.id("questions")).getText());
        List<String> titles =
                browser.findElements(By.cssSelector(".chart-box figcaption")).stream()
                        .map(WebElement::getText)
                        .toList();
        assertEquals(
                List.of(
                        "Questions by platform",
                        "Questions by kind of reply",
                        "Share answered",
                        "Ratings",
                        "Daily tips"),
                titles);
        assertTrue(
                browser.findElement(By.cssSelector("table.subscribers"))
                        .getText()
                        .contains("stopped: the bot was removed from the channel"));
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "console-overview.png");
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        assertTrue(Files.size(target) > 10_000, "a screenshot with charts in it");
    }

    @Test
    void whatTheGuideLacksGroupsSimilarQuestionsAndShowsHostileTextAsText() {
        logIn(PASSWORD);
        browser.get(base + "/lacks");
        WebElement first = browser.findElement(By.id("group-1"));
        List<String> examples =
                first.findElements(By.cssSelector(".examples li")).stream()
                        .map(WebElement::getText)
                        .toList();
        assertEquals(
                List.of("can my rat eat cheese", "can rats eat cheese", "is cheese ok for my rats"),
                examples);
        assertEquals("60× can my rat eat cheese", first.findElement(By.tagName("h2")).getText());

        assertTrue(
                browser.getPageSource()
                        .contains("&lt;script&gt;document.title='pwned'&lt;/script&gt;"),
                "escaped in the page");
        assertTrue(
                browser.findElement(By.tagName("body"))
                        .getText()
                        .contains("<script>document.title='pwned'</script>"),
                "shown as text");
        assertFalse(browser.getTitle().contains("pwned"));
    }

    @Test
    void aNewAnswerTaughtFromAGroupIsAnsweredAtOnceAsTheOperatorsOwn() {
        assertFalse(
                knowledge.answer("can rats eat cheese").answered(),
                "the guide does not cover cheese");
        logIn(PASSWORD);
        browser.get(base + "/lacks");
        submit(browser.findElement(By.cssSelector("#group-1 a.new-answer")), "/entries/new");
        assertEquals(
                "can my rat eat cheese", browser.findElement(By.id("title")).getAttribute("value"));
        browser.findElement(By.id("title")).clear();
        browser.findElement(By.id("title")).sendKeys("Can rats eat cheese?");
        browser.findElement(By.id("body"))
                .sendKeys(
                        "A little hard cheese now and then is fine.\n\nNever blue cheese: its mould can harm them.");
        submit(browser.findElement(By.id("save")), "/entries?done=");
        assertEquals(
                "Saved. The bot answers it from now on.",
                browser.findElement(By.id("message")).getText());

        Answer a = knowledge.answer("can rats eat cheese");
        assertTrue(a.answered());
        assertEquals(Optional.of("Can rats eat cheese?"), a.section().map(SectionRef::title));
        assertEquals(Optional.of(EntryFiles.OPERATOR), a.attribution());
        browser.get(base + "/lacks");
        assertEquals(
                "now answered: Can rats eat cheese?",
                browser.findElement(By.cssSelector("#group-1 .now")).getText());
    }

    @Test
    void aGroupsPhrasingsBecomePhrasingsOfTheChosenSection() {
        assertFalse(knowledge.answer("how do I trim my rat's nails").answered());
        logIn(PASSWORD);
        browser.get(base + "/lacks");
        WebElement group =
                browser.findElements(By.cssSelector("article.group")).stream()
                        .filter(g -> g.findElement(By.tagName("h2")).getText().contains("trim"))
                        .findFirst()
                        .orElseThrow();
        new Select(group.findElement(By.name("section")))
                .selectByVisibleText(
                        "First Steps in Bonding With Your Pet Rat › Safe Handling Techniques");
        submit(group.findElement(By.cssSelector("button.teach-section")), "/entries?done=");
        assertEquals(
                "Added the phrasings to the section. The bot answers them from now on.",
                browser.findElement(By.id("message")).getText());
        assertEquals(
                Optional.of("Safe Handling Techniques"),
                knowledge.answer("how do I trim my rat's nails").section().map(SectionRef::title));
    }

    @Test
    void aStoppedSubscriptionIsListedWithItsReasonAndResumed() {
        logIn(PASSWORD);
        browser.get(base + "/subscriptions");
        WebElement row = browser.findElement(By.id("subscription-" + stoppedId));
        assertTrue(row.getText().contains("the bot was removed from the channel"), row.getText());
        assertTrue(
                browser.findElement(By.id("subscription-" + pausedId))
                        .getText()
                        .contains("paused by the chat (/pause)"));
        submit(row.findElement(By.tagName("button")), "/subscriptions?done=");
        assertEquals(
                "Resumed: the chat gets its daily tip again.",
                browser.findElement(By.id("message")).getText());
        assertEquals(
                Optional.of(SubscriptionStatus.ACTIVE),
                new JdbcSubscriptionStore(db, clock)
                        .find(Address.group(Platform.DISCORD, "2000003"))
                        .map(s -> s.status()));
        assertTrue(browser.findElements(By.id("subscription-" + stoppedId)).isEmpty());
    }
}
