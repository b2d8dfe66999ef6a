package dev.hallpass.engine;

import dev.hallpass.facts.Obligation;
import dev.hallpass.facts.Route;
import dev.hallpass.engine.DrlConstraint.Refused;
import dev.hallpass.engine.DrlTokens.Kind;
import dev.hallpass.engine.DrlTokens.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A rule's consequence, read with a grammar of its own and written out again canonically. It may
 * be one or more statements of exactly this shape, and nothing else:
 *
 * <pre>
 * insert(ClauseMatch.block|warn|allow("id")[.with(Obligation.X)][.because($f)]...);
 * insert(ClauseMatch.redirect("id", Route.X)[.with(Obligation.X)][.because($f)]...);
 * </pre>
 *
 * where "id" is the rule's own {@code @clause}, X a constant of that enum, and {@code $f} a
 * variable bound to a {@code Finding} pattern of the rule (not under {@code not}, {@code exists}
 * or {@code or}).
 */
final class DrlConsequence {
    private static final Set<String> ID_ONLY = Set.of("block", "warn", "allow");

    private final List<Token> tokens;
    private final int end;
    private int pos;

    private DrlConsequence(List<Token> tokens, int end) {
        this.tokens = tokens;
        this.end = end;
    }

    /**
     * The canonical consequence, one statement a line.
     *
     * @param clause the rule's {@code @clause}; every statement must insert a match for it
     * @param findingVariables the variables {@code because(...)} may name
     * @param maxStatements the most statements allowed
     * @throws Refused with the offset in {@code text} and what is wrong
     */
    static List<String> parse(String text, String clause, Set<String> findingVariables, int maxStatements) throws Refused {
        List<Token> tokens;
        try {
            tokens = DrlTokens.lex(text);
        } catch (DrlTokens.LexException e) {
            throw new Refused(e.offset, e.getMessage());
        }
        DrlConsequence c = new DrlConsequence(tokens, text.length());
        List<String> out = new ArrayList<>();
        if (tokens.isEmpty()) {
            throw new Refused(0, "a consequence must insert a match: insert(ClauseMatch.warn(\"" + clause + "\"));");
        }
        while (c.pos < tokens.size()) {
            if (out.size() == maxStatements) {
                throw new Refused(c.tokens.get(c.pos).offset(), "at most " + maxStatements + " insert statements in one rule");
            }
            out.add(c.statement(clause, findingVariables));
        }
        return out;
    }

    private String statement(String clause, Set<String> findingVariables) throws Refused {
        Token start = tokens.get(pos);
        if (!start.is("insert")) {
            throw new Refused(start.offset(), "a consequence may only insert(ClauseMatch...): '" + start.text() + "' is not allowed");
        }
        pos++;
        expect("(");
        expect("ClauseMatch");
        expect(".");
        Token factory = next("block, warn, allow or redirect");
        if (!ID_ONLY.contains(factory.text()) && !factory.is("redirect")) {
            throw new Refused(factory.offset(), "ClauseMatch." + factory.text() + " is not allowed: use block, warn, allow or redirect");
        }
        expect("(");
        Token id = next("the clause id");
        if (id.kind() != Kind.STRING) {
            throw new Refused(id.offset(), "the clause id must be a string literal: \"" + clause + "\"");
        }
        if (!clause.isEmpty() && !id.text().equals(clause)) {
            throw new Refused(id.offset(), "inserts a match for clause " + id.text() + " but the rule's @clause is " + clause);
        }
        StringBuilder out = new StringBuilder("insert(ClauseMatch.").append(factory.text()).append("(\"").append(clause).append('"');
        if (factory.is("redirect")) {
            expect(",");
            out.append(", Route.").append(constant(Route.class));
        }
        expect(")");
        out.append(')');
        while (peekIs(".")) {
            pos++;
            Token method = next("with or because");
            expect("(");
            if (method.is("with")) {
                out.append(".with(Obligation.").append(constant(Obligation.class)).append(')');
            } else if (method.is("because")) {
                Token v = next("a finding variable");
                if (v.kind() != Kind.VARIABLE || !findingVariables.contains(v.text())) {
                    throw new Refused(v.offset(), "because(...) takes a variable bound to a Finding pattern of this rule"
                            + (findingVariables.isEmpty() ? " (the rule binds none: $f : Finding(...))" : " (" + String.join(", ", findingVariables) + ")"));
                }
                out.append(".because(").append(v.text()).append(')');
            } else {
                throw new Refused(method.offset(), "." + method.text() + "(...) is not allowed: only .with(Obligation.X) and .because($f)");
            }
            expect(")");
        }
        expect(")");
        expect(";");
        return out.append(");").toString();
    }

    private String constant(Class<?> type) throws Refused {
        Token t = next(type.getSimpleName() + ".X");
        if (!t.is(type.getSimpleName())) {
            throw new Refused(t.offset(), "expected " + type.getSimpleName() + ".X, found '" + t.text() + "'");
        }
        expect(".");
        return DrlConstraint.enumConstant(type, next("a " + type.getSimpleName() + " constant"));
    }

    private boolean peekIs(String s) {
        return pos < tokens.size() && tokens.get(pos).kind() == Kind.SYMBOL && tokens.get(pos).text().equals(s);
    }

    private Token next(String what) throws Refused {
        if (pos >= tokens.size()) {
            throw new Refused(end, "expected " + what);
        }
        return tokens.get(pos++);
    }

    private void expect(String s) throws Refused {
        Token t = next("'" + s + "'");
        if (t.kind() == Kind.STRING || !t.text().equals(s)) {
            throw new Refused(t.offset(), "expected '" + s + "', found '" + t.text() + "'");
        }
    }
}
