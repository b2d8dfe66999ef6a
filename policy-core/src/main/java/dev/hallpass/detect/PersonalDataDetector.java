package dev.hallpass.detect;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.hallpass.facts.Finding;
import dev.hallpass.facts.FindingKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Finds personal contact and identity data in a message: phone numbers, email addresses, UK
 * postcodes, street addresses, dates of birth and NHS numbers.
 *
 * <p>Every scanner is hand-written and reads each position of the text a bounded number of times,
 * so the whole detector runs in time linear in the text's length whatever the input. libphonenumber
 * is only ever handed a short window (at most {@value #MAX_PHONE_DIGITS} digits) that already has
 * the shape of a phone number: handing it the whole text is both slow on long adversarial input and
 * wrong, because it splits "Year 6 07400 123456" into "07400" and "123456" and finds nothing at all
 * in "on 12/03/2027 07400 123456".
 *
 * <p>Precision is preferred to recall where the two pull apart: the findings feed rules that can
 * block a message, and a parent who is wrongly stopped loses trust in the tool.
 *
 * <p>Immutable and thread-safe; never logs and never keeps the text.
 */
final class PersonalDataDetector implements TextDetector {
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final String GB = "GB";
    private static final String UNKNOWN_REGION = "ZZ";

    /** Replaces spans that later scanners must not read (an email's digits are not a phone number). */
    private static final char MASK = '_';
    private static final char NBSP = '\u00A0';

    // RFC 5321 limits; they also bound how far each '@' makes the email scanner look.
    private static final int MAX_LOCAL = 64;
    private static final int MAX_DOMAIN = 253;
    private static final int MAX_LABEL = 63;

    /** E.164 allows at most 15 digits; one more leaves room for a written "(0)" trunk prefix. */
    private static final int MAX_PHONE_DIGITS = 16;
    private static final int MAX_PHONE_GROUPS = 6;
    /** Fewer ASCII digits than this in the whole text and no phone number can be there. */
    private static final int MIN_PHONE_DIGITS = 8;
    /** A UK national significant number (without the trunk 0 or +44) has 10 digits. */
    private static final int UK_NSN_DIGITS = 10;
    /** The shortest and longest foreign number (country code included) we accept. */
    private static final int MIN_FOREIGN_DIGITS = 8;
    private static final int MAX_FOREIGN_DIGITS = 15;
    /** libphonenumber's answer for any ten-digit UK national number (it depends on the length only). */
    private static final boolean UK_TEN_DIGITS_POSSIBLE =
            PHONES.isPossibleNumber(new PhoneNumber().setCountryCode(44).setNationalNumber(7_400_123_456L));
    /** Each window holds one number, so libphonenumber needs few tries to find it. */
    private static final long MAX_TRIES = 4;

    /** How many words may stand between a birth cue and the date ("born on the 3rd ..."). */
    private static final int MAX_GAP_WORDS = 3;
    private static final int MAX_GAP_CHARS = 4;
    private static final int MAX_WORD = 24;

    private static final Comparator<Finding> TEXT_ORDER = Comparator.comparingInt(Finding::start)
            .thenComparingInt(Finding::end)
            .thenComparing(Finding::kind);

    private static final List<String> MONTHS = List.of(
            "january", "february", "march", "april", "may", "june", "july", "august", "september",
            "october", "november", "december",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec");
    private static final String MONTH_INITIALS = "jfmasond";

    /** Cues that a following date is someone's date of birth; matched case-insensitively, ending next to the date. */
    private static final List<String> BIRTH_CUES = List.of(
            "date of birth", "birth date", "birthdate", "birthday", "born", "dob", "dob.", "d.o.b", "d.o.b.");

    /** Words allowed between a birth cue and its date: "birthday is", "born on the", "born on Tuesday". */
    private static final Set<String> BIRTH_GAP_WORDS = Set.of(
            "is", "was", "on", "the", "of", "being", "be",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun");

    // Postcode areas of the UK, the Crown dependencies and BFPO; an outward code must start with one.
    private static final Set<String> POSTCODE_AREAS = Set.of(
            "AB", "AL", "B", "BA", "BB", "BD", "BF", "BH", "BL", "BN", "BR", "BS", "BT", "BX", "CA", "CB", "CF",
            "CH", "CM", "CO", "CR", "CT", "CV", "CW", "DA", "DD", "DE", "DG", "DH", "DL", "DN", "DT", "DY", "E",
            "EC", "EH", "EN", "EX", "FK", "FY", "G", "GL", "GU", "GY", "HA", "HD", "HG", "HP", "HR", "HS", "HU",
            "HX", "IG", "IM", "IP", "IV", "JE", "KA", "KT", "KW", "KY", "L", "LA", "LD", "LE", "LL", "LN", "LS",
            "LU", "M", "ME", "MK", "ML", "N", "NE", "NG", "NN", "NP", "NR", "NW", "OL", "OX", "PA", "PE", "PH",
            "PL", "PO", "PR", "RG", "RH", "RM", "S", "SA", "SE", "SG", "SK", "SL", "SM", "SN", "SO", "SP", "SR",
            "SS", "ST", "SW", "SY", "TA", "TD", "TF", "TN", "TQ", "TR", "TS", "TW", "UB", "W", "WA", "WC", "WD",
            "WF", "WN", "WR", "WS", "WV", "YO", "ZE");
    /** Letters Royal Mail uses in the last two places of an inward code (never C, I, K, M, O, V). */
    private static final String INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";
    /** "2nd", "4th": an ordinal written in lower case is not an inward code. */
    private static final Set<String> ORDINAL_ENDINGS = Set.of("st", "nd", "rd", "th");

    private static final Set<String> STREET_SUFFIXES = Set.of(
            "road", "rd", "street", "st", "avenue", "ave", "lane", "close", "drive", "way", "crescent", "grove",
            "court", "place", "gardens", "terrace");

    /**
     * Words that are never part of a street's name. Street names are names ("Elm", "Church", "St
     * John's"); a function word, a unit or a word for people between a number and a suffix means the
     * number counts something: "3 on the way", "10 minutes drive", "2 kids close by".
     */
    private static final Set<String> NOT_STREET_NAME_WORDS = Set.of(
            "a", "an", "the", "and", "or", "but", "so", "if", "of", "on", "in", "at", "to", "by", "for", "from",
            "with", "into", "onto", "up", "down", "out", "off", "over", "under", "about", "as", "is", "are", "was",
            "were", "be", "been", "am", "i", "im", "i'm", "we", "you", "they", "he", "she", "it", "me", "us",
            "them", "him", "her", "my", "our", "your", "their", "his", "its", "this", "that", "these", "those",
            "not", "no", "very", "too", "more", "most", "less", "all", "some", "any", "each", "other", "others",
            "own", "same", "just", "only", "also", "then", "than", "there", "here", "when", "what", "which", "who",
            "will", "would", "can", "could", "should", "may", "might", "must", "have", "has", "had", "do", "does",
            "did", "get", "gets", "got", "go", "goes", "going", "went", "come", "came", "take", "took", "make",
            "made", "min", "mins", "minute", "minutes", "hour", "hours", "hr", "hrs", "sec", "secs", "second",
            "seconds", "mile", "miles", "km", "metre", "metres", "meter", "meters", "yard", "yards", "day", "days",
            "week", "weeks", "month", "months", "year", "years", "time", "times", "kid", "kids", "child",
            "children", "boy", "boys", "girl", "girls", "people", "friend", "friends", "parent", "parents",
            "teacher", "teachers", "pupil", "pupils", "student", "students", "class", "classes");

    /** A number right after one of these words is not a house number: "Year 6", "room 12", "page 3". */
    private static final Set<String> NOT_HOUSE_NUMBER_AFTER = Set.of(
            "year", "yr", "y", "class", "room", "rm", "group", "set", "table", "page", "pg", "p", "chapter",
            "question", "q", "number", "no", "bus", "route", "aged", "age", "grade", "level", "stage", "step",
            "term", "week", "day", "size", "unit", "lesson", "team", "top", "under", "over", "only", "about",
            "around", "nearly", "almost", "scored", "won", "lost");

    PersonalDataDetector() {}

    @Override
    public void detect(String text, List<Finding> out) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(out, "out");
        List<Finding> found = new ArrayList<>();

        List<Span> emails = findEmails(text);
        add(found, FindingKind.EMAIL, emails);
        // The parts of an email address are not a postcode, phone or street of their own.
        String visible = masked(text, emails);

        List<Span> nhsNumbers = findNhsNumbers(visible);
        add(found, FindingKind.NHS_NUMBER, nhsNumbers);

        List<Span> dates = findDates(visible);
        for (Span date : dates) {
            if (hasBirthCue(visible, date.start()) && !historical(visible, date)) {
                found.add(Finding.span(FindingKind.DATE_OF_BIRTH, date.start(), date.end()));
            }
        }

        add(found, FindingKind.POSTCODE, findPostcodes(visible));
        add(found, FindingKind.STREET_ADDRESS, findStreetAddresses(visible));

        // Dates, times and NHS numbers are screened out before looking for phone numbers, so their
        // digits can neither be read as one nor glue themselves onto a real one.
        String phoneText = masked(masked(masked(visible, dates), findTimes(visible)), nhsNumbers);
        add(found, FindingKind.PHONE_NUMBER, findPhoneNumbers(phoneText));

        found.sort(TEXT_ORDER);
        out.addAll(found);
    }

    private record Span(int start, int end) {}

    private static void add(List<Finding> out, FindingKind kind, List<Span> spans) {
        for (Span span : spans) {
            out.add(Finding.span(kind, span.start(), span.end()));
        }
    }

    private static String masked(String text, List<Span> spans) {
        if (spans.isEmpty()) {
            return text;
        }
        char[] chars = text.toCharArray();
        for (Span span : spans) {
            for (int i = span.start(); i < span.end(); i++) {
                chars[i] = MASK;
            }
        }
        return new String(chars);
    }

    // ---------------------------------------------------------------- email

    /**
     * {@code local@domain.tld}, ASCII only: a local part of letters, digits and {@code . _ % + - '}
     * starting with a letter or digit, then at least two dot-separated labels of which the last is
     * alphabetic and two or more letters long ("jo@localhost" and "@handle" are not addresses). Each
     * '@' looks at most {@value #MAX_LOCAL} chars back and up to the next non-domain char ahead.
     */
    private static List<Span> findEmails(String t) {
        List<Span> out = new ArrayList<>();
        int lastEnd = 0;
        for (int at = t.indexOf('@'); at >= 0; at = t.indexOf('@', at + 1)) {
            if (at < lastEnd) {
                continue;
            }
            int limit = Math.max(0, at - MAX_LOCAL - 1);
            int start = at;
            while (start > limit && isLocalChar(t.charAt(start - 1))) {
                start--;
            }
            if (at - start > MAX_LOCAL) {
                continue;
            }
            start = Math.max(start, lastEnd);
            while (start < at && !isAsciiLetterOrDigit(t.charAt(start))) {
                start++;
            }
            if (start == at) {
                continue;
            }
            int end = domainEnd(t, at + 1);
            if (end > 0) {
                out.add(new Span(start, end));
                lastEnd = end;
            }
        }
        return out;
    }

    /** The end of the longest run of valid labels after {@code from} whose last label is a TLD, or -1. */
    private static int domainEnd(String t, int from) {
        int limit = Math.min(t.length(), from + MAX_DOMAIN);
        int best = -1;
        int labels = 0;
        int labelStart = from;
        boolean alphabetic = true;
        for (int i = from; ; i++) {
            if (i == limit && limit < t.length() && isDomainChar(t.charAt(limit))) {
                break; // too long to be a domain: keep what ended before the limit
            }
            char c = i < limit ? t.charAt(i) : ' ';
            if (isAsciiLetterOrDigit(c) || c == '-') {
                alphabetic &= isAsciiLetter(c);
                continue;
            }
            int length = i - labelStart;
            if (length == 0 || length > MAX_LABEL || t.charAt(labelStart) == '-' || t.charAt(i - 1) == '-') {
                break;
            }
            labels++;
            if (labels >= 2 && alphabetic && length >= 2) {
                best = i;
            }
            if (c != '.') {
                break;
            }
            labelStart = i + 1;
            alphabetic = true;
        }
        return best;
    }

    private static boolean isLocalChar(char c) {
        return isAsciiLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-' || c == '\'';
    }

    private static boolean isDomainChar(char c) {
        return isAsciiLetterOrDigit(c) || c == '-' || c == '.';
    }

    // ----------------------------------------------------------- NHS number

    /**
     * Ten digits, contiguous or grouped 3-3-4 by one space or one dash used both times, that pass the
     * NHS modulus-11 check. Not the tail of a longer run of digit groups: "+44 113 496 0123" passes
     * the check but is a phone number, as is "+44 (0) 113 496 0123". Not ten copies of one digit
     * either (a placeholder, though it passes the check).
     */
    private static List<Span> findNhsNumbers(String t) {
        List<Span> out = new ArrayList<>();
        int n = t.length();
        for (int i = 0; i < n; i++) {
            if (!isDigit(t.charAt(i)) || !numberStartsAt(t, i) || followsDigitGroup(t, i)) {
                continue;
            }
            int run = digitRun(t, i, 11);
            int end = -1;
            if (run == 10) {
                end = i + 10;
            } else if (run == 3) {
                char sep = charAt(t, i + 3);
                if ((sep == ' ' || sep == '-' || sep == NBSP)
                        && digitRun(t, i + 4, 4) == 3
                        && charAt(t, i + 7) == sep
                        && digitRun(t, i + 8, 5) == 4) {
                    end = i + 12;
                }
            }
            if (end > 0 && numberEndsAt(t, end) && isNhsNumber(t, i, end)) {
                out.add(new Span(i, end));
                i = end - 1;
            }
        }
        return out;
    }

    private static boolean followsDigitGroup(String t, int i) {
        char prev = charAt(t, i - 1);
        if (prev == '+') {
            return true;
        }
        char before = charAt(t, i - 2);
        return (prev == ' ' || prev == NBSP || prev == '-') && (isDigit(before) || before == ')');
    }

    private static boolean isNhsNumber(String t, int start, int end) {
        int[] digits = new int[10];
        int count = 0;
        for (int i = start; i < end; i++) {
            char c = t.charAt(i);
            if (isDigit(c)) {
                digits[count++] = c - '0';
            }
        }
        boolean allSame = true;
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += digits[i] * (10 - i);
            allSame &= digits[i] == digits[9];
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits[9] && !allSame;
    }

    // ---------------------------------------------------------------- dates

    /**
     * Dates, validated, in text order and not overlapping: d/m/yy[yy] with one of {@code / . -} used
     * twice (month first is allowed too), yyyy-m-d, "3rd [of] March [2019]" and "March 3[rd][,]
     * [2019]". A written date may leave out its year: "her birthday is 3rd March" still gives it.
     */
    private static List<Span> findDates(String t) {
        List<Span> out = new ArrayList<>();
        int n = t.length();
        for (int i = 0; i < n; i++) {
            char c = t.charAt(i);
            int end = -1;
            if (isDigit(c) && numberStartsAt(t, i)) {
                end = numericDateEnd(t, i);
                if (end < 0) {
                    end = dayMonthDateEnd(t, i);
                }
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
    private static int dayMonthDateEnd(String t, int i) {
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
    private static int monthDayDateEnd(String t, int i) {
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

    private static int monthEnd(String t, int i) {
        int e = i;
        while (e < t.length() && e - i <= 9 && isAsciiLetter(t.charAt(e))) {
            e++;
        }
        if (e - i < 3 || Character.isLetterOrDigit(charAt(t, e)) || MONTH_INITIALS.indexOf(t.charAt(i) | 0x20) < 0) {
            return -1; // every month name has at least three letters and one of these initials
        }
        int length = e - i;
        for (String month : MONTHS) { // compared in place: no substring for every capitalised word
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

    private static int skipOrdinal(String t, int p) {
        if (p + 2 > t.length() || Character.isLetter(charAt(t, p + 2))) {
            return p;
        }
        String two = t.substring(p, p + 2).toLowerCase(Locale.ROOT);
        return ORDINAL_ENDINGS.contains(two) ? p + 2 : p;
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
     * {@code : , - = (} and at most {@value #MAX_GAP_WORDS} of {@link #BIRTH_GAP_WORDS}. Looks back a
     * bounded distance, so checking every date stays linear.
     */
    private static boolean hasBirthCue(String t, int dateStart) {
        int pos = dateStart;
        for (int words = 0; words <= MAX_GAP_WORDS; words++) {
            int skipped = 0;
            while (pos > 0 && skipped < MAX_GAP_CHARS && isBirthGapChar(t.charAt(pos - 1))) {
                pos--;
                skipped++;
            }
            for (String cue : BIRTH_CUES) {
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
                    || !BIRTH_GAP_WORDS.contains(t.substring(wordStart, pos).toLowerCase(Locale.ROOT))) {
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

    /** Clock times, only to screen them out of phone numbers: 3:15, 15.30, 10:00:00. */
    private static List<Span> findTimes(String t) {
        List<Span> out = new ArrayList<>();
        int n = t.length();
        for (int i = 0; i < n; i++) {
            if (!isDigit(t.charAt(i)) || !numberStartsAt(t, i)) {
                continue;
            }
            int h = digitRun(t, i, 3);
            int p = i + h;
            char sep = charAt(t, p);
            if (h > 2 || (sep != ':' && sep != '.') || digitRun(t, p + 1, 3) != 2
                    || !between(number(t, i, h), 0, 24) || !between(number(t, p + 1, 2), 0, 59)) {
                continue;
            }
            int end = p + 3;
            if (charAt(t, end) == sep && digitRun(t, end + 1, 3) == 2) {
                end += 3;
            }
            char next = charAt(t, end);
            // "3.15pm" is a time too, so a letter may follow; another digit group may not.
            if (!isDigit(next) && !((next == '.' || next == ':') && isDigit(charAt(t, end + 1)))) {
                out.add(new Span(i, end));
                i = end - 1;
            }
        }
        return out;
    }

    // ------------------------------------------------------------- postcode

    /**
     * A full UK postcode, any case, with one space (or none) between outward and inward code:
     * "LS1 4AP", "SW1A 1AA", "m1 1ae", "LS14AP". The outward code must start with a real postcode
     * area, so "Y6 2AB" is not one; a lower-case ordinal is not an inward code ("b6 2nd").
     */
    private static List<Span> findPostcodes(String t) {
        List<Span> out = new ArrayList<>();
        int n = t.length();
        for (int i = 0; i < n; i++) {
            if (!isAsciiLetter(t.charAt(i)) || (i > 0 && Character.isLetterOrDigit(t.charAt(i - 1)))) {
                continue;
            }
            int run = alnumRun(t, i, 8);
            int end = -1;
            if (run >= 5 && run <= 7 && !Character.isLetterOrDigit(charAt(t, i + run))) {
                end = isPostcode(t, i, i + run - 3, i + run - 3) ? i + run : -1;
            } else if (run >= 2 && run <= 4) {
                char gap = charAt(t, i + run);
                int inward = i + run + 1;
                if ((gap == ' ' || gap == NBSP) && alnumRun(t, inward, 4) == 3
                        && !Character.isLetterOrDigit(charAt(t, inward + 3))
                        && isPostcode(t, i, i + run, inward)) {
                    end = inward + 3;
                }
            }
            if (end > 0) {
                out.add(new Span(i, end));
                i = end - 1;
            }
        }
        return out;
    }

    private static boolean isPostcode(String t, int outStart, int outEnd, int inward) {
        if (!isDigit(t.charAt(inward))) {
            return false; // every inward code, GIR 0AA's too, starts with a digit: skip the substrings
        }
        String outward = t.substring(outStart, outEnd).toUpperCase(Locale.ROOT);
        String in = t.substring(inward, inward + 3);
        if (ORDINAL_ENDINGS.contains(in.substring(1))) {
            return false;
        }
        in = in.toUpperCase(Locale.ROOT);
        if (outward.equals("GIR") && in.equals("0AA")) {
            return true;
        }
        boolean inwardOk = isDigit(in.charAt(0))
                && INWARD_LETTERS.indexOf(in.charAt(1)) >= 0
                && INWARD_LETTERS.indexOf(in.charAt(2)) >= 0;
        return inwardOk && isOutwardCode(outward);
    }

    /** A9, A9A, A99, AA9, AA9A, AA99 where the letters are a postcode area. */
    private static boolean isOutwardCode(String outward) {
        int letters = 0;
        while (letters < outward.length() && isAsciiLetter(outward.charAt(letters))) {
            letters++;
        }
        if (letters < 1 || letters > 2 || !POSTCODE_AREAS.contains(outward.substring(0, letters))) {
            return false;
        }
        int rest = outward.length() - letters;
        return (rest == 1 || rest == 2) && isDigit(outward.charAt(letters));
    }

    // ------------------------------------------------------- street address

    /**
     * A house number (1-9999, optionally with a letter: "14a"), then one to three name words and a
     * street suffix, each separated by spaces on one line: "14 Elm Grove", "12 acacia avenue", "3 The
     * Close", "2 St John's Road". Lower case is allowed, so precision comes from elsewhere: the suffix
     * must follow at least one name word ("Year 6 Road safety" has none), a name word is never a
     * function word, unit or word for people ("3 on the way", "10 minutes drive"), and the number must
     * not follow a word that makes it a count or label ("Year 6", "room 12", "page 3").
     */
    private static List<Span> findStreetAddresses(String t) {
        List<Span> out = new ArrayList<>();
        int n = t.length();
        for (int i = 0; i < n; i++) {
            char c = t.charAt(i);
            if (c < '1' || c > '9' || !canStartHouseNumber(t, i)) {
                continue;
            }
            int d = digitRun(t, i, 5);
            if (d > 4) {
                continue;
            }
            int p = i + d;
            if (isAsciiLetter(charAt(t, p)) && !Character.isLetterOrDigit(charAt(t, p + 1))) {
                p++;
            }
            if (Character.isLetterOrDigit(charAt(t, p))) {
                continue;
            }
            if (charAt(t, p) == ',') {
                p++;
            }
            int end = streetEnd(t, p);
            if (end > 0 && !followsNonHouseWord(t, i)) {
                out.add(new Span(i, end));
                i = end - 1;
            }
        }
        return out;
    }

    private static boolean canStartHouseNumber(String t, int i) {
        if (i == 0) {
            return true;
        }
        char prev = t.charAt(i - 1);
        return prev == ' ' || prev == NBSP || prev == '\t' || prev == '\n' || prev == '\r'
                || prev == '(' || prev == '"' || prev == '\'' || prev == '\u201C' || prev == '\u2018';
    }

    private static int streetEnd(String t, int p) {
        int pos = p;
        for (int k = 0; k < 4; k++) {
            int s = skipSpaces(t, pos, 2);
            if (s == pos) {
                return -1;
            }
            int e = wordEnd(t, s);
            if (e < 0) {
                return -1;
            }
            String word = t.substring(s, e);
            String lower = word.toLowerCase(Locale.ROOT);
            if (k >= 1 && STREET_SUFFIXES.contains(lower)) {
                return e;
            }
            boolean capitalThe = k == 0 && word.equals("The");
            if (!capitalThe && NOT_STREET_NAME_WORDS.contains(lower)) {
                return -1;
            }
            pos = e;
        }
        return -1;
    }

    /** The end of a word of letters joined by apostrophes or hyphens starting at {@code s}, or -1. */
    private static int wordEnd(String t, int s) {
        if (!Character.isLetter(charAt(t, s))) {
            return -1;
        }
        int e = s + 1;
        while (e - s <= MAX_WORD) {
            char c = charAt(t, e);
            if (Character.isLetter(c)) {
                e++;
            } else if ((c == '\'' || c == '\u2019' || c == '-') && Character.isLetter(charAt(t, e + 1))) {
                e += 2;
            } else {
                break;
            }
        }
        return e - s > MAX_WORD || isDigit(charAt(t, e)) ? -1 : e;
    }

    private static boolean followsNonHouseWord(String t, int numberStart) {
        int end = numberStart;
        int skipped = 0;
        while (end > 0 && skipped < 2 && (t.charAt(end - 1) == ' ' || t.charAt(end - 1) == NBSP)) {
            end--;
            skipped++;
        }
        int start = end;
        while (start > 0 && end - start < MAX_WORD && isAsciiLetter(t.charAt(start - 1))) {
            start--;
        }
        return start < end && NOT_HOUSE_NUMBER_AFTER.contains(t.substring(start, end).toLowerCase(Locale.ROOT));
    }

    // ---------------------------------------------------------- phone number

    /*
     * Leniency. A UK window is checked as POSSIBLE (libphonenumber's possible lengths for +44,
     * asked of the number built from the window's digits) and a foreign one as VALID (by
     * libphonenumber's matcher over the window's text):
     *
     * - UK: VALID rejects Ofcom's drama ranges (07700 900xxx, 01632 960xxx) and any range allocated
     *   after this build's metadata, yet a parent typing one is still sharing what looks like their
     *   number. POSSIBLE alone only checks length, so our own shape test supplies the precision: a
     *   trunk 0 or +44/0044 (optionally "+44 (0)"), then exactly ten digits starting 1, 2, 3, 5, 7, 8
     *   or 9 (the UK has no 04 or 06 numbers), ending where a digit group ends, after a digit group
     *   of at least three ("0113", "07400", "(01632)") and not part of a longer dashed or dotted code.
     *   The few UK numbers with nine national digits (some 0800, a handful of small-town areas) are
     *   missed; none of them is a parent's own mobile.
     * - Foreign, written with + or 00 and a known country code: VALID, because we know no shape
     *   rules for 200 numbering plans and their drama ranges matter less here.
     * - No trunk 0 and no country code ("123 456 7890", "7400 123456"): never a phone number. That
     *   is not how UK numbers are written, and ten-digit reference numbers (an NHS number is
     *   "943 476 5919") are common in school messages.
     */
    /** The most phone-shaped candidates one message has validated by libphonenumber. */
    static final int MAX_PHONE_CANDIDATES = 256;

    private static List<Span> findPhoneNumbers(String t) {
        List<Span> out = new ArrayList<>();
        if (asciiDigits(t) < MIN_PHONE_DIGITS) {
            return out;
        }
        PhoneWindow window = new PhoneWindow();
        int n = t.length();
        int candidates = 0;
        for (int i = 0; i < n; i++) {
            char c = t.charAt(i);
            if ((c != '+' && c != '(' && c != '0') || !canStartPhone(t, i)) {
                continue;
            }
            // libphonenumber costs microseconds a call: a message gets a bounded number of them, so a
            // megabyte of digits stays fast. The first numbers found are evidence enough.
            if (++candidates > MAX_PHONE_CANDIDATES) {
                break;
            }
            Span found = window.read(t, i) ? window.phone(t) : null;
            if (found != null) {
                out.add(found);
                i = found.end() - 1;
            }
        }
        return out;
    }

    private static boolean canStartPhone(String t, int i) {
        if (i == 0) {
            return true;
        }
        char prev = t.charAt(i - 1);
        if (Character.isLetterOrDigit(prev) || prev == '+') {
            return false;
        }
        if ((prev == '.' || prev == '-') && i >= 2 && isDigit(t.charAt(i - 2))) {
            return false; // the tail of a decimal or a longer dashed code; "07400 123456/07400 654321" is two
        }
        char money = prev == ' ' && i >= 2 ? t.charAt(i - 2) : prev;
        return !isCurrencySymbol(money);
    }

    private static boolean isCurrencySymbol(char c) {
        return c == '\u00A3' || c == '$' || c == '\u20AC' || c == '\u00A5';
    }

    /**
     * The digit groups of one phone-shaped run of text: digits separated by at most two of
     * {@code space - .}, with optional parentheses around a group. At most
     * {@value #MAX_PHONE_DIGITS} digits, so reading one costs a bounded amount. Reused across start
     * positions within one call, never shared between calls.
     */
    private static final class PhoneWindow {
        private final int[] groupEnd = new int[MAX_PHONE_GROUPS];
        private final int[] digitsBefore = new int[MAX_PHONE_GROUPS + 1];
        private final char[] digits = new char[MAX_PHONE_DIGITS];
        private int start;
        private int groups;
        private boolean plus;

        boolean read(String t, int from) {
            start = from;
            groups = 0;
            int p = from;
            int open = 0;
            if (charAt(t, p) == '(') {
                open++;
                p++;
            }
            plus = charAt(t, p) == '+';
            if (plus) {
                p++;
            }
            int total = 0;
            while (groups < MAX_PHONE_GROUPS) {
                int d = digitRun(t, p, MAX_PHONE_DIGITS - total + 1);
                if (d == 0 || total + d > MAX_PHONE_DIGITS) {
                    break;
                }
                for (int k = 0; k < d; k++) {
                    digits[total + k] = t.charAt(p + k);
                }
                total += d;
                p += d;
                if (open > 0 && charAt(t, p) == ')') {
                    open--;
                    p++;
                }
                groupEnd[groups] = p;
                digitsBefore[++groups] = total;
                int q = p;
                while (q - p < 2 && isPhoneSeparator(charAt(t, q))) {
                    q++;
                }
                if (open == 0 && charAt(t, q) == '(' && isDigit(charAt(t, q + 1))) {
                    open++;
                    q++;
                } else if (!isDigit(charAt(t, q))) {
                    break;
                }
                p = q;
            }
            return groups > 0;
        }

        /** The phone number this window starts with, or null. */
        Span phone(String t) {
            int total = digitsBefore[groups];
            if (!plus && total >= 2 && digits[0] == '0' && digits[1] == '0') {
                return international(t, 2);
            }
            if (plus) {
                return international(t, 0);
            }
            if (digits[0] != '0' || digitsBefore[1] < 3 || total < 2 || !isUkNsnLead(digits[1])) {
                return null;
            }
            return uk(t, 1 + UK_NSN_DIGITS);
        }

        private Span international(String t, int ccAt) {
            int total = digitsBefore[groups];
            if (total >= ccAt + 2 && digits[ccAt] == '4' && digits[ccAt + 1] == '4') {
                int nsnAt = ccAt + 2;
                if (nsnAt < total && digits[nsnAt] == '0') {
                    nsnAt++; // "+44 (0)7400 ..." or a stray trunk 0
                }
                return nsnAt < total && isUkNsnLead(digits[nsnAt]) ? uk(t, nsnAt + UK_NSN_DIGITS) : null;
            }
            if (!hasKnownCountryCode(ccAt)) {
                return null;
            }
            for (int g = groups; g >= 1; g--) {
                int length = digitsBefore[g] - ccAt;
                if (length < MIN_FOREIGN_DIGITS) {
                    break;
                }
                if (length <= MAX_FOREIGN_DIGITS && endsCleanly(t, groupEnd[g - 1])) {
                    Span found = checkForeign(t, groupEnd[g - 1], digitsBefore[g]);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        }

        private boolean hasKnownCountryCode(int ccAt) {
            int code = 0;
            for (int k = ccAt; k < ccAt + 3 && k < digitsBefore[groups]; k++) {
                code = code * 10 + digits[k] - '0';
                if (code != 44 && !UNKNOWN_REGION.equals(PHONES.getRegionCodeForCountryCode(code))) {
                    return true;
                }
            }
            return false;
        }

        /** A UK number ending after {@code digitCount} digits of this window, or null. */
        private Span uk(String t, int digitCount) {
            for (int g = 1; g <= groups; g++) {
                if (digitsBefore[g] == digitCount) {
                    int end = groupEnd[g - 1];
                    if (!endsCleanly(t, end)) {
                        return null;
                    }
                    // The window is already a trunk 0 or +44 and ten digits with a UK lead, so no text
                    // matching is needed; libphonenumber decides "possible" from the length alone.
                    return UK_TEN_DIGITS_POSSIBLE ? new Span(start, end) : null;
                }
            }
            return null;
        }

        /**
         * Asks libphonenumber about the foreign window {@code [start, end)} (Leniency.VALID);
         * accepts its first match only if it covers all {@code digitCount} digits and is not +44
         * (that went through {@link #uk}).
         */
        private Span checkForeign(String t, int end, int digitCount) {
            String window = t.substring(start, end);
            for (PhoneNumberMatch match : PHONES.findNumbers(window, GB, Leniency.VALID, MAX_TRIES)) {
                if (asciiDigits(match.rawString()) != digitCount || match.number().getCountryCode() == 44) {
                    return null;
                }
                return new Span(start + match.start(), start + match.end());
            }
            return null;
        }
    }

    private static boolean isUkNsnLead(char c) {
        return c == '1' || c == '2' || c == '3' || c == '5' || c == '7' || c == '8' || c == '9';
    }

    private static boolean isPhoneSeparator(char c) {
        return c == ' ' || c == NBSP || c == '-' || c == '.';
    }

    /** Not glued to a letter, and not the start of a longer dashed or dotted code ("07400-123456-99"). */
    private static boolean endsCleanly(String t, int end) {
        char next = charAt(t, end);
        if (Character.isLetterOrDigit(next)) {
            return false;
        }
        return !((next == '-' || next == '.') && isDigit(charAt(t, end + 1)));
    }

    // -------------------------------------------------------------- helpers

    /** A char, or NUL (which no scanner accepts) past either end of the text. */
    private static char charAt(String t, int i) {
        return i >= 0 && i < t.length() ? t.charAt(i) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return isDigit(c) || isAsciiLetter(c);
    }

    private static boolean between(int value, int low, int high) {
        return value >= low && value <= high;
    }

    /** How many ASCII digits start at {@code i}, counting no further than {@code max}. */
    private static int digitRun(String t, int i, int max) {
        int k = 0;
        while (k < max && i + k < t.length() && isDigit(t.charAt(i + k))) {
            k++;
        }
        return k;
    }

    private static int alnumRun(String t, int i, int max) {
        int k = 0;
        while (k < max && i + k < t.length() && isAsciiLetterOrDigit(t.charAt(i + k))) {
            k++;
        }
        return k;
    }

    /** The value of {@code length} (at most 4) digits at {@code i}. */
    private static int number(String t, int i, int length) {
        int value = 0;
        for (int k = 0; k < length; k++) {
            value = value * 10 + t.charAt(i + k) - '0';
        }
        return value;
    }

    private static int asciiDigits(CharSequence s) {
        int count = 0;
        for (int i = 0; i < s.length(); i++) {
            if (isDigit(s.charAt(i))) {
                count++;
            }
        }
        return count;
    }

    private static int skipSpaces(String t, int p, int max) {
        int q = p;
        while (q - p < max && (charAt(t, q) == ' ' || charAt(t, q) == NBSP)) {
            q++;
        }
        return q;
    }

    private static boolean wordIs(String t, int s, String word) {
        return t.regionMatches(true, s, word, 0, word.length()) && !Character.isLetter(charAt(t, s + word.length()));
    }

    /**
     * A number may start at {@code i}: not glued to a letter or digit, and not the tail of a longer
     * number joined by a dash, dot or slash ("1.2.3", "07400-12-34").
     */
    private static boolean numberStartsAt(String t, int i) {
        if (i == 0) {
            return true;
        }
        char prev = t.charAt(i - 1);
        if (Character.isLetterOrDigit(prev)) {
            return false;
        }
        return !((prev == '-' || prev == '.' || prev == '/') && i >= 2 && isDigit(t.charAt(i - 2)));
    }

    /** The mirror of {@link #numberStartsAt}: a number may end just before {@code end}. */
    private static boolean numberEndsAt(String t, int end) {
        char next = charAt(t, end);
        if (Character.isLetterOrDigit(next)) {
            return false;
        }
        return !((next == '-' || next == '.' || next == '/') && isDigit(charAt(t, end + 1)));
    }
}
