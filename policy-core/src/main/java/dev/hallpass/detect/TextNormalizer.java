package dev.hallpass.detect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The first step of detection: the text a reader sees, whatever tricks the sender typed it with.
 * Every recognizer reads its output, and {@link NormalizedText} maps what they find back to the
 * original. In order:
 *
 * <ol>
 *   <li>Default-ignorable characters (zero-width spaces and joiners, word joiner, soft hyphen, bidi
 *       controls, variation selectors, tag characters, Hangul fillers) and the keycap mark are
 *       removed; digits of any script become ASCII digits; every other non-ASCII character with its
 *       combining marks is put in Unicode NFKC (full-width and mathematical letters, superscripts,
 *       circled digits, ligatures). More than {@value #MAX_MARKS} combining marks on one letter are
 *       dropped.
 *   <li>In a word that is Latin apart from look-alike letters of Cyrillic, Greek, Armenian, Cherokee
 *       or Coptic (Unicode TR39 confusables, {@code confusables.txt} beside this class), those letters
 *       become the ASCII letters they imitate ("Міllіе" → "Millie"). A word wholly in another script
 *       is left as it is unless every letter of it is such a look-alike.
 *   <li>A word hyphenated across a line break is joined ("Mil-⏎lie").
 *   <li>Three or more single letters or digits spaced out with the same separator are joined
 *       ("M i l l i e", "0.7.7.0.0").
 *   <li>In a number-shaped word, letters typed for digits become digits ("O77OO" → "07700").
 *   <li>An e-mail address spelled with words ("jo at example dot com", "jo[at]example[dot]org") is
 *       written as one.
 *   <li>Digits spelled as words, seven or more in a row ("oh seven seven double oh nine…"), become
 *       digits.
 * </ol>
 *
 * Each step reads its input once and a bounded distance around each position, so the whole is
 * linear in the text's length; a step that finds nothing to change allocates nothing. Stateless and
 * thread-safe.
 */
final class TextNormalizer {
    /** Combining marks kept on one base character; more are noise ("Zalgo" text) and are dropped. */
    static final int MAX_MARKS = 16;
    /** NFKC may add at most this many chars to one character ("½" → "1⁄2"). */
    private static final int MAX_EXPANSION = 4;
    /** The longest word the e-mail and digit steps look at. */
    private static final int MAX_WORD = 32;
    private static final Map<Integer, Character> CONFUSABLES = readConfusables();
    /**
     * Letters outside TR39's confusables that readers still take for Latin ones inside a Latin
     * word (Greek epsilon for e, eta for n): the looser look-alikes of evasion.
     */
    private static final Map<Integer, Character> LOOSE = Map.ofEntries(Map.entry(0x03B5, 'e'), Map.entry(0x0454, 'e'),
            Map.entry(0x03B7, 'n'), Map.entry(0x03BA, 'k'), Map.entry(0x03C4, 't'), Map.entry(0x03C5, 'u'), Map.entry(0x03C9, 'w'),
            Map.entry(0x03B3, 'y'), Map.entry(0x03C7, 'x'), Map.entry(0x0491, 'r'), Map.entry(0x0433, 'r'));

    // What the steps need to know of each char of the Basic Multilingual Plane, worked out on first
    // sight and kept (a racy but idempotent cache: every thread computes the same byte).
    private static final byte KNOWN = 1;
    /** NFKC leaves it as it is, and it is nothing the first step changes (no digit, mark or ignorable). */
    private static final byte INERT = 2;
    private static final byte LETTER_OR_DIGIT = 4;
    /** A letter of another script than Latin that imitates no ASCII letter. */
    private static final byte FOREIGN = 8;
    private static final byte MARK = 16;
    /** Not INERT, but NFKC of the char alone is all the first step does with it when no mark follows (full-width forms). */
    private static final byte NFKC_ALONE = 32;
    private static final byte[] INFO = new byte[0x10000];
    /** The look-alike table for the BMP as a direct lookup (0: none). */
    private static final char[] LOOK_ALIKE = new char[0x10000];
    /** NFKC of single BMP chars, filled on first sight. */
    private static final String[] NFKC = new String[0x10000];

    static {
        LOOSE.forEach((cp, c) -> LOOK_ALIKE[cp] = c);
        CONFUSABLES.forEach((cp, c) -> {
            if (cp < 0x10000) {
                LOOK_ALIKE[cp] = c;
            }
        });
    }

    private static int info(char c) {
        int b = INFO[c];
        if (b != 0) {
            return b;
        }
        int v = KNOWN;
        int type = Character.getType(c);
        boolean mark = type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
        if (mark) {
            v |= MARK;
        }
        if (Character.isLetterOrDigit(c)) {
            v |= LETTER_OR_DIGIT;
            if (Character.isLetter(c) && confusable(c) == 0 && Character.UnicodeScript.of(c) != Character.UnicodeScript.LATIN) {
                v |= FOREIGN;
            }
        }
        if (!mark && !Character.isSurrogate(c) && type != Character.DECIMAL_DIGIT_NUMBER && type != Character.OTHER_NUMBER
                && !isDefaultIgnorable(c) && c != RIGHT_TO_LEFT_OVERRIDE && c != COMBINING_ENCLOSING_KEYCAP
                && Normalizer.isNormalized(String.valueOf(c), Normalizer.Form.NFKC)) {
            v |= INERT;
        } else if (!mark && !Character.isSurrogate(c) && type != Character.DECIMAL_DIGIT_NUMBER && type != Character.OTHER_NUMBER
                && !isDefaultIgnorable(c) && c != RIGHT_TO_LEFT_OVERRIDE && c != COMBINING_ENCLOSING_KEYCAP) {
            v |= NFKC_ALONE;
        }
        INFO[c] = (byte) v;
        return v;
    }

    /** NFKC of code points beyond the BMP seen so far (mathematical letters, emoji), up to a bound. */
    private static final java.util.concurrent.ConcurrentHashMap<String, String> SUPPLEMENTARY = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_SUPPLEMENTARY = 4096;

    private static String supplementaryNfkc(String codePoint) {
        String known = SUPPLEMENTARY.get(codePoint);
        if (known == null) {
            known = Normalizer.normalize(codePoint, Normalizer.Form.NFKC);
            if (SUPPLEMENTARY.size() < MAX_SUPPLEMENTARY) {
                SUPPLEMENTARY.put(codePoint, known);
            }
        }
        return known;
    }

    /** NFKC of one BMP char. */
    private static String nfkc(char c) {
        String known = NFKC[c];
        if (known == null) {
            known = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC);
            NFKC[c] = known;
        }
        return known;
    }

    private TextNormalizer() {}

    /** {@code text} normalised for the recognizers, with the map back to it. */
    static NormalizedText normalize(String text) {
        NormalizedText t = NormalizedText.identity(text);
        t = codePoints(t);
        t = confusables(t);
        t = hyphenBreaks(t);
        // Steps 4 to 7 run only where the one-pass pre-check says they could change something, and the
        // check is made again after a step that did (joining "O 7 7 O O" makes a word for step 5).
        int could = wordSteps(t.text());
        for (int k = 0; k < WORD_STEPS.size(); k++) {
            WordStep step = WORD_STEPS.get(k);
            if ((could & step.flag()) != 0) {
                NormalizedText next = step.apply().apply(t);
                if (next != t && k + 1 < WORD_STEPS.size()) {
                    could = wordSteps(next.text());
                }
                t = next;
            }
        }
        return t;
    }

    /** A word step (4 to 7) and the pre-check's bit for it, in the order they run. */
    private record WordStep(int flag, java.util.function.UnaryOperator<NormalizedText> apply) {}

    /** Every step run whatever the pre-check says: what {@link #normalize} must equal (a test compares them). */
    static NormalizedText normalizeEveryStep(String text) {
        NormalizedText t = NormalizedText.identity(text);
        t = codePoints(t);
        t = confusables(t);
        t = hyphenBreaks(t);
        for (WordStep step : WORD_STEPS) {
            t = step.apply().apply(t);
        }
        return t;
    }

    static final int SPACED_OUT = 1;
    static final int LETTERS_FOR_DIGITS = 2;
    static final int SPELLED_EMAILS = 4;
    static final int SPELLED_DIGITS = 8;

    private static final List<WordStep> WORD_STEPS = List.of(new WordStep(SPACED_OUT, TextNormalizer::spacedOut),
            new WordStep(LETTERS_FOR_DIGITS, TextNormalizer::lettersForDigits), new WordStep(SPELLED_EMAILS, TextNormalizer::spelledEmails),
            new WordStep(SPELLED_DIGITS, TextNormalizer::spelledDigits));

    private static boolean wordChar(char c) {
        return c < 0x80 ? Chars.isAsciiLetterOrDigit(c) : Character.isLetterOrDigit(c);
    }

    /**
     * Which of steps 4 to 7 could change {@code s}, in one pass over its words: two single letters
     * spaced out, a number-shaped word with letters in it, the word "at" or a spaced "@", a run of
     * digit items with a digit word in it long enough to make seven digits. Never a step that would
     * change the text is left out; one that then finds nothing may be in.
     */
    static int wordSteps(String s) {
        int n = s.length();
        int could = 0;
        int previousEnd = -1; // where the word before ends, -1 before the first
        boolean previousSingle = false;
        boolean previousItem = false;
        int runDigits = 0;
        int runWords = 0;
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (!wordChar(c)) {
                if (c == '@' && i > 0 && s.charAt(i - 1) == ' ') {
                    could |= SPELLED_EMAILS;
                }
                i++;
                continue;
            }
            int start = i;
            int digits = 0;
            int digitLike = 0;
            int other = 0;
            while (i < n && wordChar(s.charAt(i))) {
                char d = s.charAt(i);
                if (Chars.isDigit(d)) {
                    digits++;
                } else if (digitLike(d)) {
                    digitLike++;
                } else {
                    other++;
                }
                i++;
            }
            int length = i - start;
            int gap = previousEnd < 0 ? 0 : start - previousEnd;
            boolean single = length == 1 && !Character.isSurrogate(c);
            if (single && previousSingle && gap >= 1 && gap <= 3 && every(s, previousEnd, start, TextNormalizer::isSpacer)) {
                could |= SPACED_OUT;
            }
            if (other == 0 && digitLike > 0 && digits > 0 && length >= 3) {
                could |= LETTERS_FOR_DIGITS;
            }
            if (length == 2 && (c == 'a' || c == 'A') && (s.charAt(start + 1) == 't' || s.charAt(start + 1) == 'T')) {
                could |= SPELLED_EMAILS;
            }
            // a digit item: digits as typed, a digit word, or "double"/"treble"/"triple" (counted as three)
            int itemDigits = length > MAX_WORD ? 0 : digits == length ? length : !mayBeDigitWord(c) || length > 6 ? 0
                    : digitWord(s, start, i) >= 0 ? 1 : repeatWord(s, start, i) > 0 ? 3 : 0;
            boolean word = itemDigits > 0 && digits != length;
            if (itemDigits == 0) {
                runDigits = 0;
                runWords = 0;
            } else {
                if (!previousItem || gap < 1 || gap > 3 || !every(s, previousEnd, start, TextNormalizer::isDigitSeparator)) {
                    runDigits = 0;
                    runWords = 0;
                }
                runDigits += itemDigits;
                runWords += word ? 1 : 0;
                if (runWords > 0 && runDigits >= MIN_SPELLED_DIGITS) {
                    could |= SPELLED_DIGITS;
                }
            }
            previousEnd = i;
            previousSingle = single;
            previousItem = itemDigits > 0;
            if (could == (SPACED_OUT | LETTERS_FOR_DIGITS | SPELLED_EMAILS | SPELLED_DIGITS)) {
                return could;
            }
        }
        return could;
    }

    /** True when a digit word or "double", "treble", "triple" could start with {@code c}. */
    private static boolean mayBeDigitWord(char c) {
        return switch (c) {
            case 'z', 'o', 'n', 't', 'f', 's', 'e', 'd', 'Z', 'O', 'N', 'T', 'F', 'S', 'E', 'D' -> true;
            default -> false;
        };
    }

    private interface CharTest {
        boolean test(char c);
    }

    private static boolean every(String s, int from, int to, CharTest test) {
        for (int k = from; k < to; k++) {
            if (!test.test(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    // ---- 1. code points ---------------------------------------------------------------------

    /**
     * True for Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties; the test compares
     * these ranges with ICU's data for every code point).
     */
    static boolean isDefaultIgnorable(int cp) {
        if (cp < 0x00AD) {
            return false;
        }
        return cp == 0x00AD || cp == 0x034F || cp == 0x061C || cp == 0x115F || cp == 0x1160 || cp == 0x17B4 || cp == 0x17B5
                || (cp >= 0x180B && cp <= 0x180F) || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2060 && cp <= 0x206F) || cp == 0x3164 || (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF
                || cp == 0xFFA0 || (cp >= 0xFFF0 && cp <= 0xFFF8) || (cp >= 0x1BCA0 && cp <= 0x1BCA3)
                || (cp >= 0x1D173 && cp <= 0x1D17A) || (cp >= 0xE0000 && cp <= 0xE0FFF);
    }

    private static final int COMBINING_ENCLOSING_KEYCAP = 0x20E3;
    private static final int RIGHT_TO_LEFT_OVERRIDE = 0x202E;
    private static final int POP_DIRECTIONAL_FORMATTING = 0x202C;
    /** The longest run a right-to-left override reverses; a longer one is left as typed. */
    private static final int MAX_OVERRIDE = 256;

    /**
     * After a right-to-left override at {@code from - 1}, the run it shows reversed (up to the pop
     * mark, a line break or {@value #MAX_OVERRIDE} chars) appended in the order a reader sees it;
     * returns where the run and its pop mark end, or -1 (nothing appended) when there is none.
     */
    private static int reversed(String s, int from, NormalizedText.Builder out) {
        int end = from;
        while (end < s.length() && end - from < MAX_OVERRIDE && s.charAt(end) != '\n' && s.codePointAt(end) != POP_DIRECTIONAL_FORMATTING
                && s.codePointAt(end) != RIGHT_TO_LEFT_OVERRIDE) {
            end += Character.charCount(s.codePointAt(end));
        }
        if (end == from || end - from >= MAX_OVERRIDE) {
            return -1;
        }
        int stop = end < s.length() && s.codePointAt(end) == POP_DIRECTIONAL_FORMATTING ? end + 1 : end;
        for (int k = end; k > from; ) {
            int cp = s.codePointBefore(k);
            int len = Character.charCount(cp);
            k -= len;
            if (isDefaultIgnorable(cp)) {
                continue;
            }
            if (len == 1) {
                out.append((char) cp, k, k + len);
            } else {
                out.append(new String(Character.toChars(cp)), k, k + len);
            }
        }
        return stop;
    }


    /** Distinct clusters (a letter and its marks) whose normal form one text keeps at most. */
    private static final int MAX_CLUSTERS = 4096;

    private static boolean isMark(int cp) {
        if (cp < 0x10000) {
            return (info((char) cp) & MARK) != 0;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    static NormalizedText codePoints(NormalizedText in) {
        String s = in.text();
        int n = s.length();
        int first = 0;
        while (first < n && s.charAt(first) < 0x80) {
            first++;
        }
        // Letters of other scripts, accented letters and emoji halves with no mark after them stay as
        // they are: skip to the first char that might change before building anything.
        while (first < n) {
            char c = s.charAt(first);
            if (c >= 0x80) {
                char next = first + 1 < n ? s.charAt(first + 1) : 'x';
                boolean plainNext = next < 0x80 || Character.isSurrogate(next) || (info(next) & MARK) == 0;
                if (Character.isSurrogate(c) || !plainNext || (info(c) & INERT) == 0) {
                    break;
                }
            }
            first++;
        }
        if (first == n) {
            return in;
        }
        NormalizedText.Builder out = new NormalizedText.Builder(s).copy(0, first);
        boolean changed = false;
        int loneMarks = 0;
        Map<String, String> clusters = null;
        int i = first;
        while (i < n) {
            char c = s.charAt(i);
            if (c < 0x80) {
                out.append(c, i, i + 1);
                loneMarks = 0;
                i++;
                continue;
            }
            char next = i + 1 < n ? s.charAt(i + 1) : 'x';
            // NFKC composes a char only with marks after it: with none next, the char normalises alone
            boolean plainNext = next < 0x80 || Character.isSurrogate(next) || (info(next) & MARK) == 0;
            if (!Character.isSurrogate(c) && plainNext) {
                int inf = info(c);
                if ((inf & INERT) != 0) {
                    out.append(c, i, i + 1); // an accented letter, a letter of another script, an emoji's half…
                    loneMarks = 0;
                    i++;
                    continue;
                }
                if ((inf & NFKC_ALONE) != 0) {
                    String normal = nfkc(c);
                    if (normal.length() == 1) {
                        out.append(normal.charAt(0), i, i + 1); // full-width letters, compatibility forms
                        changed = true;
                        loneMarks = 0;
                        i++;
                        continue;
                    }
                    if (normal.length() <= 1 + MAX_EXPANSION) {
                        out.append(normal, i, i + 1); // ligatures, fractions
                        changed = true;
                        loneMarks = 0;
                        i++;
                        continue;
                    }
                }
            }
            int cp = s.codePointAt(i);
            int len = Character.charCount(cp);
            if (cp == RIGHT_TO_LEFT_OVERRIDE) {
                int end = reversed(s, i + len, out);
                if (end > 0) {
                    changed = true;
                    i = end;
                    continue;
                }
            }
            if (isDefaultIgnorable(cp) || cp == COMBINING_ENCLOSING_KEYCAP) {
                out.extendLast(i + len);
                changed = true;
                i += len;
                continue;
            }
            if (isMark(cp)) {
                // A mark on an ASCII letter (or on nothing) stays, up to the limit.
                if (++loneMarks > MAX_MARKS) {
                    out.extendLast(i + len);
                    changed = true;
                } else if (len == 1) {
                    out.append(c, i, i + 1);
                } else {
                    out.copy(i, i + len);
                }
                i += len;
                continue;
            }
            loneMarks = 0;
            if (Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER) {
                out.append((char) ('0' + Character.digit(cp, 10)), i, i + len);
                changed = true;
                i += len;
                continue;
            }
            if (Character.getType(cp) == Character.OTHER_NUMBER && Normalizer.isNormalized(s.substring(i, i + len), Normalizer.Form.NFKC)) {
                int value = Character.getNumericValue(cp);
                if (value >= 0 && value <= 9) { // dingbat and negative circled digits, which NFKC leaves alone
                    out.append((char) ('0' + value), i, i + len);
                    changed = true;
                    i += len;
                    continue;
                }
            }
            // One base character and its combining marks normalise together.
            int end = i + len;
            int marks = 0;
            int kept = end;
            while (end < n) {
                int m = s.codePointAt(end);
                if (!isMark(m) && !isDefaultIgnorable(m)) {
                    break;
                }
                end += Character.charCount(m);
                if (isMark(m) && ++marks <= MAX_MARKS) {
                    kept = end;
                }
            }
            String segment = s.substring(i, kept);
            boolean hasIgnorable = false;
            for (int k = i + len; k < kept && !hasIgnorable; k += Character.charCount(s.codePointAt(k))) {
                hasIgnorable = isDefaultIgnorable(s.codePointAt(k));
            }
            if (hasIgnorable) {
                StringBuilder clean = new StringBuilder(segment.length());
                for (int k = 0; k < segment.length(); ) {
                    int x = segment.codePointAt(k);
                    if (!isDefaultIgnorable(x)) {
                        clean.appendCodePoint(x);
                    }
                    k += Character.charCount(x);
                }
                segment = clean.toString();
            }
            // A text repeats its letters with their marks: each cluster is normalised once per text.
            String normal = clusters == null ? null : clusters.get(segment);
            if (normal == null) {
                normal = segment.length() == len && len == 2 ? supplementaryNfkc(segment)
                        : Normalizer.isNormalized(segment, Normalizer.Form.NFKC) ? segment : Normalizer.normalize(segment, Normalizer.Form.NFKC);
                if (normal.length() > segment.length() + MAX_EXPANSION) {
                    normal = segment; // a ligature of a whole phrase (U+FDFA) stays as it is: the text may not grow without bound
                }
                if (clusters == null) {
                    clusters = new HashMap<>();
                }
                if (clusters.size() < MAX_CLUSTERS) {
                    clusters.put(segment, normal);
                }
            }
            if (hasIgnorable || kept != end || !normal.equals(segment) || !segment.contentEquals(s.subSequence(i, end))) {
                changed = true;
            }
            out.append(normal, i, end);
            i = end;
        }
        return changed ? out.applyTo(in) : in;
    }

    // ---- 2. confusable letters --------------------------------------------------------------

    private static Map<Integer, Character> readConfusables() {
        Map<Integer, Character> table = new HashMap<>();
        try (InputStream in = TextNormalizer.class.getResourceAsStream("confusables.txt")) {
            if (in == null) {
                throw new IllegalStateException("confusables.txt is missing from the class path");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                int hash = line.indexOf('#');
                String body = (hash >= 0 ? line.substring(0, hash) : line).trim();
                if (body.isEmpty()) {
                    continue;
                }
                String[] parts = body.split("\\s+");
                table.put(Integer.parseInt(parts[0], 16), parts[1].charAt(0));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(table);
    }

    /** The ASCII letter or digit {@code cp} imitates, or 0 when it is not a look-alike in the table. */
    static char confusable(int cp) {
        if (cp < 0x10000) {
            return LOOK_ALIKE[cp];
        }
        Character c = CONFUSABLES.get(cp);
        return c != null ? c : 0;
    }

    static NormalizedText confusables(NormalizedText in) {
        String s = in.text();
        int n = s.length();
        int firstWide = 0;
        while (firstWide < n && s.charAt(firstWide) < 0x80) {
            firstWide++;
        }
        if (firstWide == n) {
            return in; // only ASCII: nothing can look like it
        }
        NormalizedText.Builder out = null;
        int copied = 0;
        int i = 0;
        while (i < n) {
            char c0 = s.charAt(i);
            if (c0 < 0x80 ? !Chars.isAsciiLetterOrDigit(c0) : Character.isSurrogate(c0) ? !Character.isLetterOrDigit(s.codePointAt(i))
                    : (info(c0) & LETTER_OR_DIGIT) == 0) {
                i += Character.isHighSurrogate(c0) && i + 1 < n ? 2 : 1;
                continue;
            }
            // One word: letters, digits and marks.
            int start = i;
            boolean lookAlike = false;
            boolean foreign = false;
            while (i < n) {
                char c = s.charAt(i);
                if (c < 0x80) {
                    if (!Chars.isAsciiLetterOrDigit(c)) {
                        break;
                    }
                    i++;
                    continue;
                }
                if (!Character.isSurrogate(c)) {
                    int inf = info(c);
                    if ((inf & (LETTER_OR_DIGIT | MARK)) == 0) {
                        break;
                    }
                    if (LOOK_ALIKE[c] != 0) {
                        lookAlike = true;
                    } else if ((inf & FOREIGN) != 0) {
                        foreign = true;
                    }
                    i++;
                    continue;
                }
                int cp = s.codePointAt(i);
                if (!Character.isLetterOrDigit(cp) && !isMark(cp)) {
                    break;
                }
                if (confusable(cp) != 0) {
                    lookAlike = true;
                } else if (Character.isLetter(cp) && Character.UnicodeScript.of(cp) != Character.UnicodeScript.LATIN) {
                    foreign = true;
                }
                i += Character.charCount(cp);
            }
            if (!lookAlike || foreign) {
                continue;
            }
            if (out == null) {
                out = new NormalizedText.Builder(s);
            }
            out.copy(copied, start);
            for (int k = start; k < i; ) {
                int cp = s.codePointAt(k);
                int len = Character.charCount(cp);
                char ascii = confusable(cp);
                if (ascii != 0) {
                    out.append(ascii, k, k + len);
                } else {
                    out.copy(k, k + len);
                }
                k += len;
            }
            copied = i;
        }
        if (out == null) {
            return in;
        }
        out.copy(copied, n);
        return out.applyTo(in);
    }

    // ---- 3. hyphenation across a line break --------------------------------------------------

    private static boolean isHyphen(char c) {
        return c == '-' || c == '\u2010' || c == '\u2011';
    }

    static NormalizedText hyphenBreaks(NormalizedText in) {
        String s = in.text();
        int n = s.length();
        NormalizedText.Builder out = null;
        int copied = 0;
        for (int i = 1; i < n - 1; i++) {
            if (!isHyphen(s.charAt(i)) || !Character.isLetter(s.charAt(i - 1))) {
                continue;
            }
            int q = i + 1;
            while (q < n && q - i <= 4 && (s.charAt(q) == ' ' || s.charAt(q) == '\t' || s.charAt(q) == '\r')) {
                q++;
            }
            if (q >= n || s.charAt(q) != '\n') {
                continue;
            }
            q++;
            int r = q;
            while (r < n && r - q < 4 && (s.charAt(r) == ' ' || s.charAt(r) == '\t')) {
                r++;
            }
            if (r >= n || !Character.isLowerCase(s.charAt(r))) {
                continue; // "Year 3 -\nTrip" is a dash before a new line, not a broken word
            }
            if (out == null) {
                out = new NormalizedText.Builder(s);
            }
            out.copy(copied, i);
            copied = r;
            i = r - 1;
        }
        if (out == null) {
            return in;
        }
        out.copy(copied, n);
        return out.applyTo(in);
    }

    // ---- 4. spaced-out letters and digits -----------------------------------------------------

    private static boolean isSpacer(char c) {
        return c == ' ' || c == '.' || c == '-' || c == '_' || c == '*' || c == '|' || c == '+' || c == '~' || c == '/' || c == '\u00A0';
    }

    private static boolean isAlnum(String s, int i) {
        return i >= 0 && i < s.length() && Character.isLetterOrDigit(s.charAt(i));
    }

    /** True when the char at {@code i} is a letter or digit standing alone: no letter or digit either side. */
    private static boolean single(String s, int i) {
        return isAlnum(s, i) && !isAlnum(s, i - 1) && !isAlnum(s, i + 1) && !Character.isSurrogate(s.charAt(i));
    }

    /** In a run spaced out by blanks, the punctuation of an address or a number counts as an item ("t o m . f @ e"). */
    private static boolean singlePunctuation(String s, int i) {
        if (i <= 0 || i + 1 >= s.length() || s.charAt(i - 1) != ' ' || s.charAt(i + 1) != ' ') {
            return false;
        }
        char c = s.charAt(i);
        return c == '.' || c == '@' || c == '_' || c == '-' || c == '+';
    }

    private static boolean blanks(String s, int from, int length) {
        for (int k = from; k < from + length; k++) {
            if (s.charAt(k) != ' ') {
                return false;
            }
        }
        return true;
    }

    static NormalizedText spacedOut(NormalizedText in) {
        String s = in.text();
        int n = s.length();
        NormalizedText.Builder out = null;
        int copied = 0;
        int i = 0;
        while (i < n) {
            if (!single(s, i)) {
                i++;
                continue;
            }
            // The separator after the first item decides the run's separator.
            int q = i + 1;
            while (q < n && q - i <= 3 && isSpacer(s.charAt(q))) {
                q++;
            }
            int sepLength = q - (i + 1);
            if (sepLength < 1 || sepLength > 3 || !single(s, q)) {
                i++;
                continue;
            }
            boolean spaces = blanks(s, i + 1, sepLength);
            int items = 1;
            int last = i;
            int p = i;
            while (true) {
                int next = p + 1 + sepLength;
                if (next >= n || !s.regionMatches(p + 1, s, i + 1, sepLength)) {
                    break;
                }
                if (single(s, next)) {
                    items++;
                    last = next;
                } else if (!spaces || !singlePunctuation(s, next)) {
                    break;
                }
                p = next;
            }
            if (items < 3) {
                i = last + 1;
                continue;
            }
            if (out == null) {
                out = new NormalizedText.Builder(s);
            }
            out.copy(copied, i);
            for (int k = i; k <= last; k += 1 + sepLength) {
                out.copy(k, k + 1);
            }
            copied = last + 1;
            i = last + 1;
        }
        if (out == null) {
            return in;
        }
        out.copy(copied, n);
        return out.applyTo(in);
    }

    // ---- 5. letters typed for digits ---------------------------------------------------------

    private static boolean digitLike(char c) {
        return c == 'O' || c == 'o' || c == 'I' || c == 'l';
    }

    /** The shortest word of digits and digit-like letters read as a number on its own (a phone number's shortest group run). */
    private static final int MIN_LONE_NUMBER = 7;

    /**
     * A group of digits (and digit-like letters, at least one digit) of two or more chars just before
     * {@code [start, end)} of {@code s} or just after it, with at most two spaces, dashes or dots between.
     */
    private static boolean numberBeside(String s, int start, int end) {
        int a = start - 1;
        int gap = 0;
        while (a >= 0 && gap < 3 && (s.charAt(a) == ' ' || s.charAt(a) == '-' || s.charAt(a) == '.')) {
            a--;
            gap++;
        }
        if (gap > 0 && a >= 0 && numberShapedEndingAt(s, a)) {
            return true;
        }
        int b = end;
        gap = 0;
        while (b < s.length() && gap < 3 && (s.charAt(b) == ' ' || s.charAt(b) == '-' || s.charAt(b) == '.')) {
            b++;
            gap++;
        }
        return gap > 0 && b < s.length() && numberShapedStartingAt(s, b);
    }

    private static boolean numberShapedStartingAt(String s, int from) {
        int k = from;
        int digits = 0;
        while (k < s.length() && Character.isLetterOrDigit(s.charAt(k))) {
            char c = s.charAt(k);
            if (Chars.isDigit(c)) {
                digits++;
            } else if (!digitLike(c)) {
                return false;
            }
            k++;
        }
        return digits > 0 && k - from >= 2;
    }

    private static boolean numberShapedEndingAt(String s, int last) {
        int k = last;
        while (k >= 0 && Character.isLetterOrDigit(s.charAt(k))) {
            k--;
        }
        return numberShapedStartingAt(s, k + 1);
    }

    static NormalizedText lettersForDigits(NormalizedText in) {
        String s = in.text();
        int n = s.length();
        NormalizedText.Builder out = null;
        int copied = 0;
        int i = 0;
        while (i < n) {
            if (!Chars.isAsciiLetterOrDigit(s.charAt(i)) || (i > 0 && Character.isLetterOrDigit(s.charAt(i - 1)))) {
                i++;
                continue;
            }
            int start = i;
            int digits = 0;
            int letters = 0;
            boolean other = false;
            while (i < n && Character.isLetterOrDigit(s.charAt(i))) {
                char c = s.charAt(i);
                if (Chars.isDigit(c)) {
                    digits++;
                } else if (digitLike(c)) {
                    letters++;
                } else {
                    other = true;
                }
                i++;
            }
            if (other || letters == 0 || digits < 1 || i - start < 3) {
                continue;
            }
            // A short word with more letters than digits stands for digits only beside another group
            // of digits ("O77OO 9OOl23"): alone it may be a name typed with digits ("Oll13"), which
            // the name recognizer reads by its skeleton.
            if (i - start < MIN_LONE_NUMBER && letters > digits && !numberBeside(s, start, i)) {
                continue;
            }
            if (out == null) {
                out = new NormalizedText.Builder(s);
            }
            out.copy(copied, start);
            for (int k = start; k < i; k++) {
                char c = s.charAt(k);
                out.append(c == 'O' || c == 'o' ? '0' : c == 'I' || c == 'l' ? '1' : c, k, k + 1);
            }
            copied = i;
        }
        if (out == null) {
            return in;
        }
        out.copy(copied, n);
        return out.applyTo(in);
    }

    // ---- 6. e-mail addresses spelled with words ----------------------------------------------

    /** The last label an address spelled out may end with. */
    private static final java.util.Set<String> TLDS = java.util.Set.of("com", "org", "net", "uk", "co", "io", "ac", "gov", "sch", "edu",
            "info", "me", "biz", "us", "ie", "eu", "de", "fr", "es", "it", "pl", "in", "pk", "au", "ca", "nz", "email", "online", "mail");
    /** Words before "at" that are the thing found there, not a mailbox ("I got it at amazon dot com"). */
    private static final java.util.Set<String> NOT_MAILBOXES = java.util.Set.of("it", "them", "this", "that", "these", "those", "one",
            "ones", "some", "me", "us", "you", "him", "her", "all", "everything", "something", "anything", "stuff", "mine", "online",
            "here", "there", "look", "be", "is", "are", "was", "were", "am");

    /** A mark, at {@code i}, spelling "@" or "." ({@code word} "at" or "dot"): returns its end, or -1. */
    private static int markAt(String s, int i, String word, char symbol) {
        if (i >= s.length()) {
            return -1;
        }
        char c = s.charAt(i);
        if (c == symbol) {
            return i + 1;
        }
        if (c == '[' || c == '(' || c == '{' || c == '<' || c == '-' || c == '_' || c == '*') {
            char close = c == '[' ? ']' : c == '(' ? ')' : c == '{' ? '}' : c == '<' ? '>' : c;
            int w = i + 1;
            if (s.regionMatches(true, w, word, 0, word.length()) && w + word.length() < s.length() && s.charAt(w + word.length()) == close) {
                return w + word.length() + 1;
            }
            return -1;
        }
        if (s.regionMatches(true, i, word, 0, word.length()) && !isAlnum(s, i - 1) && !isAlnum(s, i + word.length())) {
            return i + word.length();
        }
        return -1;
    }

    private static boolean isMailboxChar(char c) {
        return Chars.isAsciiLetterOrDigit(c) || c == '_' || c == '%' || c == '+' || c == '-';
    }

    private static int skipBlanks(String s, int i) {
        int q = i;
        while (q < s.length() && q - i < 3 && s.charAt(q) == ' ') {
            q++;
        }
        return q;
    }

    private static int skipBlanksBack(String s, int i) {
        int q = i;
        while (q > 0 && i - q < 3 && s.charAt(q - 1) == ' ') {
            q--;
        }
        return q;
    }

    /** The end of a mailbox or domain word starting at {@code i}, or {@code i} when there is none. */
    private static int wordEnd(String s, int i) {
        int q = i;
        while (q < s.length() && q - i < MAX_WORD && isMailboxChar(s.charAt(q))) {
            q++;
        }
        return q > i && isMailboxChar(s.charAt(q - 1)) && (q == s.length() || !isMailboxChar(s.charAt(q))) ? q : i;
    }

    private static int wordStart(String s, int end) {
        int q = end;
        while (q > 0 && end - q < MAX_WORD && isMailboxChar(s.charAt(q - 1))) {
            q--;
        }
        return q < end && (q == 0 || !isMailboxChar(s.charAt(q - 1))) ? q : end;
    }

    /** The most words a spelled mailbox or domain has ("jo dot smith", "example dot co dot uk"). */
    private static final int MAX_PARTS = 4;

    private static boolean isTld(String s, int start, int end) {
        return end - start <= 6 && java.util.Arrays.binarySearch(TLD_KEYS, packed(s, start, end)) >= 0;
    }

    /** The ASCII letters of {@code s[start, end)} (at most ten), lower-cased and packed into a long; -1 for anything else. */
    private static long packed(CharSequence s, int start, int end) {
        if (end - start > 10) {
            return -1;
        }
        long key = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + 32);
            }
            if (c < 'a' || c > 'z') {
                return -1;
            }
            key = key * 32 + (c - 'a' + 1);
        }
        return key;
    }

    private static long[] packedAll(java.util.Set<String> words) {
        return words.stream().mapToLong(w -> packed(w, 0, w.length())).sorted().toArray();
    }

    private static final long[] TLD_KEYS = packedAll(TLDS);
    private static final long[] NOT_MAILBOX_KEYS = packedAll(NOT_MAILBOXES);

    static NormalizedText spelledEmails(NormalizedText in) {
        String s = in.text();
        int n = s.length();
        NormalizedText.Builder out = null;
        int copied = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c != 'a' && c != 'A' && c != '[' && c != '(' && c != '{' && c != '<' && c != '@' && c != '-' && c != '_' && c != '*') {
                continue;
            }
            int atEnd = markAt(s, i, "at", '@');
            if (atEnd < 0 || (c == '@' && !(i > 0 && s.charAt(i - 1) == ' '))) {
                continue; // a plain "jo@example.com" is the e-mail recognizer's
            }
            // The domain first (most "at"s have none): word (dot word)+, ending on a known top-level label.
            int[] domain = new int[2 * MAX_PARTS];
            int domainWords = 0;
            int q = skipBlanks(s, atEnd);
            int lastWord = -1;
            while (domainWords < MAX_PARTS) {
                int we = wordEnd(s, q);
                if (we == q) {
                    break;
                }
                domain[2 * domainWords] = q;
                domain[2 * domainWords + 1] = we;
                domainWords++;
                if (domainWords >= 2 && isTld(s, q, we)) {
                    lastWord = domainWords - 1;
                }
                int after = skipBlanks(s, we);
                int dotEnd = markAt(s, after, "dot", '.');
                if (dotEnd < 0) {
                    break;
                }
                q = skipBlanks(s, dotEnd);
            }
            if (lastWord < 0) {
                continue;
            }
            // The mailbox, read backwards: word (dot word)*.
            int[] local = new int[2 * MAX_PARTS];
            int localWords = 0;
            int p = skipBlanksBack(s, i);
            if (p == i && Character.isLetter(s.charAt(i))) {
                continue; // "at" glued to the word before is not "at"
            }
            while (localWords < MAX_PARTS) {
                int ws = wordStart(s, p);
                if (ws == p) {
                    break;
                }
                local[2 * localWords] = ws;
                local[2 * localWords + 1] = p;
                localWords++;
                int before = skipBlanksBack(s, ws);
                int dotStart = dotMarkEndingAt(s, before);
                if (dotStart < 0 || (s.charAt(dotStart) == '.' && (before != ws || dotStart == 0 || !isMailboxChar(s.charAt(dotStart - 1))))) {
                    break; // "Hi. jo at …": a full stop is not a dot in the mailbox
                }
                p = skipBlanksBack(s, dotStart);
            }
            // local holds the words last to first
            if (localWords == 0 || local[2 * (localWords - 1)] < copied) {
                continue;
            }
            if (localWords == 1 && java.util.Arrays.binarySearch(NOT_MAILBOX_KEYS, packed(s, local[0], local[1])) >= 0) {
                continue;
            }
            int firstStart = local[2 * (localWords - 1)];
            int lastEnd = domain[2 * lastWord + 1];
            if (out == null) {
                out = new NormalizedText.Builder(s);
            }
            out.copy(copied, firstStart);
            for (int k = localWords - 1; k >= 0; k--) {
                out.copy(local[2 * k], local[2 * k + 1]);
                if (k > 0) {
                    out.append('.', local[2 * k + 1], local[2 * (k - 1)]);
                }
            }
            out.append('@', local[1], domain[0]);
            for (int k = 0; k <= lastWord; k++) {
                out.copy(domain[2 * k], domain[2 * k + 1]);
                if (k < lastWord) {
                    out.append('.', domain[2 * k + 1], domain[2 * (k + 1)]);
                }
            }
            copied = lastEnd;
            i = lastEnd - 1;
        }
        if (out == null) {
            return in;
        }
        out.copy(copied, n);
        return out.applyTo(in);
    }

    /** The start of a "dot" mark ("dot", "[dot]", "(dot)", ".") ending at {@code end}, or -1. */
    private static int dotMarkEndingAt(String s, int end) {
        if (end <= 0) {
            return -1;
        }
        if (s.charAt(end - 1) == '.') {
            return end - 1;
        }
        if (end >= 3 && markAt(s, end - 3, "dot", '.') == end) {
            return end - 3;
        }
        return end >= 5 && markAt(s, end - 5, "dot", '.') == end ? end - 5 : -1;
    }

    // ---- 7. digits spelled as words ----------------------------------------------------------

    /** Digits spelled out fewer than this in a row are left alone ("one or two", "oh no"). */
    static final int MIN_SPELLED_DIGITS = 7;

    /** The digit the word {@code s[i, e)} spells, or -1. */
    private static int digitWord(String s, int i, int e) {
        int len = e - i;
        if (len < 1 || len > 6) {
            return -1;
        }
        // By length and first letter, so most words are set aside without a comparison.
        char first = (char) (s.charAt(i) | 0x20);
        return switch (len) {
            case 1 -> first == 'o' ? 0 : -1;
            case 2 -> first == 'o' && s.regionMatches(true, i, "oh", 0, 2) ? 0 : -1;
            case 3 -> switch (first) {
                case 'o' -> is(s, i, "one") ? 1 : -1;
                case 't' -> is(s, i, "two") ? 2 : -1;
                case 's' -> is(s, i, "six") ? 6 : -1;
                case 'n' -> is(s, i, "nil") ? 0 : -1;
                default -> -1;
            };
            case 4 -> switch (first) {
                case 'z' -> is(s, i, "zero") ? 0 : -1;
                case 'f' -> is(s, i, "four") ? 4 : is(s, i, "five") ? 5 : -1;
                case 'n' -> is(s, i, "nine") ? 9 : -1;
                default -> -1;
            };
            case 5 -> switch (first) {
                case 't' -> is(s, i, "three") ? 3 : -1;
                case 's' -> is(s, i, "seven") ? 7 : -1;
                case 'e' -> is(s, i, "eight") ? 8 : -1;
                default -> -1;
            };
            case 6 -> first == 'n' && is(s, i, "nought") ? 0 : -1;
            default -> -1;
        };
    }

    private static boolean is(String s, int i, String word) {
        return s.regionMatches(true, i, word, 0, word.length());
    }

    /** How many times "double", "treble" or "triple" repeat the next digit, or 0. */
    private static int repeatWord(String s, int i, int e) {
        int len = e - i;
        if (len == 6 && (s.regionMatches(true, i, "double", 0, 6))) {
            return 2;
        }
        if (len == 6 && (s.regionMatches(true, i, "treble", 0, 6) || s.regionMatches(true, i, "triple", 0, 6))) {
            return 3;
        }
        return 0;
    }

    private static boolean isDigitSeparator(char c) {
        return c == ' ' || c == ',' || c == '-';
    }

    /**
     * One item of a spelled number: {@code s[start, end)} gives {@code count} times the digit
     * {@code digit}, or (when {@code digit} is 0) is a group of digits as typed.
     */
    private record Item(int start, int end, char digit, int count) {
        int length() {
            return digit == 0 ? end - start : count;
        }
    }

    static NormalizedText spelledDigits(NormalizedText in) {
        String s = in.text();
        int n = s.length();
        NormalizedText.Builder out = null;
        int copied = 0;
        int i = 0;
        java.util.ArrayList<Item> run = new java.util.ArrayList<>();
        while (i < n) {
            if (!Character.isLetterOrDigit(s.charAt(i)) || (i > 0 && Character.isLetterOrDigit(s.charAt(i - 1)))) {
                i++;
                continue;
            }
            char first = Character.toLowerCase(s.charAt(i));
            if (!Chars.isDigit(first) && "zontfsed".indexOf(first) < 0) {
                while (i < n && Character.isLetterOrDigit(s.charAt(i))) {
                    i++; // no digit word starts so
                }
                continue;
            }
            run.clear();
            int digits = 0;
            int words = 0;
            int p = i;
            while (p < n) {
                int e = p;
                while (e < n && e - p < MAX_WORD && Character.isLetterOrDigit(s.charAt(e))) {
                    e++;
                }
                if (e == p || (e < n && Character.isLetterOrDigit(s.charAt(e)))) {
                    break;
                }
                Item item = null;
                int itemEnd = e;
                if (Chars.digitRun(s, p, MAX_WORD) == e - p) {
                    item = new Item(p, e, (char) 0, 0);
                } else {
                    int d = digitWord(s, p, e);
                    if (d >= 0) {
                        item = new Item(p, e, (char) ('0' + d), 1);
                        words++;
                    } else {
                        int times = repeatWord(s, p, e);
                        if (times > 0) {
                            int q = e;
                            while (q < n && q - e < 3 && s.charAt(q) == ' ') {
                                q++;
                            }
                            int qe = q;
                            while (qe < n && qe - q < MAX_WORD && Character.isLetterOrDigit(s.charAt(qe))) {
                                qe++;
                            }
                            int rd = qe - q == 1 && Chars.isDigit(s.charAt(q)) ? s.charAt(q) - '0' : digitWord(s, q, qe);
                            if (q > e && rd >= 0 && (qe >= n || !Character.isLetterOrDigit(s.charAt(qe)))) {
                                item = new Item(p, qe, (char) ('0' + rd), times);
                                itemEnd = qe;
                                words++;
                            }
                        }
                    }
                }
                if (item == null) {
                    break;
                }
                run.add(item);
                digits += item.length();
                int q = itemEnd;
                while (q < n && q - itemEnd < 3 && isDigitSeparator(s.charAt(q))) {
                    q++;
                }
                if (q == itemEnd || q >= n || !Character.isLetterOrDigit(s.charAt(q))) {
                    break;
                }
                p = q;
            }
            Item lastItem = run.isEmpty() ? null : run.get(run.size() - 1);
            if (words == 0 || digits < MIN_SPELLED_DIGITS) {
                i = lastItem == null ? i + 1 : Math.max(i + 1, lastItem.end());
                continue;
            }
            if (out == null) {
                out = new NormalizedText.Builder(s);
            }
            out.copy(copied, i);
            for (Item item : run) {
                if (item.digit() == 0) {
                    out.copy(item.start(), item.end());
                } else {
                    for (int k = 0; k < item.count(); k++) {
                        out.append(item.digit(), item.start(), item.end());
                    }
                }
            }
            copied = lastItem.end();
            i = lastItem.end();
        }
        if (out == null) {
            return in;
        }
        out.copy(copied, n);
        return out.applyTo(in);
    }
}
