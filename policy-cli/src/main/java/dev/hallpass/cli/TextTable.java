package dev.hallpass.cli;

import dev.hallpass.Attachment;
import dev.hallpass.Decision;
import dev.hallpass.Evidence;
import dev.hallpass.Explanation;
import dev.hallpass.MeaningReport;
import dev.hallpass.ProposedMessage;
import dev.hallpass.Reason;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * {@code --format text}: a readable block per message for people at a terminal. Each reason's
 * evidence is shown with the words it points at ({@code evidence: CHILD_NAME "Amelia" [16,22]}):
 * the sender's own text, shown back to whoever supplied it, on stdout only; it is never logged.
 * With {@code explain}, the findings, the rules that fired, the words weighed as children's names and the
 * semantic tier's scores follow.
 */
final class TextTable {
    /** Longest piece of text quoted as evidence, in UTF-16 units; a longer span is cut with "…". */
    static final int MAX_QUOTE = 80;

    private final PrintWriter out;

    TextTable(PrintWriter out) {
        this.out = out;
    }

    /**
     * A decision's block with its evidence quoted from {@code m} (when given), and {@code x}'s
     * findings and rules (when given); when {@code d} is null, the line's error (its id may be null).
     */
    void row(int line, String id, String error, Decision d, ProposedMessage m, Explanation x) {
        if (d == null) {
            out.printf("%-4d %-12s ERROR     %s%n", line, id != null ? id : "-", error);
            return;
        }
        String route = d.redirectTo() == null ? "" : " -> " + d.redirectTo();
        out.printf("%-4d %-12s %-9s%s%n", line, d.id(), d.outcome(), route);
        if (d.message() != null) {
            out.printf("       %s%n", d.message());
        }
        if (d.rewrite() != null) {
            out.printf("       rewrite: \"%s\"%n", d.rewrite().text());
        }
        for (Reason r : d.reasons()) {
            out.printf("       %-7s %-9s %s%n", r.clause(), r.outcome(), r.message());
            for (Evidence e : r.evidence()) {
                out.printf("               evidence: %s%n", evidence(e, m));
            }
        }
        if (!d.obligations().isEmpty()) {
            out.printf("       obligations: %s%n", d.obligations());
        }
        if (x != null) {
            explanation(x, m);
        }
    }

    private void explanation(Explanation x, ProposedMessage m) {
        if (x.findings().isEmpty()) {
            out.printf("       findings: none%n");
        }
        for (Evidence f : x.findings()) {
            out.printf("       finding: %s%n", evidence(f, m));
        }
        if (x.firedRules().isEmpty()) {
            out.printf("       rules: none fired%n");
        }
        for (Explanation.FiredRule r : x.firedRules()) {
            out.printf("       rule: \"%s\" (%s, %s)%n", r.rule(), r.clause().isEmpty() ? "no clause" : r.clause(), r.file());
        }
        for (Explanation.NameReason n : x.names()) {
            String words = m != null && m.text() != null && n.end() <= m.text().length() ? quote(m.text().substring(n.start(), n.end())) + " " : "";
            out.printf("       name: %s[%d,%d] %s: %s%n", words, n.start(), n.end(), n.taken() ? "taken" : "set aside", n.why());
        }
        MeaningReport meaning = x.meaning();
        if (meaning != null) {
            StringBuilder scores = new StringBuilder();
            for (MeaningReport.KindScore k : meaning.scores()) {
                scores.append(scores.length() == 0 ? "" : ", ")
                        .append(String.format(Locale.ROOT, "%s %.2f/%.2f%s", k.kind(), k.score(), k.threshold(), k.found() ? " found" : ""));
            }
            out.printf("       semantic: %s%s%n", scores.length() == 0 ? "no scores" : scores,
                    meaning.readWholeText() ? "" : " (read the first " + meaning.scoredChars() + " of " + meaning.textLength() + " chars)");
        }
    }

    /** {@code KIND "words" [start,end]}, or {@code KIND attachment i "name"}; the words only when {@code m} is given. */
    static String evidence(Evidence e, ProposedMessage m) {
        String score = e.score() == null ? "" : String.format(Locale.ROOT, " score %.2f", e.score());
        if (e.attachment() != null) {
            List<Attachment> attachments = m == null ? List.of() : m.attachments();
            String name = e.attachment() < attachments.size() ? " " + quote(attachments.get(e.attachment()).name()) : "";
            return e.label() + " attachment " + e.attachment() + name + score;
        }
        String text = m == null ? null : m.text();
        String words = text != null && e.end() <= text.length() ? quote(text.substring(e.start(), e.end())) + " " : "";
        return e.label() + " " + words + "[" + e.start() + "," + e.end() + "]" + score;
    }

    /** {@code s} in double quotes, cut at {@link #MAX_QUOTE}, with quotes, backslashes and control characters escaped. */
    static String quote(String s) {
        if (s == null) {
            return "\"\"";
        }
        boolean cut = s.length() > MAX_QUOTE;
        String shown = cut ? s.substring(0, Character.isHighSurrogate(s.charAt(MAX_QUOTE - 1)) ? MAX_QUOTE - 1 : MAX_QUOTE) : s;
        StringBuilder b = new StringBuilder(shown.length() + 2).append('"');
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append(cut ? "…\"" : "\"").toString();
    }
}
