package dev.hallpass.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The characters a rule file may hold, checked before any parser sees it. Windows line endings
 * (CR LF) become LF; every other way to end a line (a lone CR, NEL, U+2028, U+2029, form feed,
 * vertical tab), every other control character, every invisible formatting character (zero-width
 * spaces and joiners, soft hyphens, bidirectional controls: the "Trojan Source" tricks that make a
 * reader and a compiler see different text) and every backslash (Java reads {@code \}{@code u0022}
 * as a quote even inside a comment) is refused with its line and column. Other non-ASCII text is
 * fine in comments, rule names and strings.
 */
final class DrlCharacters {
    private DrlCharacters() {}

    /** The text with CR LF as LF, when nothing in it is refused. */
    record Checked(String text, List<Problem> problems) {}

    static Checked check(String file, String raw) {
        String text = raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
        text = text.replace("\r\n", "\n");
        List<Problem> problems = new ArrayList<>();
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < text.length() && problems.size() < 20; ) {
            int cp = text.codePointAt(i);
            int col = i - lineStart + 1;
            if (cp == '\n') {
                line++;
                lineStart = i + 1;
            } else {
                String why = refused(cp);
                if (why != null) {
                    problems.add(new Problem(file, line, col, why));
                }
            }
            i += Character.charCount(cp);
        }
        return new Checked(text, List.copyOf(problems));
    }

    /** Why {@code cp} may not appear anywhere in a rule file, or null when it may. */
    private static String refused(int cp) {
        if (cp == '\\') {
            return "a backslash is not allowed in a rule file (Java reads \\u escapes even in comments)";
        }
        if (cp == '\r' || cp == 0x85 || cp == 0x2028 || cp == 0x2029 || cp == 0x0B || cp == 0x0C) {
            return "line ending " + describe(cp) + " is not allowed: end lines with LF or CR LF";
        }
        if (cp == '\t') {
            return null;
        }
        if (Character.isISOControl(cp)) {
            return "control character " + describe(cp) + " is not allowed";
        }
        if (Character.getType(cp) == Character.FORMAT || Character.getType(cp) == Character.SURROGATE) {
            return "invisible character " + describe(cp) + " is not allowed (it can make the file read differently from how it runs)";
        }
        if (Character.getType(cp) == Character.UNASSIGNED || Character.getType(cp) == Character.PRIVATE_USE) {
            return "character " + describe(cp) + " is not allowed";
        }
        return null;
    }

    /** What no string literal of a rule may hold, or null when {@code content} is clean. */
    static String badInLiteral(String content) {
        return bad(content, true);
    }

    /**
     * What a rule's name may not hold, or null when it is clean: as a literal, except that an
     * apostrophe is fine ("the class's own teachers"), since names are written out in double quotes.
     */
    static String badInName(String content) {
        return bad(content, false);
    }

    private static String bad(String content, boolean noApostrophe) {
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (c == '"' || noApostrophe && c == '\'') {
                return "a quote";
            }
            if (c == '\\') {
                return "a backslash";
            }
            if (c == '\n') {
                return "a line break";
            }
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                return "control character " + describe(c);
            }
        }
        return null;
    }

    /** {@code U+0022} style, never the character itself (it may be invisible or reorder text). */
    static String describe(int cp) {
        return cp > 0x20 && cp < 0x7F ? "'" + (char) cp + "' (" + String.format("U+%04X", cp) + ")" : String.format("U+%04X", cp);
    }
}
