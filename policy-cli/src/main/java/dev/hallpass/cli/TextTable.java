package dev.hallpass.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hallpass.Decision;
import dev.hallpass.Reason;
import java.io.PrintWriter;

/** {@code --format text}: a readable block per message for people at a terminal. */
final class TextTable {
    private final PrintWriter out;

    TextTable(PrintWriter out) {
        this.out = out;
    }

    void row(int line, ObjectNode answer, Decision d) {
        if (d == null) {
            out.printf("%-4d %-12s ERROR     %s%n", line, answer.path("id").asText("-"), answer.path("error").asText());
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
