package dev.hallpass.bench;

import dev.hallpass.Decision;
import dev.hallpass.facts.Obligation;
import dev.hallpass.facts.Outcome;
import dev.hallpass.Reason;
import dev.hallpass.facts.Route;
import java.util.List;

/**
 * The part of a decision that the hand-coded baseline reproduces: outcome, route, the clauses
 * cited (in the decision's order) and the obligations. Tips and evidence are left out: the baseline
 * does not render text.
 *
 * @param outcome the decision's outcome
 * @param redirectTo the decision's route, or null unless REDIRECT
 * @param clauses the clause ids of the reasons, most severe first, then clause order
 * @param obligations the decision's obligations, in reason order
 */
public record Verdict(Outcome outcome, Route redirectTo, List<String> clauses, List<Obligation> obligations) {
    /** Copies the lists. */
    public Verdict {
        clauses = List.copyOf(clauses);
        obligations = List.copyOf(obligations);
    }

    /** The verdict the engine's {@code decision} amounts to. */
    public static Verdict of(Decision decision) {
        return new Verdict(decision.outcome(), decision.redirectTo(),
                decision.reasons().stream().map(Reason::clause).toList(), decision.obligations());
    }
}
