package dev.hallpass.detect;

/**
 * Character-level helpers the personal-data scanners share. Each reads a bounded number of
 * positions, so a scanner built from them stays linear in the text's length.
 */
final class Chars {
    /** Replaces spans that later scanners must not read (an email's digits are not a phone number). */
    static final char MASK = '_';
    static final char NBSP = '\u00A0';
    /** The longest word a scanner reads before giving up on it. */
    static final int MAX_WORD = 24;

    private Chars() {}

    /** A char, or NUL (which no scanner accepts) past either end of the text. */
    static char charAt(String t, int i) {
        return i >= 0 && i < t.length() ? t.charAt(i) : '\0';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * The first ASCII digit of {@code t} at or after {@code from}, or {@code t.length()}. A scan that
     * keeps the last answer and asks again only when its position has passed it stays linear.
     */
    static int nextDigit(String t, int from) {
        int k = from;
        while (k < t.length() && !isDigit(t.charAt(k))) {
            k++;
        }
        return k;
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isAsciiLetterOrDigit(char c) {
        return isDigit(c) || isAsciiLetter(c);
    }

    static boolean between(int value, int low, int high) {
        return value >= low && value <= high;
    }

    /** How many ASCII digits start at {@code i}, counting no further than {@code max}. */
    static int digitRun(String t, int i, int max) {
        int k = 0;
        while (k < max && i + k < t.length() && isDigit(t.charAt(i + k))) {
            k++;
        }
        return k;
    }

    static int alnumRun(String t, int i, int max) {
        int k = 0;
        while (k < max && i + k < t.length() && isAsciiLetterOrDigit(t.charAt(i + k))) {
            k++;
        }
        return k;
    }

    /** The value of {@code length} (at most 4) digits at {@code i}. */
    static int number(String t, int i, int length) {
        int value = 0;
        for (int k = 0; k < length; k++) {
            value = value * 10 + t.charAt(i + k) - '0';
        }
        return value;
    }

    /** True when {@code s} has at least {@code atLeast} ASCII digits from {@code from} on (counting stops there). */
    static boolean hasAsciiDigits(String s, int from, int atLeast) {
        int count = 0;
        for (int i = from; i < s.length() && count < atLeast; i++) {
            count += isDigit(s.charAt(i)) ? 1 : 0;
        }
        return count >= atLeast;
    }

    static int asciiDigits(CharSequence s) {
        int count = 0;
        for (int i = 0; i < s.length(); i++) {
            if (isDigit(s.charAt(i))) {
                count++;
            }
        }
        return count;
    }

    static int skipSpaces(String t, int p, int max) {
        int q = p;
        while (q - p < max && (charAt(t, q) == ' ' || charAt(t, q) == NBSP)) {
            q++;
        }
        return q;
    }

    static boolean wordIs(String t, int s, String word) {
        return t.regionMatches(true, s, word, 0, word.length()) && !Character.isLetter(charAt(t, s + word.length()));
    }

    /**
     * A number may start at {@code i}: not glued to a letter or digit, and not the tail of a longer
     * number joined by a dash, dot or slash ("1.2.3", "07400-12-34").
     */
    static boolean numberStartsAt(String t, int i) {
        if (i == 0) {
            return true;
        }
        char prev = t.charAt(i - 1);
        if (prev < 0x80 ? isAsciiLetterOrDigit(prev) : Character.isLetterOrDigit(prev)) {
            return false;
        }
        return !((prev == '-' || prev == '.' || prev == '/') && i >= 2 && isDigit(t.charAt(i - 2)));
    }

    /** The mirror of {@link #numberStartsAt}: a number may end just before {@code end}. */
    static boolean numberEndsAt(String t, int end) {
        char next = charAt(t, end);
        if (next < 0x80 ? isAsciiLetterOrDigit(next) : Character.isLetterOrDigit(next)) {
            return false;
        }
        return !((next == '-' || next == '.' || next == '/') && isDigit(charAt(t, end + 1)));
    }
}

