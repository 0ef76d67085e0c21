package dev.ratbot.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.answer.LuceneAnswerEngine;
import dev.ratbot.knowledge.KnowledgePack;
import dev.ratbot.knowledge.KnowledgePackLoader;
import dev.ratbot.store.Database;
import dev.ratbot.store.TestDatabases;
import dev.ratbot.testing.MutableClock;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's protections at the HTTP level, where a forged request is easiest to make. */
class ConsoleHttpTest {

    static final String PASSWORD = "correct horse battery staple";

    @TempDir static Path dir;
    static Database db;
    static OperatorKnowledge knowledge;
    static ConsoleServer console;
    static String base;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        MutableClock clock = MutableClock.at(Instant.parse("2026-11-30T12:00:00Z"));
        db = TestDatabases.sqlite(dir);
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
    }

    @AfterAll
    static void stop() {
        console.close();
        knowledge.close();
        db.close();
    }

    private HttpResponse<String> post(String path, String cookie, String form) throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) b.header("Cookie", cookie);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (cookie != null) b.header("Cookie", cookie);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String logIn() throws Exception {
        HttpResponse<String> r =
                post(
                        "/login",
                        null,
                        "password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8));
        assertEquals(302, r.statusCode(), r.body());
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(
                setCookie.contains("; HttpOnly") && setCookie.contains("; SameSite=Strict"),
                setCookie);
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static String csrf(String page) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(m.find(), page);
        return m.group(1);
    }

    @Test
    void everyPageSendsAStrictContentSecurityPolicy() throws Exception {
        HttpResponse<String> r = get("/login", null);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(List.of(ConsoleServer.CSP), r.headers().allValues("Content-Security-Policy"));
        assertEquals(List.of("nosniff"), r.headers().allValues("X-Content-Type-Options"));
    }

    @Test
    void withoutASessionPagesRedirectToTheLoginAndPostsAreRefused() throws Exception {
        assertEquals(List.of("/login"), get("/entries", null).headers().allValues("Location"));
        assertEquals(403, post("/entries", null, "title=x&body=y").statusCode());
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        String cookie = logIn();
        List<OperatorEntry> before = new OperatorEntries(db, java.time.Clock.systemUTC()).all();
        HttpResponse<String> r =
                post("/entries", cookie, "title=Can+rats+eat+cheese%3F&body=Yes.&enabled=true");
        assertEquals(403, r.statusCode());
        assertEquals(
                "This form has expired or did not come from the console; reload the page and try again.",
                r.body());
        r =
                post(
                        "/entries",
                        cookie,
                        "title=Can+rats+eat+cheese%3F&body=Yes.&enabled=true&csrf=forged");
        assertEquals(403, r.statusCode());
        assertEquals(before, new OperatorEntries(db, java.time.Clock.systemUTC()).all());

        String token = csrf(get("/entries", cookie).body());
        r =
                post(
                        "/entries",
                        cookie,
                        "title=Can+rats+eat+cheese%3F&body=A+little+hard+cheese+is+fine.&enabled=true&csrf="
                                + token);
        assertEquals(302, r.statusCode(), r.body());
        assertEquals(
                before.size() + 1,
                new OperatorEntries(db, java.time.Clock.systemUTC()).all().size());
    }

    @Test
    void anAnswerIsEditedDisabledEnabledAndDeletedAndTheEngineFollowsEachStep() throws Exception {
        String cookie = logIn();
        String token = csrf(get("/entries", cookie).body());
        assertEquals(
                302,
                post(
                                "/entries",
                                cookie,
                                "csrf="
                                        + token
                                        + "&enabled=true&title=Can+rats+eat+grapes%3F&body=A+few+grapes+are+fine.")
                        .statusCode());
        OperatorEntry entry =
                new OperatorEntries(db, java.time.Clock.systemUTC())
                        .all().stream()
                                .filter(e -> e.title().equals("Can rats eat grapes?"))
                                .findFirst()
                                .orElseThrow();
        assertTrue(knowledge.answer("can rats eat grapes").answered());

        HttpResponse<String> edited =
                post(
                        "/entries/" + entry.id(),
                        cookie,
                        "csrf="
                                + token
                                + "&enabled=true&title=Can+rats+eat+grapes%3F"
                                + "&body=A+few+seedless+grapes+now+and+then+are+fine.");
        assertEquals(List.of("/entries?done=saved"), edited.headers().allValues("Location"));
        assertEquals(
                "A few seedless grapes now and then are fine.",
                knowledge.answer("can rats eat grapes").text());

        HttpResponse<String> refused =
                post(
                        "/entries/" + entry.id(),
                        cookie,
                        "csrf="
                                + token
                                + "&enabled=true&title=Can+rats+eat+grapes%3F&body=%23+Heading");
        assertEquals(400, refused.statusCode());
        assertTrue(
                refused.body()
                        .contains("The answer cannot contain headings (lines starting with #)."),
                refused.body());

        assertEquals(
                302,
                post(
                                "/entries/" + entry.id() + "/enabled",
                                cookie,
                                "csrf=" + token + "&enabled=false")
                        .statusCode());
        assertFalse(knowledge.answer("can rats eat grapes").answered(), "disabled");
        assertEquals(
                302,
                post(
                                "/entries/" + entry.id() + "/enabled",
                                cookie,
                                "csrf=" + token + "&enabled=true")
                        .statusCode());
        assertTrue(knowledge.answer("can rats eat grapes").answered(), "enabled again");
        assertEquals(
                302,
                post("/entries/" + entry.id() + "/delete", cookie, "csrf=" + token).statusCode());
        assertFalse(knowledge.answer("can rats eat grapes").answered(), "deleted");
        assertEquals(
                404,
                post("/entries/" + entry.id() + "/delete", cookie, "csrf=" + token).statusCode());
    }

    @Test
    void behindAnHttpsProxyTheCookieIsSecure() throws Exception {
        HttpResponse<String> r =
                http.send(
                        HttpRequest.newBuilder(URI.create(base + "/login"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("X-Forwarded-Proto", "https")
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "password="
                                                        + URLEncoder.encode(
                                                                PASSWORD, StandardCharsets.UTF_8)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertTrue(
                r.headers()
                        .firstValue("Set-Cookie")
                        .orElseThrow()
                        .endsWith("; HttpOnly; SameSite=Strict; Secure"),
                r.headers().toString());
    }

    @Test
    void anExportedFileImportsBackAndTheEngineAnswersFromIt() throws Exception {
        String cookie = logIn();
        String file =
                EntryFiles.export(
                        List.of(
                                OperatorEntry.answer(
                                        1,
                                        "Do rats need a wheel?",
                                        "A solid wheel of 30 cm or more is fine.",
                                        true)));
        String boundary = "----ratbot" + System.nanoTime();
        String token = csrf(get("/entries", cookie).body());
        String body =
                "--"
                        + boundary
                        + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n"
                        + token
                        + "\r\n"
                        + "--"
                        + boundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"answers.md\"\r\nContent-Type: text/markdown\r\n\r\n"
                        + file
                        + "\r\n--"
                        + boundary
                        + "--\r\n";
        HttpResponse<String> r =
                http.send(
                        HttpRequest.newBuilder(URI.create(base + "/entries/import"))
                                .header("Cookie", cookie)
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(302, r.statusCode(), r.body());
        assertEquals(List.of("/entries?done=imported&n=1"), r.headers().allValues("Location"));
        assertTrue(knowledge.answer("does my rat need a wheel").answered());
        HttpResponse<String> exported = get("/entries/export", cookie);
        assertTrue(
                exported.body()
                        .contains(
                                "# Do rats need a wheel?\n\nA solid wheel of 30 cm or more is fine.\n"),
                exported.body());
    }

    @Test
    void aPostFromAnotherOriginIsRefusedEvenWithTheToken() throws Exception {
        String cookie = logIn();
        String token = csrf(get("/entries", cookie).body());
        HttpResponse<String> r =
                http.send(
                        HttpRequest.newBuilder(URI.create(base + "/entries/export")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(302, r.statusCode());
        r =
                http.send(
                        HttpRequest.newBuilder(URI.create(base + "/logout"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("Cookie", cookie)
                                .header("Origin", "http://evil.example")
                                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + token))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(403, r.statusCode());
    }
}
