package dev.hallpass.cli;

import dev.hallpass.Decision;
import dev.hallpass.Reason;
import java.io.PrintWriter;

/** {@code --format text}: a readable block per message for people at a terminal. */
final class TextTable {
    private final PrintWriter out;

    TextTable(PrintWriter out) {
        this.out = out;
    }

    /** A decision's block, or, when {@code d} is null, the line's error (its id may be null). */
    void row(int line, String id, String error, Decision d) {
        if (d == null) {
            out.printf("%-4d %-12s ERROR     %s%n", line, id != null ? id : "-", error);
            return;
        }
        String route = d.redirectTo() == null ? "" : " -> " + d.redirectTo();
        out.printf("%-4d %-12s %-9s%s%n", line, d.id(), d.outcome(), route);
        for (Reason r : d.reasons()) {
            out.printf("       %-7s %-9s %s%n", r.clause(), r.outcome(), r.message());
        }
        if (!d.obligations().isEmpty()) {
            out.printf("       obligations: %s%n", d.obligations());
        }
    }
}
