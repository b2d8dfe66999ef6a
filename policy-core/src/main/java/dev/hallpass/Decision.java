package dev.hallpass;

import dev.hallpass.facts.Obligation;
import dev.hallpass.facts.Outcome;
import dev.hallpass.facts.Route;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer for one proposed message (contract §3). Built by the engine; immutable.
 *
 * @param id the message's id
 * @param outcome the most severe reason's outcome, or ALLOW when no reason applied
 * @param redirectTo the route when the outcome is REDIRECT (by the contract's precedence), else null
 * @param reasons one per clause that applied, most severe first, then in clause order
 * @param obligations every reason's obligations, without repeats, in reason order
 */
public record Decision(String id, Outcome outcome, Route redirectTo, List<Reason> reasons, List<Obligation> obligations) {

    /** @throws IllegalArgumentException if the route does not match the outcome */
    public Decision {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(outcome, "outcome");
        outcome.checkRoute(redirectTo, "decision " + id);
        reasons = List.copyOf(reasons);
        obligations = List.copyOf(obligations);
    }

    /** The reason citing {@code clause}, if any. */
    public Optional<Reason> reason(String clause) {
        return reasons.stream().filter(r -> r.clause().equals(clause)).findFirst();
    }

    /** True when some reason cites {@code clause}. */
    public boolean cites(String clause) {
        return reason(clause).isPresent();
    }
}
