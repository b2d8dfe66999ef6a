package dev.hallpass;

import dev.hallpass.engine.RuleSet;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The policy digest (contract §7.2): {@code "sha256:<hex>"} over everything that decides a message,
 * each part labelled and length-prefixed so that no two different inputs can run together: the rule
 * files (name, origin and text, by name), the clause catalogue sources, the built-in word lists, the
 * profile in a canonical form (sets and maps sorted, so it never depends on iteration order), the
 * semantic tier's own digest (model and weights) or that it is off, and the engine's limits. Same
 * inputs, same digest, in any JVM.
 */
final class PolicyDigest {
    /** Changes when what goes into the digest changes. */
    private static final String FORMAT = "hallpass-policy-digest/1";

    private final MessageDigest sha;

    private PolicyDigest() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        part("format", FORMAT);
    }

    /**
     * The digest of one engine's inputs.
     *
     * @param rules every rule file the engine runs, built-in and the school's
     * @param catalogueSources the clause catalogue's source texts by file name, built-in first
     * @param profile the school's profile
     * @param semantic the semantic tier's digest, or null when it is off
     * @param limits the engine's limits and failure outcome, as text
     */
    static String of(List<RuleSet.Source> rules, Map<String, String> catalogueSources, SchoolProfile profile, String semantic,
            String limits) {
        PolicyDigest d = new PolicyDigest();
        List<RuleSet.Source> sorted = new ArrayList<>(rules);
        sorted.sort((a, b) -> a.name().compareTo(b.name()));
        d.part("rules", Integer.toString(sorted.size()));
        for (RuleSet.Source r : sorted) {
            d.part("rule", r.name());
            d.part("origin", r.origin().name());
            d.part("text", r.text());
        }
        d.part("catalogue", Integer.toString(catalogueSources.size()));
        catalogueSources.forEach((name, text) -> {
            d.part("file", name);
            d.part("text", text);
        });
        d.part("wordLists", dev.hallpass.detect.Detectors.wordListsDigest());
        d.part("profile", canonical(profile));
        d.part("semantic", semantic == null ? "off" : semantic);
        d.part("limits", limits);
        return "sha256:" + HexFormat.of().formatHex(d.sha.digest());
    }

    private void part(String label, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        sha.update((label + ":" + bytes.length + ":").getBytes(StandardCharsets.UTF_8));
        sha.update(bytes);
    }

    /**
     * Every field of the profile as text, in a fixed order. Lists keep their order (a roster's order
     * is part of the file); sets and maps are sorted. Records' own text is used only where every
     * component is a string, number, boolean, enum or list of those.
     */
    static String canonical(SchoolProfile p) {
        StringBuilder out = new StringBuilder();
        out.append("school=").append(p.school()).append('\n');
        out.append("timezone=").append(p.timezone().getId()).append('\n');
        List<DayOfWeek> days = new ArrayList<>(p.workingHours().days());
        days.sort(null);
        out.append("workingHours=").append(days).append(' ').append(p.workingHours().start()).append(' ')
                .append(p.workingHours().end()).append('\n');
        out.append("closedDates=").append(p.closedDates()).append('\n');
        out.append("contacts=").append(p.contacts()).append('\n');
        out.append("classes=").append(p.classes()).append('\n');
        out.append("clauses=").append(new TreeMap<>(p.clauses())).append('\n');
        out.append("words=").append(new TreeMap<>(p.words())).append('\n');
        out.append("notNames=").append(p.notNames()).append('\n');
        return out.toString();
    }
}
