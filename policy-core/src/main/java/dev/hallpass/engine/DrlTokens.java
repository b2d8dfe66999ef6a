package dev.hallpass.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The tokens of a constraint or a consequence, as the Drools parser handed them over, read by a
 * lexer that knows only what a school rule may contain: identifiers, integers, double-quoted
 * string literals with nothing awkward inside, and a few operators. Everything else is a problem at
 * its position. Comments are skipped (they are never re-emitted).
 */
final class DrlTokens {
    enum Kind { WORD, VARIABLE, NUMBER, STRING, SYMBOL }

    /** One token; {@code offset} is into the text lexed. For a STRING, {@code text} is the content without quotes. */
    record Token(Kind kind, String text, int offset) {
        boolean is(String s) {
            return (kind == Kind.SYMBOL || kind == Kind.WORD) && text.equals(s);
        }
    }

    /** A lexing failure at {@code offset} of the text lexed. */
    static final class LexException extends Exception {
        final int offset;

        LexException(int offset, String message) {
            super(message, null, false, false);
            this.offset = offset;
        }
    }

    private static final List<String> TWO_CHAR = List.of("==", "!=", "<=", ">=", "&&", "||");
    private static final String ONE_CHAR = "(),.;!<>-";

    private DrlTokens() {}

    /**
     * Lexes {@code text}.
     *
     * @throws LexException at the first character no school rule may hold there
     */
    static List<Token> lex(String text) throws LexException {
        List<Token> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n') {
                i++;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                int e = text.indexOf('\n', i);
                i = e < 0 ? n : e;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int e = text.indexOf("*/", i + 2);
                if (e < 0) {
                    throw new LexException(i, "unterminated comment");
                }
                i = e + 2;
            } else if (c == '"' || c == '\'') {
                int k = i + 1;
                while (k < n && text.charAt(k) != c) {
                    k++;
                }
                if (k >= n) {
                    throw new LexException(i, "unterminated string");
                }
                String content = text.substring(i + 1, k);
                String bad = DrlCharacters.badInLiteral(content);
                if (bad != null) {
                    throw new LexException(i, "a string may not contain " + bad);
                }
                out.add(new Token(Kind.STRING, content, i));
                i = k + 1;
            } else if (c == '$' || isAsciiLetter(c) || c == '_') {
                int k = i + 1;
                while (k < n && (isAsciiLetter(text.charAt(k)) || isAsciiDigit(text.charAt(k)) || text.charAt(k) == '_')) {
                    k++;
                }
                if (c == '$' && k == i + 1) {
                    throw new LexException(i, "'$' must start a variable name ($f)");
                }
                out.add(new Token(c == '$' ? Kind.VARIABLE : Kind.WORD, text.substring(i, k), i));
                i = k;
            } else if (isAsciiDigit(c)) {
                int k = i + 1;
                while (k < n && isAsciiDigit(text.charAt(k))) {
                    k++;
                }
                if (k < n && (isAsciiLetter(text.charAt(k)) || text.charAt(k) == '.' || text.charAt(k) == '_')) {
                    throw new LexException(i, "only whole numbers written with digits are allowed (no 1.5, 0x1F, 10L)");
                }
                if (k - i > 9) {
                    throw new LexException(i, "number too large (at most 9 digits)");
                }
                out.add(new Token(Kind.NUMBER, text.substring(i, k), i));
                i = k;
            } else if (i + 1 < n && TWO_CHAR.contains(text.substring(i, i + 2))) {
                out.add(new Token(Kind.SYMBOL, text.substring(i, i + 2), i));
                i += 2;
            } else if (ONE_CHAR.indexOf(c) >= 0) {
                out.add(new Token(Kind.SYMBOL, String.valueOf(c), i));
                i++;
            } else {
                throw new LexException(i, "character " + DrlCharacters.describe(text.codePointAt(i)) + " is not allowed here");
            }
        }
        return out;
    }

    static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
