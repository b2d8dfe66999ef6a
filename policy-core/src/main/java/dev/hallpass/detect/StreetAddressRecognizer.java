package dev.hallpass.detect;

import static dev.hallpass.detect.Chars.*;

import dev.hallpass.facts.FindingKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Street addresses: a house number, one to three name words and a street suffix ("14 Elm Grove").
 * Its word lists (suffixes, words that are never part of a street's name, words after which a number
 * is not a house number) are the lexicon's {@code personalData} section; the suffixes are its
 * context words.
 */
final class StreetAddressRecognizer implements Recognizer {
    static final String NAME = "street-address";

    private final Set<String> suffixes;
    /**
     * Words that are never part of a street's name. Street names are names ("Elm", "Church", "St
     * John's"); a function word, a unit or a word for people between a number and a suffix means the
     * number counts something: "3 on the way", "10 minutes drive", "2 kids close by".
     */
    private final Set<String> notNameWords;
    /** A number right after one of these words is not a house number: "Year 6", "room 12", "page 3". */
    private final Set<String> notHouseNumberAfter;

    StreetAddressRecognizer(Lexicon.PersonalWords words) {
        this.suffixes = words.streetSuffixes();
        this.notNameWords = words.notStreetNameWords();
        this.notHouseNumberAfter = words.notHouseNumberAfter();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<FindingKind> emits() {
        return Set.of(FindingKind.STREET_ADDRESS);
    }

    @Override
    public Set<String> contextWords() {
        return suffixes;
    }

    @Override
    public void scan(Scan scan) {
        scan.addAll(FindingKind.STREET_ADDRESS, findStreetAddresses(scan.charText(emits()), scan.firstDigit()));
    }

    /**
     * A house number (1-9999, optionally with a letter: "14a"), then one to three name words and a
     * street suffix, each separated by spaces on one line: "14 Elm Grove", "12 acacia avenue", "3 The
     * Close", "2 St John's Road". Lower case is allowed, so precision comes from elsewhere: the suffix
     * must follow at least one name word ("Year 6 Road safety" has none), a name word is never a
     * function word, unit or word for people ("3 on the way", "10 minutes drive"), and the number must
     * not follow a word that makes it a count or label ("Year 6", "room 12", "page 3").
     */
    private List<Span> findStreetAddresses(String t, int firstDigit) {
        List<Span> out = new ArrayList<>();
        int n = t.length();
        for (int i = firstDigit; i < n; i++) {
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

    private int streetEnd(String t, int p) {
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
            if (k >= 1 && suffixes.contains(lower)) {
                return e;
            }
            boolean capitalThe = k == 0 && word.equals("The");
            if (!capitalThe && notNameWords.contains(lower)) {
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

    private boolean followsNonHouseWord(String t, int numberStart) {
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
        return start < end && notHouseNumberAfter.contains(t.substring(start, end).toLowerCase(Locale.ROOT));
    }
}
