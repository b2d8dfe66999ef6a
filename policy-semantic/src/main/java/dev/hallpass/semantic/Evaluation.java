package dev.hallpass.semantic;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Precision and recall per kind on labelled examples, for the word lists, the model, and both together. */
final class Evaluation {
    enum Source { LEXICON, MODEL, EITHER }

    record Counts(int tp, int fp, int fn) {
        double precision() {
            return tp + fp == 0 ? 1 : tp / (double) (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1 : tp / (double) (tp + fn);
        }
    }

    /** One example as scored: its labels, what the word lists found, and what the model found. */
    record Scored(String id, Set<Kind> labels, Set<Kind> lexical, Set<Kind> model) {
        Set<Kind> predicted(Source s) {
            if (s == Source.LEXICON) {
                return lexical;
            }
            if (s == Source.MODEL) {
                return model;
            }
            java.util.EnumSet<Kind> both = java.util.EnumSet.noneOf(Kind.class);
            both.addAll(lexical);
            both.addAll(model);
            return both;
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
        sb.append(String.format("%-18s %6s | %-13s | %-13s | %-13s%n", "kind", "pos", "lexicon P/R", "model P/R", "either P/R"));
        List<String> lines = new ArrayList<>();
        for (Kind k : Kind.ALL) {
            lines.add(line(k.name() + " " + k.clause(), counts(k, Source.LEXICON), counts(k, Source.MODEL), counts(k, Source.EITHER)));
        }
        lines.add(line("5.4 as one clause", arrangements(Source.LEXICON), arrangements(Source.MODEL), arrangements(Source.EITHER)));
        lines.forEach(sb::append);
        sb.append(String.format("benign given any kind: lexicon %.1f%%, model %.1f%%, either %.1f%%%n",
                100 * benignFlagged(Source.LEXICON), 100 * benignFlagged(Source.MODEL), 100 * benignFlagged(Source.EITHER)));
        sb.append(String.format("labels exactly right: lexicon %.1f%%, model %.1f%%, either %.1f%%%n",
                100 * exact(Source.LEXICON), 100 * exact(Source.MODEL), 100 * exact(Source.EITHER)));
        return sb.toString();
    }

    private static String line(String name, Counts l, Counts m, Counts e) {
        return String.format("%-18s %6d | %.2f / %.2f   | %.2f / %.2f   | %.2f / %.2f%n", name, e.tp() + e.fn(),
                l.precision(), l.recall(), m.precision(), m.recall(), e.precision(), e.recall());
    }
}
