package dev.hallpass;

import dev.hallpass.yaml.Yaml;
import dev.hallpass.facts.Route;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The clause catalogue: every clause of the policy, in document order, with its tip templates. */
final class Catalogue {
    static final String RESOURCE = "hallpass/clauses.yaml";
    private static final String FILE = "clauses.yaml";

    /** Dotted clause numbers compared part by part ("4.2" < "4.12"); other ids after them, by text. */
    static final Comparator<String> CLAUSE_ORDER = Catalogue::compareIds;

    private final Map<String, Clause> clauses;

    private Catalogue(Map<String, Clause> clauses) {
        this.clauses = clauses;
    }

    static Catalogue builtIn() {
        return parse(Resources.text(RESOURCE, "clause catalogue"), FILE);
    }

    static Catalogue parse(String yaml, String file) {
        List<RuleProblem> problems = new ArrayList<>();
        Map<String, Clause> out = new LinkedHashMap<>();
        JsonNode root;
        try {
            if (yaml.length() > Yaml.MAX_CHARS) {
                throw new RuleLoadException(List.of(new RuleProblem(file, 0, 0, "larger than " + Yaml.MAX_CHARS + " characters")));
            }
            root = Mappers.yaml().readTree(yaml);
        } catch (RuntimeException e) {
            if (e instanceof RuleLoadException r) {
                throw r;
            }
            throw new RuleLoadException(List.of(new RuleProblem(file, 0, 0, "refused: too many aliases, too deep, or too large")));
        } catch (IOException e) {
            Yaml.Position where = Yaml.position(e);
            throw new RuleLoadException(List.of(new RuleProblem(file, where == null ? 0 : where.line(),
                    where == null ? 0 : where.column(), "not valid YAML")));
        }
        JsonNode list = root == null ? null : root.get("clauses");
        if (list == null || !list.isArray()) {
            throw new RuleLoadException(List.of(new RuleProblem(file, 1, 0, "clauses: missing list")));
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode c = list.get(i);
            String where = "clauses[" + i + "]";
            String id = c.path("id").asText("");
            if (id.isBlank()) {
                problems.add(new RuleProblem(file, 0, 0, where + ".id: missing"));
                continue;
            }
            String status = c.path("status").asText("");
            boolean enforced = status.equals("enforced");
            if (!enforced && !status.equals("informational")) {
                problems.add(new RuleProblem(file, 0, 0, "clause " + id + ": status must be enforced or informational"));
            }
            List<String> rules = new ArrayList<>();
            c.path("rules").forEach(r -> rules.add(r.asText()));
            Map<Route, String> tips = new EnumMap<>(Route.class);
            c.path("tips").fields().forEachRemaining(e -> {
                Route route = Enums.parse(Route.class, e.getKey());
                if (route == null) {
                    problems.add(new RuleProblem(file, 0, 0, "clause " + id + ": tips." + e.getKey() + " is not a route"));
                } else {
                    tips.put(route, e.getValue().asText());
                }
            });
            String tip = c.path("tip").asText("");
            if (enforced && tip.isBlank()) {
                problems.add(new RuleProblem(file, 0, 0, "clause " + id + ": an enforced clause needs a tip"));
            }
            if (out.containsKey(id)) {
                problems.add(new RuleProblem(file, 0, 0, "clause " + id + ": listed twice"));
            }
            String decidedBy = c.path("decidedBy").asText("content");
            if (!decidedBy.equals("content") && !decidedBy.equals("context")) {
                problems.add(new RuleProblem(file, 0, 0, "clause " + id + ": decidedBy must be content or context"));
            }
            out.put(id, new Clause(id, c.path("title").asText(id), c.path("text").asText(""), enforced, rules,
                    c.path("reason").asText(""), tip, tips, decidedBy.equals("context")));
        }
        for (Clause clause : out.values()) {
            for (String template : templates(clause)) {
                Tips.unknownPlaceholder(template).ifPresent(p -> problems.add(
                        new RuleProblem(file, 0, 0, "clause " + clause.id() + ": unknown placeholder {" + p + "} in tip")));
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleLoadException(problems);
        }
        return new Catalogue(out);
    }

    private static List<String> templates(Clause c) {
        List<String> all = new ArrayList<>(c.tipsByRoute().values());
        all.add(c.tip());
        return all;
    }

    /** This catalogue with a school's clauses added; one with a built-in id replaces it. */
    Catalogue plus(Catalogue school) {
        Map<String, Clause> merged = new LinkedHashMap<>(clauses);
        merged.putAll(school.clauses);
        List<Map.Entry<String, Clause>> sorted = new ArrayList<>(merged.entrySet());
        sorted.sort(Map.Entry.comparingByKey(CLAUSE_ORDER));
        Map<String, Clause> ordered = new LinkedHashMap<>();
        sorted.forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return new Catalogue(ordered);
    }

    Optional<Clause> clause(String id) {
        return Optional.ofNullable(clauses.get(id));
    }

    Collection<Clause> all() {
        return clauses.values();
    }

    /**
     * Numbered ids ("4.12") first, by their numbers part by part (4.2 before 4.12, however many
     * digits a part has); any other ids after them, alphabetically. No regex and no allocation:
     * the combiner sorts every decision's reasons with this.
     */
    static int compareIds(String a, String b) {
        boolean na = isNumbered(a);
        boolean nb = isNumbered(b);
        if (na != nb) {
            return na ? -1 : 1;
        }
        if (!na) {
            return a.compareTo(b);
        }
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ei = partEnd(a, i);
            int ej = partEnd(b, j);
            int c = compareNumbers(a, i, ei, b, j, ej);
            if (c != 0) {
                return c;
            }
            i = ei + 1;
            j = ej + 1;
        }
        boolean aDone = i >= a.length();
        boolean bDone = j >= b.length();
        return aDone == bDone ? 0 : aDone ? -1 : 1; // fewer parts first: 4 before 4.1
    }

    /** Digits in dot-separated parts, none empty. */
    private static boolean isNumbered(String id) {
        if (id.isEmpty() || id.charAt(0) == '.' || id.charAt(id.length() - 1) == '.') {
            return false;
        }
        for (int k = 0; k < id.length(); k++) {
            char c = id.charAt(k);
            if (c == '.' ? id.charAt(k - 1) == '.' : c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int partEnd(String id, int from) {
        int k = from;
        while (k < id.length() && id.charAt(k) != '.') {
            k++;
        }
        return k;
    }

    /** Two runs of digits compared as numbers of any length: leading zeros skipped, then length, then digits. */
    private static int compareNumbers(String a, int i, int ei, String b, int j, int ej) {
        while (i < ei - 1 && a.charAt(i) == '0') {
            i++;
        }
        while (j < ej - 1 && b.charAt(j) == '0') {
            j++;
        }
        if (ei - i != ej - j) {
            return Integer.compare(ei - i, ej - j);
        }
        for (; i < ei; i++, j++) {
            int c = Character.compare(a.charAt(i), b.charAt(j));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
