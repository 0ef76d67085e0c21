package dev.ratbot.tips;

import dev.ratbot.answer.SectionRef;
import dev.ratbot.knowledge.KnowledgePack;
import dev.ratbot.knowledge.Section;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily tips of a knowledge pack: the tips the pack lists explicitly, then tips drawn from its
 * text, each at most {@link Tip#MAX_CHARS} characters, readable on its own, tied to its section,
 * and distinct by id (the first of two tips with the same id wins). Immutable and thread-safe.
 *
 * <p>Drawn tips are one or two sentences of prose that need nothing before them, a list item given
 * the condition its lead-in states, or a list of short phrases joined into one sentence with its
 * lead-in; headings, captions, lead-ins, questions and the publisher's promotion are left out. An
 * explicit tip is tied to the section whose text shares the most words with it; one longer than
 * {@link Tip#MAX_CHARS}, blank, or in a pack without sections is skipped with a warning.
 */
public final class TipCatalogue {

    private static final Logger log = LoggerFactory.getLogger(TipCatalogue.class);
    private static final Pattern WORD = Pattern.compile("\\p{L}{4,}");

    /** Words too common to say which section a tip belongs to. */
    private static final Set<String> COMMON =
            Set.of(
                    "your", "with", "that", "they", "them", "their", "this", "have", "will", "from",
                    "when", "what", "more", "some", "into", "also", "been", "than", "then", "were",
                    "just", "like", "about", "there", "these", "those", "which", "while", "other",
                    "make", "only", "very");

    private final List<Tip> tips;
    private final Map<String, Tip> byId;

    private TipCatalogue(Collection<Tip> tips) {
        Map<String, Tip> unique = new LinkedHashMap<>();
        for (Tip tip : tips) unique.putIfAbsent(tip.id(), tip);
        this.byId = Map.copyOf(unique);
        this.tips = List.copyOf(unique.values());
    }

    /**
     * The catalogue of {@code pack}: its explicit tips first, then the tips drawn from its
     * sections.
     */
    public static TipCatalogue from(KnowledgePack pack) {
        List<Tip> tips = new ArrayList<>(explicit(pack));
        tips.addAll(new TipExtractor(pack.attribution()).extract(pack));
        return new TipCatalogue(tips);
    }

    /** A catalogue of exactly these tips (duplicates by id dropped), e.g. for tests. */
    public static TipCatalogue of(Collection<Tip> tips) {
        return new TipCatalogue(tips);
    }

    /** Every tip, in catalogue order (explicit tips, then pack order). */
    public List<Tip> tips() {
        return tips;
    }

    public Optional<Tip> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every tip id. */
    public Set<String> ids() {
        return byId.keySet();
    }

    public int size() {
        return tips.size();
    }

    public boolean isEmpty() {
        return tips.isEmpty();
    }

    private static List<Tip> explicit(KnowledgePack pack) {
        List<Tip> out = new ArrayList<>();
        for (String raw : pack.explicitTips()) {
            String text = Sentences.clean(raw);
            if (text.isEmpty()) {
                log.warn("Skipping a blank explicit tip in the pack");
            } else if (text.length() > Tip.MAX_CHARS) {
                log.warn(
                        "Skipping an explicit tip longer than {} characters: {}",
                        Tip.MAX_CHARS,
                        opening(text));
            } else if (pack.sections().isEmpty()) {
                log.warn(
                        "Skipping an explicit tip: the pack has no section to tie it to: {}",
                        opening(text));
            } else {
                out.add(Tip.of(text, closestSection(text, pack.sections())));
            }
        }
        return out;
    }

    /** Enough of a tip to find it in the pack, without copying a huge one into the log. */
    private static String opening(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "\u2026";
    }

    /**
     * The section sharing the most distinct words (of four letters or more) with {@code text}; the
     * first on a tie.
     */
    static SectionRef closestSection(String text, List<Section> sections) {
        Set<String> wanted = words(text);
        Section best = sections.get(0);
        long bestScore = -1;
        for (Section section : sections) {
            StringBuilder body = new StringBuilder(String.join(" ", section.path()));
            section.blocks().forEach(b -> body.append(' ').append(b.plainText()));
            Set<String> have = words(body.toString());
            long score = wanted.stream().filter(have::contains).count();
            if (score > bestScore) {
                best = section;
                bestScore = score;
            }
        }
        return new SectionRef(best.id(), best.title());
    }

    private static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            if (!COMMON.contains(m.group())) out.add(m.group());
        }
        return out;
    }

    @Override
    public String toString() {
        return "TipCatalogue[" + tips.size() + " tips]";
    }
}
