package dev.hallpass.detect;

import static dev.hallpass.detect.Chars.*;

import dev.hallpass.facts.FindingKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Email addresses. A mask as well: the parts of an address are not a postcode, phone or street of
 * their own, so every later recognizer reads the text with addresses hidden. No validator beyond
 * the shape; no context words.
 */
final class EmailRecognizer implements Recognizer {
    static final String NAME = "email";
    // RFC 5321 limits; they also bound how far each '@' makes the email scanner look.
    private static final int MAX_LOCAL = 64;
    private static final int MAX_DOMAIN = 253;
    private static final int MAX_LABEL = 63;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<FindingKind> emits() {
        return Set.of(FindingKind.EMAIL);
    }

    @Override
    public void scan(Scan scan) {
        List<Span> emails = findEmails(scan.charText(emits()));
        scan.addAll(FindingKind.EMAIL, emails);
        scan.hide(emails, Set.of());
    }

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
}
