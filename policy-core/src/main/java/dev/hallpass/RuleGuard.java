package dev.hallpass;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Refuses rule files that could do anything but infer clause matches, before Drools sees them.
 * Everything in a DRL consequence, {@code eval}, {@code from}, metadata and attribute expressions is
 * arbitrary Java or MVEL that would run inside the host, so a school's rule file is untrusted input.
 *
 * <p>Allowed, and nothing else: {@code package}; imports of the fact model and a few safe JDK types;
 * rules with {@code @clause("…")}-style metadata whose values are string literals; conditions made
 * of patterns over {@code Message} and {@code Finding} with field constraints, enum constants and
 * literals, combined with {@code not}, {@code exists}, {@code and}, {@code or}; consequences that
 * only {@code insert(ClauseMatch.…)} through the helper methods. No method calls in conditions, no
 * {@code eval}/{@code from}/{@code accumulate}, no functions, globals, queries, declarations, rule
 * attributes, loops, {@code new}, and no backslash outside string literals (Java's {@code \\u}
 * escapes are read even inside comments).
 */
final class RuleGuard {
    static final Set<String> ALLOWED_IMPORTS = Set.of(
            "dev.hallpass.Channel", "dev.hallpass.Role", "dev.hallpass.Route", "dev.hallpass.Obligation",
            "dev.hallpass.Outcome", "dev.hallpass.AttachmentType",
            "dev.hallpass.facts.Message", "dev.hallpass.facts.Finding", "dev.hallpass.facts.FindingKind",
            "dev.hallpass.facts.ClauseMatch", "dev.hallpass.facts.Audience", "dev.hallpass.facts.*",
            "java.time.DayOfWeek");
    private static final Set<String> FACT_TYPES = Set.of("Message", "Finding");
    private static final Set<String> ENUM_TYPES = Set.of("Channel", "Role", "Route", "Obligation", "Outcome",
            "AttachmentType", "FindingKind", "Audience", "DayOfWeek");
    private static final Set<String> LHS_WORDS = Set.of("not", "exists", "and", "or", "in", "null", "true", "false",
            "contains", "memberOf");
    private static final Set<String> FACTORIES_WITH_ID = Set.of("block", "warn", "allow");
    /** Names a condition may use as fields: the facts' components, and safe getters of the java.time values they hold. */
    private static final Set<String> FIELDS = fields();

    private static Set<String> fields() {
        Set<String> out = new java.util.HashSet<>(Set.of("hour", "minute", "second", "year", "monthValue", "dayOfMonth",
                "dayOfYear", "value"));
        for (Class<?> type : List.of(dev.hallpass.facts.Message.class, dev.hallpass.facts.Finding.class)) {
            for (var c : type.getRecordComponents()) {
                out.add(c.getName());
            }
        }
        return Set.copyOf(out);
    }

    private record Token(String text, int line, int column, char kind) {
        boolean is(String s) {
            return text.equals(s);
        }
    }

    private final String file;
    private final List<RuleProblem> problems = new ArrayList<>();
    private List<Token> tokens;
    private int pos;

    private RuleGuard(String file) {
        this.file = file;
    }

    /** Every reason to refuse {@code text}; empty when it may be compiled. */
    static List<RuleProblem> check(String file, String text) {
        RuleGuard guard = new RuleGuard(file);
        guard.tokens = guard.lex(text);
        if (guard.problems.isEmpty()) {
            guard.topLevel();
        }
        return guard.problems;
    }

    // ---- lexing ----

    private List<Token> lex(String s) {
        List<Token> out = new ArrayList<>();
        int line = 1;
        int lineStart = 0;
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            int col = i - lineStart + 1;
            if (c == '\n') {
                line++;
                lineStart = i + 1;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                int e = s.indexOf('\n', i);
                e = e < 0 ? n : e;
                noBackslash(s, i, e, line, col);
                i = e;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int e = s.indexOf("*/", i + 2);
                if (e < 0) {
                    problem(line, col, "unterminated comment");
                    return out;
                }
                noBackslash(s, i, e, line, col);
                for (int k = i; k < e; k++) {
                    if (s.charAt(k) == '\n') {
                        line++;
                        lineStart = k + 1;
                    }
                }
                i = e + 2;
            } else if (c == '"' || c == '\'') {
                int k = i + 1;
                while (k < n && s.charAt(k) != c && s.charAt(k) != '\n') {
                    if (s.charAt(k) == '\\') {
                        char next = k + 1 < n ? s.charAt(k + 1) : ' ';
                        if ("\"'\\nt".indexOf(next) < 0) {
                            problem(line, k - lineStart + 1, "only \\\" \\' \\\\ \\n \\t escapes are allowed in a string");
                        }
                        k++;
                    }
                    k++;
                }
                if (k >= n || s.charAt(k) != c) {
                    problem(line, col, "unterminated string");
                    return out;
                }
                out.add(new Token(s.substring(i, k + 1), line, col, 's'));
                i = k + 1;
            } else if (Character.isJavaIdentifierStart(c)) {
                int k = i + 1;
                while (k < n && (Character.isJavaIdentifierPart(s.charAt(k)) || s.charAt(k) == '-' && isAttributeWord(s, i, k))) {
                    k++;
                }
                out.add(new Token(s.substring(i, k), line, col, 'w'));
                i = k;
            } else if (Character.isDigit(c)) {
                int k = i + 1;
                while (k < n && (Character.isLetterOrDigit(s.charAt(k)) || s.charAt(k) == '.' || s.charAt(k) == '_')) {
                    k++;
                }
                out.add(new Token(s.substring(i, k), line, col, 'n'));
                i = k;
            } else {
                String two = i + 1 < n ? s.substring(i, i + 2) : "";
                if (List.of("==", "!=", "<=", ">=", "&&", "||").contains(two)) {
                    out.add(new Token(two, line, col, 'p'));
                    i += 2;
                } else if ("(),.;:@<>!=[]{}+-*%".indexOf(c) >= 0) {
                    out.add(new Token(String.valueOf(c), line, col, 'p'));
                    i++;
                } else {
                    problem(line, col, "character '" + c + "' is not allowed here");
                    i++;
                }
            }
        }
        return out;
    }

    /** Attribute names like no-loop and date-effective are one token, so they can be refused by name. */
    private static boolean isAttributeWord(String s, int start, int at) {
        String sofar = s.substring(start, at);
        return sofar.equals("no") || sofar.equals("lock") || sofar.equals("date") || sofar.equals("agenda")
                || sofar.equals("ruleflow") || sofar.equals("activation") || sofar.equals("auto");
    }

    private void noBackslash(String s, int from, int to, int line, int col) {
        if (s.substring(from, to).indexOf('\\') >= 0) {
            problem(line, col, "a backslash in a comment is not allowed (Java reads \\u escapes even there)");
        }
    }

    // ---- structure ----

    private void topLevel() {
        while (pos < tokens.size()) {
            Token t = tokens.get(pos);
            switch (t.text()) {
                case "package" -> {
                    pos++;
                    qualifiedName();
                    optional(";");
                }
                case "import" -> {
                    pos++;
                    Token first = peek();
                    String name = qualifiedName();
                    if (first != null && !ALLOWED_IMPORTS.contains(name)) {
                        problem(first, "import " + name + " is not allowed: rule files may use only the fact model ("
                                + "dev.hallpass.facts.*, Channel, Role, Route, Obligation, Outcome, AttachmentType) and java.time.DayOfWeek");
                    }
                    optional(";");
                }
                case "rule" -> rule();
                default -> {
                    problem(t, "'" + t.text() + "' is not allowed in a rule file: only package, import and rule "
                            + "(no function, global, query, declare or attributes)");
                    pos = tokens.size();
                }
            }
        }
    }

    private void rule() {
        Token ruleToken = tokens.get(pos++);
        Token name = next();
        if (name == null || name.kind() != 's') {
            problem(ruleToken, "a rule needs a quoted name");
            skipToEnd();
            return;
        }
        while (peek() != null && !peek().is("when")) {
            Token t = next();
            if (t.is("@")) {
                metadata();
            } else {
                problem(t, "rule attribute '" + t.text() + "' is not allowed: only @metadata(\"…\") may come before 'when'");
                skipToEnd();
                return;
            }
        }
        if (next() == null) {
            problem(ruleToken, "rule has no 'when'");
            return;
        }
        conditions();
        consequence();
    }

    private void metadata() {
        Token key = next();
        if (key == null || key.kind() != 'w') {
            problem(key == null ? tokens.get(pos - 1) : key, "metadata needs a name: @clause(\"4.12\")");
            return;
        }
        if (peek() != null && peek().is("(")) {
            next();
            Token value = next();
            Token close = next();
            if (value == null || value.kind() != 's' || close == null || !close.is(")")) {
                problem(key, "metadata @" + key.text() + " may only hold one string literal: @" + key.text() + "(\"…\")");
            }
        }
    }

    private void conditions() {
        while (peek() != null && !peek().is("then")) {
            Token t = next();
            if (t.kind() == 'w') {
                String w = t.text();
                boolean call = peek() != null && peek().is("(");
                boolean afterDot = pos >= 2 && tokens.get(pos - 2).is(".");
                if (w.startsWith("$")) {
                    continue;
                }
                if (call && afterDot) {
                    problem(t, "method call ." + w + "(…) is not allowed in a condition");
                } else if (call && !FACT_TYPES.contains(w) && !LHS_WORDS.contains(w)) {
                    problem(t, "'" + w + "(…)' is not allowed in a condition: patterns may match only Message and Finding");
                } else if (ENUM_TYPES.contains(w) || FACT_TYPES.contains(w) || LHS_WORDS.contains(w)) {
                    continue;
                } else if (List.of("eval", "from", "accumulate", "collect", "forall", "entry", "window", "over", "matches",
                        "soundslike", "new", "this", "super", "class", "instanceof").contains(w)) {
                    problem(t, "'" + w + "' is not allowed in a condition");
                } else if (afterDot && ENUM_TYPES.contains(tokens.get(pos - 3).text())) {
                    continue; // an enum constant: Channel.CLASS_CHAT (an unknown one fails to compile)
                } else if (Character.isUpperCase(w.charAt(0))) {
                    problem(t, "type '" + w + "' is not allowed: rule files may use only the fact model's types");
                } else if (!FIELDS.contains(w)) {
                    problem(t, "'" + w + "' is not a field of Message or Finding");
                }
            } else if (t.is("[") || t.is("{") || t.is("}")) {
                problem(t, "'" + t.text() + "' is not allowed in a condition");
            }
        }
        if (next() == null) {
            problem(tokens.get(tokens.size() - 1), "rule has no 'then'");
        }
    }

    /** {@code insert(ClauseMatch.factory(…)[.with(Obligation.X)|.because($f)]*);} and nothing else, then {@code end}. */
    private void consequence() {
        while (peek() != null && !peek().is("end")) {
            Token start = peek();
            if (!insertStatement()) {
                problem(start, "a consequence may only insert(ClauseMatch.block|warn|allow(\"id\") or "
                        + "ClauseMatch.redirect(\"id\", Route.X), optionally .with(Obligation.X) and .because($finding));");
                skipToEnd();
                return;
            }
        }
        if (next() == null) {
            problem(tokens.get(tokens.size() - 1), "rule has no 'end'");
        }
    }

    private boolean insertStatement() {
        if (!expect("insert") || !expect("(") || !expect("ClauseMatch") || !expect(".")) {
            return false;
        }
        Token factory = next();
        if (factory == null || !expect("(")) {
            return false;
        }
        Token id = next();
        if (id == null || id.kind() != 's') {
            return false;
        }
        if (factory.is("redirect")) {
            if (!expect(",") || !enumConstant("Route")) {
                return false;
            }
        } else if (!FACTORIES_WITH_ID.contains(factory.text())) {
            return false;
        }
        if (!expect(")")) {
            return false;
        }
        while (peek() != null && peek().is(".")) {
            next();
            Token m = next();
            if (m == null || !expect("(")) {
                return false;
            }
            if (m.is("with")) {
                if (!enumConstant("Obligation")) {
                    return false;
                }
            } else if (m.is("because")) {
                Token v = next();
                if (v == null || !v.text().startsWith("$")) {
                    return false;
                }
            } else {
                return false;
            }
            if (!expect(")")) {
                return false;
            }
        }
        return expect(")") && expect(";");
    }

    private boolean enumConstant(String type) {
        if (!expect(type) || !expect(".")) {
            return false;
        }
        Token c = next();
        return c != null && c.kind() == 'w' && c.text().equals(c.text().toUpperCase(java.util.Locale.ROOT));
    }

    // ---- helpers ----

    private String qualifiedName() {
        StringBuilder sb = new StringBuilder();
        while (peek() != null && (peek().kind() == 'w' || peek().is(".") || peek().is("*"))) {
            sb.append(next().text());
        }
        return sb.toString();
    }

    private void optional(String s) {
        if (peek() != null && peek().is(s)) {
            pos++;
        }
    }

    private boolean expect(String s) {
        Token t = next();
        return t != null && t.is(s);
    }

    private Token peek() {
        return pos < tokens.size() ? tokens.get(pos) : null;
    }

    private Token next() {
        return pos < tokens.size() ? tokens.get(pos++) : null;
    }

    private void skipToEnd() {
        while (pos < tokens.size() && !tokens.get(pos).is("end")) {
            pos++;
        }
        pos++;
    }

    private void problem(Token t, String message) {
        problem(t.line(), t.column(), message);
    }

    private void problem(int line, int column, String message) {
        problems.add(new RuleProblem(file, line, column, message));
    }
}
