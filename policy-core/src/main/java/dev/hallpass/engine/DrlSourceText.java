package dev.hallpass.engine;

import java.util.HashSet;
import java.util.Set;

/**
 * Scans a rule file's text as written, for what the parser's descriptors do not keep: a name given
 * twice in a rule's head (the parser keeps annotations and attributes in maps, so the second would
 * silently replace the first), and where a consequence starts. Strings and comments are skipped.
 */
final class DrlSourceText {
    private DrlSourceText() {}

    /** The index after the string or comment starting at {@code i}, or {@code i} when none starts there. */
    private static int skip(String text, int i) {
        char c = text.charAt(i);
        if (c == '"' || c == '\'') {
            int e = text.indexOf(c, i + 1);
            return e < 0 ? text.length() : e + 1;
        }
        if (c == '/' && i + 1 < text.length() && (text.charAt(i + 1) == '/' || text.charAt(i + 1) == '*')) {
            int e = text.charAt(i + 1) == '/' ? text.indexOf('\n', i) : text.indexOf("*/", i + 2);
            return e < 0 ? text.length() : e + (text.charAt(i + 1) == '/' ? 0 : 2);
        }
        return i;
    }

    /**
     * The first annotation or attribute named twice in the head of the rule starting at {@code
     * ruleStart} (from {@code rule} to {@code when}), or null.
     */
    static String givenTwice(String text, int ruleStart, Set<String> attributeNames) {
        if (ruleStart < 0 || ruleStart >= text.length()) {
            return null;
        }
        Set<String> seen = new HashSet<>();
        boolean first = true;
        int i = ruleStart;
        while (i < text.length()) {
            int after = skip(text, i);
            if (after != i) {
                i = after;
                continue;
            }
            char c = text.charAt(i);
            if (c == '@' || Character.isLetter(c)) {
                int k = i + 1;
                while (k < text.length() && (Character.isLetterOrDigit(text.charAt(k)) || text.charAt(k) == '-' || text.charAt(k) == '_')) {
                    k++;
                }
                String word = text.substring(i, k);
                if (word.equals("when") || word.equals("then")) {
                    return null;
                }
                if (!first && (c == '@' || attributeNames.contains(word)) && !seen.add(word)) {
                    return word;
                }
                first = false;
                i = k;
            } else {
                i++;
            }
        }
        return null;
    }

    /** Where the consequence {@code body} begins (after the rule's {@code then}), or -1 when it cannot be told. */
    static int consequenceStart(String text, int ruleStart, String body) {
        int i = Math.max(ruleStart, 0);
        while (i < text.length()) {
            int after = skip(text, i);
            if (after != i) {
                i = after;
            } else if (text.startsWith("then", i) && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))
                    && (i + 4 >= text.length() || !Character.isLetterOrDigit(text.charAt(i + 4)))) {
                int k = i + 4;
                while (k < text.length() && Character.isWhitespace(text.charAt(k))) {
                    k++;
                }
                String probe = body.isEmpty() ? "" : body.substring(0, 1);
                return text.startsWith(probe, k) ? k : -1;
            } else {
                i++;
            }
        }
        return -1;
    }

    /** The 1-based line and column of {@code offset} in {@code text}. */
    static int[] lineAndColumn(String text, int offset) {
        int at = Math.min(offset, text.length());
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, at - lineStart + 1};
    }
}
