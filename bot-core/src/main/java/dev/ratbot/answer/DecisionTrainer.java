package dev.ratbot.answer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ratbot.knowledge.KnowledgePack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Learns the {@link DecisionModel} from labelled posts (JSON lines: {@code q}; {@code expect},
 * phrases of which a right passage contains one, or null; {@code kind}: in, near, offtopic or
 * smalltalk; {@code health}: true for illness or injury). For each post the engine reads it as it
 * would in chat; "answer" is learnt as "the passage the engine would give is right", "health" as
 * the label among posts that name a sign of illness. Thresholds are then chosen on the same posts:
 * likely where most right answers are kept while at least {@link #NEAR_DECLINED} of uncovered posts
 * that are not about illness are declined, sure where answers are at least {@link #SURE_PRECISION}
 * right, health where every labelled health post with a sign is caught. Run by {@code ratbot
 * train}; the output is a reviewed file of the pack.
 */
public final class DecisionTrainer {
    /**
     * Share of the uncovered posts without illness or injury that the thresholds must decline. The
     * health posts are the health threshold's: counted here (at 0.88 of all uncovered posts), every
     * sign added to the pack's health lists let the thresholds answer more of the others, and new
     * stain, pee and leg signs cost a decline on two reporting sets. 0.86 of the others is about
     * what 0.88 of all had asked of them.
     */
    static final double NEAR_DECLINED = 0.86;

    static final double OFFTOPIC_DECLINED = 0.94;

    /**
     * Share of the labelled illness and injury posts with a sign that the health threshold must
     * catch, judged out of fold: all of them, since every such post must get the health reply. At
     * 0.97, and later at 0.99, a bleeding foot fell under the threshold.
     */
    static final double HEALTH_CAUGHT = 1.0;

    /**
     * The health threshold sits this far below the lowest caught post's probability (a factor), and
     * never below {@link #HEALTH_FLOOR}. Set right at that post, the threshold moved with each
     * retraining by where one post fell, and new posts just like it fell on either side: adding the
     * health phrases raised it from 0.05 to 0.08 and lost a "might be blind" post.
     */
    static final double HEALTH_MARGIN = 0.6;

    /**
     * Below this the health model's probability is noise: posts about bruxing or treats reach it.
     */
    static final double HEALTH_FLOOR = 0.05;

    static final double SURE_PRECISION = 0.92;

    /**
     * Weight of the decisions' L2 penalty (times the number of posts). At 0.01 the "covered" and
     * "right" models leant on their priors; at this weight 3-fold cross-validation over the eval
     * sets answered 13 more of 439 posts rightly and declined 5 more of 353 uncovered ones.
     */
    static final double L2 = 0.002;

    /**
     * Weight of the ranking's L2 penalty, kept apart from the decisions'. Lighter weights (0.002,
     * 0.0005) put the right passage first for a few more long posts but lost short questions of the
     * existing sets (order-questions), and at 0.0005 a section an operator adds after training,
     * which no taught post voted for, lost to the guide's own.
     */
    static final double RANK_L2 = 0.01;

    private static final ObjectMapper JSON = new ObjectMapper();

    private DecisionTrainer() {}

    /** A labelled post. */
    record Example(String question, List<String> expect, String kind, boolean health) {}

    /** A post as the engine read it, with what the labels say about its candidate. */
    record Row(
            Example example,
            double[] x,
            boolean right,
            double healthCues,
            String ranks,
            float[] focus,
            float[] whole) {}

    /**
     * The trained pack files, each under its name in the pack (in the order they are written), and
     * a few lines on how the model does on its own training posts.
     */
    public record Result(java.util.SequencedMap<String, String> files, String report) {
        public Result {
            files = java.util.Collections.unmodifiableSequencedMap(new LinkedHashMap<>(files));
        }
    }

    public static Result train(KnowledgePack pack, List<Path> files) {
        List<Example> examples = new ArrayList<>();
        for (Path f : files) examples.addAll(load(f));
        // First the taught posts: each post's focus as a vector, with the passage(s) that answer
        // it, or none.
        LuceneAnswerEngine plain =
                LuceneAnswerEngine.build(
                        withModel(pack, DecisionModel.untrained().format("untrained"), "", ""));
        StringBuilder taught =
                new StringBuilder(
                        "# Taught posts (written by 'ratbot train'): source key, passage key or -, focus vector.\n");
        List<SectionProbe.Taught> aboutSections = new ArrayList<>();
        int sectionCount = plain.sectionIds().size();
        for (Example e : examples) {
            if (e.kind().equals("smalltalk")) continue;
            String cleaned = LuceneAnswerEngine.clean(e.question());
            String source = PassageVectors.key(cleaned);
            float[] focus = plain.focusVectorOf(cleaned);
            String vector = Exemplars.encode(focus);
            double[] sections = new double[sectionCount];
            boolean any = false;
            for (int doc = 0; e.expect() != null && doc < plain.passageCount(); doc++) {
                if (!right(plain, doc, e)) continue;
                taught.append(source)
                        .append(' ')
                        .append(plain.passageKey(doc))
                        .append(' ')
                        .append(vector)
                        .append('\n');
                sections[plain.sectionOf(doc)] = 1;
                any = true;
            }
            if (any)
                aboutSections.add(
                        new SectionProbe.Taught(
                                source,
                                focus,
                                plain.wholeVectorOf(cleaned, focus),
                                shares(sections)));
            if (!any && e.expect() == null)
                taught.append(source)
                        .append(' ')
                        .append(Exemplars.NONE)
                        .append(' ')
                        .append(vector)
                        .append('\n');
        }
        String exemplarFile = taught.toString();
        // The section probe, which judges each taught post by a model that never saw it.
        SectionProbe probe = SectionProbe.fit(aboutSections, sectionCount);
        String probeFile =
                probe.format(
                        plain.sectionIds(),
                        "Section probe (written by 'ratbot train' from "
                                + aboutSections.size()
                                + " answerable taught posts): section id, weights over the focus vector and bias.");
        // Then the ranking: which candidate passage is right, learnt from the answerable posts.
        LuceneAnswerEngine first =
                engine(
                        withModel(
                                pack,
                                DecisionModel.untrained().format("untrained"),
                                exemplarFile,
                                probeFile),
                        probe);
        List<double[]> cx = new ArrayList<>();
        List<Boolean> cy = new ArrayList<>();
        for (Example e : examples) {
            if (!e.kind().equals("in")) continue;
            LuceneAnswerEngine.Reading r = first.read(LuceneAnswerEngine.clean(e.question()));
            if (r == null) continue;
            for (LuceneAnswerEngine.Candidate c : r.candidates()) {
                cx.add(c.signals().values());
                cy.add(right(first, c.doc(), e));
            }
        }
        double[] rank = fit(cx, cy, RANK_L2);
        DecisionModel u = DecisionModel.untrained();
        DecisionModel ranking =
                new DecisionModel(
                        rank,
                        u.covered(),
                        u.right(),
                        u.health(),
                        0.9,
                        0.5,
                        0.5,
                        new double[0],
                        new double[0]);
        // Then the decisions, on the posts as the engine with that ranking reads them.
        LuceneAnswerEngine engine =
                engine(
                        withModel(pack, ranking.format("ranking only"), exemplarFile, probeFile),
                        probe);
        List<Row> rows = new ArrayList<>();
        for (Example e : examples) {
            if (e.kind().equals("smalltalk")) continue;
            LuceneAnswerEngine.Reading r = engine.read(LuceneAnswerEngine.clean(e.question()));
            if (r == null) continue;
            StringBuilder ranks = new StringBuilder();
            for (List<Integer> docs : List.of(r.keywordDocs(), r.meaningDocs())) {
                ranks.append('\t');
                for (int doc : docs) ranks.append(right(engine, doc, e) ? '1' : '0');
            }
            ranks.append('\t').append(String.format(Locale.ROOT, "%.3f", r.keywordTopConfidence()));
            rows.add(
                    new Row(
                            e,
                            r.signals().values(),
                            right(engine, r.candidate(), e),
                            r.signals().healthCues(),
                            ranks.toString(),
                            r.focusVector(),
                            r.wholeVector()));
        }
        // The probes over the focus vector: their out-of-fold logits become the rows' topic
        // signals.
        rows = rows.stream().filter(r -> r.focus() != null).toList();
        double[] coveredProbe =
                probeOutOfFold(
                        rows,
                        r -> r.example().kind().equals("in"),
                        Signals.NAMES.indexOf("topicCovered"),
                        false);
        double[] healthProbe =
                probeOutOfFold(
                        rows,
                        r -> r.example().health(),
                        Signals.NAMES.indexOf("topicHealth"),
                        true);
        double[] covered =
                fit(
                        rows.stream().map(Row::x).toList(),
                        rows.stream().map(r -> r.example().kind().equals("in")).toList());
        double[] right =
                fit(rows.stream().map(Row::x).toList(), rows.stream().map(Row::right).toList());
        List<Row> cued = rows.stream().filter(r -> r.healthCues() > 0).toList();
        double[] health =
                fit(
                        cued.stream().map(Row::x).toList(),
                        cued.stream().map(r -> r.example().health()).toList());
        // Thresholds are chosen on out-of-fold probabilities: each post judged by models that never
        // saw it.
        List<Judged> judged = outOfFold(rows);
        double healthFloor = healthThreshold(judged);
        double[] pair = thresholds(judged, healthFloor);
        double likely = pair[0];
        double sure = pair[1];
        DecisionModel model =
                new DecisionModel(
                        rank,
                        covered,
                        right,
                        health,
                        sure,
                        likely,
                        healthFloor,
                        coveredProbe,
                        healthProbe);
        String report = report(rows, model);
        if (Boolean.getBoolean("ratbot.train.dump")) dump(rows, model);
        String header =
                "Trained by 'ratbot train' on "
                        + examples.size()
                        + " labelled posts from "
                        + String.join(
                                ", ", files.stream().map(p -> p.getFileName().toString()).toList())
                        + ".\n"
                        + "Review a change of these numbers like code: run the quality tests and score-owners before committing.\n"
                        + report;
        LinkedHashMap<String, String> trained = new LinkedHashMap<>();
        trained.put(DecisionModel.FILE, model.format(header));
        trained.put(PassageVectors.FILE, PassageVectors.format(engine.passageVectors()));
        trained.put(Exemplars.FILE, exemplarFile);
        trained.put(SectionProbe.FILE, probeFile);
        return new Result(trained, report);
    }

    private static boolean right(LuceneAnswerEngine engine, int doc, Example e) {
        if (e.expect() == null) return false;
        String text = fold(engine.passageText(doc));
        return e.expect().stream().anyMatch(x -> text.contains(fold(x)));
    }

    /** An engine over the pack whose section probe judges the taught posts held out. */
    private static LuceneAnswerEngine engine(KnowledgePack pack, SectionProbe probe) {
        return new LuceneAnswerEngine(pack, Weights.DEFAULT, MiniLmEmbedder.shared(), probe);
    }

    /** Each section's share of a post: the sections that answer it, equally. */
    private static double[] shares(double[] sections) {
        double sum = 0;
        for (double x : sections) sum += x;
        double[] out = new double[sections.length];
        for (int s = 0; s < out.length; s++) out[s] = sections[s] / sum;
        return out;
    }

    /** The pack with another decision model in place of its own. */
    private static KnowledgePack withModel(
            KnowledgePack pack, String modelFile, String exemplarFile, String probeFile) {
        Map<String, String> lists = new java.util.HashMap<>(pack.wordLists());
        lists.put(DecisionModel.FILE, modelFile);
        lists.put(Exemplars.FILE, exemplarFile);
        lists.put(SectionProbe.FILE, probeFile);
        return new KnowledgePack(pack.attribution(), pack.sections(), pack.explicitTips(), lists);
    }

    static List<Example> load(Path file) {
        List<Example> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) continue;
                JsonNode n = JSON.readTree(line);
                List<String> expect = null;
                if (n.hasNonNull("expect")) {
                    expect = new ArrayList<>();
                    for (JsonNode e : n.get("expect")) expect.add(e.asText());
                }
                String kind =
                        n.hasNonNull("kind")
                                ? n.get("kind").asText()
                                : expect != null ? "in" : "near";
                out.add(
                        new Example(
                                n.get("q").asText(),
                                expect,
                                kind,
                                n.path("health").asBoolean(false)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * Logistic regression by Newton's method with a little L2 (not on the bias); weights then bias.
     */
    static double[] fit(List<double[]> xs, List<Boolean> ys) {
        return fit(xs, ys, L2);
    }

    static double[] fit(List<double[]> xs, List<Boolean> ys, double l2) {
        int d = xs.isEmpty() ? Signals.NAMES.size() : xs.get(0).length;
        double[] w = new double[d + 1];
        if (xs.isEmpty()) return w;
        int n = d + 1;
        for (int iter = 0; iter < (d > 50 ? 12 : 30); iter++) {
            double[] g = new double[n];
            double[][] h = new double[n][n];
            for (int i = 0; i < xs.size(); i++) {
                double[] x = java.util.Arrays.copyOf(xs.get(i), n);
                x[d] = 1;
                double z = 0;
                for (int j = 0; j < n; j++) z += w[j] * x[j];
                double p = 1 / (1 + Math.exp(-z));
                double err = p - (ys.get(i) ? 1 : 0);
                double v = Math.max(p * (1 - p), 1e-9);
                for (int j = 0; j < n; j++) {
                    g[j] += err * x[j];
                    for (int k = 0; k < n; k++) h[j][k] += v * x[j] * x[k];
                }
            }
            for (int j = 0; j < d; j++) {
                g[j] += l2 * xs.size() * w[j];
                h[j][j] += l2 * xs.size();
            }
            h[d][d] += 1e-9;
            double[] step = solve(h, g);
            double change = 0;
            for (int j = 0; j < n; j++) {
                w[j] -= step[j];
                change = Math.max(change, Math.abs(step[j]));
            }
            if (change < 1e-7) break;
        }
        return w;
    }

    /** Gaussian elimination with partial pivoting: a in x = b. */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = java.util.Arrays.copyOf(a[i], n + 1);
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++)
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) pivot = r;
            double[] t = m[c];
            m[c] = m[pivot];
            m[pivot] = t;
            if (Math.abs(m[c][c]) < 1e-12) continue;
            for (int r = 0; r < n; r++) {
                if (r == c) continue;
                double f = m[r][c] / m[c][c];
                for (int k = c; k <= n; k++) m[r][k] -= f * m[c][k];
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = Math.abs(m[i][i]) < 1e-12 ? 0 : m[i][n] / m[i][i];
        return x;
    }

    private static double p(double[] w, double[] x) {
        return DecisionModel.sigmoid(DecisionModel.logit(w, x));
    }

    /**
     * Weight of the probes' L2 penalty (times the number of posts): the vector has 384 numbers and
     * the posts are a few hundred, so some is needed; at 0.05 every logit sat within half a unit of
     * the prior and the probes said nothing. At this weight the health probe puts most illness
     * posts apart from the answerable ones, and 3-fold cross-validation over the eval sets answered
     * 11 more posts of 439 rightly with no fewer uncovered ones declined.
     */
    static final double PROBE_L2 = 0.0005;

    /**
     * Fits a probe over the focus vectors on every row, and writes each row's out-of-fold logit
     * into column {@code column} of its signals, so the models above it learn from probes that
     * never saw the post; {@code wholeToo}: the higher of the focus's and the whole post's, as the
     * engine reads it.
     */
    static double[] probeOutOfFold(
            List<Row> rows, java.util.function.Predicate<Row> label, int column, boolean wholeToo) {
        for (int fold = 0; fold < FOLDS; fold++) {
            List<Row> train = new ArrayList<>();
            List<Row> held = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++)
                (i % FOLDS == fold ? held : train).add(rows.get(i));
            double[] w =
                    fit(
                            train.stream().map(r -> doubles(r.focus())).toList(),
                            train.stream().map(label::test).toList(),
                            PROBE_L2);
            for (Row r : held)
                r.x()[column] =
                        wholeToo
                                ? DecisionModel.probeEither(w, r.focus(), r.whole())
                                : DecisionModel.probe(w, r.focus());
        }
        return fit(
                rows.stream().map(r -> doubles(r.focus())).toList(),
                rows.stream().map(label::test).toList(),
                PROBE_L2);
    }

    private static double[] doubles(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) d[i] = f[i];
        return d;
    }

    /** A post with the probabilities of models trained without it. */
    record Judged(Row row, double covered, double right, double health) {
        boolean healthReply(double floor) {
            return row.healthCues() > 0 && health >= floor;
        }

        boolean otherAnimal() {
            return row.x()[Signals.NAMES.indexOf("otherAnimal")] > 0;
        }
    }

    static final int FOLDS = 5;

    static List<Judged> outOfFold(List<Row> rows) {
        List<Judged> out = new ArrayList<>();
        for (int fold = 0; fold < FOLDS; fold++) {
            List<Row> train = new ArrayList<>();
            List<Row> held = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++)
                (i % FOLDS == fold ? held : train).add(rows.get(i));
            double[] covered =
                    fit(
                            train.stream().map(Row::x).toList(),
                            train.stream().map(r -> r.example().kind().equals("in")).toList());
            double[] right =
                    fit(
                            train.stream().map(Row::x).toList(),
                            train.stream().map(Row::right).toList());
            List<Row> cued = train.stream().filter(r -> r.healthCues() > 0).toList();
            double[] health =
                    fit(
                            cued.stream().map(Row::x).toList(),
                            cued.stream().map(r -> r.example().health()).toList());
            for (Row r : held)
                out.add(new Judged(r, p(covered, r.x()), p(right, r.x()), p(health, r.x())));
        }
        return out;
    }

    /**
     * The pair of thresholds that answers the most posts right while at least {@link
     * #NEAR_DECLINED} of the uncovered posts without illness and {@link #OFFTOPIC_DECLINED} of the
     * off-topic ones are not answered (health replies and other animals count as not answered, as
     * they are in chat). A post is answered when its "covered" probability reaches the first, or
     * its "right" probability the second: {likely, sure}.
     */
    static double[] thresholds(List<Judged> judged, double healthFloor) {
        double[] best = {0.99, 0.99};
        int bestRight = -1;
        for (double sure = 0.5; sure <= 1.0; sure += 0.02) {
            for (double likely = 0.3; likely <= 1.0; likely += 0.02) {
                int near = 0, nearDeclined = 0, off = 0, offDeclined = 0, right = 0;
                for (Judged j : judged) {
                    String kind = j.row().example().kind();
                    boolean answered =
                            !j.healthReply(healthFloor)
                                    && !j.otherAnimal()
                                    && (j.covered() >= likely || j.right() >= sure);
                    if (kind.equals("in")) {
                        right += answered && j.row().right() ? 1 : 0;
                    } else if (kind.equals("offtopic")) {
                        off++;
                        offDeclined += answered ? 0 : 1;
                    } else if (!j.row().example().health()) {
                        near++;
                        nearDeclined += answered ? 0 : 1;
                    }
                }
                if (nearDeclined >= NEAR_DECLINED * near
                        && offDeclined >= OFFTOPIC_DECLINED * off
                        && right > bestRight) {
                    bestRight = right;
                    best = new double[] {round(likely), round(Math.min(sure, 0.99))};
                }
            }
        }
        return best;
    }

    /**
     * The highest threshold that gives the health reply to {@link #HEALTH_CAUGHT} of labelled
     * health posts with a sign.
     */
    static double healthThreshold(List<Judged> judged) {
        List<Double> ps =
                judged.stream()
                        .filter(j -> j.row().healthCues() > 0 && j.row().example().health())
                        .map(Judged::health)
                        .sorted()
                        .toList();
        if (ps.isEmpty()) return 0.5;
        int miss = (int) Math.floor((1 - HEALTH_CAUGHT) * ps.size());
        return round(Math.max(HEALTH_FLOOR, ps.get(miss) * HEALTH_MARGIN));
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    static String report(List<Row> rows, DecisionModel m) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (Row r : rows) {
            Signals s = Signals.of(r.x());
            boolean health = s.healthCues() > 0 && m.healthProbability(s) >= m.healthFloor();
            boolean answered =
                    !health
                            && s.otherAnimal() == 0
                            && (m.coveredProbability(s) >= m.likely()
                                    || m.rightProbability(s) >= m.sure());
            int[] c =
                    counts.computeIfAbsent(
                            r.example().kind() + (r.example().health() ? "/health" : ""),
                            k -> new int[4]);
            c[0]++;
            c[3] += r.right() ? 1 : 0;
            c[1] += answered ? 1 : 0;
            c[2] += answered && r.right() ? 1 : health ? (r.example().health() ? 1 : 0) : 0;
        }
        StringBuilder out =
                new StringBuilder(
                        "On the training posts (kind: posts, answered, answered right or health reply where due, best passage right):\n");
        counts.forEach(
                (k, c) ->
                        out.append(
                                String.format(
                                        Locale.ROOT,
                                        "  %s: %d, %d, %d, %d%n",
                                        k,
                                        c[0],
                                        c[1],
                                        c[2],
                                        c[3])));
        return out.toString().stripTrailing();
    }

    /** For studying the signals: one tab-separated line a post on standard error. */
    private static void dump(List<Row> rows, DecisionModel m) {
        System.err.println(
                "kind\thealth\tright\tp\tpr\tph\t"
                        + String.join("\t", Signals.NAMES)
                        + "\tkw\tvec\tkwconf\tq");
        for (Row r : rows) {
            Signals s = Signals.of(r.x());
            StringBuilder line =
                    new StringBuilder(
                            r.example().kind()
                                    + "\t"
                                    + r.example().health()
                                    + "\t"
                                    + r.right()
                                    + String.format(
                                            Locale.ROOT,
                                            "\t%.3f\t%.3f\t%.3f",
                                            m.coveredProbability(s),
                                            m.rightProbability(s),
                                            m.healthProbability(s)));
            for (double v : r.x()) line.append(String.format(Locale.ROOT, "\t%.3f", v));
            System.err.println(
                    line.append(r.ranks())
                            .append('\t')
                            .append(r.example().question().replace('\t', ' ').replace('\n', ' ')));
        }
    }

    private static String fold(String s) {
        return s.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }
}
