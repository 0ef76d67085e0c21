package dev.ratbot.tips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.knowledge.KnowledgePack;
import dev.ratbot.message.Address;
import dev.ratbot.message.Platform;
import dev.ratbot.message.Reply;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OnDemandTipsTest {

    final TipCatalogue catalogue = TipCatalogue.from(GuideFixture.pack());
    final OnDemandTips tips =
            new OnDemandTips(catalogue, GuideFixture.ATTRIBUTION, new SplittableRandom(3));
    final Address chat = Address.direct(Platform.TELEGRAM, "100");

    @Test
    void askingAgainAndAgainShowsEveryTipBeforeAnyRepeats() {
        List<Tip> seen = new ArrayList<>();
        for (int i = 0; i < catalogue.size(); i++) seen.add(tips.nextTip(chat).orElseThrow());
        assertEquals(catalogue.size(), new HashSet<>(seen).size());
        Tip next = tips.nextTip(chat).orElseThrow();
        assertNotEquals(seen.get(seen.size() - 1), next, "the same tip twice in a row");
    }

    @Test
    void chatsWalkTheirOwnOrders() {
        Address other = Address.direct(Platform.DISCORD, "100");
        List<Tip> a = new ArrayList<>();
        List<Tip> b = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            a.add(tips.nextTip(chat).orElseThrow());
            b.add(tips.nextTip(other).orElseThrow());
        }
        assertNotEquals(a, b);
    }

    @Test
    void theReplyIsATipReply() {
        Reply reply = tips.tipFor(chat).orElseThrow();
        assertEquals(Reply.Kind.TIP, reply.kind());
        assertTrue(
                catalogue.tips().stream()
                        .anyMatch(t -> t.text().equals(reply.blocks().get(0).plainText())));
    }

    @Test
    void aPackWithoutTipsGivesNone() {
        TipCatalogue empty =
                TipCatalogue.from(
                        new KnowledgePack(GuideFixture.ATTRIBUTION, List.of(), List.of()));
        assertEquals(
                Optional.empty(),
                new OnDemandTips(empty, GuideFixture.ATTRIBUTION, new SplittableRandom(1))
                        .tipFor(chat));
    }
}
