package dev.hallpass.detect;

import static dev.hallpass.detect.Chars.*;

import dev.hallpass.facts.Finding;
import dev.hallpass.facts.FindingKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Dates of birth: a validated date ({@link #findDates}) with a birth cue just before it ("DOB:",
 * "born on the") and not a historical year. Every date, of birth or not, is a mask for phone
 * numbers, so its digits can neither be read as one nor glue onto a real one. Its context words
 * (the birth cues and the words allowed between cue and date) and month names come from the
 * lexicon's {@code personalData} section.
 */
final class DateOfBirthRecognizer implements Recognizer {
    static final String NAME = "date-of-birth";
    /** How many words may stand between a birth cue and the date ("born on the 3rd ..."). */
    private static final int MAX_GAP_WORDS = 3;
    private static final int MAX_GAP_CHARS = 4;

    /** Month names and abbreviations (lower case) by their first letter, a to z: few to compare per word. */
    private final String[][] monthsByInitial = new String[26][];
    private final Set<String> ordinalSuffixes;
    /** Cues that a following date is someone's date of birth; matched case-insensitively, ending next to the date. */
    private final List<String> birthCues;
    /** Words allowed between a birth cue and its date: "birthday is", "born on the", "born on Tuesday". */
    private final Set<String> birthGapWords;

    DateOfBirthRecognizer(Lexicon.PersonalWords words) {
        for (char c = 'a'; c <= 'z'; c++) {
            final char initial = c;
            monthsByInitial[c - 'a'] = words.months().stream().filter(m -> !m.isEmpty() && m.charAt(0) == initial).toArray(String[]::new);
        }
        this.ordinalSuffixes = words.ordinalSuffixes();
        this.birthCues = words.birthCues();
        this.birthGapWords = words.birthGapWords();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<FindingKind> emits() {
        return Set.of(FindingKind.DATE_OF_BIRTH);
    }

    @Override
    public Set<String> contextWords() {
        Set<String> words = new java.util.HashSet<>(birthCues);
        words.addAll(birthGapWords);
        return Set.copyOf(words);
    }

    @Override
    public void scan(Scan scan) {
        String visible = scan.charText(emits());
        List<Span> dates = findDates(visible, scan.firstDigit());
        for (Span date : dates) {
            if (hasBirthCue(visible, date.start()) && !historical(visible, date)) {
                scan.add(Finding.span(FindingKind.DATE_OF_BIRTH, date.start(), date.end()));
            }
        }
        scan.hide(dates, Set.of(FindingKind.PHONE_NUMBER));
    }

    /**
     * Dates, validated, in text order and not overlapping: d/m/yy[yy] with one of {@code / . -} used
     * twice (month first is allowed too), yyyy-m-d, "3rd [of] March [2019]" and "March 3[rd][,]
     * [2019]". A written date may leave out its year: "her birthday is 3rd March" still gives it.
     */
    private List<Span> findDates(String t, int firstDigit) {
        List<Span> out = new ArrayList<>();
        int n = t.length();
        int nextDigit = -1; // the first digit at or after i: every date has one, a written month within MONTH_TO_DAY of it
        for (int i = 0; i < n; i++) {
            if (nextDigit < i) {
                nextDigit = Chars.nextDigit(t, Math.max(i, firstDigit)); // none before the text's first
            }
            if (nextDigit == n) {
                break; // no digit left, so no date left
            }
            char c = t.charAt(i);
            int end = -1;
            if (isDigit(c) && numberStartsAt(t, i)) {
                end = numericDateEnd(t, i);
                if (end < 0) {
                    end = dayMonthDateEnd(t, i);
                }
            } else if (nextDigit - i > MONTH_TO_DAY) {
                i = nextDigit - MONTH_TO_DAY - 1; // no month name before here can have its day
                continue;
            } else if (isAsciiLetter(c) && (i == 0 || !Character.isLetterOrDigit(t.charAt(i - 1)))) {
                end = monthDayDateEnd(t, i);
            }
            if (end > 0) {
                out.add(new Span(i, end));
                i = end - 1;
            }
        }
        return out;
    }

    /** The longest month name (9 letters), a full stop and two spaces: a "March 3" date's day is this close to its start. */
    private static final int MONTH_TO_DAY = 12;

    private static int numericDateEnd(String t, int i) {
        int a = digitRun(t, i, 5);
        if (a == 0 || a == 3 || a > 4) {
            return -1;
        }
        int p = i + a;
        char sep = charAt(t, p);
        if (sep != '/' && sep != '.' && sep != '-') {
            return -1;
        }
        int b = digitRun(t, p + 1, 3);
        if (b < 1 || b > 2) {
            return -1;
        }
        int q = p + 1 + b;
        if (charAt(t, q) != sep) {
            return -1;
        }
        int c = digitRun(t, q + 1, 5);
        int end = q + 1 + c;
        int first = number(t, i, a);
        int second = number(t, p + 1, b);
        int third = number(t, q + 1, c);
        boolean valid = a == 4
                ? (c == 1 || c == 2) && between(second, 1, 12) && between(third, 1, 31)
                : (c == 2 || c == 4) && isDayAndMonth(first, second);
        return valid && numberEndsAt(t, end) ? end : -1;
    }

    private static boolean isDayAndMonth(int x, int y) {
        return (between(x, 1, 31) && between(y, 1, 12)) || (between(x, 1, 12) && between(y, 1, 31));
    }

    /** "3 March", "3rd of March 2019". */
    private int dayMonthDateEnd(String t, int i) {
        int d = digitRun(t, i, 3);
        if (d < 1 || d > 2 || !between(number(t, i, d), 1, 31)) {
            return -1;
        }
        int p = skipOrdinal(t, i + d);
        if (Character.isLetterOrDigit(charAt(t, p))) {
            return -1;
        }
        int s = skipSpaces(t, p, 2);
        if (s == p) {
            return -1;
        }
        if (wordIs(t, s, "of")) {
            int afterOf = skipSpaces(t, s + 2, 2);
            if (afterOf == s + 2) {
                return -1;
            }
            s = afterOf;
        }
        int monthEnd = monthEnd(t, s);
        return monthEnd < 0 ? -1 : yearEnd(t, monthEnd);
    }

    /** "March 3", "Sept. 3rd, 2019". */
    private int monthDayDateEnd(String t, int i) {
        int monthEnd = monthEnd(t, i);
        if (monthEnd < 0) {
            return -1;
        }
        int p = charAt(t, monthEnd) == '.' ? monthEnd + 1 : monthEnd;
        int s = skipSpaces(t, p, 2);
        int d = digitRun(t, s, 3);
        if (s == p || d < 1 || d > 2 || !between(number(t, s, d), 1, 31)) {
            return -1;
        }
        int q = skipOrdinal(t, s + d);
        return Character.isLetterOrDigit(charAt(t, q)) ? -1 : yearEnd(t, q);
    }

    private int monthEnd(String t, int i) {
        int e = i;
        while (e < t.length() && e - i <= 9 && isAsciiLetter(t.charAt(e))) {
            e++;
        }
        if (e - i < 3 || Character.isLetterOrDigit(charAt(t, e))) {
            return -1; // every month name has at least three letters
        }
        int initial = (t.charAt(i) | 0x20) - 'a';
        int length = e - i;
        for (String month : monthsByInitial[initial]) { // compared in place: no substring for every capitalised word
            if (month.length() == length && t.regionMatches(true, i, month, 0, length)) {
                return e;
            }
        }
        return -1;
    }

    /** After a day and month: extends over an optional ", 2019" / " 2019", else stays at {@code p}. */
    private static int yearEnd(String t, int p) {
        int q = charAt(t, p) == ',' ? p + 1 : p;
        int s = skipSpaces(t, q, 2);
        if (s == p || digitRun(t, s, 5) != 4 || !between(number(t, s, 4), 1900, 2099) || !numberEndsAt(t, s + 4)) {
            return p;
        }
        return s + 4;
    }

    private int skipOrdinal(String t, int p) {
        if (p + 2 > t.length() || Character.isLetter(charAt(t, p + 2))) {
            return p;
        }
        String two = t.substring(p, p + 2).toLowerCase(Locale.ROOT);
        return ordinalSuffixes.contains(two) ? p + 2 : p;
    }

    /**
     * True when the date ends in a year before {@value #EARLIEST_BIRTH_YEAR}: a historical birth
     * ("Roald Dahl was born on 13 September 1916"), not a family's personal data.
     */
    private static boolean historical(String t, Span date) {
        int e = date.end();
        if (e - 4 < date.start() || digitRun(t, e - 4, 5) != 4) {
            return false;
        }
        return number(t, e - 4, 4) < EARLIEST_BIRTH_YEAR;
    }

    private static final int EARLIEST_BIRTH_YEAR = 1930;

    /**
     * True when a birth cue ends just before {@code dateStart}: separated from it only by spaces,
     * {@code : , - = (} and at most {@value #MAX_GAP_WORDS} of {@code birthGapWords}. Looks back a
     * bounded distance, so checking every date stays linear.
     */
    private boolean hasBirthCue(String t, int dateStart) {
        int pos = dateStart;
        for (int words = 0; words <= MAX_GAP_WORDS; words++) {
            int skipped = 0;
            while (pos > 0 && skipped < MAX_GAP_CHARS && isBirthGapChar(t.charAt(pos - 1))) {
                pos--;
                skipped++;
            }
            for (String cue : birthCues) {
                int from = pos - cue.length();
                if (from >= 0 && t.regionMatches(true, from, cue, 0, cue.length())
                        && (from == 0 || !Character.isLetterOrDigit(t.charAt(from - 1)))) {
                    return true;
                }
            }
            int wordStart = pos;
            while (wordStart > 0 && pos - wordStart < MAX_WORD && isAsciiLetter(t.charAt(wordStart - 1))) {
                wordStart--;
            }
            if (wordStart == pos
                    || !birthGapWords.contains(t.substring(wordStart, pos).toLowerCase(Locale.ROOT))) {
                return false;
            }
            pos = wordStart;
        }
        return false;
    }

    private static boolean isBirthGapChar(char c) {
        return c == ' ' || c == NBSP || c == '\t' || c == '\n' || c == '\r'
                || c == ':' || c == ',' || c == '-' || c == '=' || c == '(' || c == '\u2013' || c == '\u2014';
    }
}
