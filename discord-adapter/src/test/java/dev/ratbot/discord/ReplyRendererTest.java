package dev.ratbot.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.knowledge.Attribution;
import dev.ratbot.knowledge.Block;
import dev.ratbot.message.Choice;
import dev.ratbot.message.Reply;
import discord4j.core.object.component.ActionRow;
import discord4j.core.object.component.Button;
import discord4j.core.object.component.TopLevelMessageComponent;
import discord4j.core.spec.EmbedCreateSpec;
import discord4j.discordjson.json.EmbedData;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplyRendererTest {

    private static final Attribution GUIDE =
            new Attribution(
                    "How to Bond with Your Rats", "Joshua Paulson", "Quality Cage Crafters");
    private static final String HOSTILE =
            "@everyone @here <@&123456789012345678> <@42> **bold** __under__ ~~gone~~ ||spoiler|| "
                    + "`code` ```block``` [click](https://evil.example) <https://x.example> \\ end";
    private final ReplyRenderer renderer = new ReplyRenderer();

    @Test
    void anAnswerIsOneEmbedWithTitleTextFooterTopicButtonsAndFeedback() {
        Reply answer =
                Reply.of(Reply.Kind.ANSWER, List.of(new Block.Paragraph("Scoop them up gently.")))
                        .titled("Handling")
                        .credited(GUIDE)
                        .withChoices(
                                List.of(
                                        new Choice("Treats", "/topic treats"),
                                        new Choice("Play", "/topic play"),
                                        new Choice("Trust", "/topic trust"),
                                        new Choice("Fourth", "/topic fourth")))
                        .withFeedbackKey("k1");
        List<DiscordMessage> messages = renderer.render(answer);
        assertEquals(1, messages.size());
        DiscordMessage m = messages.get(0);
        assertFalse(m.ephemeral());
        assertEquals("", m.content());
        EmbedCreateSpec embed = m.embeds().get(0);
        assertEquals("Handling", embed.title().get());
        assertEquals("Scoop them up gently.", embed.description().get());
        assertEquals(GUIDE.line(), embed.asRequest().footer().get().text());
        List<String> ids = customIds(m.components());
        assertEquals(
                List.of(
                        "/topic treats",
                        "/topic play",
                        "/topic trust",
                        "/feedback k1 up",
                        "/feedback k1 down"),
                ids,
                "three related topics at most, then 👍/👎");
    }

    @Test
    void settingsAndErrorsArePrivateContent() {
        DiscordMessage m =
                renderer.render(Reply.text(Reply.Kind.SETTINGS, "Subscribed at 09:00 (UTC)."))
                        .get(0);
        assertTrue(m.ephemeral());
        assertTrue(m.embeds().isEmpty());
        assertEquals("Subscribed at 09:00 (UTC).", m.content());
        assertTrue(renderer.render(Reply.text(Reply.Kind.ERROR, "No.")).get(0).ephemeral());
    }

    @Test
    void hostileTextIsEscapedSoNothingFormatsOrPings() {
        String escaped = DiscordText.escape(HOSTILE);
        assertFalse(escaped.contains("@everyone"), escaped);
        assertFalse(escaped.contains("@here"), escaped);
        assertFalse(
                escaped.matches("(?s).*(?<!\\\\)<@.*"), "no mention syntax survives: " + escaped);
        assertFalse(escaped.matches("(?s).*(?<!\\\\)\\*\\*.*"), "no bare emphasis: " + escaped);
        assertFalse(
                escaped.contains("](") && escaped.matches("(?s).*(?<!\\\\)\\[.*"),
                "no masked link");
        assertEquals(HOSTILE, unescape(escaped), "shows exactly the original text");
        assertEquals(
                "\\# not a heading\n\\- not a list\n1\\. not a list\n\\> not a quote",
                DiscordText.escape("# not a heading\n- not a list\n1. not a list\n> not a quote"));
    }

    @Test
    void longHostileRepliesAreSplitWithinEveryLimit() {
        StringBuilder huge = new StringBuilder();
        while (huge.length() < 5_000) huge.append(HOSTILE).append(' ');
        for (int size : new int[] {5_000, 20_000, 100_000}) {
            StringBuilder text = new StringBuilder();
            while (text.length() < size) text.append(huge);
            for (Reply.Kind kind : Reply.Kind.values()) {
                Reply reply =
                        Reply.of(
                                        kind,
                                        List.of(
                                                new Block.Paragraph(text.substring(0, size)),
                                                new Block.BulletList(
                                                        HOSTILE, List.of(HOSTILE, HOSTILE))))
                                .titled("**" + HOSTILE + "**" + "x".repeat(300))
                                .credited(GUIDE)
                                .withChoices(
                                        List.of(new Choice(HOSTILE.substring(0, 60), "/topic a")))
                                .withFeedbackKey("k9")
                                .withPrivate(false);
                List<DiscordMessage> messages = renderer.render(reply);
                assertTrue(messages.size() >= 2, "split: " + kind + " " + size);
                StringBuilder shown = new StringBuilder();
                for (DiscordMessage m : messages) {
                    assertWithinLimits(m);
                    shown.append(m.content());
                    for (EmbedCreateSpec e : m.embeds())
                        shown.append(e.description().toOptional().orElse(""));
                }
                assertFalse(shown.toString().contains("@everyone"));
                assertFalse(
                        shown.toString().matches("(?s).*(?<!\\\\)<@.*"),
                        "no unescaped mention syntax");
                // Buttons only on the last message.
                for (int i = 0; i < messages.size() - 1; i++)
                    assertTrue(messages.get(i).components().isEmpty());
                assertFalse(messages.get(messages.size() - 1).components().isEmpty());
            }
        }
    }

    @Test
    void splittingNeverBreaksAnEscapeOrASurrogatePair() {
        String rats = "\uD83D\uDC00".repeat(3000) + "*".repeat(3000);
        for (String piece : DiscordText.split(DiscordText.escape(rats), 4096)) {
            assertTrue(piece.length() <= 4096);
            assertFalse(Character.isHighSurrogate(piece.charAt(piece.length() - 1)));
            assertFalse(Character.isLowSurrogate(piece.charAt(0)));
            int trailing = 0;
            for (int i = piece.length() - 1; i >= 0 && piece.charAt(i) == '\\'; i--) trailing++;
            assertEquals(0, trailing % 2, "no dangling backslash");
        }
    }

    @Test
    void manyChoicesBecomeAtMostFourRowsOfFiveUniqueButtonsPlusFeedback() {
        List<Choice> choices = new ArrayList<>();
        for (int i = 0; i < 40; i++)
            choices.add(
                    new Choice(
                            "Topic " + i + " " + "long label ".repeat(20), "/topic t" + (i % 30)));
        Reply topics =
                Reply.of(Reply.Kind.TOPICS, List.of(new Block.Paragraph("Pick one.")))
                        .titled("Topics")
                        .withChoices(choices)
                        .withFeedbackKey("k2");
        DiscordMessage m = renderer.render(topics).get(0);
        assertTrue(m.components().size() <= 5);
        List<String> ids = customIds(m.components());
        assertEquals(ids.size(), new HashSet<>(ids).size());
        for (TopLevelMessageComponent row : m.components()) {
            for (var c : ((ActionRow) row).getChildren()) {
                Button b = (Button) c;
                b.getLabel().ifPresent(l -> assertTrue(l.length() <= 80, l));
            }
        }
    }

    @Test
    void buttonTargetsTravelInTheCustomIdAndParseBack() {
        Reply subscribed =
                Reply.text(Reply.Kind.SETTINGS, "Subscribed.")
                        .withChoices(
                                List.of(new Choice("07:00", "/subscribe 07:00 Europe/London")));
        String dm =
                customIds(
                                renderer.render(subscribed, new ButtonTarget.UserDm())
                                        .get(0)
                                        .components())
                        .get(0);
        assertEquals("@dm|/subscribe 07:00 Europe/London", dm);
        String channel =
                customIds(
                                renderer.render(
                                                subscribed,
                                                new ButtonTarget.Channel(
                                                        1_146_100_000_000_000_011L))
                                        .get(0)
                                        .components())
                        .get(0);
        assertTrue(channel.length() <= 100);
        ButtonTarget.Parsed parsed = ButtonTarget.parse(channel);
        assertEquals(new ButtonTarget.Channel(1_146_100_000_000_000_011L), parsed.target());
        assertEquals("/subscribe 07:00 Europe/London", parsed.data());
        assertEquals(
                new ButtonTarget.Parsed(ButtonTarget.HERE, "/topic x"),
                ButtonTarget.parse("/topic x"));
        assertEquals(
                new ButtonTarget.Parsed(ButtonTarget.HERE, "#nonsense|x"),
                ButtonTarget.parse("#nonsense|x"));
    }

    static void assertWithinLimits(DiscordMessage m) {
        assertTrue(m.content().length() <= 2000, "content " + m.content().length());
        assertTrue(m.embeds().size() <= 10);
        int total = 0;
        for (EmbedCreateSpec spec : m.embeds()) {
            EmbedData e = spec.asRequest();
            int title = e.title().toOptional().map(String::length).orElse(0);
            int description = e.description().toOptional().map(String::length).orElse(0);
            int footer = e.footer().toOptional().map(f -> f.text().length()).orElse(0);
            assertTrue(title <= 256, "title " + title);
            assertTrue(description <= 4096, "description " + description);
            assertTrue(footer <= 2048, "footer " + footer);
            total += title + description + footer;
        }
        assertTrue(total <= 6000, "embeds total " + total);
        Set<String> ids = new HashSet<>(customIds(m.components()));
        assertEquals(customIds(m.components()).size(), ids.size());
        for (String id : ids) assertTrue(id.length() <= 100);
    }

    static List<String> customIds(List<TopLevelMessageComponent> rows) {
        List<String> ids = new ArrayList<>();
        for (TopLevelMessageComponent row : rows) {
            for (var c : ((ActionRow) row).getChildren()) ids.add(((Button) c).getCustomId());
        }
        return ids;
    }

    private static String unescape(String markdown) {
        return markdown.replaceAll("\\\\(.)", "$1").replace("\u200B", "");
    }
}
