package dev.hallpass.detect;

import static dev.hallpass.detect.Chars.*;

import dev.hallpass.facts.FindingKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Clock times (3:15, 15.30, 10:00:00): a mask only. It emits nothing; it hides times from the phone
 * number recognizer so that "at 3.15 07400 123456" is read as one number, not a longer one.
 */
final class ClockTimeMask implements Recognizer {
    static final String NAME = "clock-time";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<FindingKind> emits() {
        return Set.of();
    }

    @Override
    public void scan(Scan scan) {
        scan.hide(findTimes(scan.charText(emits()), scan.firstDigit()), Set.of(FindingKind.PHONE_NUMBER));
    }

    /** Clock times, only to screen them out of phone numbers: 3:15, 15.30, 10:00:00. */
    private static List<Span> findTimes(String t, int firstDigit) {
        List<Span> out = new ArrayList<>();
        int n = t.length();
        for (int i = firstDigit; i < n; i++) {
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
}
