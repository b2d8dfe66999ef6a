package dev.hallpass.detect;

import static dev.hallpass.detect.Chars.*;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.hallpass.facts.Finding;
import dev.hallpass.facts.FindingKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Phone numbers, UK and foreign, read after every mask (emails, NHS numbers, dates, clock times).
 * libphonenumber is only ever handed a short window (at most {@value #MAX_PHONE_DIGITS} digits) that
 * already has the shape of a phone number: handing it the whole text is both slow on long
 * adversarial input and wrong, because it splits "Year 6 07400 123456" into "07400" and "123456"
 * and finds nothing at all in "on 12/03/2027 07400 123456". The school's own numbers (in a story
 * asking families to ring the office) are not personal data and are left out.
 */
final class PhoneNumberRecognizer implements Recognizer {
    static final String NAME = "phone-number";
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final String GB = "GB";
    private static final String UNKNOWN_REGION = "ZZ";

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

    /** The national digits of the school's own numbers. */
    private final Set<String> schoolNumbers = new HashSet<>();

    PhoneNumberRecognizer(List<String> schoolPhones) {
        for (String phone : schoolPhones) {
            String digits = nationalDigits(phone);
            if (!digits.isEmpty()) {
                schoolNumbers.add(digits);
            }
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<FindingKind> emits() {
        return Set.of(FindingKind.PHONE_NUMBER);
    }

    @Override
    public void scan(Scan scan) {
        for (Span span : findPhoneNumbers(scan.charText(emits()), scan.firstDigit())) {
            if (!schoolNumbers.contains(nationalDigits(scan.text().substring(span.start(), span.end())))) {
                scan.add(Finding.span(FindingKind.PHONE_NUMBER, span.start(), span.end()));
            }
        }
    }

    /** The national digits of a UK number: "+44 1632 960000" and "01632 960000" both give "1632960000". */
    static String nationalDigits(String phone) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < phone.length(); i++) {
            if (Character.isDigit(phone.charAt(i))) {
                sb.append(phone.charAt(i));
            }
        }
        String d = sb.toString();
        if (d.startsWith("44")) {
            return d.substring(2);
        }
        return d.startsWith("0") ? d.substring(1) : d;
    }

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

    private static List<Span> findPhoneNumbers(String t, int firstDigit) {
        List<Span> out = new ArrayList<>();
        if (!hasAsciiDigits(t, firstDigit, MIN_PHONE_DIGITS)) { // none before the first
            return out;
        }
        PhoneWindow window = new PhoneWindow();
        int n = t.length();
        int candidates = 0;
        // A phone number starts at "+", "(" or a trunk "0": the next of each is found by String.indexOf
        // (vectorised by the JIT), not by testing every character.
        int zero = -1;
        int plus = -1;
        int paren = -1;
        int i = 0;
        while (true) {
            zero = zero < i ? indexOf(t, '0', i) : zero;
            plus = plus < i ? indexOf(t, '+', i) : plus;
            paren = paren < i ? indexOf(t, '(', i) : paren;
            i = Math.min(zero, Math.min(plus, paren));
            if (i >= n) {
                break;
            }
            if (!canStartPhone(t, i)) {
                i++;
                continue;
            }
            // libphonenumber costs microseconds a call: a message gets a bounded number of them, so a
            // megabyte of digits stays fast. The first numbers found are evidence enough.
            if (++candidates > MAX_PHONE_CANDIDATES) {
                break;
            }
            Span found = window.read(t, i) ? window.phone(t) : null;
            i = found != null ? found.end() : i + 1;
            if (found != null) {
                out.add(found);
            }
        }
        return out;
    }

    /** The first {@code c} in {@code t} at or after {@code from}, or {@code t.length()}. */
    private static int indexOf(String t, char c, int from) {
        int at = t.indexOf(c, from);
        return at < 0 ? t.length() : at;
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
     * The digit groups of one phone-shaped run of text: digits separated by at most three of
     * {@code space - . / _ |} and line breaks, with optional parentheses around a group. At most
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
                while (q - p < 3 && isPhoneSeparator(charAt(t, q))) {
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

    /** What may stand between two digit groups: spaces, dashes and dots, and the slashes, underscores and line breaks of numbers typed to get past a filter. */
    private static boolean isPhoneSeparator(char c) {
        return c == ' ' || c == NBSP || c == '-' || c == '.' || c == '/' || c == '_' || c == '|' || c == '\n';
    }

    /** Not glued to a letter, and not the start of a longer dashed or dotted code ("07400-123456-99"). */
    private static boolean endsCleanly(String t, int end) {
        char next = charAt(t, end);
        if (Character.isLetterOrDigit(next)) {
            return false;
        }
        return !((next == '-' || next == '.') && isDigit(charAt(t, end + 1)));
    }
}
