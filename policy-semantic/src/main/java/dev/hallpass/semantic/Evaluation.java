package dev.hallpass.semantic;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Precision and recall per kind on labelled examples: for the word lists alone, and for what the engine
 * sees with the semantic tier on (the classifiers deciding, with the word lists' findings among their inputs).
 */
final class Evaluation {
    enum Source { LEXICON, ENGINE }

    record Counts(int tp, int fp, int fn) {
        double precision() {
            return tp + fp == 0 ? 1 : tp / (double) (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1 : tp / (double) (tp + fn);
        }
    }

    /** One example as scored: its labels, what the word lists found, and what the engine sees with the tier. */
    record Scored(String id, Set<Kind> labels, Set<Kind> lexical, Set<Kind> engine) {
        Set<Kind> predicted(Source s) {
            return s == Source.LEXICON ? lexical : engine;
        }
    }

    private final List<Scored> rows;

    Evaluation(List<Scored> rows) {
        this.rows = List.copyOf(rows);
    }

    Counts counts(Kind kind, Source source) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (Scored r : rows) {
            boolean p = r.predicted(source).contains(kind);
            boolean a = r.labels().contains(kind);
            tp += p && a ? 1 : 0;
            fp += p && !a ? 1 : 0;
            fn += !p && a ? 1 : 0;
        }
        return new Counts(tp, fp, fn);
    }

    /** Clause 5.4 as one: any of absence, appointment or pick-up change. */
    Counts arrangements(Source source) {
        Set<Kind> five4 = Set.of(Kind.ABSENCE, Kind.APPOINTMENT, Kind.PICKUP_DROPOFF);
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (Scored r : rows) {
            boolean p = r.predicted(source).stream().anyMatch(five4::contains);
            boolean a = r.labels().stream().anyMatch(five4::contains);
            tp += p && a ? 1 : 0;
            fp += p && !a ? 1 : 0;
            fn += !p && a ? 1 : 0;
        }
        return new Counts(tp, fp, fn);
    }

    /** Benign examples (no label) given any kind, as a fraction. */
    double benignFlagged(Source source) {
        int benign = 0;
        int flagged = 0;
        for (Scored r : rows) {
            if (r.labels().isEmpty()) {
                benign++;
                flagged += r.predicted(source).isEmpty() ? 0 : 1;
            }
        }
        return benign == 0 ? 0 : flagged / (double) benign;
    }

    /** Examples whose predicted kinds equal their labels exactly, as a fraction. */
    double exact(Source source) {
        int ok = 0;
        for (Scored r : rows) {
            ok += r.predicted(source).equals(r.labels()) ? 1 : 0;
        }
        return rows.isEmpty() ? 0 : ok / (double) rows.size();
    }

    int size() {
        return rows.size();
    }

    Map<Kind, Counts> byKind(Source source) {
        Map<Kind, Counts> out = new EnumMap<>(Kind.class);
        for (Kind k : Kind.ALL) {
            out.put(k, counts(k, source));
        }
        return out;
    }

    String table(String title) {
        StringBuilder sb = new StringBuilder();
        sb.append(title).append(" (").append(rows.size()).append(" messages)\n");
        sb.append(String.format("%-22s %5s | %-13s | %-13s%n", "kind", "pos", "lexicon P/R", "with tier P/R"));
        List<String> lines = new ArrayList<>();
        for (Kind k : Kind.ALL) {
            lines.add(line(k.name() + " " + k.clause(), counts(k, Source.LEXICON), counts(k, Source.ENGINE)));
        }
        lines.add(line("5.4 as one clause", arrangements(Source.LEXICON), arrangements(Source.ENGINE)));
        lines.forEach(sb::append);
        sb.append(String.format("benign given any kind: lexicon %.1f%%, with tier %.1f%%%n",
                100 * benignFlagged(Source.LEXICON), 100 * benignFlagged(Source.ENGINE)));
        sb.append(String.format("labels exactly right: lexicon %.1f%%, with tier %.1f%%%n",
                100 * exact(Source.LEXICON), 100 * exact(Source.ENGINE)));
        return sb.toString();
    }

    private static String line(String name, Counts l, Counts e) {
        return String.format("%-22s %5d | %.2f / %.2f   | %.2f / %.2f%n", name, e.tp() + e.fn(),
                l.precision(), l.recall(), e.precision(), e.recall());
    }
}
