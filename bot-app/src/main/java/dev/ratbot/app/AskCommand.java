package dev.ratbot.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ratbot.answer.Answer;
import dev.ratbot.answer.SectionRef;
import dev.ratbot.app.io.BoundedLineReader;
import dev.ratbot.app.io.LineOutput;
import dev.ratbot.conversation.AnsweredQuestion;
import dev.ratbot.conversation.Conversation;
import dev.ratbot.message.Platform;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ratbot ask "question"} prints the answer for a person; {@code ratbot ask --json} reads one
 * question per line from standard input and writes one JSON object per line (question, answered,
 * confidence, health, answer, section, section_id, score, related), flushed per line, in input
 * order. That JSON is a stable contract for answer checks. A line longer than {@link
 * ConsoleBot#MAX_LINE_CHARS} is cut (its "question" is the cut text); the command ends quietly when
 * its output is closed.
 */
@Command(
        name = "ask",
        mixinStandardHelpOptions = true,
        description = {
            "Answer one question, or (with --json) every line of standard input.",
            "Example: ratbot ask \"How do I hold my rat?\""
        })
final class AskCommand implements Callable<Integer> {

    @Mixin KnowledgeOption knowledge;

    @Option(
            names = "--json",
            description =
                    "Read questions from standard input, one per line; write one JSON object per line.")
    boolean json;

    @Option(
            names = "--explain",
            description =
                    "Show how the engine reads the question: its focus, candidates and signals.")
    boolean explain;

    @Parameters(
            arity = "0..*",
            paramLabel = "QUESTION",
            description = "The question (quote it, or give it as several words).")
    List<String> words = List.of();

    @Spec CommandSpec spec;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Integer call() throws Exception {
        if (json && !words.isEmpty()) {
            spec.commandLine()
                    .getErr()
                    .println(
                            "ratbot ask: give a question or --json, not both (--json reads standard input)");
            return 2;
        }
        if (!json && String.join(" ", words).isBlank()) {
            spec.commandLine()
                    .getErr()
                    .println(
                            "ratbot ask: what is the question? e.g. ratbot ask \"How do I hold my rat?\"");
            return 2;
        }
        Conversation conversation = ConsoleBot.conversation(knowledge.load());
        LineOutput out = new LineOutput(System.out);
        if (json) {
            // Lines are cut while read (a 20 MB line costs 4,096 characters), and a closed output
            // ends the command.
            BoundedLineReader in = BoundedLineReader.utf8(System.in, ConsoleBot.MAX_LINE_CHARS);
            for (String line; (line = in.readLine()) != null; ) {
                if (!out.println(
                        JSON.writeValueAsString(
                                toJson(line, conversation.ask(Platform.CONSOLE, line))))) break;
            }
        } else if (explain
                && knowledge.load().engine()
                        instanceof dev.ratbot.answer.LuceneAnswerEngine engine) {
            out.println(engine.explain(String.join(" ", words)));
        } else {
            AnsweredQuestion result = conversation.ask(Platform.CONSOLE, String.join(" ", words));
            out.println(ConsoleRenderer.withChoices(result.reply()));
        }
        return 0;
    }

    private static ObjectNode toJson(String question, AnsweredQuestion result) {
        Answer a = result.answer();
        ObjectNode node = JSON.createObjectNode();
        node.put("question", question);
        node.put("answered", a.answered());
        node.put("confidence", a.verdict().confidence());
        node.put("health", a.verdict() == Answer.Verdict.HEALTH);
        node.put("answer", result.reply().plainText());
        node.put("section", a.answered() ? a.section().map(SectionRef::title).orElse(null) : null);
        node.put("section_id", a.answered() ? a.section().map(SectionRef::id).orElse(null) : null);
        node.put("score", Math.round(a.score() * 10_000) / 10_000.0);
        node.putArray("related")
                .addAll(
                        a.related().stream()
                                .map(r -> JSON.getNodeFactory().textNode(r.title()))
                                .toList());
        return node;
    }
}
