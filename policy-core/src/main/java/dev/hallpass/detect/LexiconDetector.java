package dev.hallpass.detect;

import dev.hallpass.detect.PhraseMatcher.Entry;
import dev.hallpass.detect.PhraseMatcher.Match;
import dev.hallpass.detect.PhraseMatcher.Role;
import dev.hallpass.facts.Finding;
import dev.hallpass.facts.FindingKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The word-list detectors (urgency, absence, medication, sensitive topics, abuse …): one pass of
 * one trie over the tokens finds every trigger, cancelling pattern and negator at once; then each
 * kind keeps the triggers that are not cancelled. Its lists are the lexicon's {@code kinds} (and a
 * school's own lists); the words of {@code @pron} and {@code @time} are its {@code wordClasses}.
 * Reads the names the name recognizer marked. Built once per school; thread-safe.
 */
final class LexiconDetector implements Recognizer {
    static final String NAME = "word-lists";
    /** How many words before a trigger a negator reaches ("not really urgent"). */
    static final int NEGATION_REACH = 3;
    static final Set<String> CLASSES = Set.of("pron", "name", "time", "num", "masked");

    /** In text order; of matches starting at one word, the longest first. */
    private static final Comparator<Match> LONGEST_FIRST = (a, b) ->
            a.first() != b.first() ? Integer.compare(a.first(), b.first()) : Integer.compare(b.last(), a.last());

    private final PhraseMatcher matcher = new PhraseMatcher();
    /** A list's identity: its kind and label (the label tells the school's own lists apart). */
    private record ListId(FindingKind kind, String label) {}

    private final Map<ListId, Set<String>> negators = new HashMap<>();
    /** Each pattern payload's list, made once: matching a megabyte makes hundreds of thousands of matches. */
    private final Map<Entry, ListId> listOf = new HashMap<>();
    private final Set<ListId> needing = new HashSet<>();
    private final Set<String> pronouns;
    private final Set<String> timeWords;
    private final Set<FindingKind> emits = java.util.EnumSet.noneOf(FindingKind.class);

    /** @throws IllegalArgumentException if a pattern is empty, too long or names an unknown word class */
    LexiconDetector(Lexicon lexicon) {
        this.pronouns = lexicon.classes().pron();
        this.timeWords = lexicon.classes().time();
        lexicon.kinds().forEach((kind, w) -> add(kind, kind.name(), w));
        lexicon.schoolLists().forEach((name, w) -> add(FindingKind.SCHOOL_WORDS, name, w));
    }

    private void add(FindingKind kind, String label, Lexicon.KindWords w) {
        w.phrases().forEach(p -> matcher.add(p, new Entry(kind, label, Role.TRIGGER), CLASSES));
        w.ignore().forEach(p -> matcher.add(p, new Entry(kind, label, Role.IGNORE), CLASSES));
        w.needs().forEach(p -> matcher.add(p, new Entry(kind, label, Role.NEEDS), CLASSES));
        Set<String> neg = new HashSet<>();
        w.negators().forEach(n -> neg.add(Tokens.foldKey(n)));
        ListId id = new ListId(kind, label);
        emits.add(kind);
        for (Role role : Role.values()) {
            listOf.put(new Entry(kind, label, role), id);
        }
        negators.put(id, neg);
        if (!w.needs().isEmpty()) {
            needing.add(id);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<FindingKind> emits() {
        return Set.copyOf(emits);
    }

    @Override
    public Set<String> contextWords() {
        Set<String> context = new HashSet<>();
        negators.values().forEach(context::addAll);
        return Set.copyOf(context);
    }

    @Override
    public void scan(Scan scan) {
        detect(scan.tokens(), scan.isName(), scan.findings());
    }

    void detect(Tokens t, boolean[] isName, List<Finding> out) {
        List<Match> matches = matcher.matchAll(t, (cls, i) -> inClass(t, isName, cls, i));
        if (matches.isEmpty()) {
            return;
        }
        Map<ListId, List<Match>> triggers = new java.util.LinkedHashMap<>();
        Map<ListId, boolean[]> ignored = new HashMap<>();
        Map<ListId, Set<Integer>> needSentences = new HashMap<>();
        for (Match m : matches) {
            ListId kind = listOf.get(m.entry());
            switch (m.entry().role()) {
                case TRIGGER -> triggers.computeIfAbsent(kind, k -> new ArrayList<>()).add(m);
                case IGNORE -> {
                    boolean[] marks = ignored.computeIfAbsent(kind, k -> new boolean[t.size()]);
                    for (int i = m.first(); i <= m.last(); i++) {
                        marks[i] = true;
                    }
                }
                case NEEDS -> needSentences.computeIfAbsent(kind, k -> new HashSet<>()).add(t.sentence(m.first()));
            }
        }
        triggers.forEach((kind, list) -> {
            list.sort(LONGEST_FIRST);
            boolean[] cancel = ignored.get(kind);
            Set<String> neg = negators.getOrDefault(kind, Set.of());
            Set<Integer> needed = needSentences.getOrDefault(kind, Set.of());
            boolean needs = needing.contains(kind);
            int coveredUpTo = -1;
            for (Match m : list) {
                if (m.first() <= coveredUpTo
                        || overlapsAny(m, cancel)
                        || negated(t, m.first(), neg)
                        || (needs && !needed.contains(t.sentence(m.first())))) {
                    continue;
                }
                out.add(new Finding(kind.kind(), t.start(m.first()), t.end(m.last()), -1, kind.label()));
                coveredUpTo = m.last();
            }
        });
    }

    private static boolean overlapsAny(Match m, boolean[] ignored) {
        if (ignored == null) {
            return false;
        }
        for (int i = m.first(); i <= m.last(); i++) {
            if (ignored[i]) {
                return true;
            }
        }
        return false;
    }

    private static boolean negated(Tokens t, int first, Set<String> negators) {
        if (negators.isEmpty()) {
            return false;
        }
        for (int k = first - 1; k >= 0 && k >= first - NEGATION_REACH && t.sentence(k) == t.sentence(first); k--) {
            if (negators.contains(t.key(k))) {
                return true;
            }
        }
        return false;
    }

    private boolean inClass(Tokens t, boolean[] isName, String cls, int i) {
        return switch (cls) {
            case "name" -> isName[i];
            case "pron" -> isName[i] || pronouns.contains(t.key(i));
            case "num" -> t.has(i, Tokens.NUMERIC);
            case "time" -> t.has(i, Tokens.NUMERIC) || timeWords.contains(t.key(i));
            case "masked" -> t.key(i).indexOf('*') > 0;
            default -> false;
        };
    }
}
