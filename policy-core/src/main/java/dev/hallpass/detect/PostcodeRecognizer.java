package dev.hallpass.detect;

import static dev.hallpass.detect.Chars.*;

import dev.hallpass.facts.FindingKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Full UK postcodes ("LS1 4AP", "SW1A 1AA"), validated by {@link #isPostcode}: the outward code
 * starts with a real postcode area (from the lexicon's {@code personalData.postcodeAreas}) and the
 * inward code uses only Royal Mail's letters. No context words.
 */
final class PostcodeRecognizer implements Recognizer {
    static final String NAME = "postcode";
    /** Letters Royal Mail uses in the last two places of an inward code (never C, I, K, M, O, V). */
    private static final String INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

    private final Set<String> areas;
    /** "2nd", "4th": an ordinal written in lower case is not an inward code. */
    private final Set<String> ordinalSuffixes;

    PostcodeRecognizer(Lexicon.PersonalWords words) {
        this.areas = words.postcodeAreas();
        this.ordinalSuffixes = words.ordinalSuffixes();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<FindingKind> emits() {
        return Set.of(FindingKind.POSTCODE);
    }

    @Override
    public void scan(Scan scan) {
        scan.addAll(FindingKind.POSTCODE, findPostcodes(scan.charText(emits()), scan.firstDigit()));
    }

    /**
     * A full UK postcode, any case, with one space (or none) between outward and inward code:
     * "LS1 4AP", "SW1A 1AA", "m1 1ae", "LS14AP". The outward code must start with a real postcode
     * area, so "Y6 2AB" is not one; a lower-case ordinal is not an inward code ("b6 2nd").
     */
    private List<Span> findPostcodes(String t, int firstDigit) {
        List<Span> out = new ArrayList<>();
        int n = t.length();
        int nextDigit = -1; // the first digit at or after i: within a postcode's first five chars ("GIR 0AA"'s is its fifth)
        for (int i = 0; i < n; i++) {
            if (nextDigit < i) {
                nextDigit = Chars.nextDigit(t, Math.max(i, firstDigit)); // none before the text's first
            }
            if (nextDigit == n) {
                break; // no digit left, so no postcode left
            }
            if (nextDigit - i > 4) {
                i = nextDigit - 5; // a postcode starting before here would have no digit in time
                continue;
            }
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

    boolean isPostcode(String t, int outStart, int outEnd, int inward) {
        if (!isDigit(t.charAt(inward))) {
            return false; // every inward code, GIR 0AA's too, starts with a digit: skip the substrings
        }
        char in1 = Character.toUpperCase(t.charAt(inward + 1));
        char in2 = Character.toUpperCase(t.charAt(inward + 2));
        if (INWARD_LETTERS.indexOf(in1) < 0 || INWARD_LETTERS.indexOf(in2) < 0) {
            return false; // two letters of the inward alphabet (GIR 0AA's too) before any substring
        }
        String outward = t.substring(outStart, outEnd).toUpperCase(Locale.ROOT);
        String in = t.substring(inward, inward + 3);
        if (ordinalSuffixes.contains(in.substring(1))) {
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
    private boolean isOutwardCode(String outward) {
        int letters = 0;
        while (letters < outward.length() && isAsciiLetter(outward.charAt(letters))) {
            letters++;
        }
        if (letters < 1 || letters > 2 || !areas.contains(outward.substring(0, letters))) {
            return false;
        }
        int rest = outward.length() - letters;
        return (rest == 1 || rest == 2) && isDigit(outward.charAt(letters));
    }
}
