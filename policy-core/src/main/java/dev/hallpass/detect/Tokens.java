package dev.hallpass.detect;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * A message's text cut into word tokens in one pass, with what detectors need to know about each:
 * UTF-16 offsets, a folded key (lower case, accents and apostrophes removed: "Zoë's" → "zoes"), the
 * folded word without a possessive ("zoe"), capitalisation, and sentence position. Words keep
 * inner apostrophes, hyphens, masking stars and digit separators ("won't", "absent-minded",
 * "f***ing", "2.15", "3:15").
 */
final class Tokens {
    static final int CAPITALISED = 1;
    static final int ALL_CAPS = 2;
    static final int SENTENCE_START = 4;
    static final int POSSESSIVE = 8;
    static final int NUMERIC = 16;
    /** An upper-case letter after the first char ("MiIlie", "McDonald"). */
    static final int INNER_CAPITAL = 32;

    private final String text;
    private int size;
    private int[] start;
    private int[] end;
    private int[] sentence;
    private int[] flags;
    private String[] key;
    private String[] base;
    /** {@link Vocabulary} ids of {@link #key} and {@link #base}, or {@link Vocabulary#NONE}. */
    private int[] keyId;
    private int[] baseId;
    private static final int MAX_SEEN = 4096;
    /** Keys already made for this text (see {@link #intern}); allocated on first use. */
    private String[] seen;
    /**
     * Non-ASCII tokens already folded in this text: a direct-mapped table by the hash of the token as
     * written, holding that text, its key and base, and its flags (a collision just folds again).
     */
    private String[] rawSeen;
    private String[][] rawSeenFolded;
    private int[] rawSeenFlags;
    /** Scratch space for {@link #addAscii}; longer tokens take the general path. */
    private final char[] buffer = new char[64];

    private final boolean asciiFastPath;
    private Object memoOwner;
    private int[] memo;

    private Tokens(String text, boolean asciiFastPath) {
        this.text = text;
        this.asciiFastPath = asciiFastPath;
        // English averages one word per five or six characters: most texts never grow the arrays.
        int capacity = text.length() / 4 + 8;
        start = new int[capacity];
        end = new int[capacity];
        sentence = new int[capacity];
        flags = new int[capacity];
        key = new String[capacity];
        base = new String[capacity];
        keyId = new int[capacity];
        baseId = new int[capacity];
    }

    static Tokens of(String text) {
        return of(text, true);
    }

    /** With {@code asciiFastPath} false every token takes the general path (for tests comparing the two). */
    static Tokens of(String text, boolean asciiFastPath) {
        Tokens t = new Tokens(text, asciiFastPath);
        t.scan();
        return t;
    }

    int size() {
        return size;
    }

    int start(int i) {
        return start[i];
    }

    int end(int i) {
        return end[i];
    }

    /** Folded key: lower case, no accents, no apostrophes. */
    String key(int i) {
        return key[i];
    }

    /** Folded key without a possessive "'s" or trailing "s'". */
    String base(int i) {
        return base[i];
    }

    /** The {@link Vocabulary} id of the key, or {@link Vocabulary#NONE} when it is not a common word. */
    int keyId(int i) {
        return keyId[i];
    }

    /** The {@link Vocabulary} id of the base, or {@link Vocabulary#NONE}. */
    int baseId(int i) {
        return baseId[i];
    }

    int sentence(int i) {
        return sentence[i];
    }

    boolean has(int i, int flag) {
        return (flags[i] & flag) != 0;
    }

    /** A recognizer's per-token memo for this text (see {@link #memo(Object, int[])}), or null if {@code owner} kept none. */
    int[] memo(Object owner) {
        return memoOwner == owner ? memo : null;
    }

    /** Keeps {@code values}, one per token, for {@code owner} (one owner at a time; the tokens are one message's). */
    void memo(Object owner, int[] values) {
        memoOwner = owner;
        memo = values;
    }

    /** The character of the text at UTF-16 offset {@code at} (a space past the end), for shape tests between tokens. */
    char rawChar(int at) {
        return at < text.length() ? text.charAt(at) : ' ';
    }

    /** The token's text as written (for shape tests only; never stored or logged). */
    String raw(int i) {
        return text.substring(start[i], end[i]);
    }

    private void scan() {
        int n = text.length();
        int sentenceNo = 0;
        boolean atSentenceStart = true;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (isWordStart(c)) {
                int s = i;
                i++;
                while (i < n && (isWordChar(text.charAt(i)) || isJoiner(text, i))) {
                    i++;
                }
                add(s, i, sentenceNo, atSentenceStart);
                atSentenceStart = false;
            } else {
                if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ';') {
                    if (!(c == '.' && size > 0 && end[size - 1] == i && isAbbreviation(key[size - 1]))) {
                        if (!atSentenceStart) {
                            sentenceNo++;
                        }
                        atSentenceStart = true;
                    }
                }
                i++;
            }
        }
    }

    private static boolean isAbbreviation(String k) {
        return switch (k) {
            case "mr", "mrs", "ms", "dr", "st", "mx", "e", "g", "eg", "ie" -> true;
            default -> false;
        };
    }

    private static boolean isWordStart(char c) {
        return c < 0x80 ? Chars.isAsciiLetterOrDigit(c) : Character.isLetterOrDigit(c);
    }

    private static boolean isWordChar(char c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
        return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK
                || Character.getType(c) == Character.COMBINING_SPACING_MARK;
    }

    /** An apostrophe, hyphen, star or digit separator between two word characters joins them. */
    private static boolean isJoiner(String text, int i) {
        char c = text.charAt(i);
        char prev = text.charAt(i - 1);
        if (c == '*') {
            return Character.isLetter(prev) || prev == '*';
        }
        if (i + 1 >= text.length()) {
            return false;
        }
        char next = text.charAt(i + 1);
        return switch (c) {
            case '\'', '\u2019', '-', '\u2010', '\u2011' -> Character.isLetter(next) && Character.isLetter(prev);
            case '.', ':' -> Character.isDigit(prev) && Character.isDigit(next);
            default -> false;
        };
    }

    private void add(int s, int e, int sentenceNo, boolean sentenceStart) {
        if (size == start.length) {
            int cap = size * 2;
            start = Arrays.copyOf(start, cap);
            end = Arrays.copyOf(end, cap);
            sentence = Arrays.copyOf(sentence, cap);
            flags = Arrays.copyOf(flags, cap);
            key = Arrays.copyOf(key, cap);
            base = Arrays.copyOf(base, cap);
            keyId = Arrays.copyOf(keyId, cap);
            baseId = Arrays.copyOf(baseId, cap);
        }
        start[size] = s;
        end[size] = e;
        sentence[size] = sentenceNo;
        if (asciiFastPath && addAscii(s, e, sentenceStart)) {
            size++;
            return;
        }
        // Folding (Unicode normalisation) is the costly part: a word written again is folded once,
        // found by its characters in place (no substring made for a word already seen).
        int length = e - s;
        int h = 0;
        for (int k = s; k < e; k++) {
            h = 31 * h + text.charAt(k);
        }
        if (rawSeen == null) {
            int slots = Math.min(Integer.highestOneBit(Math.max(key.length, 16)) * 2, MAX_SEEN);
            rawSeen = new String[slots];
            rawSeenFolded = new String[slots][];
            rawSeenFlags = new int[slots];
        }
        int slot = (h ^ (h >>> 16)) & (rawSeen.length - 1);
        String known = rawSeen[slot];
        if (known != null && known.length() == length && text.regionMatches(s, known, 0, length)) {
            flags[size] = rawSeenFlags[slot] | (sentenceStart ? SENTENCE_START : 0);
            key[size] = rawSeenFolded[slot][0];
            base[size] = rawSeenFolded[slot][1];
            keyId[size] = Vocabulary.id(key[size]);
            baseId[size] = Vocabulary.id(base[size]);
            size++;
            return;
        }
        String raw = text.substring(s, e);
        int f = 0;
        char first = raw.charAt(0);
        if (Character.isUpperCase(first)) {
            f |= CAPITALISED;
            if (raw.length() > 1 && allLettersUpper(raw)) {
                f |= ALL_CAPS;
            }
        }
        if (Character.isDigit(first)) {
            f |= NUMERIC;
        }
        for (int k = 1; k < raw.length(); k++) {
            if (Character.isUpperCase(raw.charAt(k))) {
                f |= INNER_CAPITAL;
                break;
            }
        }
        int apostrophe = Math.max(raw.lastIndexOf('\''), raw.lastIndexOf('\u2019'));
        boolean possessive = apostrophe > 0 && apostrophe == raw.length() - 2 && (raw.charAt(raw.length() - 1) | 0x20) == 's';
        if (possessive) {
            f |= POSSESSIVE;
        }
        String folded = fold(raw);
        String b = possessive ? fold(raw.substring(0, apostrophe)) : folded;
        String[] keyAndBase = {folded.replace("'", ""), b.replace("'", "")};
        rawSeen[slot] = raw;
        rawSeenFolded[slot] = keyAndBase;
        rawSeenFlags[slot] = f;
        flags[size] = f | (sentenceStart ? SENTENCE_START : 0);
        key[size] = keyAndBase[0];
        base[size] = keyAndBase[1];
        keyId[size] = Vocabulary.id(key[size]);
        baseId[size] = Vocabulary.id(base[size]);
        size++;
    }

    /** Every letter of {@code raw} is upper case (a loop: this runs for every capitalised non-ASCII word). */
    private static boolean allLettersUpper(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isLetter(c) && !Character.isUpperCase(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The common case, a token of ASCII characters, in one pass without intermediate strings: the
     * same key, base and flags as the general path below (TokensTest checks the two agree). Returns
     * false, having changed nothing, for any other token.
     */
    private boolean addAscii(int s, int e, boolean sentenceStart) {
        int length = e - s;
        if (length > buffer.length) {
            return false;
        }
        char[] out = buffer;
        int k = 0;
        int apostrophe = -1;
        boolean letters = false;
        boolean allUpper = true;
        boolean innerCapital = false;
        // The key's hash, made as its characters are, and the hash before its last character (a
        // possessive's base is the key less its final "s").
        int hash = 0;
        int hashBeforeLast = 0;
        for (int i = s; i < e; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return false;
            }
            if (c == '\'') {
                apostrophe = i - s;
                continue;
            }
            if (c >= 'A' && c <= 'Z') {
                letters = true;
                innerCapital |= i > s;
                c = (char) (c + ('a' - 'A'));
            } else if (c >= 'a' && c <= 'z') {
                letters = true;
                allUpper = false;
            }
            out[k++] = c;
            hashBeforeLast = hash;
            hash = 31 * hash + c;
        }
        char first = text.charAt(s);
        int f = sentenceStart ? SENTENCE_START : 0;
        if (first >= 'A' && first <= 'Z') {
            f |= CAPITALISED;
            if (length > 1 && letters && allUpper) {
                f |= ALL_CAPS;
            }
        }
        if (first >= '0' && first <= '9') {
            f |= NUMERIC;
        }
        if (innerCapital) {
            f |= INNER_CAPITAL;
        }
        key[size] = intern(out, k, hash);
        keyId[size] = internedId;
        if (apostrophe > 0 && apostrophe == length - 2 && (text.charAt(e - 1) | 0x20) == 's') {
            f |= POSSESSIVE;
            base[size] = intern(out, k - 1, hashBeforeLast); // the key is the base's key plus "s"
            baseId[size] = internedId;
        } else {
            base[size] = key[size];
            baseId[size] = keyId[size];
        }
        flags[size] = f;
        return true;
    }

    /** The {@link Vocabulary} id of the string {@link #intern} gave last. */
    private int internedId;

    /**
     * The string of {@code chars[0, length)}, whose hash is {@code h}: a common word's shared string
     * (and its id in {@link #internedId}), else one shared with earlier tokens of this text that fold
     * to the same key: a text repeats its words, so most tokens allocate no string, and a repeated
     * key's hash is computed once. A small direct-mapped table; a collision just makes a new string.
     */
    private String intern(char[] chars, int length, int h) {
        int common = Vocabulary.slot(chars, length, h);
        if (common != Vocabulary.NONE) {
            internedId = Vocabulary.idAt(common);
            return Vocabulary.wordAt(common);
        }
        internedId = Vocabulary.NONE;
        if (seen == null) {
            seen = new String[Math.min(Integer.highestOneBit(Math.max(key.length, 16)) * 2, MAX_SEEN)];
        }
        int slot = (h ^ (h >>> 16)) & (seen.length - 1);
        String known = seen[slot];
        if (known != null && known.length() == length) {
            boolean same = true;
            for (int i = 0; i < length && same; i++) {
                same = known.charAt(i) == chars[i];
            }
            if (same) {
                return known;
            }
        }
        String made = new String(chars, 0, length);
        seen[slot] = made;
        return made;
    }

    /** Lower case, accents removed, curly apostrophes straightened. Also used for word lists. */
    static String fold(String s) {
        String lower = s.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        boolean ascii = true;
        for (int i = 0; i < lower.length(); i++) {
            if (lower.charAt(i) > 0x7f) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return lower;
        }
        String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            int type = Character.getType(c);
            if (type != Character.NON_SPACING_MARK && type != Character.COMBINING_SPACING_MARK && type != Character.ENCLOSING_MARK) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A word list entry folded the way token keys are: "Won't" → "wont". */
    static String foldKey(String word) {
        return fold(word).replace("'", "");
    }
}
