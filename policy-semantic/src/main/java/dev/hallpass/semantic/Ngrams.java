package dev.hallpass.semantic;

import java.util.Arrays;
import java.util.Locale;

/**
 * Hashed word unigrams and bigrams of a text: the lexical half of the classifier's features. The hash is
 * 32-bit FNV-1a over the UTF-16 units of the lower-cased word, so the same text always gives the same
 * features on every platform.
 */
final class Ngrams {
    static final int BUCKETS = 1 << 12;
    private static final int FNV_OFFSET = 0x811c9dc5;
    private static final int FNV_PRIME = 0x01000193;
    private static final int BIGRAM_SALT = 0x9e3779b9;

    private Ngrams() {}

    /** The sorted, distinct buckets hit by {@code text[from, to)}. */
    static int[] of(String text, int from, int to) {
        int[] out = new int[16];
        int n = 0;
        int previous = 0;
        boolean havePrevious = false;
        int i = from;
        while (i < to) {
            int c = text.codePointAt(i);
            if (!isWordChar(c)) {
                i += Character.charCount(c);
                continue;
            }
            int h = FNV_OFFSET;
            while (i < to) {
                c = text.codePointAt(i);
                if (!isWordChar(c)) {
                    break;
                }
                String lower = new String(Character.toChars(c)).toLowerCase(Locale.ROOT);
                for (int k = 0; k < lower.length(); k++) {
                    h = (h ^ lower.charAt(k)) * FNV_PRIME;
                }
                i += Character.charCount(c);
            }
            if (n + 2 > out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            out[n++] = Math.floorMod(h, BUCKETS);
            if (havePrevious) {
                out[n++] = Math.floorMod((previous * 31 + h) ^ BIGRAM_SALT, BUCKETS);
            }
            previous = h;
            havePrevious = true;
        }
        int[] sorted = Arrays.copyOf(out, n);
        Arrays.sort(sorted);
        return Arrays.stream(sorted).distinct().toArray();
    }

    private static boolean isWordChar(int c) {
        return Character.isLetterOrDigit(c) || c == '\'' || c == '\u2019';
    }
}
