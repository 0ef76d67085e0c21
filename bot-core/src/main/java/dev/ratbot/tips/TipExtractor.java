package dev.ratbot.tips;

import dev.ratbot.answer.SectionRef;
import dev.ratbot.knowledge.Attribution;
import dev.ratbot.knowledge.Block;
import dev.ratbot.knowledge.KnowledgePack;
import dev.ratbot.knowledge.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Draws tips from a pack's text. From prose: a sentence that stands alone, together with the
 * sentences right after it that lean on it ("They ...", "This ..."), and a short one joined with
 * the next. From a list whose items are sentences: each item, given the condition its lead-in sets
 * ("When introducing a new rat to a group, ..."). From a list of words or phrases: the whole list
 * in one sentence with its lead-in ("Signs of a shy rat: hiding ..., and freezing ..."). Headings,
 * captions, lead-ins, questions and the publisher's own promotion never become tips, nor does
 * anything longer than {@link Tip#MAX_CHARS}.
 */
final class TipExtractor {

    /** Shorter than this, a tip is joined with the next sentence when that fits. */
    private static final int SHORT = 100;

    /** Shorter than this, a text is a caption or a fragment, not a tip. */
    private static final int MIN_CHARS = 35;

    private static final Pattern CONDITION =
            Pattern.compile(
                    "^((?:When|If|Before|After|While|Once|Whenever|Until|For|To)\\s[^,:;]{3,120}),\\s");
    private static final Pattern ENUMERATING_END =
            Pattern.compile(
                    "(?i)(?:\\b(?:are|is|include|includes|including|such as|like|try|offer|use|need|needs))$");

    private final List<Pattern> promotion;

    TipExtractor(Attribution attribution) {
        this.promotion = promotionPatterns(attribution);
    }

    List<Tip> extract(KnowledgePack pack) {
        List<Tip> tips = new ArrayList<>();
        for (Section section : pack.sections()) {
            SectionRef ref = new SectionRef(section.id(), section.title());
            for (Block block : section.blocks()) {
                List<String> texts =
                        switch (block) {
                            case Block.Paragraph p -> fromProse(p.text());
                            case Block.BulletList l -> fromList(l);
                        };
                for (String text : texts) {
                    if (readsAlone(text)) tips.add(Tip.of(text, ref));
                }
            }
        }
        return tips;
    }

    /** The last check every drawn tip passes, whatever rule drew it. */
    boolean readsAlone(String text) {
        if (text.length() < MIN_CHARS || text.length() > Tip.MAX_CHARS) return false;
        if (text.indexOf('\n') >= 0 || text.contains("?")) return false;
        if (!Character.isUpperCase(text.codePointAt(0))) return false;
        if (!Sentences.endsAsStatement(text) || Sentences.leadsOn(text)) return false;
        List<String> sentences = Sentences.split(text);
        if (sentences.isEmpty() || Sentences.leansBack(sentences.get(0))) return false;
        return promotion.stream().noneMatch(p -> p.matcher(text).find());
    }

    private List<String> fromProse(String paragraph) {
        List<String> units = new ArrayList<>();
        StringBuilder unit = null;
        for (String sentence : Sentences.split(paragraph)) {
            if (Sentences.isQuestion(sentence) || Sentences.leadsOn(sentence)) {
                unit = flush(units, unit);
                continue;
            }
            if (Sentences.leansBack(sentence)) {
                if (unit != null && unit.length() + 1 + sentence.length() <= Tip.MAX_CHARS) {
                    unit.append(' ').append(sentence);
                    continue;
                }
                unit = flush(units, unit);
                // Too long to keep with what it leans on: usable alone only if it leaned on a mere
                // "Also,".
                String alone = Sentences.withoutConnective(sentence);
                if (alone.equals(sentence) || Sentences.leansBack(alone)) continue;
                sentence = alone;
            } else {
                unit = flush(units, unit);
            }
            unit = new StringBuilder(sentence);
        }
        flush(units, unit);
        return joinShort(units);
    }

    private static StringBuilder flush(List<String> units, StringBuilder unit) {
        if (unit != null) units.add(unit.toString());
        return null;
    }

    /** Joins a short unit with the one after it when both fit in one tip: "a sentence or two". */
    private static List<String> joinShort(List<String> units) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            String unit = units.get(i);
            if (unit.length() < SHORT
                    && i + 1 < units.size()
                    && unit.length() + 1 + units.get(i + 1).length() <= Tip.MAX_CHARS) {
                unit = unit + " " + units.get(++i);
            }
            out.add(unit);
        }
        return out;
    }

    private List<String> fromList(Block.BulletList list) {
        String leadIn = Sentences.clean(list.leadIn());
        List<String> items = list.items().stream().map(Sentences::clean).toList();
        boolean sentences = items.stream().allMatch(TipExtractor::isSentence);
        return sentences ? fromSentenceItems(leadIn, items) : fromPhraseItems(leadIn, items);
    }

    private static boolean isSentence(String item) {
        String s = item.strip();
        return !s.isEmpty()
                && Character.isUpperCase(s.codePointAt(0))
                && s.split("\\s+").length >= 4
                && !s.endsWith(";")
                && !s.endsWith(",");
    }

    private static List<String> fromSentenceItems(String leadIn, List<String> items) {
        Matcher condition = CONDITION.matcher(leadIn);
        String prefix = condition.find() ? condition.group(1) + ", " : "";
        List<String> out = new ArrayList<>();
        for (String item : items) {
            String text = item.strip();
            if (!Sentences.endsAsStatement(text)) text = text.replaceAll("[;,:]+$", "") + ".";
            out.add(prefix.isEmpty() ? text : prefix + Sentences.decapitalise(text));
        }
        return out;
    }

    private static List<String> fromPhraseItems(String leadIn, List<String> items) {
        if (leadIn.isEmpty()) return List.of(); // a bare list of phrases has no context to stand on
        String lead = leadIn.replaceAll("[\\s:;,.\u2013\u2014-]+$", "");
        String joint = ENUMERATING_END.matcher(lead).find() ? " " : ": ";
        List<String> phrases = new ArrayList<>();
        for (String item : items) {
            String phrase = Sentences.decapitalise(item.strip().replaceAll("[\\s;,.]+$", ""));
            if (!phrase.isEmpty()) phrases.add(phrase);
        }
        String separator = phrases.stream().anyMatch(p -> p.contains(",")) ? "; " : ", ";
        // A list too long for one tip becomes several, each carrying the lead-in.
        List<String> out = new ArrayList<>();
        List<String> group = new ArrayList<>();
        for (String phrase : phrases) {
            group.add(phrase);
            if (sentence(lead, joint, group, separator).length() > Tip.MAX_CHARS
                    && group.size() > 1) {
                group.remove(group.size() - 1);
                out.add(sentence(lead, joint, group, separator));
                group = new ArrayList<>(List.of(phrase));
            }
        }
        if (!group.isEmpty()) out.add(sentence(lead, joint, group, separator));
        return out;
    }

    private static String sentence(
            String lead, String joint, List<String> phrases, String separator) {
        StringBuilder out = new StringBuilder(lead).append(joint);
        for (int i = 0; i < phrases.size(); i++) {
            if (i > 0 && i < phrases.size() - 1) out.append(separator);
            else if (i > 0) out.append(phrases.size() == 2 ? " and " : separator.strip() + " and ");
            out.append(phrases.get(i));
        }
        return out.append('.').toString();
    }

    /**
     * The publisher's and author's names: a sentence that names them is promotion or biography, not
     * advice.
     */
    private static List<Pattern> promotionPatterns(Attribution attribution) {
        List<Pattern> out = new ArrayList<>();
        for (String name : List.of(attribution.source(), attribution.author())) {
            String[] words = name.strip().split("\\s+");
            // Any two consecutive words of the name ("Quality Cage" of "Quality Cage Crafters").
            for (int i = 0; i + 1 < words.length; i++) {
                out.add(
                        Pattern.compile(
                                "\\b" + Pattern.quote(words[i] + " " + words[i + 1]) + "\\b"));
            }
            if (words.length == 1 && words[0].length() > 3) {
                out.add(Pattern.compile("\\b" + Pattern.quote(words[0]) + "\\b"));
            }
        }
        return out;
    }
}
