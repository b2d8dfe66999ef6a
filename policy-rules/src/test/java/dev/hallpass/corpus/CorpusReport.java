package dev.hallpass.corpus;

import dev.hallpass.Clause;
import dev.hallpass.Decision;
import dev.hallpass.facts.Outcome;
import dev.hallpass.PolicyEngine;
import dev.hallpass.Reason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Precision and recall per enforced clause over the labelled corpus, and the benign false-alarm
 * rate. Labels are exhaustive: a clause cited but not in a case's {@code clauses} is a false
 * positive.
 */
public record CorpusReport(Map<String, Score> clauses, int cases, int benign, int benignAlarms, List<String> benignAlarmLabels) {

    /** Counts for one clause. */
    public record Score(int truePositives, int falsePositives, int falseNegatives) {
        public double precision() {
            return truePositives + falsePositives == 0 ? 1.0 : (double) truePositives / (truePositives + falsePositives);
        }

        public double recall() {
            return truePositives + falseNegatives == 0 ? 1.0 : (double) truePositives / (truePositives + falseNegatives);
        }
    }

    public double benignAlarmRate() {
        return benign == 0 ? 0 : (double) benignAlarms / benign;
    }

    /** Runs every case through {@code engine}. */
    public static CorpusReport of(PolicyEngine engine, List<Corpus.Labelled> corpus) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (Clause c : engine.clauses()) {
            if (c.enforced()) {
                counts.put(c.id(), new int[3]);
            }
        }
        int benign = 0;
        int alarms = 0;
        List<String> alarmLabels = new ArrayList<>();
        for (Corpus.Labelled c : corpus) {
            Decision d = engine.evaluate(c.policyCase().message());
            Set<String> cited = d.reasons().stream().map(Reason::clause).collect(Collectors.toSet());
            Set<String> expected = Set.copyOf(c.policyCase().clauses());
            counts.forEach((clause, n) -> {
                boolean e = expected.contains(clause);
                boolean g = cited.contains(clause);
                if (e && g) {
                    n[0]++;
                } else if (g) {
                    n[1]++;
                } else if (e) {
                    n[2]++;
                }
            });
            if (c.benign()) {
                benign++;
                if (d.outcome() != Outcome.ALLOW) {
                    alarms++;
                    alarmLabels.add(c.label());
                }
            }
        }
        Map<String, Score> scores = new LinkedHashMap<>();
        counts.forEach((clause, n) -> scores.put(clause, new Score(n[0], n[1], n[2])));
        return new CorpusReport(scores, corpus.size(), benign, alarms, alarmLabels);
    }

    /** A table for people. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-7s %5s %5s %5s %9s %7s%n", "clause", "TP", "FP", "FN", "precision", "recall"));
        clauses.forEach((clause, s) -> sb.append(String.format(Locale.ROOT, "%-7s %5d %5d %5d %9.3f %7.3f%n",
                clause, s.truePositives(), s.falsePositives(), s.falseNegatives(), s.precision(), s.recall())));
        sb.append(String.format(Locale.ROOT, "cases %d; benign %d; benign with WARN/REDIRECT/BLOCK %d (%.2f%%)%n",
                cases, benign, benignAlarms, 100 * benignAlarmRate()));
        return sb.toString();
    }
}
