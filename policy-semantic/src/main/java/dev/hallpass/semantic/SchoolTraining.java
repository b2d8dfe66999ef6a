package dev.hallpass.semantic;

import dev.hallpass.facts.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Teaches the semantic tier by a school's own examples: from its test cases (contract §5) it learns one
 * shift of each kind's log-odds and keeps each case as an exemplar, and writes them to
 * {@value #FILE} next to the school's rules, where the engine finds them. The built-in weights are not
 * changed; a school's file only moves its own decisions.
 *
 * <p>What a case teaches: a clause it expects ({@code clauses}) says the message is about that clause's
 * kind (for 5.4, the one of absence, appointment and pick-up change that scores highest); a clause it
 * must not cite ({@code notClauses}) says it is not; a case that expects ALLOW with no clause says none
 * of the kinds is there (personal information only outside a private chat, where it would be cited).
 */
public final class SchoolTraining {
    /** The file name in a school's rules folder. */
    public static final String FILE = "semantic-adjustments.json";
    /** How strongly a shift is held near zero (a Gaussian prior on it): a few cases move it a little. */
    static final double PRIOR = 1.0;

    private SchoolTraining() {}

    /**
     * One school case, as far as training reads it.
     *
     * @param text the message's text
     * @param channel the message's channel ("CLASS_CHAT")
     * @param allowWithNoClause the case expects ALLOW and names no clause
     * @param clauses the clauses the case expects among the reasons
     * @param notClauses the clauses it must not cite
     */
    public record Case(String text, String channel, boolean allowWithNoClause, Set<String> clauses, Set<String> notClauses) {
        /** Copies the sets. */
        public Case {
            clauses = Set.copyOf(clauses);
            notClauses = Set.copyOf(notClauses);
        }
    }

    /**
     * Learns a school's adjustments from its cases and writes them to {@code out}.
     *
     * @return a one-line summary: cases read, cases that taught something, the shifts, the file
     * @throws IOException if {@code out} cannot be written
     * @throws IllegalArgumentException if no case teaches anything, or there are more than
     *     {@value SchoolAdjustments#MAX_EXEMPLARS}
     */
    public static String run(List<Case> cases, Path out) throws IOException {
        SchoolAdjustments a = learn(SemanticDetector.shared().tier(), cases);
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        Files.write(out, a.bytes());
        StringBuilder shifts = new StringBuilder();
        a.shift().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> shifts.append(shifts.length() == 0 ? "" : ", ").append(e.getKey()).append(String.format(" %+.2f", e.getValue())));
        return "read " + cases.size() + " cases, " + a.exemplars().size() + " taught something; log-odds shifts: "
                + (shifts.length() == 0 ? "none" : shifts) + "; wrote " + out;
    }

    static SchoolAdjustments learn(SemanticTier tier, List<Case> cases) {
        if (cases.size() > SchoolAdjustments.MAX_EXEMPLARS) {
            throw new IllegalArgumentException(cases.size() + " cases, over the limit of " + SchoolAdjustments.MAX_EXEMPLARS);
        }
        Encoder encoder = tier.encoder();
        Classifier classifier = tier.classifier();
        List<SchoolAdjustments.Exemplar> exemplars = new ArrayList<>();
        Map<Kind, List<double[]>> byKind = new EnumMap<>(Kind.class); // {logit, label}
        for (Case c : cases) {
            List<Finding> lexical = LexicalView.BUILT_IN.findings(c.text());
            Features f = SemanticTier.features(encoder, c.text(), lexical);
            Map<Kind, Double> logit = new EnumMap<>(Kind.class);
            for (Kind k : Kind.ALL) {
                logit.put(k, classifier.weights(k).logit(f));
            }
            Map<Kind, Boolean> labels = labels(c, logit);
            if (labels.isEmpty() || isZero(f.embedding())) {
                continue;
            }
            labels.forEach((k, y) -> byKind.computeIfAbsent(k, x -> new ArrayList<>()).add(new double[] {logit.get(k), y ? 1 : 0}));
            exemplars.add(new SchoolAdjustments.Exemplar(f.embedding(), labels));
        }
        if (exemplars.isEmpty()) {
            throw new IllegalArgumentException("no case says whether a message is about 3.2.1, 4.1, 4.2, 4.3, 5.4 or 5.5");
        }
        Map<Kind, Double> shift = new EnumMap<>(Kind.class);
        byKind.forEach((k, rows) -> shift.put(k, shift(rows)));
        return new SchoolAdjustments(classifier.digest(), shift, exemplars);
    }

    /** What one case says about each kind; kinds it is silent on are absent. */
    static Map<Kind, Boolean> labels(Case c, Map<Kind, Double> logit) {
        Map<Kind, Boolean> out = new EnumMap<>(Kind.class);
        if (c.allowWithNoClause()) {
            for (Kind k : Kind.ALL) {
                if (k != Kind.PERSONAL_INFO || !c.channel().equals("PRIVATE_CHAT")) {
                    out.put(k, false);
                }
            }
        }
        for (String clause : c.notClauses()) {
            for (Kind k : kindsOf(clause)) {
                out.put(k, false);
            }
        }
        for (String clause : c.clauses()) {
            List<Kind> ks = kindsOf(clause);
            if (ks.size() == 1) {
                out.put(ks.get(0), true);
            } else if (!ks.isEmpty()) {
                Kind best = ks.get(0);
                for (Kind k : ks) {
                    best = logit.get(k) > logit.get(best) ? k : best;
                }
                out.put(best, true);
            }
        }
        return out;
    }

    private static List<Kind> kindsOf(String clause) {
        String c = clause.equals("4.9") ? "3.2.1" : clause;
        return Kind.ALL.stream().filter(k -> k.clause().equals(c)).toList();
    }

    /** The shift b minimising the log loss of sigmoid(logit + b) plus {@value #PRIOR} b², by Newton's method. */
    static double shift(List<double[]> rows) {
        double b = 0;
        for (int it = 0; it < 50; it++) {
            double g = 2 * PRIOR * b;
            double h = 2 * PRIOR;
            for (double[] r : rows) {
                double p = 1 / (1 + Math.exp(-(r[0] + b)));
                g += p - r[1];
                h += p * (1 - p);
            }
            double step = g / h;
            b -= step;
            if (Math.abs(step) < 1e-9) {
                break;
            }
        }
        return Math.max(-SchoolAdjustments.MAX_SHIFT, Math.min(SchoolAdjustments.MAX_SHIFT, b));
    }

    private static boolean isZero(float[] v) {
        for (float x : v) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }
}
