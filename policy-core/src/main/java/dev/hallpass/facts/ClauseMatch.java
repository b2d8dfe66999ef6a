package dev.hallpass.facts;

import dev.hallpass.facts.Obligation;
import dev.hallpass.facts.Outcome;
import dev.hallpass.facts.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a rule inserts when a clause applies to a message: the clause, the outcome it asks for, the
 * route and obligations, and the findings that triggered it. Rules only infer these; Java combines
 * them into the decision.
 *
 * <pre>{@code insert(ClauseMatch.redirect("4.12", Route.PRIVATE_CHAT).because($f));}</pre>
 *
 * @param clause the clause id as the catalogue has it ("4.12")
 * @param outcome what the clause asks for
 * @param route where to send it instead; required for REDIRECT, null otherwise
 * @param obligations what the host must also do
 * @param evidence the findings behind it (may be empty, as for working hours)
 */
public record ClauseMatch(String clause, Outcome outcome, Route route, List<Obligation> obligations, List<Finding> evidence) {

    /** @throws IllegalArgumentException if a REDIRECT has no route or a non-REDIRECT has one */
    public ClauseMatch {
        Objects.requireNonNull(clause, "clause");
        Objects.requireNonNull(outcome, "outcome");
        if ((outcome == Outcome.REDIRECT) != (route != null)) {
            outcome.checkRoute(route, "clause " + clause); // throws; the owner's name is made only then
        }
        obligations = List.copyOf(obligations);
        evidence = List.copyOf(evidence);
    }

    /** The sender may not post here. */
    public static ClauseMatch block(String clause) {
        return new ClauseMatch(clause, Outcome.BLOCK, null, List.of(), List.of());
    }

    /** Send it elsewhere. */
    public static ClauseMatch redirect(String clause, Route route) {
        return new ClauseMatch(clause, Outcome.REDIRECT, Objects.requireNonNull(route, "route"), List.of(), List.of());
    }

    /** Send it, after showing the tip. */
    public static ClauseMatch warn(String clause) {
        return new ClauseMatch(clause, Outcome.WARN, null, List.of(), List.of());
    }

    /** The clause applies but asks nothing of the sender (it may still carry an obligation). */
    public static ClauseMatch allow(String clause) {
        return new ClauseMatch(clause, Outcome.ALLOW, null, List.of(), List.of());
    }

    /** This match, with {@code obligation} added. */
    public ClauseMatch with(Obligation obligation) {
        List<Obligation> more = new ArrayList<>(obligations);
        more.add(obligation);
        return new ClauseMatch(clause, outcome, route, more, evidence);
    }

    /** This match, with {@code finding} added to its evidence. */
    public ClauseMatch because(Finding finding) {
        List<Finding> more = new ArrayList<>(evidence);
        more.add(finding);
        return new ClauseMatch(clause, outcome, route, obligations, more);
    }
}
