package dev.ratbot.answer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A set of evaluation questions (JSON lines: {@code q}, {@code expect} = phrases of which a right
 * answer contains one, or null when the engine must decline; {@code kind} = "offtopic" or "near"
 * for those) and its scoring.
 */
record EvalSet(String name, List<EvalSet.Question> questions) {

    record Question(String text, List<String> expect, String kind, boolean health) {
        boolean answerable() {
            return expect != null;
        }
    }

    /** How an engine did on the set; {@code failures} lists what went wrong, for the report. */
    record Score(
            int answerable,
            int right,
            int offtopic,
            int offtopicDeclined,
            int near,
            int nearDeclined,
            int health,
            int healthReplies,
            int smallTalk,
            int smallTalkReplies,
            List<String> failures) {
        double rightShare() {
            return answerable == 0 ? 1 : right / (double) answerable;
        }

        double nearDeclinedShare() {
            return near == 0 ? 1 : nearDeclined / (double) near;
        }

        double healthShare() {
            return health == 0 ? 1 : healthReplies / (double) health;
        }

        String report(String name) {
            return String.format(
                    Locale.ROOT,
                    "%s: answerable %d/%d right (%.1f%%), off-topic declined %d/%d, near declined %d/%d,"
                            + " health replies %d/%d, small talk %d/%d%s",
                    name,
                    right,
                    answerable,
                    100 * rightShare(),
                    offtopicDeclined,
                    offtopic,
                    nearDeclined,
                    near,
                    healthReplies,
                    health,
                    smallTalkReplies,
                    smallTalk,
                    failures.isEmpty() ? "" : "\n  " + String.join("\n  ", failures));
        }
    }

    /**
     * A set from this package's test resources, or (a name with a slash) a file relative to the
     * module.
     */
    static EvalSet load(String resource) {
        ObjectMapper json = new ObjectMapper();
        List<Question> out = new ArrayList<>();
        try (InputStream in =
                resource.contains("/")
                        ? java.nio.file.Files.newInputStream(java.nio.file.Path.of(resource))
                        : EvalSet.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing test resource " + resource);
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) continue;
                JsonNode node = json.readTree(line);
                List<String> expect = null;
                if (node.hasNonNull("expect")) {
                    expect = new ArrayList<>();
                    for (JsonNode e : node.get("expect")) expect.add(e.asText());
                }
                out.add(
                        new Question(
                                node.get("q").asText(),
                                expect,
                                node.hasNonNull("kind") ? node.get("kind").asText() : null,
                                node.path("health").asBoolean(false)));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
        return new EvalSet(resource, List.copyOf(out));
    }

    Score score(AnswerEngine engine) {
        int answerable = 0,
                right = 0,
                offtopic = 0,
                offtopicDeclined = 0,
                near = 0,
                nearDeclined = 0,
                health = 0,
                healthReplies = 0,
                smallTalk = 0,
                smallTalkReplies = 0;
        List<String> failures = new ArrayList<>();
        for (Question q : questions) {
            Answer a = engine.answer(q.text());
            if (q.answerable()) {
                answerable++;
                String text = a.text().toLowerCase(Locale.ROOT);
                boolean ok =
                        a.answered()
                                && q.expect().stream()
                                        .anyMatch(e -> text.contains(e.toLowerCase(Locale.ROOT)));
                if (ok) right++;
                else
                    failures.add(
                            (a.answered() ? "WRONG    " : "DECLINED ")
                                    + q.text()
                                    + "  -> "
                                    + a.section().map(SectionRef::id).orElse("-")
                                    + String.format(Locale.ROOT, " (%.2f)", a.score()));
            } else if ("smalltalk".equals(q.kind())) {
                smallTalk++;
                if (a.verdict() == Answer.Verdict.SMALL_TALK) smallTalkReplies++;
                else failures.add("NOT SMALL TALK " + q.text() + "  -> " + a.verdict());
            } else {
                if (q.health()) {
                    health++;
                    if (a.verdict() == Answer.Verdict.HEALTH) healthReplies++;
                    else failures.add("NO HEALTH REPLY " + q.text() + "  -> " + a.verdict());
                }
                boolean isNear = "near".equals(q.kind());
                if (isNear) near++;
                else offtopic++;
                if (!a.answered()) {
                    if (isNear) nearDeclined++;
                    else offtopicDeclined++;
                } else {
                    failures.add(
                            "ANSWERED "
                                    + q.text()
                                    + "  -> "
                                    + a.section().map(SectionRef::id).orElse("-")
                                    + String.format(Locale.ROOT, " (%.2f)", a.score()));
                }
            }
        }
        return new Score(
                answerable,
                right,
                offtopic,
                offtopicDeclined,
                near,
                nearDeclined,
                health,
                healthReplies,
                smallTalk,
                smallTalkReplies,
                List.copyOf(failures));
    }
}
