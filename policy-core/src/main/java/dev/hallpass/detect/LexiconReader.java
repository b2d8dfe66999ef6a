package dev.hallpass.detect;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hallpass.yaml.Yaml;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import dev.hallpass.facts.FindingKind;

/**
 * Reads word lists with the same hardened YAML reader as profiles (no alias bombs, bounded depth
 * and size, a key given twice refused), field by field, collecting every problem with its path
 * ({@code kinds.URGENCY.phrases[3]: must be a non-empty string}) so the file is fixed in one pass.
 * Unknown keys are refused; every section may be left out.
 */
final class LexiconReader {
    private static final ObjectMapper YAML = mapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** A YAML mapper with {@link Yaml}'s limits (built here: no Jackson type crosses a package). */
    private static ObjectMapper mapper() {
        org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
        options.setMaxAliasesForCollections(Yaml.MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(Yaml.MAX_DEPTH);
        options.setCodePointLimit(Yaml.MAX_CHARS);
        return new com.fasterxml.jackson.dataformat.yaml.YAMLMapper(com.fasterxml.jackson.dataformat.yaml.YAMLFactory.builder()
                .loaderOptions(options)
                .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                        .maxNestingDepth(Yaml.MAX_DEPTH).maxStringLength(Yaml.MAX_CHARS).maxNumberLength(100).build())
                .build());
    }

    private final List<String> problems = new ArrayList<>();

    private LexiconReader() {}

    static Lexicon read(String yaml, String source) {
        if (yaml.length() > Yaml.MAX_CHARS) {
            throw new LexiconException(source, List.of("(root): larger than " + Yaml.MAX_CHARS + " characters"));
        }
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException | RuntimeException e) {
            // SnakeYAML refuses alias bombs and deep nesting with runtime exceptions of its own.
            throw new LexiconException(source, List.of(Yaml.readProblem(e, "YAML")));
        }
        LexiconReader reader = new LexiconReader();
        Lexicon lexicon = reader.lexicon(root);
        if (!reader.problems.isEmpty()) {
            throw new LexiconException(source, reader.problems);
        }
        return lexicon;
    }

    private Lexicon lexicon(JsonNode root) {
        if (root == null || root.isMissingNode() || root.isNull()) {
            root = YAML.createObjectNode();
        }
        if (!root.isObject()) {
            problems.add("(root): must be an object");
            return null;
        }
        onlyFields(root, "", "kinds", "names", "wordClasses", "personalData");
        Map<FindingKind, Lexicon.KindWords> kinds = new EnumMap<>(FindingKind.class);
        JsonNode k = section(root, "kinds", "kinds");
        for (Iterator<Map.Entry<String, JsonNode>> it = k.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = "kinds." + e.getKey();
            FindingKind kind = kindNamed(e.getKey());
            if (kind == null) {
                problems.add(path + ": not a finding kind");
                continue;
            }
            JsonNode w = section(k, e.getKey(), path);
            onlyFields(w, path + ".", "phrases", "ignore", "negators", "needs");
            kinds.put(kind, new Lexicon.KindWords(strings(w, "phrases", path), strings(w, "ignore", path),
                    strings(w, "negators", path), strings(w, "needs", path)));
        }

        JsonNode n = section(root, "names", "names");
        onlyFields(n, "names.", "wordNames", "titles", "introducers", "relations", "notNames", "notAfterWordName",
                "monthContext", "timeNames", "nameFollowers", "placeWords", "placePrefixes", "notNamePhrases", "characterCues",
                "eventWords", "productWords", "characterNouns", "mediaWords", "placeNames", "placeCues");
        Lexicon.NameWords names = new Lexicon.NameWords(keys(n, "wordNames", "names"), keys(n, "titles", "names"),
                strings(n, "introducers", "names"), keys(n, "relations", "names"), keys(n, "notNames", "names"),
                keys(n, "notAfterWordName", "names"), keys(n, "monthContext", "names"), keys(n, "timeNames", "names"),
                keys(n, "nameFollowers", "names"), keys(n, "placeWords", "names"), keys(n, "placePrefixes", "names"),
                strings(n, "notNamePhrases", "names"), strings(n, "characterCues", "names"),
                keys(n, "eventWords", "names"), keys(n, "productWords", "names"), keys(n, "characterNouns", "names"),
                keys(n, "mediaWords", "names"), keys(n, "placeNames", "names"), strings(n, "placeCues", "names"));

        JsonNode c = section(root, "wordClasses", "wordClasses");
        onlyFields(c, "wordClasses.", "pron", "time");
        Lexicon.ClassWords classes = new Lexicon.ClassWords(keys(c, "pron", "wordClasses"), keys(c, "time", "wordClasses"));

        JsonNode p = section(root, "personalData", "personalData");
        onlyFields(p, "personalData.", "months", "ordinalSuffixes", "birthCues", "birthGapWords", "postcodeAreas",
                "streetSuffixes", "notStreetNameWords", "notHouseNumberAfter");
        UnaryOperator<String> lower = s -> s.toLowerCase(Locale.ROOT);
        String pp = "personalData";
        Lexicon.PersonalWords personal = new Lexicon.PersonalWords(
                mapped(p, "months", pp, lower), new HashSet<>(mapped(p, "ordinalSuffixes", pp, lower)),
                mapped(p, "birthCues", pp, lower), new HashSet<>(mapped(p, "birthGapWords", pp, lower)),
                new HashSet<>(mapped(p, "postcodeAreas", pp, s -> s.toUpperCase(Locale.ROOT))),
                new HashSet<>(mapped(p, "streetSuffixes", pp, lower)), new HashSet<>(mapped(p, "notStreetNameWords", pp, lower)),
                new HashSet<>(mapped(p, "notHouseNumberAfter", pp, lower)));
        return new Lexicon(kinds, Map.of(), names, classes, personal);
    }

    private static FindingKind kindNamed(String name) {
        for (FindingKind k : FindingKind.values()) {
            if (k.name().equals(name)) {
                return k;
            }
        }
        return null;
    }

    /** {@code parent.field} as an object; an empty object when it is left out or wrong (a wrong one is a problem). */
    private JsonNode section(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return YAML.createObjectNode();
        }
        if (!node.isObject()) {
            problems.add(path + ": must be an object");
            return YAML.createObjectNode();
        }
        return node;
    }

    private void onlyFields(JsonNode node, String prefix, String... allowed) {
        Set<String> known = Set.of(allowed);
        node.fieldNames().forEachRemaining(f -> {
            if (!known.contains(f)) {
                problems.add(prefix + f + ": unknown field (expected one of " + String.join(", ", allowed) + ")");
            }
        });
    }

    /** The list {@code parent.field} as written; empty when left out. */
    private List<String> strings(JsonNode parent, String field, String parentPath) {
        return mapped(parent, field, parentPath, UnaryOperator.identity());
    }

    /** The list {@code parent.field}, each entry folded to a token key ("Won't" → "wont"). */
    private Set<String> keys(JsonNode parent, String field, String parentPath) {
        return new HashSet<>(mapped(parent, field, parentPath, Tokens::foldKey));
    }

    private List<String> mapped(JsonNode parent, String field, String parentPath, UnaryOperator<String> f) {
        List<String> out = new ArrayList<>();
        String path = parentPath + "." + field;
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            problems.add(path + ": must be a list");
            return out;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            // YAML reads a bare no, yes, on, off as a boolean, which would turn the word "no" into
            // "false": refuse it and ask for quotes. Numbers (1, 24) are words as written.
            if (item.isBoolean()) {
                problems.add(path + "[" + i + "]: a bare yes, no, on, off, true or false is read as true/false: write the word in quotes (\"no\")");
            } else if (item.isValueNode() && !item.isNull() && !item.asText().isBlank()) {
                out.add(f.apply(item.asText()));
            } else {
                problems.add(path + "[" + i + "]: must be a non-empty string");
            }
        }
        return out;
    }
}
