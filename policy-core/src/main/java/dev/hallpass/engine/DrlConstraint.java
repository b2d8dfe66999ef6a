package dev.hallpass.engine;

import dev.hallpass.facts.Channel;
import dev.hallpass.facts.Role;
import dev.hallpass.engine.DrlTokens.Kind;
import dev.hallpass.engine.DrlTokens.Token;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One constraint of a pattern ({@code channel == Channel.CLASS_CHAT}), read with a grammar of its
 * own and written out again in a canonical form that is the only text Drools compiles:
 *
 * <pre>
 * expr  := and ("||" and)*
 * and   := unary ("&&" unary)*
 * unary := "!" unary | "(" expr ")" | field [op literal | ["not"] "in" "(" literal ("," literal)* ")"]
 * field := a field of the fact, or localTime.hour|minute|second, localDate.year|monthValue|dayOfMonth|dayOfYear, dayOfWeek.value
 * </pre>
 *
 * Each field has a type, and its literal must be of that type: an enum constant of the field's
 * enum ({@code Role.PARENT}, checked to exist), a string, a whole number, or true/false. A boolean
 * field may stand alone. No method call, no other operator (no {@code matches}, {@code contains},
 * {@code memberOf}), no comparison of one field with another.
 */
final class DrlConstraint {
    enum Type { ENUM, STRING, INT, BOOLEAN }

    /** A field a rule may read: its type, and for enums the enum class. */
    record Field(String path, Type type, Class<?> enumType) {}

    /** A constraint that cannot be accepted, at {@code offset} of its text. */
    static final class Refused extends Exception {
        final int offset;

        Refused(int offset, String message) {
            super(message, null, false, false);
            this.offset = offset;
        }
    }

    private static final int MAX_DEPTH = 24;
    private static final int MAX_IN_VALUES = 64;
    private static final Map<String, Map<String, Field>> FIELDS = Map.of(
            "Message", fieldsOf(dev.hallpass.facts.Message.class),
            "Finding", fieldsOf(dev.hallpass.facts.Finding.class));

    private static Map<String, Field> fieldsOf(Class<? extends Record> type) {
        Map<String, Field> out = new LinkedHashMap<>();
        for (RecordComponent c : type.getRecordComponents()) {
            Class<?> t = c.getType();
            String name = c.getName();
            if (type == dev.hallpass.facts.Finding.class && name.equals("score")) {
                // the semantic tier's score is evidence for people; a school sets thresholds in its profile
                continue;
            }
            if (t.isEnum()) {
                out.put(name, new Field(name, Type.ENUM, t));
                if (t == java.time.DayOfWeek.class) {
                    out.put(name + ".value", new Field(name + ".value", Type.INT, null));
                }
            } else if (t == String.class) {
                out.put(name, new Field(name, Type.STRING, null));
            } else if (t == int.class) {
                out.put(name, new Field(name, Type.INT, null));
            } else if (t == boolean.class) {
                out.put(name, new Field(name, Type.BOOLEAN, null));
            } else if (t == LocalTime.class) {
                for (String p : List.of("hour", "minute", "second")) {
                    out.put(name + "." + p, new Field(name + "." + p, Type.INT, null));
                }
            } else if (t == LocalDate.class) {
                for (String p : List.of("year", "monthValue", "dayOfMonth", "dayOfYear")) {
                    out.put(name + "." + p, new Field(name + "." + p, Type.INT, null));
                }
            } else {
                throw new IllegalStateException("fact field of an unsupported type: " + type.getSimpleName() + "." + name);
            }
        }
        return Map.copyOf(out);
    }

    /** The facts a pattern may match. */
    static Set<String> factTypes() {
        return FIELDS.keySet();
    }

    /** What one constraint reads and how it is written out. */
    record Parsed(String canonical, Set<String> fieldsRead) {}

    private final Map<String, Field> fields;
    private final String factType;
    private final List<Token> tokens;
    private final int end;
    private final Set<String> read = new java.util.TreeSet<>();
    private int pos;

    private DrlConstraint(String factType, List<Token> tokens, int end) {
        this.factType = factType;
        this.fields = FIELDS.get(factType);
        this.tokens = tokens;
        this.end = end;
    }

    /**
     * Parses one constraint of a {@code factType} pattern.
     *
     * @throws Refused with the offset in {@code text} and what is wrong
     */
    static Parsed parse(String factType, String text) throws Refused {
        List<Token> tokens;
        try {
            tokens = DrlTokens.lex(text);
        } catch (DrlTokens.LexException e) {
            throw new Refused(e.offset, e.getMessage());
        }
        DrlConstraint p = new DrlConstraint(factType, tokens, text.length());
        if (tokens.isEmpty()) {
            throw new Refused(0, "empty constraint");
        }
        String out = p.or(0);
        if (p.pos < tokens.size()) {
            Token t = tokens.get(p.pos);
            throw new Refused(t.offset(), "unexpected '" + t.text() + "' in a constraint");
        }
        return new Parsed(out, Set.copyOf(p.read));
    }

    private String or(int depth) throws Refused {
        List<String> parts = new ArrayList<>();
        parts.add(and(depth));
        while (peekIs("||")) {
            pos++;
            parts.add(and(depth));
        }
        return parts.size() == 1 ? parts.get(0) : "(" + String.join(" || ", parts) + ")";
    }

    private String and(int depth) throws Refused {
        List<String> parts = new ArrayList<>();
        parts.add(unary(depth));
        while (peekIs("&&")) {
            pos++;
            parts.add(unary(depth));
        }
        return parts.size() == 1 ? parts.get(0) : "(" + String.join(" && ", parts) + ")";
    }

    private String unary(int depth) throws Refused {
        if (depth > MAX_DEPTH) {
            throw new Refused(offset(), "constraint nested too deeply (at most " + MAX_DEPTH + " levels)");
        }
        if (peekIs("!")) {
            pos++;
            return "!(" + unary(depth + 1) + ")";
        }
        if (peekIs("(")) {
            pos++;
            String inner = or(depth + 1);
            expect(")", "a ')'");
            return inner;
        }
        return predicate();
    }

    private String predicate() throws Refused {
        Token first = next("a field of " + factType);
        if (first.kind() != Kind.WORD) {
            throw new Refused(first.offset(), "expected a field of " + factType + ", found '" + first.text() + "'");
        }
        String path = first.text();
        if (peekIs(".")) {
            pos++;
            Token second = next("a field name after '.'");
            path = path + "." + second.text();
            if (peekIs("(")) {
                throw new Refused(second.offset(), "method calls are not allowed in a condition");
            }
        }
        if (peekIs("(")) {
            throw new Refused(first.offset(), "method calls are not allowed in a condition");
        }
        Field field = fields.get(path);
        if (field == null) {
            throw new Refused(first.offset(), "'" + path + "' is not a field of " + factType + " (fields: "
                    + String.join(", ", new java.util.TreeSet<>(fields.keySet())) + ")");
        }
        read.add(path);
        Token op = peek();
        if (op == null || op.is(")") || op.is("&&") || op.is("||")) {
            if (field.type() != Type.BOOLEAN) {
                throw new Refused(first.offset(), "'" + path + "' is not true/false: compare it with something");
            }
            return path + " == true";
        }
        if (op.is("in") || op.is("not")) {
            pos++;
            boolean negated = op.is("not");
            if (negated) {
                expect("in", "'in' after 'not'");
            }
            if (field.type() == Type.BOOLEAN) {
                throw new Refused(op.offset(), "'" + path + "' is true/false: use == or !=");
            }
            expect("(", "'(' after 'in'");
            List<String> values = new ArrayList<>();
            values.add(literal(field));
            while (peekIs(",")) {
                pos++;
                values.add(literal(field));
                if (values.size() > MAX_IN_VALUES) {
                    throw new Refused(offset(), "at most " + MAX_IN_VALUES + " values in an 'in' list");
                }
            }
            expect(")", "')' to close the 'in' list");
            return path + (negated ? " not in (" : " in (") + String.join(", ", values) + ")";
        }
        if (op.kind() != Kind.SYMBOL || !Set.of("==", "!=", "<", "<=", ">", ">=").contains(op.text())) {
            throw new Refused(op.offset(), "'" + op.text() + "' is not allowed in a condition: use ==, !=, <, <=, >, >=, in or not in");
        }
        pos++;
        if (field.type() != Type.INT && !op.is("==") && !op.is("!=")) {
            throw new Refused(op.offset(), "'" + path + "' can only be compared with == or !=");
        }
        return path + " " + op.text() + " " + literal(field);
    }

    private String literal(Field field) throws Refused {
        Token t = next("a value for " + field.path());
        switch (field.type()) {
            case STRING -> {
                if (t.kind() != Kind.STRING) {
                    throw new Refused(t.offset(), "'" + field.path() + "' is text: compare it with a \"string\"");
                }
                return "\"" + t.text() + "\"";
            }
            case BOOLEAN -> {
                if (!t.is("true") && !t.is("false")) {
                    throw new Refused(t.offset(), "'" + field.path() + "' is true/false: compare it with true or false");
                }
                return t.text();
            }
            case INT -> {
                boolean minus = false;
                if (t.is("-")) {
                    minus = true;
                    t = next("a number after '-'");
                }
                if (t.kind() != Kind.NUMBER) {
                    throw new Refused(t.offset(), "'" + field.path() + "' is a whole number: compare it with one");
                }
                return (minus ? "-" : "") + Integer.parseInt(t.text());
            }
            case ENUM -> {
                String type = field.enumType().getSimpleName();
                if (t.kind() != Kind.WORD || !t.text().equals(type)) {
                    throw new Refused(t.offset(), "'" + field.path() + "' takes a " + type + " constant (" + type + "."
                            + field.enumType().getEnumConstants()[0] + ")");
                }
                expect(".", "'.' after " + type);
                Token constant = next("a " + type + " constant");
                return type + "." + enumConstant(field.enumType(), constant);
            }
            default -> throw new IllegalStateException(field.type().name());
        }
    }

    /** {@code constant}'s name when it is a constant of {@code type}. */
    static String enumConstant(Class<?> type, Token constant) throws Refused {
        for (Object c : type.getEnumConstants()) {
            if (((Enum<?>) c).name().equals(constant.text())) {
                return constant.text();
            }
        }
        throw new Refused(constant.offset(), "'" + constant.text() + "' is not a " + type.getSimpleName() + " (one of: "
                + String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString).toList()) + ")");
    }

    private Token peek() {
        return pos < tokens.size() ? tokens.get(pos) : null;
    }

    private boolean peekIs(String s) {
        Token t = peek();
        return t != null && t.kind() != Kind.STRING && t.text().equals(s);
    }

    private Token next(String what) throws Refused {
        if (pos >= tokens.size()) {
            throw new Refused(end, "expected " + what);
        }
        return tokens.get(pos++);
    }

    private void expect(String s, String what) throws Refused {
        Token t = next(what);
        if (t.kind() == Kind.STRING || !t.text().equals(s)) {
            throw new Refused(t.offset(), "expected " + what + ", found '" + t.text() + "'");
        }
    }

    private int offset() {
        return pos < tokens.size() ? tokens.get(pos).offset() : end;
    }
}
