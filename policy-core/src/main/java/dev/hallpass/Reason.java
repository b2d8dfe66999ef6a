package dev.hallpass;

import dev.hallpass.facts.Obligation;
import dev.hallpass.facts.Outcome;
import dev.hallpass.facts.Route;
import java.util.List;
import java.util.Objects;

/**
 * One clause that applied to a message (contract §3).
 *
 * @param clause the clause id ("4.12"); never null
 * @param outcome what this clause asks for
 * @param redirectTo where to send the message instead; present exactly when outcome is REDIRECT
 * @param message the tip shown to the sender: plain English, names the clause, never repeats a
 *     child's name or the message text
 * @param evidence what triggered it, in text order then attachments
 * @param obligations what the host must do for this clause
 * @param shadow true when the school trials this clause in shadow mode: it is reported but does
 *     not change the decision's outcome, route or obligations
 */
public record Reason(
        String clause, Outcome outcome, Route redirectTo, String message, List<Evidence> evidence, List<Obligation> obligations,
        boolean shadow) {

    /** @throws IllegalArgumentException if the route does not match the outcome */
    public Reason {
        Objects.requireNonNull(clause, "clause");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
        if ((outcome == Outcome.REDIRECT) != (redirectTo != null)) {
            outcome.checkRoute(redirectTo, "clause " + clause); // throws; the owner's name is made only then
        }
        evidence = List.copyOf(evidence);
        obligations = List.copyOf(obligations);
    }

    /**
     * The highest score among this reason's evidence where the semantic tier decided it (contract §7.2:
     * a reason may carry {@code "score"}), else empty.
     */
    public java.util.OptionalDouble score() {
        return evidence.stream().filter(e -> e.score() != null).mapToDouble(Evidence::score).max();
    }
}
