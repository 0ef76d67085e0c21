package dev.ratbot.app;

import dev.ratbot.app.config.RatbotConfig;
import dev.ratbot.app.config.Secret;
import dev.ratbot.app.config.StartupException;
import dev.ratbot.feedback.AnswerLog;
import dev.ratbot.feedback.JdbcAnswerLog;
import dev.ratbot.knowledge.KnowledgePack;
import dev.ratbot.store.Database;
import dev.ratbot.store.DatabaseSettings;
import dev.ratbot.store.StoreException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ratbot report}: from the store, the questions most often left unanswered and the sections
 * whose answers were most often marked 👎: what the next edit of the knowledge pack should cover.
 */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Show the questions the bot could not answer and the answers rated 👎 most often, from the store.",
            "Uses the same settings as serve (RATBOT_DB_URL, --config FILE)."
        })
final class ReportCommand implements Callable<Integer> {

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "A properties file with settings (default: $RATBOT_CONFIG).")
    Path configFile;

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "20",
            description = "How many lines per list (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(
            names = "--knowledge",
            paramLabel = "DIR",
            description =
                    "The pack whose section titles to show (default: $RATBOT_KNOWLEDGE, else the built-in guide).")
    Path knowledge;

    @Override
    public Integer call() {
        if (limit < 1 || limit > 1000)
            throw new StartupException("report: --limit must be from 1 to 1000, not " + limit);
        RatbotConfig config = RatbotConfig.load(System.getenv(), Optional.ofNullable(configFile));
        if (!config.database().postgres()
                && dev.ratbot.app.config.DatabaseProbe.sqliteFileMissing(config.database())) {
            throw new StartupException(
                    "RATBOT_DB_URL="
                            + config.database().redactedUrl()
                            + ": no store there yet; run serve first, or point RATBOT_DB_URL at the bot's store");
        }
        dev.ratbot.app.config.DatabaseProbe.check(config.database());
        // Only section titles are needed here: no index, no tips.
        KnowledgePack pack =
                Knowledge.loadPack(knowledge != null ? knowledge : config.knowledge().orElse(null));
        Map<String, String> titles =
                pack.sections().stream()
                        .collect(
                                Collectors.toMap(
                                        dev.ratbot.knowledge.Section::id,
                                        s -> String.join(" > ", s.path()),
                                        (a, b) -> a));
        DatabaseSettings settings =
                DatabaseSettings.of(config.database().url())
                        .withPassword(
                                config.database().password().map(Secret::reveal).orElse(null));
        try (Database db = Database.open(settings)) {
            AnswerLog log = new JdbcAnswerLog(db, Clock.systemUTC());
            // UTF-8 whatever the locale: questions are in any script, and the report shows emoji.
            PrintStream out =
                    new PrintStream(
                            new java.io.FileOutputStream(java.io.FileDescriptor.out),
                            true,
                            java.nio.charset.StandardCharsets.UTF_8);
            print(out, log.mostUnanswered(limit), log.mostDownvoted(limit), titles::get);
            out.flush();
        } catch (StoreException e) {
            throw new StartupException(
                    "RATBOT_DB_URL="
                            + config.database().redactedUrl()
                            + ": "
                            + Failures.describe(e),
                    e);
        }
        return 0;
    }

    static void print(
            PrintStream out,
            List<AnswerLog.UnansweredQuestion> unanswered,
            List<AnswerLog.SectionRating> downvoted,
            Function<String, String> titleOf) {
        out.println("Questions the pack could not answer (most asked first):");
        if (unanswered.isEmpty()) out.println("  none yet");
        for (AnswerLog.UnansweredQuestion q : unanswered) {
            out.printf("  %5d\u00D7  %s%n", q.times(), printable(q.question()));
        }
        out.println();
        out.println("Answers rated \uD83D\uDC4E most often (by section):");
        if (downvoted.isEmpty()) out.println("  none yet");
        for (AnswerLog.SectionRating r : downvoted) {
            String title =
                    Optional.ofNullable(titleOf.apply(r.sectionId()))
                            .orElse("(no longer in the pack)");
            out.printf(
                    "  %5d \uD83D\uDC4E %5d \uD83D\uDC4D  %s  (/topic %s)%n",
                    r.down(), r.up(), title, r.sectionId());
        }
    }

    /**
     * A stored question may hold anything a user typed: keep one line and cut it for the terminal.
     */
    private static String printable(String question) {
        String oneLine = question.replaceAll("\\p{Cntrl}", " ");
        return oneLine.length() > 200 ? oneLine.substring(0, 199) + "\u2026" : oneLine;
    }
}
