package dev.ratbot.app;

import dev.ratbot.app.config.StartupException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ratbot} launcher. With no command it starts {@code serve} when a platform token is
 * configured, otherwise the console chat, so that a newcomer can try the bot without any account.
 */
@Command(
        name = "ratbot",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description =
                "Answers pet-rat owners' questions from a trusted care guide, on Telegram, Discord and the console.",
        subcommands = {
            AskCommand.class,
            ChatCommand.class,
            TopicsCommand.class,
            TipCommand.class,
            BenchCommand.class,
            ServeCommand.class,
            ReportCommand.class,
            TrainCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements java.util.concurrent.Callable<Integer> {

    // Lucene suggests the incubating Vector API on every start; on packs of this size it gains
    // nothing, and
    // the warning only confuses people trying the bot. Held in a field so the setting is not
    // collected.
    private static final java.util.logging.Logger LUCENE_VECTORS =
            java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

    static {
        LUCENE_VECTORS.setLevel(java.util.logging.Level.SEVERE);
    }

    @CommandLine.Mixin KnowledgeOption knowledge;

    public static void main(String[] args) {
        dev.ratbot.app.ops.NativeHeapTrimmer.start(
                dev.ratbot.app.ops.NativeHeapTrimmer.DEFAULT_INTERVAL);
        System.exit(run(args));
    }

    /**
     * Runs a command line and returns the exit code: 0 success, 1 failure, 2 bad usage or
     * configuration.
     */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(
                (e, cmd, parsed) -> {
                    cmd.getErr().println("ratbot: " + Failures.describe(e));
                    return e instanceof StartupException ? 2 : 1;
                });
        return cli.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        if (dev.ratbot.app.config.RatbotConfig.platformConfigured(
                System.getenv(), java.util.Optional.empty())) {
            return new ServeCommand().withKnowledge(knowledge.directory).call();
        }
        System.err.println(
                "ratbot: " + ServeCommand.NO_PLATFORM + ". Meanwhile, here is the console chat.");
        return new ChatCommand().withKnowledge(knowledge).call();
    }
}
