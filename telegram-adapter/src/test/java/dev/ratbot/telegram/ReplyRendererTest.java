package dev.ratbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.knowledge.Attribution;
import dev.ratbot.knowledge.Block;
import dev.ratbot.message.Choice;
import dev.ratbot.message.Reply;
import dev.ratbot.telegram.fake.TelegramHtmlChecker;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

class ReplyRendererTest {

    private final ReplyRenderer renderer = new ReplyRenderer(4096);
    private final Attribution credit =
            new Attribution(
                    "How to Bond with Your Rats", "Joshua Paulson", "Quality Cage Crafters");

    @Test
    void rendersTitleBodyListAndAttributionAsEscapedHtml() throws Exception {
        Reply reply =
                Reply.of(
                                Reply.Kind.ANSWER,
                                List.of(
                                        new Block.Paragraph(
                                                "Offer yogurt drops <b>sparingly</b> & watch."),
                                        new Block.BulletList(
                                                "Good treats:",
                                                List.of("peas", "a bit of \"egg\""))))
                        .titled("Treats & <Rewards>")
                        .credited(credit);
        ReplyRenderer.Rendered rendered = renderer.render(reply);
        assertEquals(1, rendered.messages().size());
        String html = rendered.messages().get(0);
        assertEquals(
                "<b>Treats &amp; &lt;Rewards&gt;</b>\n\n"
                        + "Offer yogurt drops &lt;b&gt;sparingly&lt;/b&gt; &amp; watch.\n\n"
                        + "Good treats:\n\u2022 peas\n\u2022 a bit of \"egg\"\n\n"
                        + "<i>\u2014 \u201CHow to Bond with Your Rats\u201D by Joshua Paulson (Quality Cage Crafters)</i>",
                html);
        assertEquals(reply.plainText(), TelegramHtmlChecker.visibleText(html));
    }

    @Test
    void choicesBecomeOneButtonPerRowAndFeedbackAThumbsRow() {
        Reply reply =
                Reply.of(Reply.Kind.ANSWER, List.of(new Block.Paragraph("p")))
                        .titled("T")
                        .withChoices(
                                List.of(
                                        new Choice(
                                                "Training and Tricks",
                                                "/topic training-and-tricks"),
                                        new Choice("Handling", "/topic handling")))
                        .withFeedbackKey("k3j9");
        List<InlineKeyboardRow> rows =
                renderer.render(reply).keyboard().orElseThrow().getKeyboard();
        assertEquals(3, rows.size());
        assertEquals("/topic training-and-tricks", rows.get(0).get(0).getCallbackData());
        assertEquals("Handling", rows.get(1).get(0).getText());
        assertEquals(
                List.of("/feedback k3j9 up", "/feedback k3j9 down"),
                rows.get(2).stream().map(InlineKeyboardButton::getCallbackData).toList());
    }

    @Test
    void shortLabelsShareRowsOfFour() {
        List<Choice> times = new ArrayList<>();
        for (int h = 6; h <= 11; h++)
            times.add(
                    new Choice(
                            String.format("%02d:00", h), String.format("/subscribe %02d:00", h)));
        Reply reply =
                Reply.of(Reply.Kind.SETTINGS, List.of(new Block.Paragraph("Pick a time")))
                        .withChoices(times)
                        .withPrivate(false);
        List<InlineKeyboardRow> rows =
                renderer.render(reply).keyboard().orElseThrow().getKeyboard();
        assertEquals(List.of(4, 2), rows.stream().map(List::size).toList());
    }

    @Test
    void everyButtonFitsTelegramsCallbackLimitAndLongLabelsAreShortened() {
        String longTitle =
                "A very long section title that goes on and on about rats and their many wonderful habits";
        Reply reply =
                Reply.of(Reply.Kind.TOPICS, List.of())
                        .titled("Topics")
                        .withChoices(List.of(new Choice(longTitle, "/topic " + "x".repeat(40))))
                        .withFeedbackKey("abcdefghijklmnop");
        for (InlineKeyboardRow row :
                renderer.render(reply).keyboard().orElseThrow().getKeyboard()) {
            for (InlineKeyboardButton b : row) {
                int bytes = b.getCallbackData().getBytes(StandardCharsets.UTF_8).length;
                assertTrue(bytes >= 1 && bytes <= 64, b.getCallbackData());
                assertTrue(b.getText().codePointCount(0, b.getText().length()) <= 60, b.getText());
            }
        }
    }

    @Test
    void aReplyWithOnlyButtonsStillHasText() throws Exception {
        Reply reply =
                Reply.of(Reply.Kind.TOPICS, List.of())
                        .withChoices(List.of(new Choice("Handling", "/topic handling")));
        ReplyRenderer.Rendered rendered = renderer.render(reply);
        assertEquals(1, rendered.messages().size());
        assertTrue(TelegramHtmlChecker.visibleText(rendered.messages().get(0)).length() > 0);
    }

    @Test
    void anEmptyReplyRendersNothing() {
        assertTrue(renderer.render(Reply.of(Reply.Kind.INFO, List.of())).isEmpty());
    }

    @Test
    void theKeyboardGoesUnderALongReplysLastPart() throws Exception {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < 12; i++)
            blocks.add(new Block.Paragraph(("Paragraph " + i + " <&> ").repeat(60).strip()));
        Reply reply =
                Reply.of(Reply.Kind.ANSWER, blocks)
                        .titled("Long")
                        .credited(credit)
                        .withChoices(List.of(new Choice("More", "/topic more")))
                        .withFeedbackKey("k1");
        ReplyRenderer.Rendered rendered = renderer.render(reply);
        assertTrue(rendered.messages().size() >= 3);
        StringBuilder all = new StringBuilder();
        for (String m : rendered.messages()) {
            String visible = TelegramHtmlChecker.visibleText(m);
            assertTrue(visible.length() <= 4096);
            if (!all.isEmpty()) all.append("\n\n");
            all.append(visible);
        }
        assertEquals(
                reply.plainText(),
                all.toString(),
                "nothing lost, nothing added, paragraphs kept whole");
        assertTrue(rendered.keyboard().isPresent());
    }
}
