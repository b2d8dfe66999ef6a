package dev.hallpass.engine;

import dev.hallpass.facts.AttachmentType;
import dev.hallpass.facts.Channel;
import dev.hallpass.facts.Obligation;
import dev.hallpass.facts.Outcome;
import dev.hallpass.facts.Role;
import dev.hallpass.facts.Route;
import dev.hallpass.engine.DrlConstraint.Refused;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.ParserError;

/**
 * Makes a rule file safe by construction. The file is parsed by Drools' own DRL parser, the tree
 * it produced is checked against an allow-list, and the rules are written out again from that tree
 * as text of our own: what Drools compiles is never the school's text, only what was checked,
 * re-emitted. So there is no parser differential left to exploit: whatever the parser understood
 * is what was checked, and nothing the checker did not understand is ever emitted.
 *
 * <p>A rule may hold: a name; exactly one {@code @clause("x.y")} naming a catalogue clause; the
 * attributes {@code salience N} and {@code no-loop}; conditions made of {@code Message} and
 * {@code Finding} patterns (optionally bound, {@code $f : Finding(...)}), {@code not}, {@code
 * exists}, {@code and}, {@code or}, with constraints as {@link DrlConstraint} reads them; and a
 * consequence as {@link DrlConsequence} reads it. A file may hold {@code package}, imports of the
 * fact model, and rules; nothing else. The characters of the file are checked first ({@link
 * DrlCharacters}).
 *
 * <p>The written-out text is parsed and checked once more and must come out the same: a check
 * that the emitter writes only what the checker accepts.
 */
final class RuleValidator {
    /** Bounds on what one rule may ask of an evaluation. */
    record Limits(int maxFindingPatterns, int maxPatterns, int maxInserts) {
        /** For a school's files. */
        static final Limits SCHOOL = new Limits(2, 8, 4);
        /** For the project's own built-in files (they pass {@link #SCHOOL} today; this is headroom). */
        static final Limits BUILT_IN = new Limits(3, 8, 4);
    }

    /** The outcome: the text to compile (null when refused), every problem found, and the rules read. */
    record Result(String emitted, List<Problem> problems, Map<Integer, Integer> emittedLineToSource, List<RuleInfo> rules) {}

    /** One accepted rule: its name, where it starts, and how many Finding patterns it joins. */
    record RuleInfo(String name, int line, int findingPatterns) {}

    /** The longest rule name (a rule's name becomes part of a Java class name). */
    static final int MAX_NAME_CHARS = 200;
    /** The most constraints in one pattern. */
    static final int MAX_CONSTRAINTS = 32;
    /** The most problems reported for one file; past it the rest of the file is not read. */
    static final int MAX_PROBLEMS = 50;

    /** The fact model: every class a compiled rule may refer to. */
    static final Set<String> FACT_MODEL = Set.of(
            "dev.hallpass.facts.Channel", "dev.hallpass.facts.Role", "dev.hallpass.facts.Route", "dev.hallpass.facts.Obligation",
            "dev.hallpass.facts.Outcome", "dev.hallpass.facts.AttachmentType",
            "dev.hallpass.facts.Message", "dev.hallpass.facts.Finding", "dev.hallpass.facts.FindingKind",
            "dev.hallpass.facts.ClauseMatch", "dev.hallpass.facts.Audience", "java.time.DayOfWeek");

    /**
     * Every import a rule file may make: the fact model, {@code dev.hallpass.facts.*}, and the
     * names the enums had before they moved to {@code dev.hallpass.facts} (0.1), so that files
     * written then still load. The written-out text imports the fact model whatever the file said.
     */
    static final Set<String> ALLOWED_IMPORTS = allowedImports();

    private static Set<String> allowedImports() {
        Set<String> out = new java.util.HashSet<>(FACT_MODEL);
        out.add("dev.hallpass.facts.*");
        for (String e : List.of("Channel", "Role", "Route", "Obligation", "Outcome", "AttachmentType")) {
            out.add("dev.hallpass." + e);
        }
        return Set.copyOf(out);
    }

    private static final List<String> EMITTED_IMPORTS = List.of(
            "dev.hallpass.facts.Channel", "dev.hallpass.facts.Role", "dev.hallpass.facts.Route", "dev.hallpass.facts.Obligation",
            "dev.hallpass.facts.Audience", "dev.hallpass.facts.ClauseMatch", "dev.hallpass.facts.Finding",
            "dev.hallpass.facts.FindingKind", "dev.hallpass.facts.Message", "java.time.DayOfWeek");
    /** The package every written-out file declares, whatever the school's file said. */
    static final String PACKAGE = "dev.hallpass.rules";
    private static final Pattern QUALIFIED_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    private static final Pattern VARIABLE = Pattern.compile("\\$[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern SALIENCE = Pattern.compile("-?[0-9]{1,5}");
    private static final int MAX_DEPTH = 16;

    private final String file;
    private final String text;
    private final Set<String> clauseIds;
    private final Limits limits;
    private final List<Problem> problems = new ArrayList<>();
    private final StringBuilder out = new StringBuilder();
    private final Map<Integer, Integer> lineMap = new java.util.HashMap<>();
    private final List<RuleInfo> infos = new ArrayList<>();
    private int emittedLine = 1;

    private RuleValidator(String file, String text, Set<String> clauseIds, Limits limits) {
        this.file = file;
        this.text = text;
        this.clauseIds = clauseIds;
        this.limits = limits;
    }

    /**
     * Checks {@code text} and, when nothing is refused, writes it out again.
     *
     * @param clauseIds the catalogue's clause ids (built-in and the school's)
     */
    static Result validate(String file, String text, Set<String> clauseIds, Limits limits) {
        DrlCharacters.Checked chars = DrlCharacters.check(file, text);
        if (!chars.problems().isEmpty()) {
            return new Result(null, chars.problems(), Map.of(), List.of());
        }
        RuleValidator first = new RuleValidator(file, chars.text(), clauseIds, limits);
        first.run();
        if (!first.problems.isEmpty()) {
            return new Result(null, List.copyOf(first.problems.subList(0, Math.min(first.problems.size(), MAX_PROBLEMS))), Map.of(), List.of());
        }
        String emitted = first.out.toString();
        // The emitter's output must read back as itself: a guard on the emitter, not on the school.
        RuleValidator again = new RuleValidator(file, emitted, clauseIds, limits);
        again.run();
        if (!again.problems.isEmpty() || !again.out.toString().equals(emitted)) {
            return new Result(null, List.of(new Problem(file, 1, 1,
                    "internal error: the checked rules could not be written out faithfully; please report this file")), Map.of(), List.of());
        }
        return new Result(emitted, List.of(), Map.copyOf(first.lineMap), List.copyOf(first.infos));
    }

    private void run() {
        PackageDescr pkg;
        DrlParser parser = new DrlParser();
        try {
            pkg = parser.parse(false, text);
        } catch (StackOverflowError e) {
            problem(1, 1, "the file is nested too deeply to read");
            return;
        } catch (Exception e) {
            problem(1, 1, "the file could not be read as DRL (" + e.getClass().getSimpleName() + ")");
            return;
        }
        if (parser.hasErrors() || pkg == null) {
            for (DroolsError error : parser.getErrors()) {
                String message = error.getMessage() == null ? "syntax error" : error.getMessage().replaceAll("\\s+", " ").trim();
                if (error instanceof ParserError pe) {
                    problem(Math.max(pe.getRow(), 1), pe.getCol() + 1, message);
                } else {
                    problem(1, 1, message);
                }
            }
            if (problems.isEmpty()) {
                problem(1, 1, "the file could not be read as DRL");
            }
            return;
        }
        checkPackage(pkg);
        line("package " + PACKAGE + ";", 1);
        for (String i : EMITTED_IMPORTS) {
            line("import " + i + ";", 1);
        }
        for (RuleDescr rule : pkg.getRules()) {
            if (problems.size() >= MAX_PROBLEMS) {
                break;
            }
            rule(rule);
        }
    }

    private void checkPackage(PackageDescr pkg) {
        if (pkg.getName() != null && !pkg.getName().isEmpty() && !QUALIFIED_NAME.matcher(pkg.getName()).matches()) {
            problem(pkg, "package name is not a plain dotted name");
        }
        for (ImportDescr i : pkg.getImports()) {
            if (!ALLOWED_IMPORTS.contains(i.getTarget())) {
                problem(i, "import " + i.getTarget() + " is not allowed: rule files may use only the fact model "
                        + "(dev.hallpass.facts.*: Message, Finding, FindingKind, ClauseMatch, Audience, Channel, Role, Route, Obligation, Outcome, AttachmentType) and java.time.DayOfWeek");
            }
        }
        refuseAll(pkg.getFunctionImports(), "import function");
        refuseAll(pkg.getAccumulateImports(), "import accumulate");
        refuseAll(pkg.getGlobals(), "a global");
        refuseAll(pkg.getFunctions(), "a function");
        refuseAll(pkg.getTypeDeclarations(), "a declared type");
        refuseAll(pkg.getEnumDeclarations(), "a declared enum");
        refuseAll(pkg.getEntryPointDeclarations(), "an entry point");
        refuseAll(pkg.getWindowDeclarations(), "a window");
        refuseAll(pkg.getAttributes(), "a package-level attribute");
        if (pkg.getUnit() != null) {
            problem(pkg.getUnit(), "a rule unit is not allowed");
        }
    }

    private void refuseAll(java.util.Collection<? extends BaseDescr> descrs, String what) {
        for (BaseDescr d : descrs) {
            problem(d, what + " is not allowed in a rule file: only package, import and rule");
        }
    }

    // ---- a rule ----

    /** What a rule's conditions bound, gathered while they are checked. */
    private static final class RuleScope {
        final Set<String> findingVariables = new LinkedHashSet<>();
        final Set<String> variables = new java.util.HashSet<>();
        int findingPatterns;
        int patterns;
        PatternDescr unkindedFindingPattern;
    }

    private void rule(RuleDescr rule) {
        int before = problems.size();
        if (rule.isQuery()) {
            problem(rule, "a query is not allowed in a rule file: only package, import and rule");
            return;
        }
        String name = rule.getName();
        String bad = name == null ? "nothing" : DrlCharacters.badInName(name);
        if (bad != null || name.isBlank()) {
            problem(rule, "a rule name must be plain text in quotes (it may not contain " + (bad == null ? "only spaces" : bad) + ")");
        } else if (name.length() > MAX_NAME_CHARS) {
            problem(rule, "a rule name may be at most " + MAX_NAME_CHARS + " characters long");
        }
        headerDuplicates(rule);
        if (rule.getParentName() != null) {
            problem(rule, "'extends' is not allowed: each rule stands alone");
        }
        if (!rule.getNamedConsequences().isEmpty()) {
            problem(rule, "named consequences (then[...]) are not allowed");
        }
        String clause = clause(rule);
        String attributes = attributes(rule);
        RuleScope scope = new RuleScope();
        List<String> conditions = new ArrayList<>();
        AndDescr lhs = rule.getLhs();
        if (lhs != null) {
            for (BaseDescr d : lhs.getDescrs()) {
                String c = element(d, scope, true, 0);
                if (c != null) {
                    conditions.add(c);
                }
            }
        }
        scope.findingPatterns = lhs == null ? 0 : joinWidth(lhs);
        if (scope.findingPatterns >= 2 && scope.unkindedFindingPattern != null) {
            problem(scope.unkindedFindingPattern, "in a rule with " + scope.findingPatterns + " Finding patterns each must name its kind: "
                    + "kind == FindingKind.X (or kind in (…) with at most 2 kinds), so the pairs it joins stay few");
        }
        if (scope.findingPatterns > limits.maxFindingPatterns()) {
            problem(rule, "rule \"" + name + "\" has " + scope.findingPatterns + " Finding patterns; at most "
                    + limits.maxFindingPatterns() + " are allowed (each one more multiplies the work of every message)");
        }
        if (scope.patterns > limits.maxPatterns()) {
            problem(rule, "rule \"" + name + "\" has " + scope.patterns + " patterns; at most " + limits.maxPatterns() + " are allowed");
        }
        List<String> statements = consequence(rule, clause, scope); // clause is "" when already refused
        if (problems.size() > before) {
            return;
        }
        line("", rule.getLine());
        line("rule \"" + name + "\" @clause(\"" + clause + "\")" + attributes, rule.getLine());
        line("when", rule.getLine());
        for (String c : conditions) {
            line("    " + c, rule.getLine());
        }
        line("then", rule.getLine());
        for (String s : statements) {
            line("    " + s, rule.getLine());
        }
        line("end", rule.getLine());
        infos.add(new RuleInfo(name, rule.getLine(), scope.findingPatterns));
    }

    /**
     * The parser keeps a rule's annotations and attributes in maps, so a second {@code @clause} or
     * {@code salience} would silently replace the first: read the rule's head as written and refuse
     * any name given twice.
     */
    private void headerDuplicates(RuleDescr rule) {
        String twice = DrlSourceText.givenTwice(text, rule.getStartCharacter(), rule.getAttributes().keySet());
        if (twice != null) {
            problem(rule, "'" + twice + "' is given twice in rule \"" + rule.getName() + "\": give it once");
        }
    }

    private String clause(RuleDescr rule) {
        String clause = null;
        for (AnnotationDescr a : rule.getAnnotations()) {
            if (!a.getName().equals("clause")) {
                problem(rule, "annotation @" + a.getName() + " is not allowed: a rule carries exactly one @clause(\"x.y\")");
                continue;
            }
            if (clause != null) {
                problem(rule, "a rule carries exactly one @clause(\"x.y\")");
                continue;
            }
            Map<String, Object> values = a.getValueMap();
            Object v = values.size() == 1 ? values.get("value") : null;
            String s = v instanceof String str ? str : null;
            if (s == null || s.length() < 2 || s.charAt(0) != '"' || s.charAt(s.length() - 1) != '"') {
                problem(rule, "@clause must hold one string literal: @clause(\"4.12\")");
                clause = "";
                continue;
            }
            String content = s.substring(1, s.length() - 1);
            String bad = DrlCharacters.badInLiteral(content);
            if (bad != null) {
                problem(rule, "@clause(...) may not contain " + bad);
                clause = "";
            } else if (!clauseIds.contains(content)) {
                problem(rule, "rule \"" + rule.getName() + "\" cites clause " + content + ", which is not in the clause catalogue");
                clause = "";
            } else {
                clause = content;
            }
        }
        if (clause == null) {
            problem(rule, "rule \"" + rule.getName() + "\" has no @clause(\"…\") metadata");
            return "";
        }
        return clause;
    }

    private String attributes(RuleDescr rule) {
        StringBuilder sb = new StringBuilder();
        for (AttributeDescr a : rule.getAttributes().values()) {
            String value = a.getValue() == null ? "" : a.getValue().trim();
            switch (a.getName()) {
                case "salience" -> {
                    if (SALIENCE.matcher(value).matches()) {
                        sb.append(" salience ").append(Integer.parseInt(value));
                    } else {
                        problem(a, "salience must be a whole number (at most 5 digits)");
                    }
                }
                case "no-loop" -> {
                    if (value.equals("true") || value.isEmpty()) {
                        sb.append(" no-loop true");
                    } else if (!value.equals("false")) {
                        problem(a, "no-loop takes true or false");
                    }
                }
                default -> problem(a, "rule attribute '" + a.getName() + "' is not allowed: only salience and no-loop");
            }
        }
        return sb.toString();
    }

    /** One condition element, written out; null when refused. */
    private String element(BaseDescr d, RuleScope scope, boolean positive, int depth) {
        if (depth > MAX_DEPTH) {
            problem(d, "conditions nested too deeply (at most " + MAX_DEPTH + " levels)");
            return null;
        }
        if (d instanceof PatternDescr p) {
            return pattern(p, scope, positive);
        }
        String keyword;
        List<? extends BaseDescr> children;
        if (d instanceof NotDescr n) {
            keyword = "not";
            children = n.getDescrs();
        } else if (d instanceof ExistsDescr e) {
            keyword = "exists";
            children = e.getDescrs();
        } else if (d instanceof OrDescr o) {
            keyword = "or";
            children = o.getDescrs();
        } else if (d instanceof AndDescr a) {
            keyword = "and";
            children = a.getDescrs();
        } else {
            problem(d, describe(d) + " is not allowed in a condition: only Message(...) and Finding(...) patterns, not, exists, and, or");
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (BaseDescr c : children) {
            String part = element(c, scope, false, depth + 1);
            if (part == null) {
                return null;
            }
            parts.add(part);
        }
        if (parts.isEmpty()) {
            problem(d, "'" + keyword + "' needs a pattern");
            return null;
        }
        return switch (keyword) {
            case "not", "exists" -> keyword + " ( " + String.join(" and ", parts) + " )";
            default -> "( " + String.join(" " + keyword + " ", parts) + " )";
        };
    }

    /**
     * How many Finding patterns one firing joins: patterns of an {@code and} (and under {@code
     * not}/{@code exists}) add up, the branches of an {@code or} are alternatives.
     */
    private static int joinWidth(BaseDescr d) {
        if (d instanceof PatternDescr p) {
            return "Finding".equals(p.getObjectType()) ? 1 : 0;
        }
        if (d instanceof OrDescr o) {
            int max = 0;
            for (BaseDescr c : o.getDescrs()) {
                max = Math.max(max, joinWidth(c));
            }
            return max;
        }
        if (d instanceof org.drools.drl.ast.descr.ConditionalElementDescr ce) {
            int sum = 0;
            for (Object c : ce.getDescrs()) {
                sum += joinWidth((BaseDescr) c);
            }
            return sum;
        }
        return 0;
    }

    private static String describe(BaseDescr d) {
        String simple = d.getClass().getSimpleName().replace("Descr", "");
        return switch (simple) {
            case "Eval" -> "eval(...)";
            case "Forall" -> "forall(...)";
            case "Accumulate" -> "accumulate(...)";
            case "Collect" -> "collect(...)";
            case "From" -> "from";
            case "ConditionalBranch" -> "if (...) do[...]";
            case "NamedConsequence" -> "do[...]";
            default -> "'" + simple + "'";
        };
    }

    private String pattern(PatternDescr p, RuleScope scope, boolean positive) {
        String type = p.getObjectType();
        scope.patterns++;
        if (type == null) {
            problem(p, "this kind of pattern (OOPath /…) is not allowed: patterns match Message(...) or Finding(...)");
            return null;
        }
        if (!DrlConstraint.factTypes().contains(type)) {
            problem(p, "patterns may match only Message and Finding, not '" + type + "'");
            return null;
        }
        if (p.getSource() != null) {
            problem(p, "'" + describeSource(p) + "' is not allowed: a pattern matches the facts Hallpass inserts, nothing else");
            return null;
        }
        if (!p.getBehaviors().isEmpty()) {
            problem(p, "windows are not allowed");
            return null;
        }
        if (p.isQuery() || p.isUnification()) {
            problem(p, "queries and unification (:=) are not allowed");
            return null;
        }
        if (!p.getAnnotations().isEmpty()) {
            problem(p, "annotations on a pattern (@watch ...) are not allowed");
            return null;
        }
        StringBuilder sb = new StringBuilder();
        String id = p.getIdentifier();
        if (id != null && !id.isEmpty()) {
            if (!VARIABLE.matcher(id).matches() || id.contains("__")) {
                problem(p, "a pattern's variable must be $ and a plain name without '__' ($f), not '" + id + "'");
                return null;
            }
            if (!scope.variables.add(id)) {
                problem(p, "variable " + id + " is bound twice");
                return null;
            }
            if (positive && type.equals("Finding")) {
                scope.findingVariables.add(id);
            }
            sb.append(id).append(" : ");
        }
        List<String> constraints = new ArrayList<>();
        if (p.getDescrs().size() > MAX_CONSTRAINTS) {
            problem(p, "at most " + MAX_CONSTRAINTS + " constraints in one pattern");
            return null;
        }
        boolean kinded = false;
        for (BaseDescr c : p.getDescrs()) {
            if (!(c instanceof ExprConstraintDescr e) || e.getType() != ExprConstraintDescr.Type.NAMED) {
                problem(c, c instanceof ExprConstraintDescr ? "positional constraints (;) are not allowed: name the field"
                        : "bindings inside a pattern are not allowed");
                return null;
            }
            try {
                String canonical = DrlConstraint.parse(type, e.getExpression()).canonical();
                kinded |= canonical.startsWith("kind == ") || canonical.startsWith("kind in (") && canonical.split(",").length <= 2;
                constraints.add(canonical);
            } catch (Refused r) {
                problemAt(e, r.offset, r.getMessage());
                return null;
            }
        }
        if (type.equals("Finding") && !kinded && scope.unkindedFindingPattern == null) {
            scope.unkindedFindingPattern = p;
        }
        return sb.append(type).append("( ").append(String.join(", ", constraints)).append(constraints.isEmpty() ? ")" : " )").toString();
    }

    private static String describeSource(PatternDescr p) {
        String simple = p.getSource().getClass().getSimpleName().replace("Descr", "");
        return switch (simple) {
            case "Accumulate" -> "accumulate";
            case "Collect" -> "collect";
            case "EntryPoint" -> "from entry-point";
            case "Window" -> "from window";
            default -> "from";
        };
    }

    private List<String> consequence(RuleDescr rule, String clause, RuleScope scope) {
        Object c = rule.getConsequence();
        String body = c == null ? "" : c.toString();
        try {
            return DrlConsequence.parse(body, clause, scope.findingVariables, limits.maxInserts());
        } catch (Refused r) {
            int[] at = consequencePosition(rule, body, r.offset);
            problem(at[0], at[1], r.getMessage());
            return List.of();
        }
    }

    /** Line and column in the file of {@code offset} into the rule's consequence text. */
    private int[] consequencePosition(RuleDescr rule, String body, int offset) {
        int start = DrlSourceText.consequenceStart(text, rule.getStartCharacter(), body);
        if (start < 0) {
            return new int[] {Math.max(rule.getConsequenceLine(), rule.getLine()), 1};
        }
        return DrlSourceText.lineAndColumn(text, start + offset);
    }

    // ---- output and problems ----

    private void line(String s, int sourceLine) {
        out.append(s).append('\n');
        lineMap.put(emittedLine++, sourceLine);
    }

    private void problem(BaseDescr d, String message) {
        problem(Math.max(d.getLine(), 1), Math.max(d.getColumn(), 0) + 1, message);
    }

    /** A problem at {@code offset} into the expression of {@code e}, which starts at its line and column. */
    private void problemAt(ExprConstraintDescr e, int offset, String message) {
        String expr = e.getExpression();
        int line = Math.max(e.getLine(), 1);
        int col = Math.max(e.getColumn(), 0) + 1;
        for (int i = 0; i < Math.min(offset, expr.length()); i++) {
            if (expr.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        problem(line, col, message);
    }

    private void problem(int line, int column, String message) {
        problems.add(new Problem(file, line, column, message));
    }
}
