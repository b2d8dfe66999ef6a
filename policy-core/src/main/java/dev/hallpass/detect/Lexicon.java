package dev.hallpass.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.hallpass.PolicyException;
import dev.hallpass.facts.FindingKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The detectors' word lists, read from {@value #RESOURCE} (shipped by {@code policy-rules}) and
 * extended by a school's profile. Immutable.
 *
 * @param kinds per finding kind: what triggers it, what cancels it
 * @param schoolLists the school's own lists by name; they find {@link FindingKind#SCHOOL_WORDS}
 * @param names the lists the name detector uses
 */
record Lexicon(Map<FindingKind, KindWords> kinds, Map<String, KindWords> schoolLists, NameWords names) {
    static final String RESOURCE = "hallpass/lexicon.yaml";

    /**
     * The lists for one finding kind.
     *
     * @param phrases patterns that find it
     * @param ignore patterns that cancel a match they overlap ("emergency contact")
     * @param negators words that cancel a match when they come up to three words before it, in the
     *     same sentence ("not urgent")
     * @param needs patterns of which one must also appear in the same sentence (a medicine needs a
     *     change: "new inhaler"); empty when nothing else is needed
     */
    record KindWords(List<String> phrases, List<String> ignore, List<String> negators, List<String> needs) {
        KindWords {
            phrases = List.copyOf(phrases);
            ignore = List.copyOf(ignore);
            negators = List.copyOf(negators);
            needs = List.copyOf(needs);
        }

        KindWords plus(List<String> morePhrases, List<String> moreIgnore) {
            List<String> p = new ArrayList<>(phrases);
            p.addAll(morePhrases);
            List<String> i = new ArrayList<>(ignore);
            i.addAll(moreIgnore);
            return new KindWords(p, i, negators, needs);
        }
    }

    /**
     * The name detector's lists (all folded to keys).
     *
     * @param wordNames names that are also ordinary words (Will, May, Grace): names only when used as one
     * @param titles words that make the next name a member of staff (Mrs, Miss, Mr)
     * @param introducers phrases after which a capitalised word is a child's name ("my son")
     * @param relations words after "X's" that make X a child ("Tom's mum")
     * @param notNames capitalised words that are never a child's name (days, months, "I")
     * @param notAfterWordName words which, following a word-name, show it is the ordinary word ("Will you")
     * @param monthContext words which, before "May", show it is the month ("in May")
     * @param timeNames word-names that are also times of year, whose possessive is not a child's
     * @param nameFollowers words which, after a word-name that starts a sentence, show it is a name
     *     ("Grace was", "Will has")
     */
    record NameWords(Set<String> wordNames, Set<String> titles, List<String> introducers, Set<String> relations,
            Set<String> notNames, Set<String> notAfterWordName, Set<String> monthContext, Set<String> timeNames,
            Set<String> nameFollowers) {
        NameWords {
            wordNames = Set.copyOf(wordNames);
            titles = Set.copyOf(titles);
            introducers = List.copyOf(introducers);
            relations = Set.copyOf(relations);
            notNames = Set.copyOf(notNames);
            notAfterWordName = Set.copyOf(notAfterWordName);
            monthContext = Set.copyOf(monthContext);
            timeNames = Set.copyOf(timeNames);
            nameFollowers = Set.copyOf(nameFollowers);
        }
    }

    private static final class BuiltIn {
        static final Lexicon LEXICON = load();
    }

    static Lexicon builtIn() {
        return BuiltIn.LEXICON;
    }

    /**
     * This lexicon with a school's word lists: a list named like a finding kind extends that kind's
     * list; any other name is a list of the school's own.
     */
    Lexicon extendedBy(Map<String, dev.hallpass.SchoolProfile.WordList> lists) {
        if (lists.isEmpty()) {
            return this;
        }
        Map<FindingKind, KindWords> merged = new EnumMap<>(FindingKind.class);
        merged.putAll(kinds);
        Map<String, KindWords> own = new java.util.LinkedHashMap<>(schoolLists);
        KindWords empty = new KindWords(List.of(), List.of(), List.of(), List.of());
        lists.forEach((name, list) -> {
            FindingKind kind = builtInKind(name);
            if (kind != null) {
                merged.put(kind, merged.getOrDefault(kind, empty).plus(list.add(), list.ignore()));
            } else {
                own.put(name, own.getOrDefault(name, empty).plus(list.add(), list.ignore()));
            }
        });
        return new Lexicon(merged, own, names);
    }

    private static FindingKind builtInKind(String name) {
        for (FindingKind k : FindingKind.values()) {
            if (k.name().equals(name)) {
                return k;
            }
        }
        return null;
    }

    private static Lexicon load() {
        try (InputStream in = Lexicon.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new PolicyException("word lists " + RESOURCE + " not found: is policy-rules on the class path?");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Lexicon parse(String yaml) {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(yaml);
        } catch (IOException e) {
            var loc = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getLocation() : null;
            throw new PolicyException("word lists " + RESOURCE + ": not valid YAML"
                    + (loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr()));
        }
        Map<FindingKind, KindWords> kinds = new EnumMap<>(FindingKind.class);
        root.path("kinds").fields().forEachRemaining(e -> {
            FindingKind kind;
            try {
                kind = FindingKind.valueOf(e.getKey());
            } catch (IllegalArgumentException ex) {
                throw new PolicyException("word lists: kinds." + e.getKey() + " is not a finding kind");
            }
            JsonNode k = e.getValue();
            kinds.put(kind, new KindWords(list(k, "phrases"), list(k, "ignore"), list(k, "negators"), list(k, "needs")));
        });
        JsonNode n = root.path("names");
        NameWords names = new NameWords(keys(n, "wordNames"), keys(n, "titles"), list(n, "introducers"), keys(n, "relations"),
                keys(n, "notNames"), keys(n, "notAfterWordName"), keys(n, "monthContext"), keys(n, "timeNames"),
                keys(n, "nameFollowers"));
        return new Lexicon(kinds, Map.of(), names);
    }

    private static List<String> list(JsonNode parent, String field) {
        List<String> out = new ArrayList<>();
        parent.path(field).forEach(v -> out.add(v.asText()));
        return out;
    }

    private static Set<String> keys(JsonNode parent, String field) {
        Set<String> out = new HashSet<>();
        parent.path(field).forEach(v -> out.add(Tokens.foldKey(v.asText())));
        return out;
    }
}
