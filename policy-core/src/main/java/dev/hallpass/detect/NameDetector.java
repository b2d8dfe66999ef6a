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
    /** Introducers ("my son") by first key: the word lists', shared. */
    private final Map<String, List<String[]>> introducersByFirstKey;
    /** One-word roster names by their {@link #skeleton}, for names typed with digits for letters ("Mi11ie"). */
    private final Map<String, String> rosterBySkeleton = new HashMap<>();
    /**
     * Phrases in which a roster name is not a child's (the lexicon's, then the school's notNames), by
     * first key, then by second key ("" for one-word phrases): the word lists' map, shared, unless
     * the school adds phrases of its own.
     */
    private final Map<String, Map<String, List<String[]>>> notNamePhrasesByFirstKey;
    private final Map<String, List<String[]>> characterCuesByLastKey;
    private final Map<String, List<String[]>> placeCuesByLastKey;
    /** What {@link #classify} reads for the word lists' own words: shared by every school on the same lists. */
    private final Shared shared;
    /** The bits this school's own words add (its roster, notNames and not-a-name phrases), for a token's key. */
    private final Map<String, Integer> ownKeyBits = new HashMap<>();
    /** As {@link #ownKeyBits}, for a token's base. */
    private final Map<String, Integer> ownBaseBits = new HashMap<>();

    NameDetector(DetectorConfig config, Lexicon.NameWords words) {
        this.words = words;
        shared = Shared.of(words);
        introducersByFirstKey = shared.introducersByFirstKey();
        characterCuesByLastKey = shared.characterCuesByLastKey();
        placeCuesByLastKey = shared.placeCuesByLastKey();
        // Every word of every roster name and alias: a capitalised roster word beside a name is not a longer proper name.
        Set<String> rosterWords = new HashSet<>();
        // One-word aliases that are common English words (Kit, Sunny): names only where used as one.
        Set<String> wordAliases = new HashSet<>();
        for (DetectorConfig.RosterName child : config.roster()) {
            addName(child.name());
            String[] parts = keysOf(child.name());
            if (parts.length > 1) {
                addName(firstWordOf(child.name()));
            }
            rosterWords.addAll(List.of(parts));
            child.aliases().forEach(this::addName);
            for (String alias : child.aliases()) {
                String[] keys = keysOf(alias);
                rosterWords.addAll(List.of(keys));
                if (keys.length == 1 && CommonWords.contains(keys[0])) {
                    wordAliases.add(keys[0]);
                }
            }
        }
        rosterByFirstKey.values().forEach(l -> l.sort(Comparator.comparingInt((String[] a) -> a.length).reversed()));
        for (List<String[]> names : rosterByFirstKey.values()) {
            for (String[] name : names) {
                if (name.length == 1 && name[0].length() >= 3) {
                    rosterBySkeleton.putIfAbsent(skeleton(name[0]), name[0]);
                }
            }
        }
        if (config.notNamePhrases().isEmpty()) {
            notNamePhrasesByFirstKey = shared.notNamePhrasesByFirstKey();
        } else {
            notNamePhrasesByFirstKey = new HashMap<>();
            shared.notNamePhrasesByFirstKey().forEach((first, bySecond) -> {
                Map<String, List<String[]>> copy = new HashMap<>();
                bySecond.forEach((second, list) -> copy.put(second, new ArrayList<>(list)));
                notNamePhrasesByFirstKey.put(first, copy);
            });
            addPhrases(config.notNamePhrases(), notNamePhrasesByFirstKey);
        }
        for (String text : config.notNames()) {
            Tokens t = Tokens.of(text);
            for (int i = 0; i < t.size(); i++) {
                ownBaseBits.merge(t.base(i), B_NOT_NAME | NOT_PROPER, OR);
            }
        }
        rosterWords.forEach(w -> ownBaseBits.merge(w, B_ROSTER_WORD | NOT_PROPER, OR));
        wordAliases.forEach(w -> ownBaseBits.merge(w, B_WORD_ALIAS, OR));
        for (String first : rosterByFirstKey.keySet()) {
            ownKeyBits.merge(first, ROSTER_FIRST, OR);
            ownBaseBits.merge(first, ROSTER_FIRST, OR);
        }
        markPhraseFirsts(config.notNamePhrases(), ownKeyBits, ownBaseBits);
        fillOwnFilter();
    }

    /** Marks the first word of every phrase as one a not-a-name phrase may start with, as a key and as a base. */
    private static void markPhraseFirsts(List<String> phrases, Map<String, Integer> key, Map<String, Integer> base) {
        for (String phrase : phrases) {
            String[] keys = keysOf(phrase);
            if (keys.length > 0) {
                key.merge(keys[0], PHRASE_FIRST, OR);
                base.merge(keys[0], PHRASE_FIRST, OR);
            }
        }
    }

    private static final java.util.function.BiFunction<Integer, Integer, Integer> OR = (a, b) -> a | b;

    /**
     * What a detector needs of the word lists alone: the {@link #classify} bits of every word they
     * name, for a token's key and for its base (one lookup each instead of one per word set), and
     * the introducers, cues and not-a-name phrases by key. Built once per word lists, shared by
     * every school's detector on them, never changed after it is built, and kept while the lists
     * are in use.
     */
    private record Shared(Map<String, Integer> key, Map<String, Integer> base, int[] keyById, int[] baseById, int[] bothById, long[] listedFilter,
            Map<String, List<String[]>> introducersByFirstKey, Map<String, Map<String, List<String[]>>> notNamePhrasesByFirstKey,
            Map<String, List<String[]>> characterCuesByLastKey, Map<String, List<String[]>> placeCuesByLastKey) {
        private static final Map<Lexicon.NameWords, Shared> BUILT = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

        static Shared of(Lexicon.NameWords words) {
            Shared m = BUILT.get(words);
            if (m == null) {
                m = build(words);
                BUILT.put(words, m);
            }
            return m;
        }

        private static Shared build(Lexicon.NameWords words) {
            Map<String, Integer> key = new HashMap<>();
            Map<String, Integer> base = new HashMap<>();
            Set<String> introducerLast = new HashSet<>();
            for (String intro : words.introducers()) {
                String[] keys = keysOf(intro);
                if (keys.length > 0) {
                    introducerLast.add(keys[keys.length - 1]);
                }
            }
            List<Set<String>> keySets = List.of(words.titles(), words.placeWords(), words.eventWords(), words.productWords(),
                    words.placePrefixes(), words.mediaWords(), LIST_WORDS, TITLE_DETERMINERS, DETERMINERS, words.relations(),
                    words.notAfterWordName(), words.monthContext(), words.nameFollowers(), AUXILIARIES, introducerLast);
            for (int k = 0; k < keySets.size(); k++) {
                int bit = KEY_BITS[k];
                keySets.get(k).forEach(w -> key.merge(w, bit, OR));
            }
            words.placeNames().forEach(w -> base.merge(w, B_PLACE_NAME, OR));
            words.characterNouns().forEach(w -> base.merge(w, B_CHARACTER_NOUN, OR));
            for (Set<String> notName : List.of(words.notNames(), words.relations(), words.titles())) {
                notName.forEach(w -> base.merge(w, B_NOT_NAME | NOT_PROPER, OR));
            }
            words.wordNames().forEach(w -> base.merge(w, B_WORD_NAME | NOT_PROPER, OR));
            words.timeNames().forEach(w -> base.merge(w, B_TIME_NAME, OR));
            words.nameFollowers().forEach(w -> base.merge(w, NOT_PROPER, OR));
            CommonWords.forEach(w -> {
                key.merge(w, NOT_PROPER, OR);
                base.merge(w, NOT_PROPER, OR);
            });
            markPhraseFirsts(words.notNamePhrases(), key, base);
            Map<String, List<String[]>> introducers = new HashMap<>();
            for (String intro : words.introducers()) {
                String[] keys = keysOf(intro);
                if (keys.length > 0) {
                    introducers.computeIfAbsent(keys[0], k -> new ArrayList<>()).add(keys);
                }
            }
            Map<String, Map<String, List<String[]>>> phrases = new HashMap<>();
            addPhrases(words.notNamePhrases(), phrases);
            Map<String, List<String[]>> characterCues = new HashMap<>();
            byLastKey(words.characterCues(), characterCues);
            Map<String, List<String[]>> placeCues = new HashMap<>();
            byLastKey(words.placeCues(), placeCues);
            // Every common word's bits in arrays by its Vocabulary id: most tokens are common words.
            int[] keyById = new int[Vocabulary.size()];
            int[] baseById = new int[Vocabulary.size()];
            for (int id = 0; id < keyById.length; id++) {
                String w = Vocabulary.word(id);
                keyById[id] = keyBits(key.getOrDefault(w, 0), w);
                baseById[id] = baseBits(base.getOrDefault(w, 0), w);
            }
            int[] bothById = new int[keyById.length]; // a token whose key is its base (no possessive): one load
            for (int id = 0; id < bothById.length; id++) {
                bothById[id] = keyById[id] | baseById[id];
            }
            // The maps then need only the words that are not common: fewer entries, and a filter by hash
            // lets most other words (names, numbers) skip the lookup.
            key.keySet().removeIf(w -> Vocabulary.id(w) != Vocabulary.NONE);
            base.keySet().removeIf(w -> Vocabulary.id(w) != Vocabulary.NONE);
            long[] filter = new long[LISTED_FILTER_BITS / 64];
            for (Map<String, Integer> listed : List.of(key, base)) {
                for (String w : listed.keySet()) {
                    int bit = filterBit(w, LISTED_FILTER_BITS);
                    filter[bit >>> 6] |= 1L << bit;
                }
            }
            return new Shared(Map.copyOf(key), Map.copyOf(base), keyById, baseById, bothById, filter, introducers, phrases, characterCues, placeCues);
        }
    }

    private static void addPhrases(List<String> phrases, Map<String, Map<String, List<String[]>>> out) {
        for (String phrase : phrases) {
            String[] keys = keysOf(phrase);
            if (keys.length > 0) {
                out.computeIfAbsent(keys[0], k -> new HashMap<>()).computeIfAbsent(keys.length > 1 ? keys[1] : "", k -> new ArrayList<>()).add(keys);
            }
        }
    }

    private static void byLastKey(List<String> phrases, Map<String, List<String[]>> out) {
        for (String phrase : phrases) {
            String[] keys = keysOf(phrase);
            if (keys.length > 0) {
                out.computeIfAbsent(keys[keys.length - 1], k -> new ArrayList<>()).add(keys);
            }
        }
    }

    /**
     * A name's letters with the digits and letters that stand in for each other made one: 0 and o;
     * 1, i and l; 3 and e; 4 and a; 5 and s; 7 and t; 8 and b.
     */
    static String skeleton(String key) {
        StringBuilder sb = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = Character.toLowerCase(key.charAt(i));
            sb.append(switch (c) {
                case '0' -> 'o';
                case '1', 'i' -> 'l';
                case '3' -> 'e';
                case '4' -> 'a';
                case '5' -> 's';
                case '7' -> 't';
                case '8' -> 'b';
                default -> c;
            });
        }
        return sb.toString();
    }

    /** True for a word typed with digits among its letters ("Mi11ie", "0liver"), or a capital I inside lower case ("MiIlie"). */
    private static boolean leet(Tokens t, int i) {
        int letters = 0;
        int digits = 0;
        boolean innerCapitalI = false;
        char prev = 0;
        for (int at = t.start(i), end = t.end(i); at < end; at++) {
            char c = t.rawChar(at);
            if (Character.isLetter(c)) {
                letters++;
                innerCapitalI |= c == 'I' && at > t.start(i) && Character.isLowerCase(prev);
            } else if (Character.isDigit(c)) {
                digits++;
            }
            prev = c;
        }
        return letters >= 2 && (digits > 0 || innerCapitalI);
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
        detect(scan.tokens(), scan.isName(), scan.findings(), scan.nameNotes());
    }

    /** Adds a CHILD_NAME finding for each name; marks the tokens that are names in {@code isName}. */
    void detect(Tokens t, boolean[] isName, List<Finding> out) {
        detect(t, isName, out, null);
    }

    /**
     * Adds a CHILD_NAME finding for each name; marks the tokens that are names in {@code isName};
     * when {@code notes} is not null, adds why each name was taken and each roster word set aside.
     */
    void detect(Tokens t, boolean[] isName, List<Finding> out, List<NameNote> notes) {
        boolean[] inPhrase = phrases(t);
        List<Integer> ordinary = null;
        for (int i = 0; i < t.size(); i++) {
            if (isName[i]) {
                continue;
            }
            if (!rosterCandidate(t, i) && !mayBeIntroduced(t, i)) {
                continue; // most words: no roster name starts here and nothing introduces one
            }
            if (i > 0 && is(t, i - 1, K_TITLE)) {
                if (notes != null && rosterMatch(t, i) >= 0) {
                    notes.add(new NameNote(t.start(i), t.end(i), false, NameNote.AFTER_TITLE));
                }
                continue;
            }
            String why = NameNote.ROSTER;
            int last = rosterMatch(t, i);
            if (last == i) {
                String aside = setAside(t, i, inPhrase);
                if (aside != null) {
                    if (notes != null) {
                        notes.add(new NameNote(t.start(i), t.end(i), false, aside));
                    }
                    continue;
                }
                if (!is(t, i, ROSTER_FIRST)) {
                    why = NameNote.LOOK_ALIKE;
                } else if (is(t, i, B_WORD_ALIAS | B_WORD_NAME)) {
                    why = NameNote.WORD_NAME;
                }
            } else if (last < 0) {
                last = introducedName(t, i, isName);
                why = NameNote.CONTEXT;
            } else {
                why = NameNote.FULL_NAME;
            }
            if (last >= 0) {
                for (int k = i; k <= last; k++) {
                    isName[k] = true;
                }
                int end = t.has(last, Tokens.POSSESSIVE) ? t.end(last) - 2 : t.end(last);
                out.add(Finding.span(FindingKind.CHILD_NAME, t.start(i), end));
                if (notes != null) {
                    notes.add(new NameNote(t.start(i), end, true, why));
                }
                i = last;
            } else if (isRosterWord(t, i)) {
                if (ordinary == null) {
                    ordinary = new ArrayList<>();
                }
                ordinary.add(i);
            }
        }
        if (ordinary != null) {
            takeListed(t, isName, ordinary, out, notes);
        }
    }

    /** Separators between the names of a list: "Grace, Isla, Amelia", "Kit & Bear", "grace and millie". */
    private static final Set<String> LIST_WORDS = Set.of("and", "or", "n");

    /**
     * Word-names not taken as names on their own ("Jack", "Will", "bee") are names when they stand in
     * a list with a name already found, or in a list of three or more roster words: "bee, tilly and
     * millie", "Jack, Will, Kit & Bear". Adds their findings (and notes) in text order.
     */
    private void takeListed(Tokens t, boolean[] isName, List<Integer> candidates, List<Finding> out, List<NameNote> notes) {
        boolean[] candidate = new boolean[t.size()];
        candidates.forEach(k -> candidate[k] = true);
        boolean[] taken = new boolean[t.size()];
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int k : candidates) {
                if (taken[k]) {
                    continue;
                }
                int left = listNeighbour(t, k, -1);
                int right = listNeighbour(t, k, 1);
                boolean anchored = (left >= 0 && (isName[left] || taken[left])) || (right >= 0 && (isName[right] || taken[right]));
                if (anchored || listRun(t, k, candidate, isName) >= 3) {
                    taken[k] = true;
                    changed = true;
                }
            }
        }
        int added = 0;
        for (int k : candidates) {
            if (taken[k]) {
                isName[k] = true;
                int end = t.has(k, Tokens.POSSESSIVE) ? t.end(k) - 2 : t.end(k);
                out.add(Finding.span(FindingKind.CHILD_NAME, t.start(k), end));
                added++;
            }
            if (notes != null) {
                notes.add(taken[k] ? new NameNote(t.start(k), t.end(k), true, NameNote.IN_A_LIST)
                        : new NameNote(t.start(k), t.end(k), false, NameNote.ORDINARY_WORD));
            }
        }
        if (added > 0) {
            out.sort(Comparator.comparingInt(Finding::start));
        }
    }

    /**
     * The token joined to {@code k} as the next (step 1) or previous (step -1) item of a list, or -1:
     * only a comma, "&", "+" or "/" between them, or the word "and" ("or", "n").
     */
    private int listNeighbour(Tokens t, int k, int step) {
        int other = k + step;
        if (other < 0 || other >= t.size() || t.sentence(other) != t.sentence(k)) {
            return -1;
        }
        int a = Math.min(k, other);
        int b = Math.max(k, other);
        if (listGap(t, a, b, false)) {
            return other;
        }
        int beyond = other + step;
        if (is(t, other, K_LIST) && beyond >= 0 && beyond < t.size() && t.sentence(beyond) == t.sentence(k)
                && listGap(t, Math.min(k, other), Math.max(k, other), true) && listGap(t, Math.min(other, beyond), Math.max(other, beyond), true)) {
            return beyond;
        }
        return -1;
    }

    /** The text between tokens {@code a} and {@code b} is a list separator (or only spaces, when {@code spaceOk}). */
    private static boolean listGap(Tokens t, int a, int b, boolean spaceOk) {
        int from = t.end(a);
        int to = t.start(b);
        if (to - from > 4) {
            return false;
        }
        boolean mark = false;
        for (int at = from; at < to; at++) {
            char c = t.rawChar(at);
            if (c == ',' || c == '&' || c == '+' || c == '/') {
                mark = true;
            } else if (c != ' ') {
                return false;
            }
        }
        return mark || spaceOk;
    }

    /** How many roster words (found or not) stand in the list around {@code k}. */
    private int listRun(Tokens t, int k, boolean[] candidate, boolean[] isName) {
        int count = 1;
        for (int step = -1; step <= 1; step += 2) {
            int at = k;
            while (true) {
                int other = listNeighbour(t, at, step);
                if (other < 0 || !(candidate[other] || isName[other])) {
                    break;
                }
                count++;
                at = other;
            }
        }
        return count;
    }

    // What each word of a text is to this detector, worked out once per distinct word (see classes()):
    // K_ bits are of the token's key, B_ bits of its base (without a possessive).
    private static final int K_TITLE = 1;
    private static final int K_PLACE_WORD = 1 << 1;
    private static final int K_EVENT_WORD = 1 << 2;
    private static final int K_PRODUCT_WORD = 1 << 3;
    private static final int K_PLACE_PREFIX = 1 << 4;
    private static final int K_MEDIA = 1 << 5;
    private static final int K_LIST = 1 << 6;
    private static final int K_TITLE_DETERMINER = 1 << 7;
    private static final int K_DETERMINER = 1 << 8;
    private static final int K_RELATION = 1 << 9;
    private static final int K_NOT_AFTER_WORD_NAME = 1 << 10;
    private static final int K_MONTH_CONTEXT = 1 << 11;
    private static final int K_NAME_FOLLOWER = 1 << 12;
    private static final int K_AUXILIARY = 1 << 13;
    private static final int K_INTRO_LAST = 1 << 14;
    private static final int B_PLACE_NAME = 1 << 15;
    private static final int B_CHARACTER_NOUN = 1 << 16;
    private static final int B_NOT_NAME = 1 << 17;
    private static final int B_ROSTER_WORD = 1 << 18;
    private static final int B_WORD_NAME = 1 << 19;
    private static final int B_WORD_ALIAS = 1 << 20;
    private static final int B_TIME_NAME = 1 << 21;
    private static final int[] KEY_BITS = {K_TITLE, K_PLACE_WORD, K_EVENT_WORD, K_PRODUCT_WORD, K_PLACE_PREFIX, K_MEDIA, K_LIST,
        K_TITLE_DETERMINER, K_DETERMINER, K_RELATION, K_NOT_AFTER_WORD_NAME, K_MONTH_CONTEXT, K_NAME_FOLLOWER, K_AUXILIARY, K_INTRO_LAST};
    /** Not a word that makes a longer proper name beside a roster name (see {@link #properNounWord}). */
    private static final int NOT_PROPER = 1 << 22;
    /** A roster name starts with this word (key or base). */
    private static final int ROSTER_FIRST = 1 << 23;
    /** A not-a-name phrase starts with this word (key or base). */
    private static final int PHRASE_FIRST = 1 << 24;
    /** The key has a digit and at least two letters: it may be a name typed with digits ("mi11ie"). */
    private static final int KEY_DIGITS_AND_LETTERS = 1 << 25;

    /** Whether token {@code i} has any of {@code bits}. */
    private boolean is(Tokens t, int i, int bits) {
        return (classes(t)[i] & bits) != 0;
    }

    /** Every token's bits, worked out on first use for this text (one lookup per distinct word) and kept with its tokens. */
    private int[] classes(Tokens t) {
        int[] classes = t.memo(this);
        if (classes != null) {
            return classes;
        }
        classes = new int[t.size()];
        for (int i = 0; i < t.size(); i++) {
            classes[i] = classify(t, i);
        }
        t.memo(this, classes);
        return classes;
    }

    private int classify(Tokens t, int i) {
        String key = t.key(i);
        String base = t.base(i);
        int keyId = t.keyId(i);
        int baseId = t.baseId(i);
        int c;
        if (keyId != Vocabulary.NONE && keyId == baseId) {
            c = shared.bothById[keyId];
        } else {
            c = keyId != Vocabulary.NONE ? shared.keyById[keyId] : keyBits(mayBeListed(key) ? shared.key.getOrDefault(key, 0) : 0, key);
            c |= baseId != Vocabulary.NONE ? shared.baseById[baseId] : baseBits(mayBeListed(base) ? shared.base.getOrDefault(base, 0) : 0, base);
        }
        if (mayBeOwn(key)) {
            c |= ownKeyBits.getOrDefault(key, 0);
            if (base == key) {
                c |= ownBaseBits.getOrDefault(base, 0);
            }
        }
        if (base != key && mayBeOwn(base)) { // one filter for both maps: a base that is its key is checked once
            c |= ownBaseBits.getOrDefault(base, 0);
        }
        return c;
    }

    /** The bits of {@code key} as a token's key: {@code listed} (the word lists' bits for it), and whether it mixes digits and letters. */
    private static int keyBits(int listed, String key) {
        int c = listed;
        int digits = 0;
        int letters = 0;
        for (int i = 0; i < key.length(); i++) {
            char ch = key.charAt(i);
            if (ch < 0x80) {
                digits += Chars.isDigit(ch) ? 1 : 0;
                letters += Chars.isAsciiLetter(ch) ? 1 : 0;
            } else {
                digits += Character.isDigit(ch) ? 1 : 0;
                letters += Character.isLetter(ch) ? 1 : 0;
            }
        }
        return c | (digits > 0 && letters >= 2 ? KEY_DIGITS_AND_LETTERS : 0);
    }

    /** The bits of {@code base} as a token's base: {@code listed}, and a one-letter word is not a proper noun. */
    private static int baseBits(int listed, String base) {
        return listed | (base.length() <= 1 ? NOT_PROPER : 0);
    }

    /** Bits of the filter over the word lists' words that are not common words (8 KB, shared by every school on the lists). */
    private static final int LISTED_FILTER_BITS = 1 << 16;

    /** The bit of a filter of {@code bits} bits that {@code word} sets: its hash, spread and masked. */
    private static int filterBit(String word, int bits) {
        int h = word.hashCode();
        return (h ^ (h >>> 16)) & (bits - 1);
    }

    /** False when {@code word} is certainly in none of the word lists' maps of words that are not common. */
    private boolean mayBeListed(String word) {
        int bit = filterBit(word, LISTED_FILTER_BITS);
        return (shared.listedFilter[bit >>> 6] & (1L << bit)) != 0;
    }

    /**
     * False when {@code word} is certainly none of this school's own words ({@link #ownKeyBits},
     * {@link #ownBaseBits}): a 1,024-bit filter by hash, so most tokens skip both map lookups.
     */
    private boolean mayBeOwn(String word) {
        int bit = filterBit(word, OWN_FILTER_BITS);
        return (ownFilter[bit >>> 6] & (1L << bit)) != 0;
    }

    private static final int OWN_FILTER_BITS = 1024;
    /** The hash bits of every key of {@link #ownKeyBits} and {@link #ownBaseBits} (128 bytes a school). */
    private final long[] ownFilter = new long[OWN_FILTER_BITS / 64];

    private void fillOwnFilter() {
        for (Map<String, Integer> own : List.of(ownKeyBits, ownBaseBits)) {
            for (String word : own.keySet()) {
                int bit = filterBit(word, OWN_FILTER_BITS);
                ownFilter[bit >>> 6] |= 1L << bit;
            }
        }
    }

    /** A roster name may start at token {@code i}: its key or base begins one, or it is a roster name typed with digits. */
    private boolean rosterCandidate(Tokens t, int i) {
        return is(t, i, ROSTER_FIRST) || (!rosterBySkeleton.isEmpty() && (is(t, i, KEY_DIGITS_AND_LETTERS) || t.has(i, Tokens.INNER_CAPITAL))
                && leet(t, i));
    }

    /** Context could introduce an unlisted name at token {@code i} ({@link #introducedName}'s cheap preconditions). */
    private boolean mayBeIntroduced(Tokens t, int i) {
        boolean capitalised = t.has(i, Tokens.CAPITALISED);
        return (capitalised && (t.has(i, Tokens.POSSESSIVE) || (i >= 2 && t.key(i - 1).equals("and"))))
                || (i > 0 && is(t, i - 1, K_INTRO_LAST));
    }

    /** The entry of {@code map} for token {@code i}'s key, else for its base (when that differs), else null. */
    private static <V> V byKeyOrBase(Map<String, V> map, Tokens t, int i) {
        String key = t.key(i);
        V v = map.get(key);
        if (v == null) {
            String base = t.base(i);
            if (base != key && !base.equals(key)) {
                v = map.get(base);
            }
        }
        return v;
    }

    private boolean isRosterWord(Tokens t, int i) {
        return is(t, i, ROSTER_FIRST);
    }

    /** Which tokens are inside a phrase where a roster name is not a child's ("Harry Potter", a school's notNames). */
    private boolean[] phrases(Tokens t) {
        boolean[] in = null;
        for (int i = 0; i < t.size(); i++) {
            if (!is(t, i, PHRASE_FIRST)) {
                continue;
            }
            Map<String, List<String[]>> bySecond = byKeyOrBase(notNamePhrasesByFirstKey, t, i);
            in = mark(t, i, bySecond.get(""), in);
            if (i + 1 < t.size()) {
                String key = t.key(i + 1);
                String base = t.base(i + 1);
                in = mark(t, i, bySecond.get(key), in);
                if (base != key && !base.equals(key)) {
                    in = mark(t, i, bySecond.get(base), in);
                }
            }
        }
        return in;
    }

    /** Marks the tokens of each of {@code phrases} that matches at {@code i}; returns the marks (made on the first match). */
    private static boolean[] mark(Tokens t, int i, List<String[]> phrases, boolean[] in) {
        if (phrases == null) {
            return in;
        }
        for (String[] phrase : phrases) {
            int last = i + phrase.length - 1;
            if (last < t.size() && t.sentence(last) == t.sentence(i) && matchesLoosely(t, i, phrase)) {
                if (in == null) {
                    in = new boolean[t.size()];
                }
                for (int k = i; k <= last; k++) {
                    in[k] = true;
                }
            }
        }
        return in;
    }

    /** Like {@link #matchesAt}, but the last word may be possessive ("Harry Potter's wand"). */
    private static boolean matchesLoosely(Tokens t, int at, String[] keys) {
        for (int k = 0; k < keys.length; k++) {
            if (!t.key(at + k).equals(keys[k]) && !t.base(at + k).equals(keys[k])) {
                return false;
            }
        }
        return true;
    }

    /** Why the one-word roster name at {@code i} is not a child's name here, or null when it is one. */
    private String setAside(Tokens t, int i, boolean[] inPhrase) {
        if (inPhrase != null && inPhrase[i]) {
            return NameNote.KNOWN_PHRASE;
        }
        boolean possessive = t.has(i, Tokens.POSSESSIVE);
        boolean next = i + 1 < t.size() && t.sentence(i + 1) == t.sentence(i) && adjacent(t, i, i + 1);
        boolean prev = i > 0 && t.sentence(i - 1) == t.sentence(i) && adjacent(t, i - 1, i);
        if (next && !possessive && is(t, i + 1, K_PLACE_WORD)) {
            return NameNote.PLACE;
        }
        if (next && !possessive && t.has(i + 1, Tokens.CAPITALISED) && is(t, i + 1, K_EVENT_WORD)) {
            return NameNote.PLACE; // "Victoria Day", "World Bee Day"
        }
        if (next && !possessive && is(t, i + 1, K_PRODUCT_WORD)) {
            return NameNote.PRODUCT; // "Alice band", "Elsa dress", "henry hoover"
        }
        if (prev && is(t, i - 1, K_PLACE_PREFIX) && t.has(i - 1, Tokens.CAPITALISED)) {
            return NameNote.PLACE;
        }
        if (prev && t.key(i - 1).equals("of") && i >= 2 && t.sentence(i - 2) == t.sentence(i) && ofPrefix(t, i - 2)) {
            return NameNote.PLACE; // "Isle of Lewis", "the Tale of Peter Rabbit"
        }
        if (afterCue(characterCuesByLastKey, t, i)) {
            return NameNote.CHARACTER;
        }
        if (!possessive && is(t, i, B_PLACE_NAME) && afterCue(placeCuesByLastKey, t, i)) {
            return NameNote.PLACE; // "near Victoria", "holiday in Florence"
        }
        if (afterInitials(t, i)) {
            return NameNote.LONGER_NAME; // "C.S. Lewis", "J. Henry"
        }
        if (prev && t.key(i - 1).equals("the")) {
            return NameNote.LONGER_NAME; // "The George" (a pub), "the Henry VIII exhibition"
        }
        if (!possessive && within(t, i, 3) && t.key(i + 1).equals("and") && is(t, i + 2, K_TITLE_DETERMINER)
                && t.has(i + 3, Tokens.CAPITALISED) && !is(t, i + 3, B_NOT_NAME | B_ROSTER_WORD)) {
            return NameNote.TITLE; // "Peter and the Wolf", "George and the Dragon"
        }
        if (!possessive && within(t, i, 2) && t.key(i + 1).equals("the")) {
            for (int k = i + 2; k <= i + 4 && k < t.size() && t.sentence(k) == t.sentence(i); k++) {
                if (is(t, k, B_CHARACTER_NOUN)) {
                    return NameNote.CHARACTER; // "Henry the green engine", "Pip the rabbit"
                }
            }
        }
        if (!possessive && within(t, i, 2) && t.key(i + 1).equals("from")) {
            if (inPhrase != null && (inPhrase[i + 2] || (within(t, i, 3) && t.key(i + 2).equals("the") && inPhrase[i + 3]))) {
                return NameNote.CHARACTER; // "Florence from the Magic Roundabout"
            }
            for (int k = i + 2; k <= i + 7 && k < t.size() && t.sentence(k) == t.sentence(i); k++) {
                if (is(t, k, K_MEDIA)) {
                    return NameNote.CHARACTER; // "Harper from the Cerrie Burnell books"
                }
            }
        }
        if (next && !possessive && t.has(i, Tokens.CAPITALISED) && !t.has(i, Tokens.ALL_CAPS) && properNounWord(t, i + 1)
                && !titleCase(t, i)) {
            return NameNote.LONGER_NAME;
        }
        if (prev && t.has(i, Tokens.CAPITALISED) && !t.has(i - 1, Tokens.SENTENCE_START) && properNounWord(t, i - 1)
                && !titleCase(t, i)) {
            return NameNote.LONGER_NAME;
        }
        return null;
    }

    /** After "Name and", these before a capitalised word make a title: "Peter and the Wolf", "Harry and His Bucket". */
    private static final Set<String> TITLE_DETERMINERS = Set.of("the", "his", "her", "their", "a");

    /** Tokens {@code i + 1} to {@code i + n} exist and are in the sentence of {@code i}. */
    private static boolean within(Tokens t, int i, int n) {
        return i + n < t.size() && t.sentence(i + n) == t.sentence(i);
    }

    /**
     * Before "of Name": a place prefix ("Isle of"), or a capitalised word inside a sentence that is
     * not a roster word, title, relation or never-a-name word ("the Tale of", "the Duke of").
     */
    private boolean ofPrefix(Tokens t, int k) {
        if (is(t, k, K_PLACE_PREFIX) && t.has(k, Tokens.CAPITALISED)) {
            return true;
        }
        return t.has(k, Tokens.CAPITALISED) && !t.has(k, Tokens.ALL_CAPS) && !t.has(k, Tokens.SENTENCE_START)
                && !t.has(k, Tokens.NUMERIC) && !is(t, k, B_NOT_NAME | B_ROSTER_WORD);
    }

    /** One or two initials ("C.S.", "J. K.") just before token {@code i}: an adult's or author's name. */
    private static boolean afterInitials(Tokens t, int i) {
        if (i == 0) {
            return false;
        }
        int k = i - 1;
        if (t.end(k) - t.start(k) != 1 || !Character.isUpperCase(t.rawChar(t.start(k)))) {
            return false;
        }
        int gapStart = t.end(k);
        int gapEnd = t.start(i);
        if (gapEnd - gapStart > 2 || t.rawChar(gapStart) != '.') {
            return false;
        }
        return gapEnd - gapStart == 1 || t.rawChar(gapStart + 1) == ' ';
    }

    /** Only a space (or a hyphen) between tokens {@code a} and {@code b}. */
    private static boolean adjacent(Tokens t, int a, int b) {
        return t.start(b) - t.end(a) == 1;
    }

    /**
     * A capitalised word that makes a longer proper name with a roster name beside it ("Lewis
     * Hamilton", "John Lewis"): not a common English word, not a day, month or other word that is
     * never a name, not a word of any roster name (a surname, another child), not a title or relation.
     */
    private boolean properNounWord(Tokens t, int k) {
        if (!t.has(k, Tokens.CAPITALISED) || t.has(k, Tokens.ALL_CAPS) || t.has(k, Tokens.NUMERIC)) {
            return false;
        }
        return !is(t, k, NOT_PROPER);
    }

    /** True when most words of the sentence around {@code i} are capitalised ("Happy Birthday Harry From All Of Us"). */
    private static boolean titleCase(Tokens t, int i) {
        int sentence = t.sentence(i);
        int words = 0;
        int capitals = 0;
        for (int k = i; k >= 0 && t.sentence(k) == sentence && i - k < 12; k--) {
            words++;
            capitals += t.has(k, Tokens.CAPITALISED) ? 1 : 0;
        }
        for (int k = i + 1; k < t.size() && t.sentence(k) == sentence && k - i < 12; k++) {
            words++;
            capitals += t.has(k, Tokens.CAPITALISED) ? 1 : 0;
        }
        return words >= 4 && capitals * 10 >= words * 7;
    }

    /** One of the {@code cues} ("dressed as", "near") ends just before token {@code i}, in its sentence. */
    private static boolean afterCue(Map<String, List<String[]>> cuesByLastKey, Tokens t, int i) {
        if (i == 0) {
            return false;
        }
        List<String[]> cues = cuesByLastKey.get(t.key(i - 1));
        if (cues == null) {
            return false;
        }
        for (String[] cue : cues) {
            int at = i - cue.length;
            if (at >= 0 && t.sentence(at) == t.sentence(i) && matchesAt(t, at, cue)) {
                return true;
            }
        }
        return false;
    }

    /** The last token of the longest roster name starting at {@code i} and used as a name, or -1. */
    private int rosterMatch(Tokens t, int i) {
        List<String[]> candidates = rosterByFirstKey.get(t.key(i));
        if (candidates == null) {
            candidates = rosterByFirstKey.get(t.base(i));
        }
        if (candidates == null) {
            return !rosterBySkeleton.isEmpty() && leet(t, i) && rosterBySkeleton.containsKey(skeleton(t.base(i))) ? i : -1;
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

    /** Words after which a word-name is the ordinary word, whatever its case. */
    private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "this", "that", "these", "those", "some", "any",
            "every", "each", "no", "another", "which", "what", "whose");

    /** For a one-word roster name: false when it is an ordinary word here ("we will see", "in May"). */
    private boolean usedAsName(Tokens t, int i) {
        String base = t.base(i);
        if (!is(t, i, B_WORD_NAME | B_WORD_ALIAS)) {
            return true;
        }
        if (i > 0 && t.sentence(i - 1) == t.sentence(i) && is(t, i - 1, K_DETERMINER)) {
            return false; // "the Bear", "a Star"
        }
        boolean possessive = t.has(i, Tokens.POSSESSIVE);
        boolean next = i + 1 < t.size() && t.sentence(i + 1) == t.sentence(i);
        if (possessive && next && is(t, i + 1, K_RELATION)) {
            return true;
        }
        // Lower case or ALL CAPS carries no sign that the word is a name ("say grace", "WILL YOU"),
        // except for a school's word-alias in the shape of a subject: "bee has swimming", "is pip coming".
        if (!t.has(i, Tokens.CAPITALISED) || t.has(i, Tokens.ALL_CAPS)) {
            return !t.has(i, Tokens.ALL_CAPS) && is(t, i, B_ROSTER_WORD) && lowerCaseSubject(t, i);
        }
        if (next && adjacent(t, i, i + 1) && is(t, i + 1, K_NOT_AFTER_WORD_NAME)) {
            return false;
        }
        if (base.equals("may") && ((i > 0 && is(t, i - 1, K_MONTH_CONTEXT)) || (next && t.has(i + 1, Tokens.NUMERIC)))) {
            return false;
        }
        if (!t.has(i, Tokens.SENTENCE_START) || (possessive && !is(t, i, B_TIME_NAME))) {
            return true;
        }
        // At the start of a sentence the capital proves nothing ("Grace period", "Will swap"):
        // it is a name only when a verb or "and" follows ("Grace was", "Will has", "Jack and Isla").
        return next && is(t, i + 1, K_NAME_FOLLOWER);
    }

    /** Auxiliaries before a lower-case subject in a question: "is pip coming", "has bee got". */
    private static final Set<String> AUXILIARIES = Set.of("is", "was", "has", "had", "did", "does", "can", "will", "could",
            "would", "should", "isnt", "hasnt", "didnt", "doesnt", "cant", "wont");

    /**
     * A lower-case word in the place of a subject: at the start of a sentence before a verb that
     * follows names ("bee has her lesson"), or after an auxiliary before an "-ing" verb or a verb
     * that follows names ("is pip coming", "has kit got").
     */
    private boolean lowerCaseSubject(Tokens t, int i) {
        if (!within(t, i, 1) || possessiveOrDeterminerBefore(t, i)) {
            return false;
        }
        String next = t.key(i + 1);
        if (t.has(i, Tokens.SENTENCE_START)) {
            return is(t, i + 1, K_NAME_FOLLOWER) && !is(t, i + 1, K_NOT_AFTER_WORD_NAME);
        }
        return i > 0 && t.sentence(i - 1) == t.sentence(i) && is(t, i - 1, K_AUXILIARY)
                && ((next.endsWith("ing") && next.length() > 4) || next.equals("got") || next.equals("been"));
    }

    private boolean possessiveOrDeterminerBefore(Tokens t, int i) {
        return i > 0 && t.sentence(i - 1) == t.sentence(i) && (t.has(i - 1, Tokens.POSSESSIVE) || is(t, i - 1, K_DETERMINER));
    }

    /** An unlisted name introduced by context: "my son Tom", "Ruby's mum". Returns its token or -1. */
    private int introducedName(Tokens t, int i, boolean[] isName) {
        // "Bella (Yr2) and Leo": a capitalised word joined by "and" to a name just found.
        if (i >= 2 && (t.key(i - 1).equals("and")) && t.has(i, Tokens.CAPITALISED) && plausibleName(t, i)
                && t.sentence(i - 2) == t.sentence(i) && namedBefore(isName, i - 2)) {
            return i;
        }
        if (t.has(i, Tokens.POSSESSIVE) && t.has(i, Tokens.CAPITALISED) && i + 1 < t.size()
                && t.sentence(i + 1) == t.sentence(i) && is(t, i + 1, K_RELATION)
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
        return i + 1 < t.size() && t.sentence(i + 1) == t.sentence(i)
                && is(t, i + 1, K_NAME_FOLLOWER)
                && !is(t, i, K_NAME_FOLLOWER | K_NOT_AFTER_WORD_NAME);
    }

    private boolean plausibleName(Tokens t, int i) {
        return !t.has(i, Tokens.NUMERIC) && !is(t, i, B_NOT_NAME) && t.base(i).length() > 1;
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
