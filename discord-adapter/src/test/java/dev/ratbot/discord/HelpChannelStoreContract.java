package dev.ratbot.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.discord.HelpChannelStore.HelpChannel;
import dev.ratbot.discord.HelpChannelStore.Kind;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link HelpChannelStore} does: the in-memory twin, SQLite and PostgreSQL run these
 * same tests.
 */
abstract class HelpChannelStoreContract {

    static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");
    static final long GUILD = 1_146_100_000_000_000_001L, OTHER_GUILD = 1_146_100_000_000_000_002L;
    static final long FORUM = 1_146_100_000_000_000_020L,
            TEXT = 1_146_100_000_000_000_021L,
            ELSEWHERE = 1_146_100_000_000_000_022L;
    static final long MOD = 1_146_200_000_000_000_001L;

    private HelpChannelStore store;

    protected abstract HelpChannelStore store();

    @BeforeEach
    void open() {
        store = store();
    }

    @Test
    void anOptedInChannelIsFoundAndListedWithItsServer() {
        store.optIn(new HelpChannel(GUILD, FORUM, Kind.FORUM, MOD), NOW);
        store.optIn(new HelpChannel(GUILD, TEXT, Kind.TEXT, MOD), NOW);
        store.optIn(new HelpChannel(OTHER_GUILD, ELSEWHERE, Kind.TEXT, MOD), NOW);
        assertEquals(
                Optional.of(new HelpChannel(GUILD, FORUM, Kind.FORUM, MOD)), store.find(FORUM));
        assertEquals(
                List.of(
                        new HelpChannel(GUILD, FORUM, Kind.FORUM, MOD),
                        new HelpChannel(GUILD, TEXT, Kind.TEXT, MOD)),
                store.channels(GUILD));
    }

    @Test
    void optingInAgainUpdatesTheOneRow() {
        store.optIn(new HelpChannel(GUILD, FORUM, Kind.TEXT, MOD), NOW);
        store.optIn(new HelpChannel(GUILD, FORUM, Kind.FORUM, 7L), NOW.plusSeconds(5));
        assertEquals(List.of(new HelpChannel(GUILD, FORUM, Kind.FORUM, 7L)), store.channels(GUILD));
    }

    @Test
    void optingOutRemovesOneChannelOrAllOfAServer() {
        store.optIn(new HelpChannel(GUILD, FORUM, Kind.FORUM, MOD), NOW);
        store.optIn(new HelpChannel(GUILD, TEXT, Kind.TEXT, MOD), NOW);
        store.optIn(new HelpChannel(OTHER_GUILD, ELSEWHERE, Kind.TEXT, MOD), NOW);
        assertFalse(store.optOut(OTHER_GUILD, FORUM), "another server cannot opt a channel out");
        assertTrue(store.optOut(GUILD, FORUM));
        assertFalse(store.optOut(GUILD, FORUM));
        assertEquals(Optional.empty(), store.find(FORUM));
        assertEquals(1, store.optOutAll(GUILD));
        assertEquals(List.of(), store.channels(GUILD));
        assertEquals(
                Optional.of(new HelpChannel(OTHER_GUILD, ELSEWHERE, Kind.TEXT, MOD)),
                store.find(ELSEWHERE));
    }

    @Test
    void aPostIsClaimedOnce() {
        assertTrue(store.claimPost(900L, FORUM, GUILD, NOW));
        assertFalse(store.claimPost(900L, FORUM, GUILD, NOW.plusSeconds(1)));
        assertTrue(store.claimPost(901L, FORUM, GUILD, NOW));
    }
}
