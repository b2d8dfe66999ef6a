package dev.hallpass.detect;

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
 * Finds children's names: every roster name (full names, first names, aliases; any case, accents
 * folded, possessives), and unlisted names that context introduces ("my son Tom", "Ruby's mum").
 * Names that are also ordinary words (Will, May, Grace) count only when used as names; a name after
 * a title (Mrs Patel, Miss Grace) is a member of staff. Its word lists are the lexicon's {@code
 * names} section; its context words are the introducers, relations and titles. Marks the tokens it
 * finds as names for the word-list recognizer. Built once per school; thread-safe.
 */
final class NameDetector implements Recognizer {
    static final String NAME = "child-name";

    private final Map<String, List<String[]>> rosterByFirstKey = new HashMap<>();
    private final Lexicon.NameWords words;
    private final Map<String, List<String[]>> introducersByFirstKey = new HashMap<>();
    private final Set<String> notNames = new HashSet<>();

    NameDetector(DetectorConfig config, Lexicon.NameWords words) {
        this.words = words;
        notNames.addAll(words.notNames());
        notNames.addAll(words.relations());
        notNames.addAll(words.titles());
        for (String text : config.notNames()) {
            addKeys(notNames, text);
        }
        for (DetectorConfig.RosterName child : config.roster()) {
            addName(child.name());
            String[] parts = keysOf(child.name());
            if (parts.length > 1) {
                addName(firstWordOf(child.name()));
            }
            child.aliases().forEach(this::addName);
        }
        rosterByFirstKey.values().forEach(l -> l.sort(Comparator.comparingInt((String[] a) -> a.length).reversed()));
        for (String intro : words.introducers()) {
            String[] keys = keysOf(intro);
            if (keys.length > 0) {
                introducersByFirstKey.computeIfAbsent(keys[0], k -> new ArrayList<>()).add(keys);
            }
        }
    }

    private static void addKeys(Set<String> set, String text) {
        Tokens t = Tokens.of(text);
        for (int i = 0; i < t.size(); i++) {
            set.add(t.base(i));
        }
    }

    private static String firstWordOf(String name) {
        Tokens t = Tokens.of(name);
        return t.raw(0);
    }

    private static String[] keysOf(String text) {
        Tokens t = Tokens.of(text);
        String[] keys = new String[t.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = t.key(i);
        }
        return keys;
    }

    private void addName(String name) {
        String[] keys = keysOf(name);
        if (keys.length == 0) {
            return;
        }
        List<String[]> list = rosterByFirstKey.computeIfAbsent(keys[0], k -> new ArrayList<>());
        if (list.stream().noneMatch(k -> java.util.Arrays.equals(k, keys))) {
            list.add(keys);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<FindingKind> emits() {
        return Set.of(FindingKind.CHILD_NAME);
    }

    @Override
    public Set<String> contextWords() {
        Set<String> context = new HashSet<>(words.relations());
        context.addAll(words.titles());
        for (String intro : words.introducers()) {
            context.add(Tokens.foldKey(intro));
        }
        return Set.copyOf(context);
    }

    @Override
    public void scan(Scan scan) {
        detect(scan.tokens(), scan.isName(), scan.findings());
    }

    /** Adds a CHILD_NAME finding for each name; marks the tokens that are names in {@code isName}. */
    void detect(Tokens t, boolean[] isName, List<Finding> out) {
        for (int i = 0; i < t.size(); i++) {
            if (isName[i] || (i > 0 && words.titles().contains(t.key(i - 1)))) {
                continue;
            }
            int last = rosterMatch(t, i);
            if (last < 0) {
                last = introducedName(t, i, isName);
            }
            if (last >= 0) {
                for (int k = i; k <= last; k++) {
                    isName[k] = true;
                }
                int end = t.has(last, Tokens.POSSESSIVE) ? t.end(last) - 2 : t.end(last);
                out.add(Finding.span(FindingKind.CHILD_NAME, t.start(i), end));
                i = last;
            }
        }
    }

    /** The last token of the longest roster name starting at {@code i} and used as a name, or -1. */
    private int rosterMatch(Tokens t, int i) {
        List<String[]> candidates = rosterByFirstKey.get(t.key(i));
        if (candidates == null) {
            candidates = rosterByFirstKey.get(t.base(i));
        }
        if (candidates == null) {
            return -1;
        }
        for (String[] name : candidates) {
            int last = i + name.length - 1;
            if (last >= t.size() || t.sentence(last) != t.sentence(i)) {
                continue;
            }
            boolean match = true;
            for (int k = 0; k < name.length && match; k++) {
                String key = k == name.length - 1 ? t.base(i + k) : t.key(i + k);
                match = key.equals(name[k]) || (k == name.length - 1 && t.key(i + k).equals(name[k]));
            }
            if (match && (name.length > 1 || usedAsName(t, i))) {
                return last;
            }
        }
        return -1;
    }

    /** For a one-word roster name: false when it is an ordinary word here ("we will see", "in May"). */
    private boolean usedAsName(Tokens t, int i) {
        String base = t.base(i);
        if (!words.wordNames().contains(base)) {
            return true;
        }
        boolean possessive = t.has(i, Tokens.POSSESSIVE);
        boolean next = i + 1 < t.size() && t.sentence(i + 1) == t.sentence(i);
        if (possessive && next && words.relations().contains(t.key(i + 1))) {
            return true;
        }
        // Lower case or ALL CAPS carries no sign that the word is a name ("say grace", "WILL YOU").
        if (!t.has(i, Tokens.CAPITALISED) || t.has(i, Tokens.ALL_CAPS)) {
            return false;
        }
        if (next && words.notAfterWordName().contains(t.key(i + 1))) {
            return false;
        }
        if (base.equals("may") && ((i > 0 && words.monthContext().contains(t.key(i - 1))) || (next && t.has(i + 1, Tokens.NUMERIC)))) {
            return false;
        }
        if (!t.has(i, Tokens.SENTENCE_START) || (possessive && !words.timeNames().contains(base))) {
            return true;
        }
        // At the start of a sentence the capital proves nothing ("Grace period", "Will swap"):
        // it is a name only when a verb or "and" follows ("Grace was", "Will has", "Jack and Isla").
        return next && words.nameFollowers().contains(t.key(i + 1));
    }

    /** An unlisted name introduced by context: "my son Tom", "Ruby's mum". Returns its token or -1. */
    private int introducedName(Tokens t, int i, boolean[] isName) {
        // "Bella (Yr2) and Leo": a capitalised word joined by "and" to a name just found.
        if (i >= 2 && (t.key(i - 1).equals("and")) && t.has(i, Tokens.CAPITALISED) && plausibleName(t, i)
                && t.sentence(i - 2) == t.sentence(i) && namedBefore(isName, i - 2)) {
            return i;
        }
        if (t.has(i, Tokens.POSSESSIVE) && t.has(i, Tokens.CAPITALISED) && i + 1 < t.size()
                && t.sentence(i + 1) == t.sentence(i) && words.relations().contains(t.key(i + 1))
                && plausibleName(t, i)) {
            return i;
        }
        // "my son Tom": i is the candidate, the introducer ends at i - 1.
        for (int len = 1; len <= 3 && i - len >= 0; len++) {
            List<String[]> intros = introducersByFirstKey.get(t.key(i - len));
            if (intros == null) {
                continue;
            }
            for (String[] intro : intros) {
                if (intro.length == len && matchesAt(t, i - len, intro) && t.sentence(i - len) == t.sentence(i)
                        && plausibleName(t, i) && (t.has(i, Tokens.CAPITALISED) || lowerCaseName(t, i))) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** True when token {@code k} or the one before it is a name already found. */
    private static boolean namedBefore(boolean[] isName, int k) {
        return isName[k] || (k > 0 && isName[k - 1]);
    }

    /**
     * "my son tom lost his book": a lower-case word after an introducer is a name only when it is
     * none of the words that usually follow "my son" and a verb comes straight after it.
     */
    private boolean lowerCaseName(Tokens t, int i) {
        String k = t.key(i);
        return i + 1 < t.size() && t.sentence(i + 1) == t.sentence(i)
                && words.nameFollowers().contains(t.key(i + 1))
                && !words.nameFollowers().contains(k) && !words.notAfterWordName().contains(k);
    }

    private boolean plausibleName(Tokens t, int i) {
        return !t.has(i, Tokens.NUMERIC) && !notNames.contains(t.base(i)) && t.base(i).length() > 1;
    }

    private static boolean matchesAt(Tokens t, int at, String[] keys) {
        for (int k = 0; k < keys.length; k++) {
            if (!t.key(at + k).equals(keys[k])) {
                return false;
            }
        }
        return true;
    }
}
