package dev.ratbot.app;

import dev.ratbot.app.config.RatbotConfig;
import dev.ratbot.app.config.StartupException;
import dev.ratbot.app.ops.RedactingPrintStream;
import dev.ratbot.app.ops.Redactor;
import dev.ratbot.app.serve.BotServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ratbot serve}: runs the bot on every configured platform with the store, the daily tips
 * and the operations endpoint until SIGTERM. Configuration comes from the environment and an
 * optional properties file, never from secrets on the command line; see the README.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Run the bot on Telegram and/or Discord, with daily tips and the operations endpoint, until stopped.",
            "Settings come from environment variables and an optional properties file (see the README)."
        })
final class ServeCommand implements Callable<Integer> {

    static final String NO_PLATFORM =
            "no platform configured: set TELEGRAM_BOT_TOKEN (from @BotFather) and/or DISCORD_BOT_TOKEN"
                    + " (from the Discord Developer Portal) in the environment or the configuration file; see the README";

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description =
                    "A properties file with settings (default: $RATBOT_CONFIG); the environment wins.")
    Path configFile;

    @Option(
            names = "--knowledge",
            paramLabel = "DIR",
            description =
                    "A folder of knowledge-pack Markdown files (default: $RATBOT_KNOWLEDGE, else the built-in guide).")
    Path knowledge;

    ServeCommand withKnowledge(Path directory) {
        this.knowledge = directory;
        return this;
    }

    @Override
    public Integer call() throws Exception {
        RatbotConfig config = RatbotConfig.load(System.getenv(), Optional.ofNullable(configFile));
        if (!config.hasPlatform()) throw new StartupException("serve: " + NO_PLATFORM);
        RedactingPrintStream.install(new Redactor(config.secrets()));
        Knowledge pack =
                Knowledge.load(knowledge != null ? knowledge : config.knowledge().orElse(null));
        BotServer server =
                BotServer.start(
                        config,
                        pack.pack(),
                        pack.engine(),
                        pack.catalogue(),
                        pack.tips(),
                        Clock.systemUTC());
        server.awaitShutdown();
        return 0;
    }
}
