package dev.ratbot.telegram;

import dev.ratbot.answer.Answer;
import dev.ratbot.answer.AnswerEngine;
import dev.ratbot.answer.SectionRef;
import dev.ratbot.conversation.Command;
import dev.ratbot.conversation.CommandParser;
import dev.ratbot.message.Reply;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.inlinequery.inputmessagecontent.InputTextMessageContent;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResult;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResultArticle;

/**
 * Inline mode ({@code @bot question} in any chat): up to three articles, the engine's answer first
 * and then the sections it names as related, each a ready message the user can send. Inline queries
 * arrive as the user types, so they go to the engine directly and are not written to the answer
 * log, and the articles carry no buttons (a message sent through inline mode has no chat the bot
 * could answer a tap in).
 */
final class InlineAnswers {

    static final int MAX_RESULTS = 3;
    private static final int DESCRIPTION_CHARS = 100;

    private final AnswerEngine engine;
    private final ReplyRenderer renderer;
    private final CommandParser parser = new CommandParser("");

    InlineAnswers(AnswerEngine engine, ReplyRenderer renderer) {
        this.engine = engine;
        this.renderer = renderer;
    }

    List<InlineQueryResult> articles(String query) {
        if (!(parser.parse(query) instanceof Command.Ask ask)) return List.of();
        Answer answer = engine.answer(ask.question());
        Map<String, Answer> chosen = new LinkedHashMap<>();
        if (answer.answered())
            chosen.put(answer.section().map(SectionRef::id).orElse("answer"), answer);
        for (SectionRef ref : answer.related()) {
            if (chosen.size() >= MAX_RESULTS) break;
            if (chosen.containsKey(ref.id())) continue;
            engine.section(ref.id())
                    .filter(Answer::answered)
                    .ifPresent(a -> chosen.put(ref.id(), a));
        }
        List<InlineQueryResult> results = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, Answer> e : chosen.entrySet()) {
            article(++n, e.getValue()).ifPresent(results::add);
        }
        return results;
    }

    /**
     * For an empty query: the tip as one ready message (the reply's buttons are left out, as for
     * answers).
     */
    List<InlineQueryResult> tip(Reply tip) {
        if (tip.kind() != Reply.Kind.TIP) return List.of();
        Reply plain =
                Reply.of(Reply.Kind.TIP, tip.blocks())
                        .titled(tip.title())
                        .credited(tip.attribution());
        List<String> messages = renderer.render(plain).messages();
        if (messages.isEmpty()) return List.of();
        return List.of(
                InlineQueryResultArticle.builder()
                        .id("tip")
                        .title("Today's bonding tip")
                        .description(preview(plain.plainText()))
                        .inputMessageContent(
                                InputTextMessageContent.builder()
                                        .messageText(messages.get(0))
                                        .parseMode(TelegramHtml.PARSE_MODE)
                                        .linkPreviewOptions(
                                                LinkPreviewOptions.builder()
                                                        .isDisabled(true)
                                                        .build())
                                        .build())
                        .build());
    }

    private Optional<InlineQueryResult> article(int n, Answer answer) {
        Reply reply =
                Reply.of(Reply.Kind.ANSWER, answer.blocks())
                        .titled(answer.section().map(SectionRef::title))
                        .credited(answer.attribution());
        List<String> messages = renderer.render(reply).messages();
        if (messages.isEmpty()) return Optional.empty();
        String title =
                answer.section().map(SectionRef::title).filter(t -> !t.isBlank()).orElse("Answer");
        // Result ids must be 1–64 bytes and unique within one answer; a counter keeps them short
        // and safe.
        return Optional.of(
                InlineQueryResultArticle.builder()
                        .id("r" + n)
                        .title(title)
                        .description(preview(answer.text()))
                        .inputMessageContent(
                                InputTextMessageContent.builder()
                                        .messageText(messages.get(0))
                                        .parseMode(TelegramHtml.PARSE_MODE)
                                        .linkPreviewOptions(
                                                LinkPreviewOptions.builder()
                                                        .isDisabled(true)
                                                        .build())
                                        .build())
                        .build());
    }

    private static String preview(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        if (flat.codePointCount(0, flat.length()) <= DESCRIPTION_CHARS) return flat;
        return flat.substring(0, flat.offsetByCodePoints(0, DESCRIPTION_CHARS - 1)).stripTrailing()
                + "\u2026";
    }
}
