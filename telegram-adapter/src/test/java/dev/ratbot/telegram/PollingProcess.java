package dev.ratbot.telegram;

import dev.ratbot.delivery.Pacer;
import dev.ratbot.inbox.JdbcUpdateInbox;
import dev.ratbot.store.Database;
import dev.ratbot.store.DatabaseSettings;
import dev.ratbot.testing.ConversationFixture;
import java.net.URI;
import java.time.Clock;

/**
 * A bot process for tests that kill it: long polling against the given Bot API with its inbox in
 * the given SQLite file, until it is killed. Prints "polling" once it takes updates.
 */
public final class PollingProcess {

    private PollingProcess() {}

    public static void main(String[] args) throws Exception {
        URI api = URI.create(args[0]);
        Database db = Database.open(DatabaseSettings.of("jdbc:sqlite:" + args[1]));
        ConversationFixture fixture = new ConversationFixture();
        TelegramAdapter adapter =
                TelegramAdapter.builder(
                                TelegramSettings.longPolling(TelegramMessageSenderTest.TOKEN, api),
                                fixture.conversation,
                                ConversationFixture.engine())
                        .inbox(new JdbcUpdateInbox(db, Clock.systemUTC()))
                        .pacer(Pacer.unpaced(Clock.systemUTC()))
                        .floodPerMinute(0)
                        .instance(args.length > 2 ? args[2] : "process")
                        .build();
        adapter.start();
        System.out.println("polling");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
