package dev.ratbot.telegram.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fake is only worth its tests if it refuses what Telegram refuses; these pin that down. */
class TelegramHtmlCheckerTest {

    @Test
    void acceptsTelegramsTagsAndEntities() throws Exception {
        String html =
                "<b>bold</b> <strong>s</strong> <i>i</i> <em>e</em> <u>u</u> <ins>n</ins> <s>s</s> <strike>k</strike> <del>d</del> "
                        + "<span class=\"tg-spoiler\">sp</span> <tg-spoiler>t</tg-spoiler> <a href=\"https://example.com/?a=1&amp;b=2\">link</a> "
                        + "<code>c</code> <pre><code class=\"language-java\">x</code></pre> <blockquote>q</blockquote> <blockquote expandable>x</blockquote> "
                        + "&lt;&gt;&amp;&quot;&#128000;&#x1F400;";
        assertEquals(
                "bold s i e u n s k d sp t link c x q x <>&\"\uD83D\uDC00\uD83D\uDC00",
                TelegramHtmlChecker.visibleText(html));
    }

    @Test
    void nestingIsFineWhenProperlyClosed() throws Exception {
        assertEquals("a b c", TelegramHtmlChecker.visibleText("<b>a <i>b</i> c</b>"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<script>alert(1)</script>", "<b>unclosed", "closed</b>", "<b><i>crossed</b></i>",
                        "a < b", "a > b", "fish & chips",
                "&nbsp;", "&copy;", "<br/>", "<br>", "<span>x</span>",
                        "<span class=\"other\">x</span>", "<a>no href</a>",
                "<b onclick=\"x\">b</b>", "<b", "<>", "&#0;", "&#xZZ;",
                        "<code class=\"language-x\">alone</code>"
            })
    void refusesWhatTelegramRefuses(String html) {
        TelegramHtmlChecker.Rejected e =
                assertThrows(
                        TelegramHtmlChecker.Rejected.class,
                        () -> TelegramHtmlChecker.visibleText(html));
        org.junit.jupiter.api.Assertions.assertTrue(
                e.getMessage().startsWith("Bad Request: can't parse entities"));
    }
}
