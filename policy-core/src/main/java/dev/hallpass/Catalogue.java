package dev.hallpass;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
        try (InputStream in = Catalogue.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new PolicyException("clause catalogue " + RESOURCE + " not found: is policy-rules on the class path?");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Catalogue parse(String yaml, String file) {
        List<RuleProblem> problems = new ArrayList<>();
        Map<String, Clause> out = new LinkedHashMap<>();
        JsonNode root;
        try {
            if (yaml.length() > Yaml.MAX_CHARS) {
                throw new RuleLoadException(List.of(new RuleProblem(file, 0, 0, "larger than " + Yaml.MAX_CHARS + " characters")));
            }
            root = Yaml.yaml().readTree(yaml);
        } catch (RuntimeException e) {
            if (e instanceof RuleLoadException r) {
                throw r;
            }
            throw new RuleLoadException(List.of(new RuleProblem(file, 0, 0, "refused: too many aliases, too deep, or too large")));
        } catch (IOException e) {
            var loc = e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe ? jpe.getLocation() : null;
            throw new RuleLoadException(List.of(new RuleProblem(file, loc == null ? 0 : loc.getLineNr(),
                    loc == null ? 0 : loc.getColumnNr(), "not valid YAML")));
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

    private static int compareIds(String a, String b) {
        String[] pa = a.split("\\.");
        String[] pb = b.split("\\.");
        boolean na = a.matches("\\d+(\\.\\d+)*");
        boolean nb = b.matches("\\d+(\\.\\d+)*");
        if (na != nb) {
            return na ? -1 : 1;
        }
        if (!na) {
            return a.compareTo(b);
        }
        for (int i = 0; i < Math.min(pa.length, pb.length); i++) {
            int c = Long.compare(Long.parseLong(pa[i]), Long.parseLong(pb[i]));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(pa.length, pb.length);
    }
}
