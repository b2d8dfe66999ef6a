package dev.hallpass.detect;

import static dev.hallpass.detect.Chars.*;

import dev.hallpass.facts.FindingKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * UK NHS numbers: ten digits, contiguous or grouped 3-3-4, whose modulus-11 check digit holds
 * ({@link #checkDigitHolds}). A mask for phone numbers too, so that an NHS number's digits never
 * glue onto a phone number. No context words: the check digit carries the precision.
 */
final class NhsNumberRecognizer implements Recognizer {
    static final String NAME = "nhs-number";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<FindingKind> emits() {
        return Set.of(FindingKind.NHS_NUMBER);
    }

    @Override
    public void scan(Scan scan) {
        List<Span> found = findNhsNumbers(scan.charText(emits()), scan.firstDigit());
        scan.addAll(FindingKind.NHS_NUMBER, found);
        scan.hide(found, Set.of(FindingKind.PHONE_NUMBER));
    }

    /**
     * Ten digits, contiguous or grouped 3-3-4 by one space or one dash used both times, that pass the
     * NHS modulus-11 check. Not the tail of a longer run of digit groups: "+44 113 496 0123" passes
     * the check but is a phone number, as is "+44 (0) 113 496 0123". Not ten copies of one digit
     * either (a placeholder, though it passes the check).
     */
    private static List<Span> findNhsNumbers(String t, int firstDigit) {
        List<Span> out = new ArrayList<>();
        int n = t.length();
        for (int i = firstDigit; i < n; i++) {
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
        return checkDigitHolds(digits);
    }

    /**
     * True when ten digits pass the NHS modulus-11 check and are not ten copies of one digit (a
     * placeholder, though it passes the check).
     */
    static boolean checkDigitHolds(int[] digits) {
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
}
